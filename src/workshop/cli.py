"""The command line: scriptable commands over the core, and the commands that open the screen.

Only the standard library is imported here at first: the store, the models (pydantic) and the
exports are imported by the commands that need them, and textual only by the commands that open
the screen, so `workshop --help` and `workshop idea add` start fast.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from workshop.cli_common import fail, iso_date
from workshop.locations import find_session

if TYPE_CHECKING:
    from workshop.core.models import Idea, Session
    from workshop.files import TomlFile

DEFAULT_AGENDA = "customer-focus"  # the same as agendas.DEFAULT_AGENDA, kept here to stay light
HORIZONS = ("3m", "6m", "beyond")
EXPORT_FORMATS = ("md", "csv", "json", "html")  # as export.FORMATS, kept here to stay light
CSV_TABLE_NAMES = ("ideas", "themes", "actions", "ratings")  # as export.CSV_TABLES
DEFAULT_CSV_TABLE = "ideas"
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
DEMO_MINUTES_INTO_CURRENT = 4
SCREEN_FPS = 120
"""Textual's frame rate cap for the screen (see `_open_screen`)."""

Command = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """The command line itself is wrong. Exit code 2."""


VALUE_OPTIONS: set[str] = set()
"""Every option string that takes a value (`--measure`...), of every parser built."""

OPTION_STRINGS: set[str] = set()
"""Every option string (`--measure`, `--json`, `-h`...), of every parser built."""


class _HelpFormatter(argparse.HelpFormatter):
    """Descriptions wrapped to the terminal; indented lines (the examples) kept as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        fill = super()._fill_text
        return "\n".join(
            f"{indent}{line}" if line.startswith(" ") else fill(line, width, indent)
            for line in text.splitlines()
        )


_COMPLETE_FILES = {"bash": "_shtab_compgen_files", "zsh": "_files"}
_COMPLETE_FOLDERS = {"bash": "_shtab_compgen_dirs", "zsh": "_files -/"}
_COMPLETE_CSV_TABLES = {"bash": "_workshop_csv_tables", "zsh": f"({' '.join(CSV_TABLE_NAMES)})"}
COMPLETION_BY_METAVAR: dict[str, dict[str, str]] = {
    "SESSION": _COMPLETE_FILES,
    "FILE": _COMPLETE_FILES,
    "PATH": _COMPLETE_FILES,
    "NAME|PATH": _COMPLETE_FILES,
    "DIR": _COMPLETE_FOLDERS,
    "TABLE": _COMPLETE_CSV_TABLES,
}
"""What Tab offers for an argument, by its metavar (shtab's `.complete`, written out here so
the parser does not import shtab): files for a SESSION or FILE, folders for a DIR, the CSV
tables for --table (whose own check keeps its clearer error, so it has no argparse choices)."""

COMPLETION_PREAMBLE = {
    "bash": "_workshop_csv_tables() {\n"
    f"  compgen -W '{' '.join(CSV_TABLE_NAMES)}' -- \"$1\"\n"
    "}\n"
}


class CommandLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, raised rather than printed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        OPTION_STRINGS.update(action.option_strings)
        if action.option_strings and action.nargs != 0:
            VALUE_OPTIONS.update(action.option_strings)
        if isinstance(action.metavar, str) and action.metavar in COMPLETION_BY_METAVAR:
            action.complete = COMPLETION_BY_METAVAR[action.metavar]  # type: ignore[attr-defined]
        return action

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        self._arguments = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("workshop").strip()
        where = f"{command}: " if command else ""
        if message.startswith("the following arguments are required"):
            # A one-word text such as '-10%' was taken for an option (argparse takes any
            # word that starts with '-' for one): say so, and how to give it.
            arguments: list[str] = getattr(self, "_arguments", [])
            before_dashes = arguments[: arguments.index("--")] if "--" in arguments else arguments
            taken = [
                argument
                for argument in before_dashes
                if argument.startswith("-")
                and argument not in ("-", "--")
                and argument.split("=", 1)[0] not in OPTION_STRINGS
            ]
            if taken:
                message += f"; {taken[0]!r} was read as an option; give it after '--'"
        raise UsageError(f"{where}{message} (see '{self.prog} --help')")


def join_dash_values(argv: Sequence[str]) -> list[str]:
    """`--measure -10%` as `--measure=-10%`: argparse reads a value that starts with `-` as
    another option, unless it is attached with `=`."""
    joined: list[str] = []
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--":
            joined.append(argument)
            joined.extend(arguments)
            break
        if argument in VALUE_OPTIONS:
            value = next(arguments, None)
            if value is None:
                joined.append(argument)
            elif value.startswith("-") and value != "-":
                joined.append(f"{argument}={value}")
            else:
                joined.extend((argument, value))
            continue
        joined.append(argument)
    return joined


class _VersionAction(argparse.Action):
    """`--version`: the installed version, looked up only when asked for (it costs an import)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> NoReturn:
        from importlib.metadata import PackageNotFoundError, version

        try:
            installed = version("workshop")
        except PackageNotFoundError:
            installed = "unknown"
        print(f"workshop {installed}")
        parser.exit()


# --- commands that open the screen ------------------------------------------------------------


def on_a_terminal() -> bool:
    """Whether the screen can be drawn: Textual reads keys from stdin and draws on stderr."""
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stderr))


def _require_a_terminal() -> None:
    """Without one (`workshop 2>log`, a script), Textual would draw into a file, or wait for
    keys that never come, for ever: say so at once instead."""
    if not on_a_terminal():
        raise UsageError(
            "the screen needs a terminal (standard input and standard error must be one); "
            "the other commands work without one (see 'workshop --help')"
        )


def run_home(args: argparse.Namespace) -> int:
    """Open the home screen on the sessions folder."""
    _require_a_terminal()
    return _open_screen(None, _sessions_folder(args))


def run_open(args: argparse.Namespace) -> int:
    """Open a session on screen; a file that does not load is a one-line error.

    The file is read and its TOML parsed here, before the screen starts; the models check it
    once its first frame is painted, and the screen ends with their one-line error if need be.
    """
    from workshop.files import read_toml_file

    read = read_toml_file(find_session(args.session, args.dir))
    _require_a_terminal()  # after the file's own errors, which need no screen
    return _open_screen(read.path, read.path.parent, read=read)


def run_demo(args: argparse.Namespace) -> int:
    """Write a demo session in a new temporary folder and open it (or print its plan)."""
    import tempfile
    from datetime import date, timedelta

    from workshop.agendas import find_agenda, load_agenda
    from workshop.core.clock import now
    from workshop.core.demo import demo_session
    from workshop.store import SessionFile, new_session_path

    if not args.print:
        _require_a_terminal()
    session = demo_session(
        load_agenda(find_agenda(DEFAULT_AGENDA)),
        date.today(),
        current_started=now() - timedelta(minutes=DEMO_MINUTES_INTO_CURRENT),
    )
    folder = Path(tempfile.mkdtemp(prefix="workshop-demo-"))
    path = new_session_path(folder, session.title, session.date)
    SessionFile.create(path, session)
    if args.print:
        _write_stdout(_plan_text(session))
        print(f"Demo session: {path}", file=sys.stderr)
        return 0
    return _open_screen(path, folder)


_screen_opened = False


def _open_screen(
    session_path: Path | None, sessions_folder: Path, *, read: TomlFile | None = None
) -> int:
    # Textual draws a changed screen at most TEXTUAL_FPS times a second (60 unless set), and
    # a frame comes one to two periods after the one before: a save finished just after a
    # key's own frame (Enter's cleared box, a score's cursor) was seen 17-33 ms later. 120
    # halves that wait. Read when textual is imported (just below); a person's setting wins.
    os.environ.setdefault("TEXTUAL_FPS", str(SCREEN_FPS))
    from workshop.tui.app import run_app  # the only place the command line imports textual

    global _screen_opened
    _screen_opened = True
    gc.enable()
    not_opened = run_app(session_path, sessions_folder, read=read)
    if not_opened is not None:
        return fail(str(not_opened), not_opened.exit_code)
    return 0


def _plan_text(session: Session) -> str:
    from workshop.export.markdown import render_markdown

    return render_markdown(session)


# --- sessions ---------------------------------------------------------------------------------


def run_new(args: argparse.Namespace) -> int:
    """Create a session file for an agenda and print its path."""
    from workshop.agendas import find_agenda, load_agenda
    from workshop.core import ops
    from workshop.store import SessionFile, load_session, new_session_path

    agenda = load_agenda(find_agenda(args.agenda))
    earlier = load_session(find_session(args.carry_from, args.dir)) if args.carry_from else None
    team = args.team or (earlier.team if earlier else "")
    session = ops.new_session(args.title, agenda, team=team, facilitator=args.facilitator)
    carried = []
    if earlier is not None:
        from workshop.core.carry import carry_actions, open_action_ids

        carried = carry_actions(earlier, session, open_action_ids(earlier))
    path = new_session_path(_sessions_folder(args), session.title, session.date)
    SessionFile.create(path, session)
    if args.carry_from:
        print(f"Carried {len(carried)} open action(s) with their reviews", file=sys.stderr)
    print(path)
    return 0


def run_sessions(args: argparse.Namespace) -> int:
    """List the sessions in the sessions folder, newest first."""
    from workshop.core.visible import visible
    from workshop.files import InvalidFileError
    from workshop.store import summarise_folder

    folder = _sessions_folder(args)
    if not folder.is_dir():
        if args.dir is not None or folder.exists():  # as `report` does
            what = "not a folder" if folder.exists() else "no such folder"
            raise InvalidFileError(f"{folder}: {what}")
        summaries, skipped = [], []  # the default folder, before the first session
    else:
        summaries, skipped = summarise_folder(folder)
    for problem in skipped:
        fail(f"skipped {problem}", 0)
    if args.json:
        _write_json(
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
    _print_table(["DATE", "TITLE", "TEAM", "IDEAS", "ACTIONS", "FILE"], rows)
    return 0


# --- agendas ----------------------------------------------------------------------------------


def run_agendas(args: argparse.Namespace) -> int:
    """List the agendas a session can run: shipped ones, and the user's own."""
    from workshop.agendas import known_agendas, load_agenda
    from workshop.files import WorkshopError

    rows = []
    for name, path in known_agendas().items():
        try:
            agenda = load_agenda(path)
        except WorkshopError as error:
            fail(f"skipped {error}", 0)
            continue
        rows.append(
            [name, agenda.title, agenda.level.value, str(agenda.planned_minutes), str(path)]
        )
    if args.json:
        keys = ("name", "title", "level", "minutes", "path")
        _write_json(
            [
                {**dict(zip(keys, row, strict=True)), "minutes": int(row[3])}
                for row in rows
            ]
        )
        return 0
    _print_table(["NAME", "TITLE", "LEVEL", "MINUTES", "PATH"], rows)
    return 0


def run_completion(args: argparse.Namespace) -> int:
    """Print a shell completion script generated from the whole parser."""
    import shtab

    script = shtab.complete(build_parser(), shell=args.shell, preamble=COMPLETION_PREAMBLE)
    _write_stdout(script)
    return 0


def run_agenda_check(args: argparse.Namespace) -> int:
    """Check agenda files: one line each, 'ok' with its size or the first problem."""
    from workshop.agendas import find_agenda, load_agenda
    from workshop.files import InvalidFileError

    exit_code = 0
    for name_or_path in args.paths:
        try:
            path = find_agenda(name_or_path)
            agenda = load_agenda(path)
        except InvalidFileError as error:
            exit_code = fail(str(error), EXIT_USAGE)
            continue
        steps, activities = len(agenda.steps), len(agenda.activities())
        print(
            f"{path}: ok ({steps} steps, {activities} activities, {agenda.planned_minutes} minutes)"
        )
    return exit_code


# --- ideas and actions ------------------------------------------------------------------------


def run_idea_add(args: argparse.Namespace) -> int:
    """Add an idea to a session and print its id."""
    from workshop.core import ops
    from workshop.store import SessionFile

    def add(session: Session) -> Idea:
        if args.activity is not None:
            _require_a_brainstorm(session, args.activity)
        return ops.add_idea(
            session, args.text, activity=args.activity, author=args.author, tags=args.tags
        )

    session_file = SessionFile.open(find_session(args.session, args.dir))
    idea = session_file.change(add)
    print(idea.id)
    return 0


def _require_a_brainstorm(session: Session, activity_id: str) -> None:
    """Only a brainstorm shows its ideas on screen: an idea filed under another activity
    would be seen in the exports only."""
    from workshop.core import ops
    from workshop.core.models import ActivityKind

    ops.require_activity(session, activity_id)
    activities = session.agenda.activities()
    kind = next(a.kind for a in activities if a.id == activity_id)
    if kind is not ActivityKind.BRAINSTORM:
        brainstorms = [a.id for a in activities if a.kind is ActivityKind.BRAINSTORM]
        raise ops.RuleError(
            f"{activity_id!r} is a {kind.value} activity, not a brainstorm "
            f"(brainstorms: {', '.join(brainstorms) or 'none in this agenda'})"
        )


def run_serve(args: argparse.Namespace) -> int:
    """Serve a session to the room's devices until ctrl+c (the only command that imports the
    web stack)."""
    from workshop.web.server import LOCAL_HOST, lan_address, serve

    path = find_session(args.session, args.dir)
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port: {args.port} is not a port (0 to 65535)")
    host = lan_address() if args.lan else LOCAL_HOST
    if args.lan:
        print(
            f"listening on {host}, this laptop's address on its network: anyone on that "
            "network can open the participants' page (plain HTTP)",
            file=sys.stderr,
        )
    gc.enable()  # a long-running server, unlike the other commands
    try:
        serve(
            path,
            host=host,
            port=args.port,
            out=sys.stdout,
            report_joins=args.for_screen,
            end_with=sys.stdin.buffer if args.for_screen else None,
        )
    except KeyboardInterrupt:  # ctrl+c is how serving ends: uvicorn has shut down cleanly
        return 0
    except OSError as error:  # the port is taken, or the address is not this machine's
        return fail(f"cannot listen on {host}:{args.port}: {error.strerror or error}", 1)
    return 0


def run_action_add(args: argparse.Namespace) -> int:
    """Add an action to a session's plan and print its id."""
    from workshop.core import ops
    from workshop.store import SessionFile

    if not args.owner.strip():
        raise UsageError("action add: an action needs an owner")
    session_file = SessionFile.open(find_session(args.session, args.dir))
    action = session_file.change(
        lambda session: ops.add_action(
            session,
            args.title,
            owner=args.owner,
            horizon=args.horizon,
            measure=args.measure,
            ideas=args.ideas,
            due=args.due,
        )
    )
    print(action.id)
    return 0


# --- export -----------------------------------------------------------------------------------


def run_export(args: argparse.Namespace) -> int:
    """Write a session as markdown, CSV, JSON or HTML to stdout or a file.

    A file is written atomically, and only over nothing or an earlier export (`--force`: over
    any file but a session file); see `workshop.export.writing`.
    """
    if args.schema:
        return _print_schema(args)
    if args.session is None:
        raise UsageError("export: the following arguments are required: SESSION")
    from workshop.export.session_export import ExportOptions, export_session
    from workshop.export.writing import write_export
    from workshop.store import load_session

    to_stdout = args.output in (None, "-")
    output = None if to_stdout else Path(args.output)
    export_format = args.format or _format_for(args, output)
    if args.table and export_format != "csv":
        raise UsageError("export: --table applies to --format csv only")
    if args.excel and export_format != "csv":
        raise UsageError("export: --excel applies to --format csv only")
    if args.table and args.table not in CSV_TABLE_NAMES:
        raise UsageError(
            f"export: no CSV table {args.table!r} (choose from {', '.join(CSV_TABLE_NAMES)})"
        )
    options = ExportOptions(
        format=export_format,
        table=args.table or DEFAULT_CSV_TABLE,
        include_hidden=args.include_hidden,
        excel=args.excel,
    )
    session_path = find_session(args.session, getattr(args, "dir", None))
    session = load_session(session_path)
    text = export_session(session_path, session, options)
    if output is None:
        if args.excel:
            sys.stdout.flush()
            sys.stdout.buffer.write(text.encode("utf-8-sig"))
            sys.stdout.buffer.flush()
        else:
            _write_stdout(text)
        return 0
    write_export(
        output,
        text,
        source=session_path,
        force=args.force,
        bom=args.excel,
        hint="choose another --output, or give --force to replace it",
    )
    print(f"Exported to {output}", file=sys.stderr)
    return 0


def _print_schema(args: argparse.Namespace) -> int:
    """`workshop export --schema`: the JSON Schema of the JSON export."""
    import json

    from workshop.export.json_export import session_schema

    if args.session is not None:
        raise UsageError("export: --schema takes no SESSION")
    _write_stdout(json.dumps(session_schema(), indent=2, ensure_ascii=False))
    return 0


def _format_for(args: argparse.Namespace, output: Path | None) -> str:
    """The format the options imply: --table or --excel mean CSV, else the output's suffix
    (plan.csv -> csv, plan.html -> html), else markdown."""
    if args.table or args.excel:
        return "csv"
    suffix = output.suffix.lower().lstrip(".") if output else ""
    return {"csv": "csv", "json": "json", "html": "html", "htm": "html"}.get(suffix, "md")


# --- helpers ----------------------------------------------------------------------------------


def _sessions_folder(args: argparse.Namespace) -> Path:
    from workshop import locations

    return locations.sessions_dir(getattr(args, "dir", None))


def _print_table(headers: list[str], rows: list[list[str]]) -> None:
    """Rows in aligned columns (by terminal columns, so wide CJK characters line up); text a
    person typed is flattened to one line, its control characters shown as symbols."""
    from workshop.core.visible import display_width, pad, visible

    table = [headers, *[[visible(" ".join(cell.split())) for cell in row] for row in rows]]
    widths = [max(display_width(row[column]) for row in table) for column in range(len(headers))]
    for row in table:
        print("  ".join(pad(cell, width) for cell, width in zip(row, widths, strict=True)).rstrip())


def _write_json(value: object) -> None:
    """JSON for scripts; C1 control characters (which JSON leaves raw) escaped too."""
    import json

    text = json.dumps(value, ensure_ascii=False, indent=2)
    _write_stdout("".join(f"\\u{ord(c):04x}" if "\x7f" <= c <= "\x9f" else c for c in text))


def _write_stdout(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else f"{text}\n")
    sys.stdout.flush()


# --- the parser -------------------------------------------------------------------------------


COMMAND_NAMES = (
    "open",
    "new",
    "sessions",
    "agendas",
    "agenda",
    "idea",
    "action",
    "export",
    "demo",
    "completion",
    "serve",
)
FOLLOWUP_COMMAND_NAMES = ("review", "report")

EXAMPLES = {
    "open": "workshop open 2026-11-23-customer-focus.toml\nworkshop open ~/plans/kick-off.toml",
    "new": 'S=$(workshop new "Customer focus, service desk" --team "Service desk")\n'
    'workshop new "Q1 review" --agenda quarterly-review --carry-from "$S"',
    "sessions": "workshop sessions\nworkshop sessions --json | jq '.[0].path'",
    "agendas": "workshop agendas\nworkshop agendas --json",
    "agenda": "workshop agenda check my-agenda.toml",
    "agenda check": "workshop agenda check my-agenda.toml pulse",
    "idea": 'workshop idea add "$S" "Invoices arrive after the due date #billing"',
    "idea add": 'workshop idea add "$S" "Invoices arrive after the due date #billing"\n'
    'workshop idea add "$S" "Hold music is too loud" --tag phone --author Sam',
    "action": 'workshop action add "$S" "Send invoices on day one" --owner Ana --horizon 3m',
    "action add": 'workshop action add "$S" "Send invoices on day one" --owner Ana \\\n'
    '    --horizon 3m --measure "-10% late payments" --idea i1 --due 2027-03-31',
    "export": 'workshop export "$S" --output plan.md\n'
    'workshop export "$S" --format csv --table ideas',
    "demo": "workshop demo\nworkshop demo --print > plan.md",
    "completion": "workshop completion bash > ~/.local/share/bash-completion/completions/workshop\n"
    "workshop completion zsh > ~/.zfunc/_workshop   # with fpath+=(~/.zfunc) before compinit\n"
    "source <(workshop completion bash)   # in ~/.bashrc, without the bash-completion package",
    "serve": 'workshop serve "$S"                       this laptop only (try it)\n'
    'workshop serve "$S" --lan --port 8080     the room\'s network',
    "review": 'workshop review "$S"\nworkshop review "$S" --date 2027-03-01 --reviewer Ana',
    "report": 'workshop report\nworkshop report --team "Service desk" --format json',
}
"""Each command's examples, shown at the end of its --help."""


def _with_help_texts(name: str, kwargs: dict[str, Any]) -> dict[str, Any]:
    """A command's parser settings with a description (its help, if none) and its examples."""
    summary = str(kwargs.get("help", ""))
    kwargs.setdefault("description", summary[:1].upper() + summary[1:] + ".")
    if name in EXAMPLES:
        kwargs.setdefault("epilog", "examples:\n" + _indented(EXAMPLES[name]))
    kwargs.setdefault("formatter_class", _HelpFormatter)
    return kwargs


def _indented(text: str) -> str:
    return "\n".join(f"  {line}" for line in text.splitlines())


class _SkippedParser:
    """Stands in for the parser of a command that is not being run: building it costs time."""

    def __getattr__(self, name: str) -> Callable[..., _SkippedParser]:
        return self._ignore

    def _ignore(self, *args: object, **kwargs: object) -> _SkippedParser:
        return self


class _Commands:
    """The subparsers action: builds only the parser of the command being run (all of them
    when `only` is ""), each with its description and examples."""

    def __init__(self, commands: argparse._SubParsersAction[CommandLineParser], only: str):
        self._commands = commands
        self._only = only

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if self._only and name != self._only:
            return _SkippedParser()
        return self._commands.add_parser(name, **_with_help_texts(name, kwargs))


def _add_subcommand(
    commands: argparse._SubParsersAction[CommandLineParser], parent: str, name: str, **kwargs: Any
) -> CommandLineParser:
    return commands.add_parser(name, **_with_help_texts(f"{parent} {name}", kwargs))


def build_parser(argv: Sequence[str] | None = None) -> CommandLineParser:
    """The command line's parser; given the arguments, only the parts they need."""
    first = next(iter(argv or ()), "")
    only = first if first in COMMAND_NAMES + FOLLOWUP_COMMAND_NAMES else ""
    parser = CommandLineParser(
        prog="workshop",
        description="Run customer-focus workshops: capture the room's ideas, ratings and "
        "actions, and follow them through. With no command, opens the home screen.",
        epilog="SESSION is a session file, or its name in the sessions folder.\n"
        "examples:\n"
        + _indented(
            "workshop                         the home screen\n"
            'S=$(workshop new "Kick-off")     a new session; its file\'s path in $S\n'
            "workshop COMMAND --help          what a command does, with examples"
        ),
    )
    parser.add_argument("--version", action=_VersionAction, help="print the version and exit")
    parser.set_defaults(run=run_home, dir=None)
    all_commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    commands: Any = _Commands(all_commands, only)

    open_command = commands.add_parser("open", help="open a session on screen")
    open_command.add_argument("session", metavar="SESSION", help="session file (or its name)")
    _add_dir_option(open_command, finding=True)
    open_command.set_defaults(run=run_open)

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
    _add_dir_option(new)
    new.set_defaults(run=run_new)

    sessions = commands.add_parser(
        "sessions",
        help="list sessions, newest first",
        description="List the sessions in the sessions folder, newest first: date, title, team, "
        "ideas, actions and file name. Files that do not load are named on stderr and left out.",
    )
    _add_dir_option(sessions)
    sessions.add_argument("--json", action="store_true", help="a JSON array, for scripts")
    sessions.set_defaults(run=run_sessions)

    agendas = commands.add_parser(
        "agendas",
        help="list the shipped and user agendas",
        description="List the agendas a session can run: the shipped ones, and your own in "
        "$WORKSHOP_HOME/agendas (one with a shipped agenda's name replaces it).",
    )
    agendas.add_argument("--json", action="store_true", help="a JSON array, for scripts")
    agendas.set_defaults(run=run_agendas)

    agenda = commands.add_parser("agenda", help="work with agenda files")
    agenda_commands = agenda.add_subparsers(dest="agenda_command", metavar="COMMAND", required=True)
    check = _add_subcommand(
        agenda_commands,
        "agenda",
        "check",
        help="check agenda files",
        description="Check agenda files (or names): one line each, 'ok' with its size, or the "
        "first problem with its place. Exit code 2 if any has a problem.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="agenda file (or name)")
    check.set_defaults(run=run_agenda_check)

    idea = commands.add_parser("idea", help="add ideas to a session")
    idea_commands = idea.add_subparsers(dest="idea_command", metavar="COMMAND", required=True)
    idea_add = _add_subcommand(
        idea_commands,
        "idea",
        "add",
        help="add an idea and print its id",
        description="Add an idea to a session (safely, while its screen is open too) and print "
        "its id. #words in the text become tags.",
    )
    idea_add.add_argument("session", metavar="SESSION", help="session file (or its name)")
    idea_add.add_argument("text", metavar="TEXT", help="the idea; #words become tags")
    idea_add.add_argument(
        "--activity", metavar="ID", help="brainstorm activity id (default: the current brainstorm)"
    )
    idea_add.add_argument("--author", default="", metavar="NAME")
    idea_add.add_argument("--tag", dest="tags", action="append", default=[], metavar="TAG")
    _add_dir_option(idea_add, finding=True)
    idea_add.set_defaults(run=run_idea_add)

    action = commands.add_parser("action", help="add actions to a session's plan")
    action_commands = action.add_subparsers(dest="action_command", metavar="COMMAND", required=True)
    action_add = _add_subcommand(
        action_commands,
        "action",
        "add",
        help="add an action and print its id",
        description="Add an action to a session's plan and print its id. Values may start with "
        "a dash (--measure -10%).",
    )
    action_add.add_argument("session", metavar="SESSION", help="session file (or its name)")
    action_add.add_argument("title", metavar="TITLE")
    action_add.add_argument("--owner", required=True, metavar="NAME")
    action_add.add_argument(
        "--horizon", required=True, choices=HORIZONS, help="the next 3 months, 6 months, or beyond"
    )
    action_add.add_argument(
        "--measure", default="", metavar="TEXT", help="how we will know it worked"
    )
    action_add.add_argument(
        "--idea",
        dest="ideas",
        action="append",
        default=[],
        metavar="ID",
        help="an idea (or theme) the action came from; repeatable",
    )
    action_add.add_argument("--due", type=iso_date, metavar="YYYY-MM-DD")
    _add_dir_option(action_add, finding=True)
    action_add.set_defaults(run=run_action_add)

    export = commands.add_parser(
        "export",
        help="write a session as markdown, CSV, JSON or HTML",
        description="Write a session as a markdown plan, a CSV table, JSON or a self-contained "
        "HTML page. Hidden ideas are left out unless --include-hidden. A file is replaced only "
        "if it is an earlier export (--force: any file but a session file).",
        epilog="example: workshop export SESSION --output plan.html",
    )
    export.add_argument(
        "session", nargs="?", metavar="SESSION", help="session file (or its name)"
    )
    export.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        help="default: csv with --table or --excel, else from the --output file's suffix, else md",
    )
    export.add_argument(
        "--table",
        metavar="TABLE",
        help=f"CSV: {', '.join(CSV_TABLE_NAMES)} (default: {DEFAULT_CSV_TABLE}); implies "
        "--format csv",
    )
    export.add_argument(
        "--output", metavar="FILE", help="write to FILE instead of stdout ('-' for stdout)"
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="replace --output even if it is not an earlier export (never a session file)",
    )
    export.add_argument(
        "--include-hidden",
        dest="include_hidden",
        action="store_true",
        help="keep the ideas hidden with h (left out by default)",
    )
    export.add_argument(
        "--excel",
        action="store_true",
        help="CSV for Excel: UTF-8 with a byte order mark, CRLF line ends; implies --format csv",
    )
    export.add_argument(
        "--schema",
        action="store_true",
        help="print the JSON Schema of the JSON export instead (no SESSION)",
    )
    _add_dir_option(export, finding=True)
    export.set_defaults(run=run_export)

    demo = commands.add_parser("demo", help="open a demo session in a temporary folder")
    demo.add_argument(
        "--print",
        action="store_true",
        help="print the demo's plan and file path instead of opening it",
    )
    demo.set_defaults(run=run_demo)

    completion = commands.add_parser(
        "completion",
        help="print a shell completion script (bash or zsh)",
        description="Print a completion script for bash or zsh, generated from this command "
        "line: commands, options, their choices, and file or folder names where a command "
        "takes one complete with Tab.",
    )
    completion.add_argument("shell", choices=("bash", "zsh"), help="the shell")
    completion.set_defaults(run=run_completion)

    serve = commands.add_parser(
        "serve",
        help="let the room join: a web page for participants' devices and the projector",
        description="Serve a session to the room: participants join from their own devices "
        "with the code printed here, and the projector page shows the prompt, the timer and "
        "the room's answers. Prints the participants' address, the code and the projector's "
        "address, then serves until ctrl+c. Plain HTTP: use it on the room's own network.",
    )
    serve.add_argument("session", metavar="SESSION", help="session file (or its name)")
    serve.add_argument(
        "--port", type=int, default=8000, metavar="N", help="the port (default: 8000; 0: any)"
    )
    serve.add_argument(
        "--lan",
        action="store_true",
        help="listen on this laptop's network address (default: 127.0.0.1, this laptop only)",
    )
    # For the facilitator's screen, which serves as a child process: a line `joined: N` at
    # each join, and serving ends when the screen's end of stdin closes (the screen is gone).
    serve.add_argument("--for-screen", action="store_true", help=argparse.SUPPRESS)
    _add_dir_option(serve, finding=True)
    serve.set_defaults(run=run_serve)

    if only in ("", *FOLLOWUP_COMMAND_NAMES):
        from workshop.followup_commands import add_followup_commands  # standard library only

        add_followup_commands(commands)
    return parser


def _add_dir_option(command: argparse.ArgumentParser, *, finding: bool = False) -> None:
    command.add_argument(
        "--dir",
        metavar="DIR",
        help=("the sessions folder to find SESSION by name in" if finding else "sessions folder")
        + " (default: $WORKSHOP_HOME/sessions or the per-user data folder)",
    )


# --- running ----------------------------------------------------------------------------------


def run() -> NoReturn:
    """The `workshop` command: `main`, then leave at once when no screen was opened.

    By then every change is on disk (written, fsynced, renamed) and every file closed; the
    interpreter's own teardown of the models and their schemas would take longer than the
    command itself (75 ms of a 300 ms `idea add`). Output is flushed first.
    """
    code = main()
    if _screen_opened:
        sys.exit(code)  # Textual's shutdown runs the ordinary way
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = code or 1
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code. Errors are one line on stderr."""
    # A command allocates many objects in one burst (parsed TOML, models) and then exits: the
    # cyclic garbage collector would only slow it down. The screen turns it back on.
    collecting = gc.isenabled()
    gc.disable()
    # workshop uses no pydantic plugins, and looking for them reads the metadata of every
    # installed package: about a twentieth of a command's start-up.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        arguments = sys.argv[1:] if argv is None else list(argv)
        args = build_parser(arguments).parse_args(join_dash_values(arguments))
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
    finally:
        if collecting:
            gc.enable()


def _describe(error: Exception) -> tuple[str, int]:
    """An error's one-line message and exit code."""
    files = sys.modules.get("workshop.files")
    if files is not None and isinstance(error, files.WorkshopError):
        return str(error), error.exit_code
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{error.strerror or error}", 1
    return f"unexpected error: {type(error).__name__}: {error}", 1


def _silence_stdout() -> None:
    """After a closed pipe (`workshop export x | head`), stop Python complaining at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
