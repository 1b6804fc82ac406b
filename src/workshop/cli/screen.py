"""The commands that open the screen: the home screen, `open` and `demo`.

The only module of the command line that imports textual, and only once a screen opens.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop.cli.output import fail, sessions_folder, write_stdout
from workshop.cli.parser import DEFAULT_AGENDA, UsageError, add_dir_option, add_session_argument
from workshop.store.locations import find_session

if TYPE_CHECKING:
    from workshop.core.models import Session
    from workshop.store.toml_read import TomlFile


DEMO_MINUTES_INTO_CURRENT = 4


SCREEN_FPS = 120
"""Textual's frame rate cap for the screen (see `open_screen`)."""


def on_a_terminal() -> bool:
    """Whether the screen can be drawn: Textual reads keys from stdin and draws on stderr."""
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stderr))


def require_a_terminal() -> None:
    """Without one (`workshop 2>log`, a script), Textual would draw into a file, or wait for
    keys that never come, for ever: say so at once instead."""
    if not on_a_terminal():
        raise UsageError(
            "the screen needs a terminal (standard input and standard error must be one); "
            "the other commands work without one (see 'workshop --help')"
        )


def run_home(args: argparse.Namespace) -> int:
    """Open the home screen on the sessions folder."""
    require_a_terminal()
    return open_screen(None, sessions_folder(args))


def run_open(args: argparse.Namespace) -> int:
    """Open a session on screen; a file that does not load is a one-line error.

    The file is read here, before the screen starts; on a terminal its TOML is parsed and
    checked once its first frame (painted from the file's head) is up, and the screen ends
    with the one-line error if need be. Without a terminal the file's own errors come first.
    """
    from workshop.store.toml_read import read_toml_file

    path = find_session(args.session, args.dir)
    read = read_toml_file(path, parse_now=not on_a_terminal())
    require_a_terminal()
    return open_screen(read.path, read.path.parent, read=read)


def run_demo(args: argparse.Namespace) -> int:
    """Write a demo session in a new temporary folder and open it (or print its plan)."""
    import tempfile
    from datetime import date, timedelta

    from workshop.core.clock import now
    from workshop.core.demo import demo_session
    from workshop.store.agendas import find_agenda, load_agenda
    from workshop.store.folder import new_session_path
    from workshop.store.session_file import SessionFile

    if not args.print:
        require_a_terminal()
    session = demo_session(
        load_agenda(find_agenda(DEFAULT_AGENDA)),
        date.today(),
        current_started=now() - timedelta(minutes=DEMO_MINUTES_INTO_CURRENT),
    )
    folder = Path(tempfile.mkdtemp(prefix="workshop-demo-"))
    path = new_session_path(folder, session.title, session.date)
    SessionFile.create(path, session)
    if args.print:
        write_stdout(_plan_text(session))
        print(f"Demo session: {path}", file=sys.stderr)
        return 0
    code = open_screen(path, folder)
    # In a temporary folder, not among the person's sessions: say where, to find it again.
    print(f"Demo session: {path}", file=sys.stderr)
    return code


screen_opened = False


def open_screen(
    session_path: Path | None, sessions_folder: Path, *, read: TomlFile | None = None
) -> int:
    # Textual draws a changed screen at most TEXTUAL_FPS times a second (60 unless set), and
    # a frame comes one to two periods after the one before: a save finished just after a
    # key's own frame (Enter's cleared box, a score's cursor) was seen 17-33 ms later. 120
    # halves that wait. Read when textual is imported (just below); a person's setting wins.
    os.environ.setdefault("TEXTUAL_FPS", str(SCREEN_FPS))
    from workshop.tui.app import run_app  # the only place the command line imports textual

    global screen_opened
    screen_opened = True
    not_opened = run_app(session_path, sessions_folder, read=read)
    if not_opened is None:
        return 0
    code = fail(str(not_opened.error), not_opened.error.exit_code)
    for line in not_opened.typed:  # typed on the first frame: never saved, so never lost unseen
        fail(f"not saved (typed while the session was opening): {line}", code)
    return code


def _plan_text(session: Session) -> str:
    from workshop.export.markdown import render_markdown

    return render_markdown(session)


def add_open_command(commands: Any) -> None:
    """`workshop open SESSION`."""
    open_command = commands.add_parser("open", help="open a session on screen")
    add_session_argument(open_command)
    add_dir_option(open_command, finding=True)
    open_command.set_defaults(run=run_open)


def add_demo_command(commands: Any) -> None:
    """`workshop demo [--print]`."""
    demo = commands.add_parser("demo", help="open a demo session in a temporary folder")
    demo.add_argument(
        "--print",
        action="store_true",
        help="print the demo's plan and file path instead of opening it",
    )
    demo.set_defaults(run=run_demo)
