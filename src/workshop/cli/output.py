"""What every command-line module shares: one-line errors and argument types.

Standard library only, so the commands that need no screen stay quick to start.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

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


EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def sessions_folder(args: argparse.Namespace) -> Path:
    from workshop.store import locations

    return locations.sessions_dir(getattr(args, "dir", None))


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    """Rows in aligned columns (by terminal columns, so wide CJK characters line up); text a
    person typed is flattened to one line, its control characters shown as symbols."""
    from workshop.core.visible import display_width, pad, visible

    table = [headers, *[[visible(" ".join(cell.split())) for cell in row] for row in rows]]
    widths = [max(display_width(row[column]) for row in table) for column in range(len(headers))]
    for row in table:
        print("  ".join(pad(cell, width) for cell, width in zip(row, widths, strict=True)).rstrip())


def write_json(value: object) -> None:
    """JSON for scripts; C1 control characters (which JSON leaves raw) escaped too."""
    import json

    text = json.dumps(value, ensure_ascii=False, indent=2)
    write_stdout("".join(f"\\u{ord(c):04x}" if "\x7f" <= c <= "\x9f" else c for c in text))


def write_stdout(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else f"{text}\n")
    sys.stdout.flush()
