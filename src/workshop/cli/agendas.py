"""`workshop agendas`, `workshop agenda check` and `workshop completion`."""

from __future__ import annotations

import argparse
from typing import Any

from workshop.cli.output import EXIT_USAGE, fail, print_table, write_json, write_stdout
from workshop.cli.parser import COMPLETION_PREAMBLE, add_group_command, add_json_option


def run_agendas(args: argparse.Namespace) -> int:
    """List the agendas a session can run: shipped ones, and the user's own."""
    from workshop.core.errors import WorkshopError
    from workshop.store.agendas import known_agendas, load_agenda

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
        write_json(
            [
                {**dict(zip(keys, row, strict=True)), "minutes": int(row[3])}
                for row in rows
            ]
        )
        return 0
    print_table(["NAME", "TITLE", "LEVEL", "MINUTES", "PATH"], rows)
    return 0


def run_completion(args: argparse.Namespace) -> int:
    """Print a shell completion script generated from the whole parser."""
    import shtab

    from workshop.cli.commands import build_parser  # the whole parser, every command

    script = shtab.complete(
        build_parser(), shell=args.shell, preamble=COMPLETION_PREAMBLE.get(args.shell, "")
    )
    write_stdout(script)
    return 0


def run_agenda_check(args: argparse.Namespace) -> int:
    """Check agenda files: one line each, 'ok' with its size or the first problem."""
    from workshop.core.errors import InvalidFileError
    from workshop.store.agendas import find_agenda, load_agenda

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


def add_agendas_command(commands: Any) -> None:
    """`workshop agendas [--json]`."""
    agendas = commands.add_parser(
        "agendas",
        help="list the shipped and user agendas",
        description="List the agendas a session can run: the shipped ones, and your own in "
        "$WORKSHOP_HOME/agendas (one with a shipped agenda's name replaces it).",
    )
    add_json_option(agendas)
    agendas.set_defaults(run=run_agendas)


def add_agenda_command(commands: Any) -> None:
    """`workshop agenda check PATH...`."""
    check = add_group_command(
        commands,
        "agenda",
        "work with agenda files",
        "check",
        help="check agenda files",
        description="Check agenda files (or names): one line each, 'ok' with its size, or the "
        "first problem with its place. Exit code 2 if any has a problem.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="agenda file (or name)")
    check.set_defaults(run=run_agenda_check)


def add_completion_command(commands: Any) -> None:
    """`workshop completion bash|zsh`."""
    completion = commands.add_parser(
        "completion",
        help="print a shell completion script (bash or zsh)",
        description="Print a completion script for bash or zsh, generated from this command "
        "line: commands, options, their choices, and file or folder names where a command "
        "takes one complete with Tab.",
    )
    completion.add_argument("shell", choices=("bash", "zsh"), help="the shell")
    completion.set_defaults(run=run_completion)
