"""The command line: scriptable commands over the core, and the commands that open the screen.

Only the standard library is imported here at first: the store, the models (pydantic) and the
exports are imported by the commands that need them, and textual only by the commands that open
the screen (`cli.screen`), so `workshop --help` and `workshop idea add` start fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from workshop.cli import screen
from workshop.cli.commands import build_parser
from workshop.cli.output import EXIT_INTERRUPTED, EXIT_USAGE, fail
from workshop.cli.parser import Command, UsageError, join_dash_values


def run() -> NoReturn:
    """The `workshop` command: `main`, then leave at once when no screen was opened.

    By then every change is on disk (written, fsynced, renamed) and every file closed; the
    interpreter's own teardown of the models and their schemas would take longer than the
    command itself (75 ms of a 300 ms `idea add`). Output is flushed first.
    """
    code = main()
    if screen.screen_opened:
        sys.exit(code)  # Textual's shutdown runs the ordinary way
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = code or 1
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code. Errors are one line on stderr."""
    # workshop uses no pydantic plugins, and looking for them reads the metadata of every
    # installed package: about a twentieth of a command's start-up.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        arguments = sys.argv[1:] if argv is None else list(argv)
        args = build_parser().parse_args(join_dash_values(arguments))
        run: Command = args.run
        return run(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except SystemExit as exit_request:  # --help
        return exit_request.code if isinstance(exit_request.code, int) else 0
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except UsageError as error:
        return fail(str(error), EXIT_USAGE)
    except Exception as error:
        if os.environ.get("WORKSHOP_DEBUG"):
            raise
        return fail(*_describe(error))


def _describe(error: Exception) -> tuple[str, int]:
    """An error's one-line message and exit code."""
    errors = sys.modules.get("workshop.core.errors")
    if errors is not None and isinstance(error, errors.WorkshopError):
        return str(error), error.exit_code
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{error.strerror or error}", 1
    return f"unexpected error: {type(error).__name__}: {error}", 1


def _silence_stdout() -> None:
    """After a closed pipe (`workshop export x | head`), stop Python complaining at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
