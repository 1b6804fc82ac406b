"""The command line's parser: one-line usage errors, values that start with a dash, help with
examples, and what Tab completes. Standard library only.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

DEFAULT_AGENDA = "customer-focus"  # the same as agendas.DEFAULT_AGENDA, kept here to stay light


HORIZONS = ("3m", "6m", "beyond")


EXPORT_FORMATS = ("md", "csv", "json", "html")  # as export.FORMATS, kept here to stay light


CSV_TABLE_NAMES = ("ideas", "themes", "actions", "ratings")  # as export.CSV_TABLES


DEFAULT_CSV_TABLE = "ideas"


Command = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """The command line itself is wrong. Exit code 2."""


VALUE_OPTIONS: set[str] = set()
"""Every option string that takes a value (`--measure`...), of every parser built."""


OPTION_STRINGS: set[str] = set()
"""Every option string (`--measure`, `--json`, `-h`...), of every parser built."""


class HelpFormatter(argparse.HelpFormatter):
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
        kwargs.setdefault("formatter_class", HelpFormatter)
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


def with_help_texts(name: str, kwargs: dict[str, Any]) -> dict[str, Any]:
    """A command's parser settings with a description (its help, if none) and its examples."""
    summary = str(kwargs.get("help", ""))
    kwargs.setdefault("description", summary[:1].upper() + summary[1:] + ".")
    if name in EXAMPLES:
        kwargs.setdefault("epilog", "examples:\n" + indented(EXAMPLES[name]))
    kwargs.setdefault("formatter_class", HelpFormatter)
    return kwargs


def indented(text: str) -> str:
    return "\n".join(f"  {line}" for line in text.splitlines())


def add_subcommand(commands: Any, parent: str, name: str, **kwargs: Any) -> CommandLineParser:
    parser: CommandLineParser = commands.add_parser(
        name, **with_help_texts(f"{parent} {name}", kwargs)
    )
    return parser


def add_group_command(
    commands: Any, group: str, group_help: str, name: str, **kwargs: Any
) -> CommandLineParser:
    """`workshop GROUP NAME`: a group of commands (`idea`, `agenda`...) with its command NAME;
    the parser of NAME."""
    group_parser = commands.add_parser(group, help=group_help)
    group_commands = group_parser.add_subparsers(
        dest=f"{group}_command", metavar="COMMAND", required=True
    )
    return add_subcommand(group_commands, group, name, **kwargs)


def add_session_argument(command: argparse.ArgumentParser) -> None:
    """The SESSION a command works on: a file, or its name in the sessions folder."""
    command.add_argument("session", metavar="SESSION", help="session file (or its name)")


def add_json_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--json", action="store_true", help="a JSON array, for scripts")


def add_dir_option(command: argparse.ArgumentParser, *, finding: bool = False) -> None:
    command.add_argument(
        "--dir",
        metavar="DIR",
        help=("the sessions folder to find SESSION by name in" if finding else "sessions folder")
        + " (default: $WORKSHOP_HOME/sessions or the per-user data folder)",
    )
