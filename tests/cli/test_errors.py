"""When a command fails: one line on stderr naming the problem, and the right exit code.

2 is bad usage or invalid input; 1 is anything else; 130 an interrupt.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from tests.cli.conftest import RunCli
from workshop.cli import sessions
from workshop.cli.parser import Command
from workshop.store.locations import shipped_agendas_dir
from workshop.store.session_text import load_session

GOOD_AGENDA = """\
title = "Tiny"

[[steps]]
id = "only"
title = "The only step"

[[steps.activities]]
id = "ideas"
kind = "brainstorm"
title = "Ideas"
"""


# --- usage ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["bogus"], "workshop: argument COMMAND: invalid choice: 'bogus'"),
        (["idea"], "workshop: idea: the following arguments are required: COMMAND"),
        (["idea", "add", "s.toml"], "workshop: idea add: the following arguments are required"),
        (["new"], "workshop: new: the following arguments are required: TITLE"),
        (["sessions", "--colour"], "workshop: unrecognized arguments: --colour"),
        (["export", "s.toml", "--format", "pdf"], "workshop: export: argument --format"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    workshop: RunCli, argv: list[str], expected: str
) -> None:
    failed = workshop(*argv)
    assert failed.exit_code == 2
    assert failed.error_line.startswith(expected)
    assert failed.out == ""


def test_a_bad_horizon_is_refused_with_the_choices(workshop: RunCli, session_path: Path) -> None:
    failed = workshop("action", "add", session_path, "Do it", "--owner", "Al", "--horizon", "1y")
    assert failed.exit_code == 2
    assert "argument --horizon: invalid choice: '1y' (choose from '3m', '6m', 'beyond')" in (
        failed.error_line
    )
    assert load_session(session_path).actions == []


def test_a_bad_due_date_is_refused(workshop: RunCli, session_path: Path) -> None:
    failed = workshop("action", "add", session_path, "Do it", "--owner", "Al", "--horizon", "3m",
                      "--due", "30/06/2026")  # fmt: skip
    assert failed.exit_code == 2
    assert "argument --due: not a date in the form YYYY-MM-DD: '30/06/2026'" in failed.error_line


def test_an_action_needs_an_owner(workshop: RunCli, session_path: Path) -> None:
    failed = workshop("action", "add", session_path, "Do it", "--owner", " ", "--horizon", "3m")
    assert failed.exit_code == 2
    assert failed.error_line == "workshop: action add: an action needs an owner"


def test_an_action_citing_an_unknown_idea_is_refused(workshop: RunCli, session_path: Path) -> None:
    failed = workshop("action", "add", session_path, "Do it", "--owner", "Al", "--horizon", "3m",
                      "--idea", "i9")  # fmt: skip
    assert (failed.exit_code, failed.error_line) == (
        2,
        "workshop: no idea or theme with id 'i9'",
    )


def test_an_empty_idea_is_refused_and_nothing_is_saved(
    workshop: RunCli, session_path: Path
) -> None:
    before = session_path.read_bytes()
    failed = workshop("idea", "add", session_path, "  \t ")
    assert (failed.exit_code, failed.error_line) == (2, "workshop: an idea needs some text")
    assert session_path.read_bytes() == before


def test_an_idea_for_an_unknown_activity_is_refused(workshop: RunCli, session_path: Path) -> None:
    failed = workshop("idea", "add", session_path, "Text", "--activity", "nowhere")
    assert failed.exit_code == 2
    assert failed.error_line == "workshop: no activity 'nowhere' in this session's agenda"


def test_export_table_needs_csv_and_a_known_table(workshop: RunCli, session_path: Path) -> None:
    with_md = workshop("export", session_path, "--format", "md", "--table", "ideas")
    assert (with_md.exit_code, with_md.out) == (2, "")
    assert with_md.error_line == "workshop: export: --table applies to --format csv only"
    unknown = workshop("export", session_path, "--format", "csv", "--table", "votes")
    assert unknown.exit_code == 2
    assert unknown.error_line.startswith("workshop: export: no CSV table 'votes'")


# --- session files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["idea", "add", "{path}", "Text"],
        ["action", "add", "{path}", "Title", "--owner", "Al", "--horizon", "3m"],
        ["export", "{path}"],
        ["open", "{path}"],
    ],
    ids=["idea add", "action add", "export", "open"],
)
def test_an_unknown_session_path_is_named(
    workshop: RunCli, tmp_path: Path, argv: list[str]
) -> None:
    missing = tmp_path / "no-such-session.toml"
    failed = workshop(*[arg.replace("{path}", str(missing)) for arg in argv])
    assert (failed.exit_code, failed.error_line) == (2, f"workshop: {missing}: no such file")


def test_a_session_file_with_a_toml_syntax_error_gives_line_and_column(
    workshop: RunCli, session_path: Path
) -> None:
    lines = session_path.read_text(encoding="utf-8").splitlines()
    lines[2] = "team = = 'x'"
    session_path.write_text("\n".join(lines), encoding="utf-8")
    failed = workshop("idea", "add", session_path, "Text")
    assert failed.exit_code == 2
    assert failed.error_line.startswith(f"workshop: {session_path}:3:")
    assert "invalid TOML" in failed.error_line


def test_a_session_file_with_an_invalid_value_names_the_key(
    workshop: RunCli, session_path: Path
) -> None:
    text = session_path.read_text(encoding="utf-8")
    session_path.write_text(text + '\n[[ideas]]\nid = "i1"\ntext = "x"\ncreated = "soon"\n')
    failed = workshop("export", session_path)
    assert failed.exit_code == 2
    assert failed.error_line.startswith(f"workshop: {session_path}: ideas[0].created: ")


def test_a_session_from_a_newer_version_is_refused(workshop: RunCli, session_path: Path) -> None:
    text = session_path.read_text(encoding="utf-8")
    assert text.startswith("schema_version = 2\n")
    session_path.write_text(text.replace("schema_version = 2", "schema_version = 99", 1))
    failed = workshop("idea", "add", session_path, "Text")
    assert failed.exit_code == 2
    assert failed.error_line.startswith(f"workshop: {session_path}: schema_version: written by a")
    assert "upgrade workshop" in failed.error_line
    assert "schema_version = 99" in session_path.read_text(encoding="utf-8")


# --- agendas ----------------------------------------------------------------------------------


def test_new_with_an_unknown_agenda_lists_the_known_ones(workshop: RunCli) -> None:
    failed = workshop("new", "Title", "--agenda", "weekly")
    assert failed.exit_code == 2
    assert failed.error_line == (
        "workshop: weekly: no such agenda file or agenda name "
        "(known agendas: customer-focus, pulse, quarterly-review)"
    )


def test_new_needs_a_title(workshop: RunCli, home: Path) -> None:
    failed = workshop("new", "   ")
    assert (failed.exit_code, failed.error_line) == (2, "workshop: a session needs a title")
    assert not (home / "sessions").exists() or not any((home / "sessions").iterdir())


def test_agenda_check_reports_a_toml_syntax_error_with_line_and_column(
    workshop: RunCli, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(GOOD_AGENDA.replace('kind = "brainstorm"', "kind = brainstorm"))
    failed = workshop("agenda", "check", broken)
    assert (failed.exit_code, failed.out) == (2, "")
    assert failed.error_line.startswith(f"workshop: {broken}:9:8: invalid TOML")


def test_agenda_check_reports_an_invalid_value_by_its_key_path(
    workshop: RunCli, tmp_path: Path
) -> None:
    invalid = tmp_path / "invalid.toml"
    invalid.write_text(GOOD_AGENDA.replace('kind = "brainstorm"', 'kind = "party"'))
    failed = workshop("agenda", "check", invalid)
    assert failed.exit_code == 2
    assert failed.error_line.startswith(f"workshop: {invalid}: steps[0].activities[0].kind: ")


def test_agenda_check_goes_on_after_a_bad_file(workshop: RunCli, tmp_path: Path) -> None:
    good, missing = tmp_path / "tiny.toml", tmp_path / "missing.toml"
    good.write_text(GOOD_AGENDA)
    checked = workshop("agenda", "check", missing, good)
    assert checked.exit_code == 2
    assert checked.out == f"{good}: ok (1 steps, 1 activities, 10 minutes)\n"
    assert checked.error_line.startswith(f"workshop: {missing}: no such agenda file")


def test_agendas_skips_a_broken_user_agenda_on_stderr(workshop: RunCli, home: Path) -> None:
    (home / "agendas").mkdir()
    (home / "agendas" / "mine.toml").write_text("title = \n")
    listed = workshop("agendas")
    assert listed.exit_code == 0
    assert "customer-focus" in listed.out
    assert listed.error_line.startswith(f"workshop: skipped {home / 'agendas' / 'mine.toml'}:1:")


def test_a_shipped_agenda_checks_by_name_too(workshop: RunCli) -> None:
    checked = workshop("agenda", "check", "pulse")
    assert checked.out.startswith(f"{shipped_agendas_dir() / 'pulse.toml'}: ok (")


# --- anything else ----------------------------------------------------------------------------


def _raising(error: BaseException) -> Command:
    def run(args: argparse.Namespace) -> int:
        raise error

    return run


def test_an_interrupt_exits_130_quietly(workshop: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sessions, "run_sessions", _raising(KeyboardInterrupt()))
    interrupted = workshop("sessions")
    assert (interrupted.exit_code, interrupted.out, interrupted.err) == (130, "", "")


def test_an_os_error_is_one_line_and_exits_1(
    workshop: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = PermissionError(13, "Permission denied", "/srv/sessions")
    monkeypatch.setattr(sessions, "run_sessions", _raising(error))
    failed = workshop("sessions")
    assert failed.exit_code == 1
    assert failed.error_line == "workshop: /srv/sessions: Permission denied"


def test_an_unexpected_error_is_one_line_and_exits_1(
    workshop: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sessions, "run_sessions", _raising(ValueError("bad\nthing")))
    failed = workshop("sessions")
    assert (failed.exit_code, failed.error_line) == (
        1,
        "workshop: unexpected error: ValueError: bad thing",
    )
