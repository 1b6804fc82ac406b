"""The command line facing hostile files and text (issue 10, items 3, 4 and 7)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli.conftest import RunCli, run_process

TERMINAL_TITLE = "\x1b]0;PWN\x07"
"""An escape sequence that renames the terminal window."""


# --- item 3: a named pipe in the sessions folder -----------------------------------------------


@pytest.fixture
def folder_with_a_pipe(workshop: RunCli, tmp_path: Path) -> Path:
    assert workshop("new", "Real one", "--dir", tmp_path).exit_code == 0
    os.mkfifo(tmp_path / "pipe.toml")
    return tmp_path


def test_sessions_skips_a_named_pipe_with_a_note(folder_with_a_pipe: Path) -> None:
    listed = run_process("sessions", "--dir", folder_with_a_pipe, seconds=20)
    assert listed.exit_code == 0
    assert "Real one" in listed.out
    assert listed.err == (
        f"workshop: skipped {folder_with_a_pipe / 'pipe.toml'}: "
        "is a named pipe (FIFO), not a regular file\n"
    )


def test_report_skips_a_named_pipe_with_a_note(folder_with_a_pipe: Path) -> None:
    reported = run_process("report", "--dir", folder_with_a_pipe, seconds=20)
    assert reported.exit_code == 0
    assert "pipe.toml" in reported.out
    assert "is a named pipe (FIFO), not a regular file" in reported.out


@pytest.mark.parametrize("command", [["export"], ["open"], ["idea", "add"], ["review"]])
def test_a_named_pipe_given_as_the_session_is_a_one_line_error(
    folder_with_a_pipe: Path, command: list[str]
) -> None:
    pipe = folder_with_a_pipe / "pipe.toml"
    extra = ["an idea"] if command == ["idea", "add"] else []
    refused = run_process(*command, pipe, *extra, seconds=20)
    assert (refused.exit_code, refused.error_line) == (
        2,
        f"workshop: {pipe}: is a named pipe (FIFO), not a regular file",
    )


# --- item 4: nesting deeper than the parser's stack ----------------------------------------------


def test_deeply_nested_arrays_are_one_line_naming_the_file_and_exit_2(
    workshop: RunCli, tmp_path: Path
) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text(f"x = {'[' * 5000}{']' * 5000}\n", encoding="utf-8")

    for argv in (["export", deep], ["idea", "add", deep, "An idea"], ["agenda", "check", deep]):
        refused = workshop(*argv)
        assert (refused.exit_code, refused.error_line) == (
            2,
            f"workshop: {deep}: invalid TOML: arrays or inline tables nested too deeply",
        ), argv
    listed = workshop("sessions", "--dir", tmp_path)
    assert listed.exit_code == 0
    assert "nested too deeply" in listed.err


# --- item 7: control characters never reach the terminal raw --------------------------------------


def test_sessions_shows_control_characters_in_titles_as_symbols(
    workshop: RunCli, tmp_path: Path
) -> None:
    created = workshop(
        "new", f"Quiet {TERMINAL_TITLE} title", "--team", "\x1b[31mRed", "--dir", tmp_path
    )
    assert created.exit_code == 0

    listed = workshop("sessions", "--dir", tmp_path)

    assert listed.exit_code == 0
    assert "\x1b" not in listed.out and "\x07" not in listed.out
    assert "Quiet ␛]0;PWN␇ title" in listed.out
    assert "␛[31mRed" in listed.out


def test_agendas_shows_control_characters_in_titles_as_symbols(
    workshop: RunCli, home: Path
) -> None:
    agendas = home / "agendas"
    agendas.mkdir()
    (agendas / "sneaky.toml").write_text(
        'title = "Sneaky \\u001b]0;PWN\\u0007"\n\n[[steps]]\nid = "s"\ntitle = "S"\n\n'
        '[[steps.activities]]\nid = "a"\nkind = "brainstorm"\ntitle = "A"\n',
        encoding="utf-8",
    )

    listed = workshop("agendas")

    assert listed.exit_code == 0
    assert "\x1b" not in listed.out and "\x07" not in listed.out
    assert "Sneaky ␛]0;PWN␇" in listed.out


def test_an_error_quoting_a_file_name_shows_its_control_characters_as_symbols(
    workshop: RunCli, tmp_path: Path
) -> None:
    missing = tmp_path / f"gone{TERMINAL_TITLE}.toml"
    refused = workshop("export", missing)
    assert refused.exit_code == 2
    assert "\x1b" not in refused.err
    assert refused.error_line.endswith("gone␛]0;PWN␇.toml: no such file")


def test_sessions_pads_wide_titles_by_terminal_columns(workshop: RunCli, tmp_path: Path) -> None:
    for title in ("顧客第一のワークショップ", "Plain title"):
        assert workshop("new", title, "--team", "Team", "--dir", tmp_path).exit_code == 0

    listed = workshop("sessions", "--dir", tmp_path)

    header, *rows = listed.out.splitlines()
    from workshop.core.visible import display_width

    team_columns = {display_width(line[: line.index("Team")]) for line in rows}
    assert team_columns == {display_width(header[: header.index("TEAM")])}
