"""All the commands in one parser."""

from __future__ import annotations

import argparse
from typing import Any, NoReturn

from workshop.cli.agendas import add_agenda_command, add_agendas_command, add_completion_command
from workshop.cli.capture import add_action_command, add_idea_command
from workshop.cli.export import add_export_command
from workshop.cli.parser import CommandLineParser, indented, with_help_texts
from workshop.cli.screen import add_demo_command, add_open_command, run_home
from workshop.cli.serve import add_serve_command
from workshop.cli.sessions import add_new_command, add_sessions_command

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


class _Commands:
    """The subparsers action, adding each command's description and examples to its parser."""

    def __init__(self, commands: Any):
        self._commands = commands

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        return self._commands.add_parser(name, **with_help_texts(name, kwargs))


def build_parser() -> CommandLineParser:
    """The command line's parser."""
    parser = CommandLineParser(
        prog="workshop",
        description="Run customer-focus workshops: capture the room's ideas, ratings and "
        "actions, and follow them through. With no command, opens the home screen.",
        epilog="SESSION is a session file, or its name in the sessions folder.\n"
        "examples:\n"
        + indented(
            "workshop                         the home screen\n"
            'S=$(workshop new "Kick-off")     a new session; its file\'s path in $S\n'
            "workshop COMMAND --help          what a command does, with examples"
        ),
    )
    parser.add_argument("--version", action=_VersionAction, help="print the version and exit")
    parser.set_defaults(run=run_home, dir=None)
    all_commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    commands: Any = _Commands(all_commands)

    add_open_command(commands)
    add_new_command(commands)
    add_sessions_command(commands)
    add_agendas_command(commands)
    add_agenda_command(commands)
    add_idea_command(commands)
    add_action_command(commands)
    add_export_command(commands)
    add_demo_command(commands)
    add_completion_command(commands)
    add_serve_command(commands)
    from workshop.cli.followup import add_followup_commands  # standard library only

    add_followup_commands(commands)
    return parser
