"""The follow-through commands: `workshop review SESSION` and `workshop report`.

`add_followup_commands(subparsers)` registers both on the CLI's subparsers. Each sets
`handler` (and `run`, the name cli.main runs) to a function `(args: argparse.Namespace) -> int`
that returns the exit code: 0 done, 2 invalid input (a bad file, folder, team or date), 1 any
other error, 130 interrupted. It prints its own one-line errors on stderr ("workshop: ...") and
does not raise for them, so a caller can simply `return args.handler(args)`.
Heavy imports (pydantic models, the store) happen inside the handlers, so `--help` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from workshop.cli.output import fail, iso_date
from workshop.cli.parser import add_dir_option, add_session_argument
from workshop.store.locations import find_session

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_INVALID = 2
EXIT_INTERRUPTED = 130
REPORT_FORMATS = ("md", "json", "html")


def add_followup_commands(subparsers: Any) -> None:
    """Register `review` and `report` on an argparse subparsers object."""
    review = subparsers.add_parser(
        "review",
        help="walk through a session's open actions and score their progress",
        description="Walk through the session's open actions one at a time: progress 0-4, "
        "status and a note for each. Each answer is saved at once; Enter skips an action.",
    )
    add_session_argument(review)
    review.add_argument(
        "--date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="the date of the review (default: today)",
    )
    review.add_argument("--reviewer", default="", metavar="NAME", help="who is reviewing")
    review.add_argument("--dir", metavar="DIR", help="sessions folder to find SESSION by name")
    review.set_defaults(handler=run_review_command, run=run_review_command)

    report = subparsers.add_parser(
        "report",
        help="trends across all sessions: benchmarks, actions, the success index",
        description="Across every session in the folder, per team and segment: benchmark "
        "means per criterion over time, actions opened and done per quarter, and the success "
        "index over time. Files that cannot be read are listed and skipped.",
    )
    add_dir_option(report)
    report.add_argument("--team", metavar="TEAM", help="only this team (case-insensitive)")
    report.add_argument("--format", choices=REPORT_FORMATS, default="md", help="default: md")
    report.add_argument(
        "--as-of",
        dest="as_of",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="the date the index is taken at (default: today)",
    )
    report.add_argument(
        "--schema",
        action="store_true",
        help="print the JSON Schema of the JSON report instead",
    )
    report.set_defaults(handler=run_report_command, run=run_report_command)


# --- handlers ---------------------------------------------------------------------------------


def run_review_command(args: argparse.Namespace) -> int:
    """`workshop review SESSION [--date D] [--reviewer NAME]`."""
    from workshop.cli.review import run_review

    def action() -> int:
        path = find_session(args.session, getattr(args, "dir", None))
        return run_review(str(path), on=args.date or date.today(), reviewer=args.reviewer)

    return _guarded(action)


def run_report_command(args: argparse.Namespace) -> int:
    """`workshop report [--dir DIR] [--team TEAM] [--format md|json] [--as-of D]`."""

    def action() -> int:
        from workshop.core.errors import InvalidFileError
        from workshop.core.report import build_report
        from workshop.export.report_json import render_json, report_schema
        from workshop.export.report_markdown import render_markdown
        from workshop.store import locations
        from workshop.store.report_folder import report_folder

        if getattr(args, "schema", False):
            import json

            sys.stdout.write(json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n")
            sys.stdout.flush()
            return EXIT_OK

        folder = locations.sessions_dir(getattr(args, "dir", None))
        team = args.team.strip() if args.team is not None else None
        if team == "":
            raise InvalidFileError("--team: give a team name")
        as_of = args.as_of or date.today()
        if getattr(args, "dir", None) is None and not folder.exists():
            # The default folder, before the first session: nothing to report, as `sessions`
            # says; a --dir that is not there is an error.
            report = build_report([], as_of, team=team)
        else:
            with _progress_bar() as on_progress:
                report = report_folder(folder, as_of, team=team, on_progress=on_progress)
        if team is not None and not report.teams:
            raise InvalidFileError(f"{folder}: no sessions for team {team!r}")
        if args.format == "json":
            text = render_json(report)
        elif args.format == "html":
            from workshop.export.report_html import render_report_html

            text = render_report_html(report)
        else:
            text = render_markdown(report)
        sys.stdout.write(text)
        sys.stdout.flush()
        return EXIT_OK

    return _guarded(action)


# --- helpers ----------------------------------------------------------------------------------


def _guarded(action: Callable[[], int]) -> int:
    """Run a command; expected errors become one line on stderr and an exit code."""
    from workshop.core.errors import WorkshopError

    try:
        return action()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except WorkshopError as error:
        return fail(str(error), error.exit_code)
    except BrokenPipeError:
        raise  # the reader left (`| head`): `cli.main` stops quietly, as for every command
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        return fail(f"{where}{error.strerror or error}", EXIT_ERROR)


@contextmanager
def _progress_bar() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr while files are read, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(
        TextColumn("Reading sessions"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = progress.add_task("read", total=None)

    def advance(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    with progress:
        yield advance
