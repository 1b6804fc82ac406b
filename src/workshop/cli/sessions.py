"""`workshop new` and `workshop sessions`: creating and listing session files."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from workshop.cli.output import fail, print_table, sessions_folder, write_json
from workshop.cli.parser import DEFAULT_AGENDA, add_dir_option, add_json_option
from workshop.store.locations import find_session


def run_new(args: argparse.Namespace) -> int:
    """Create a session file for an agenda and print its path."""
    from workshop.core import ops
    from workshop.store.agendas import find_agenda, load_agenda
    from workshop.store.folder import new_session_path
    from workshop.store.session_file import SessionFile
    from workshop.store.session_text import load_session

    agenda = load_agenda(find_agenda(args.agenda))
    earlier = load_session(find_session(args.carry_from, args.dir)) if args.carry_from else None
    team = args.team or (earlier.team if earlier else "")
    session = ops.new_session(args.title, agenda, team=team, facilitator=args.facilitator)
    carried = []
    if earlier is not None:
        from workshop.core.carry import carry_actions, open_action_ids

        carried = carry_actions(earlier, session, open_action_ids(earlier))
    path = new_session_path(sessions_folder(args), session.title, session.date)
    SessionFile.create(path, session)
    if args.carry_from:
        print(f"Carried {len(carried)} open action(s) with their reviews", file=sys.stderr)
    print(path)
    return 0


def run_sessions(args: argparse.Namespace) -> int:
    """List the sessions in the sessions folder, newest first."""
    from workshop.core.errors import InvalidFileError
    from workshop.core.visible import visible
    from workshop.store.folder import SessionSummary, summarise_folder

    folder = sessions_folder(args)
    if not folder.is_dir():
        if args.dir is not None or folder.exists():  # as `report` does
            what = "not a folder" if folder.exists() else "no such folder"
            raise InvalidFileError(f"{folder}: {what}")
        summaries: list[SessionSummary] = []  # the default folder, before the first session
        skipped: list[str] = []
    else:
        summaries, skipped = summarise_folder(folder)
    for problem in skipped:
        fail(f"skipped {problem}", 0)
    if args.json:
        write_json(
            [
                {
                    "file": s.path.name,
                    "path": str(s.path),
                    "date": s.date.isoformat(),
                    "title": s.title,
                    "team": s.team,
                    "agenda": s.agenda,
                    "ideas": s.ideas,
                    "actions": s.actions,
                }
                for s in summaries
            ]
        )
        return 0
    if not summaries:
        print(visible(f"No sessions in {folder}"))
        return 0
    rows = [
        [s.date.isoformat(), s.title, s.team, str(s.ideas), str(s.actions), s.path.name]
        for s in summaries
    ]
    print_table(["DATE", "TITLE", "TEAM", "IDEAS", "ACTIONS", "FILE"], rows)
    return 0


def add_new_command(commands: Any) -> None:
    """`workshop new TITLE`."""
    new = commands.add_parser(
        "new",
        help="create a session and print its file's path",
        description="Create a session file for an agenda in the sessions folder, and print its "
        "path (name: the date and the title, e.g. 2026-11-23-kick-off.toml).",
    )
    new.add_argument("title", metavar="TITLE")
    new.add_argument(
        "--agenda",
        default=DEFAULT_AGENDA,
        metavar="NAME|PATH",
        help=f"agenda name or file (default: {DEFAULT_AGENDA})",
    )
    new.add_argument("--team", default="", metavar="TEAM")
    new.add_argument("--facilitator", default="", metavar="NAME")
    new.add_argument(
        "--carry-from",
        metavar="SESSION",
        help="carry this earlier session's open actions, with their reviews (and its team)",
    )
    add_dir_option(new)
    new.set_defaults(run=run_new)


def add_sessions_command(commands: Any) -> None:
    """`workshop sessions [--json]`."""
    sessions = commands.add_parser(
        "sessions",
        help="list sessions, newest first",
        description="List the sessions in the sessions folder, newest first: date, title, team, "
        "ideas, actions and file name. Files that do not load are named on stderr and left out.",
    )
    add_dir_option(sessions)
    add_json_option(sessions)
    sessions.set_defaults(run=run_sessions)
