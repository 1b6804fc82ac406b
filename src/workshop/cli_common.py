"""What every command-line module shares: one-line errors and argument types.

Standard library only, so the commands that need no screen stay quick to start.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from workshop.core.visible import visible


def fail(message: str, exit_code: int) -> int:
    """Print `workshop: message` on one line of stderr; returns the exit code.

    Messages quote file names and file contents: control characters are shown as symbols.
    """
    print(f"workshop: {visible(' '.join(message.split()))}", file=sys.stderr)
    return exit_code


def iso_date(text: str) -> date:
    """An argparse type: a date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None
