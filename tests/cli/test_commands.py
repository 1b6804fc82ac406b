"""What each command does when it succeeds: its output, and what it leaves on disk."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from datetime import date
from pathlib import Path

from tests.cli.conftest import RunCli
from workshop.store.locations import shipped_agendas_dir
from workshop.store.session_text import load_session


def test_new_creates_a_private_session_file_and_prints_its_path(
    workshop: RunCli, home: Path
) -> None:
    created = workshop("new", "Spring workshop", "--team", "Service desk", "--facilitator", "Ana")
    assert created.exit_code == 0
    path = Path(created.out.strip())
    assert path.parent == home / "sessions"
    assert path.name.endswith("-spring-workshop.toml")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    session = load_session(path)
    assert (session.title, session.team, session.facilitator) == (
        "Spring workshop",
        "Service desk",
        "Ana",
    )
    assert session.agenda.title.startswith("Customer focus")
    assert created.err == ""


def test_new_twice_with_one_title_makes_two_files(workshop: RunCli) -> None:
    first = workshop("new", "Same title").out.strip()
    second = workshop("new", "Same title").out.strip()
    assert first != second
    assert Path(first).is_file() and Path(second).is_file()


def test_new_takes_an_agenda_by_name_or_path_and_a_folder(workshop: RunCli, tmp_path: Path) -> None:
    by_name = workshop("new", "Pulse", "--agenda", "pulse", "--dir", tmp_path / "here")
    assert by_name.exit_code == 0
    assert Path(by_name.out.strip()).parent == tmp_path / "here"
    assert load_session(by_name.out.strip()).agenda.title == "Customer focus pulse"
    review = shipped_agendas_dir() / "quarterly-review.toml"
    by_path = workshop("new", "Review", "--agenda", review, "--dir", tmp_path)
    assert load_session(by_path.out.strip()).agenda.title.startswith("Quarterly review")


def test_sessions_lists_each_session_with_its_counts(workshop: RunCli, session_path: Path) -> None:
    workshop("idea", "add", session_path, "Invoices nobody can read")
    workshop("idea", "add", session_path, "Hold music on a loop")
    workshop("action", "add", session_path, "Rewrite the invoice", "--owner", "Priya",
             "--horizon", "3m")  # fmt: skip
    listed = workshop("sessions")
    assert listed.exit_code == 0
    header, row = listed.out.splitlines()
    assert header.split() == ["DATE", "TITLE", "TEAM", "IDEAS", "ACTIONS", "FILE"]
    assert row.split() == [
        date.today().isoformat(), "Spring", "workshop", "Service", "desk", "2", "1",
        session_path.name,
    ]  # fmt: skip
    assert listed.err == ""


def test_sessions_names_each_file_it_skips_on_stderr(workshop: RunCli, session_path: Path) -> None:
    broken = session_path.with_name("0000-broken.toml")
    broken.write_text('title = "unterminated\n', encoding="utf-8")
    listed = workshop("sessions")
    assert listed.exit_code == 0
    assert "Spring workshop" in listed.out
    assert listed.error_line.startswith(f"workshop: skipped {broken}:1:")


def test_sessions_in_an_empty_folder_says_so(workshop: RunCli, tmp_path: Path) -> None:
    listed = workshop("sessions", "--dir", tmp_path)
    assert listed.exit_code == 0
    assert listed.out.strip() == f"No sessions in {tmp_path}"


def test_sessions_before_the_first_session_says_so(workshop: RunCli, home: Path) -> None:
    listed = workshop("sessions")
    assert (listed.exit_code, listed.err) == (0, "")
    assert listed.out.strip() == f"No sessions in {home / 'sessions'}"


def assert_sessions_and_report_refuse(workshop: RunCli, folder: Path, reason: str) -> None:
    """Both commands refuse `--dir folder` alike: exit 2, nothing on stdout, one line."""
    for command in ("sessions", "report"):
        refused = workshop(command, "--dir", folder)
        assert (refused.exit_code, refused.out) == (2, ""), command
        assert refused.error_line == f"workshop: {folder}: {reason}", command


def test_sessions_and_report_agree_on_a_folder_that_is_not_there(
    workshop: RunCli, tmp_path: Path
) -> None:
    assert_sessions_and_report_refuse(workshop, tmp_path / "none", "no such folder")


def test_report_before_the_first_session_says_so_as_sessions_does(
    workshop: RunCli, home: Path
) -> None:
    # A newcomer's default sessions folder does not exist until `workshop new`: that is not
    # an error for `sessions`, so it is not one for `report` either.
    for format_option in ("md", "json", "html"):
        reported = workshop("report", "--format", format_option)
        assert (reported.exit_code, reported.err) == (0, ""), format_option
    assert "No sessions to report on." in workshop("report").out
    assert not (home / "sessions").exists()


def test_sessions_and_report_agree_on_a_folder_that_is_a_file(
    workshop: RunCli, tmp_path: Path
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder\n", encoding="utf-8")
    assert_sessions_and_report_refuse(workshop, a_file, "not a folder")


def test_agendas_lists_shipped_agendas_and_a_user_agenda_replaces_its_namesake(
    workshop: RunCli, home: Path
) -> None:
    listed = workshop("agendas")
    assert listed.exit_code == 0
    names = [line.split()[0] for line in listed.out.splitlines()[1:]]
    assert names == ["customer-focus", "pulse", "quarterly-review"]
    customer_focus = listed.out.splitlines()[1]
    assert "Customer focus: the three-step workshop" in customer_focus
    assert " basic-knowledge " in customer_focus
    assert customer_focus.endswith(str(shipped_agendas_dir() / "customer-focus.toml"))

    user_folder = home / "agendas"
    user_folder.mkdir()
    own = (shipped_agendas_dir() / "pulse.toml").read_text(encoding="utf-8")
    own = own.replace('title = "Customer focus pulse"', 'title = "Our own pulse"', 1)
    (user_folder / "pulse.toml").write_text(own, encoding="utf-8")
    listed = workshop("agendas")
    pulse_line = next(line for line in listed.out.splitlines() if line.startswith("pulse "))
    assert "Our own pulse" in pulse_line
    assert str(user_folder / "pulse.toml") in pulse_line


def test_a_named_pipe_among_agendas_is_named_and_skipped(
    workshop: RunCli, home: Path, tmp_path: Path
) -> None:
    # As in the sessions folder: never opened (it would block), and said, not silently dropped
    # or reported as missing.
    user_folder = home / "agendas"
    user_folder.mkdir(parents=True)
    os.mkfifo(user_folder / "piped.toml")
    listed = workshop("agendas")
    assert listed.exit_code == 0
    piped = user_folder / "piped.toml"
    assert listed.error_line == (
        f"workshop: skipped {piped}: is a named pipe (FIFO), not a regular file"
    )
    assert [line.split()[0] for line in listed.out.splitlines()[1:]] == [
        "customer-focus",
        "pulse",
        "quarterly-review",
    ]
    os.mkfifo(tmp_path / "mine.toml")
    checked = workshop("agenda", "check", tmp_path / "mine.toml")
    assert checked.exit_code == 2
    assert checked.error_line == (
        f"workshop: {tmp_path / 'mine.toml'}: is a named pipe (FIFO), not a regular file"
    )


def test_agenda_check_passes_every_shipped_agenda(workshop: RunCli) -> None:
    paths = sorted(shipped_agendas_dir().glob("*.toml"))
    assert len(paths) >= 3
    checked = workshop("agenda", "check", *paths)
    assert checked.exit_code == 0, checked.err
    lines = checked.out.splitlines()
    assert len(lines) == len(paths)
    for path, line in zip(paths, lines, strict=True):
        assert line.startswith(f"{path}: ok (")
        assert line.endswith(" minutes)")
    assert "(3 steps, 10 activities, " in lines[[p.stem for p in paths].index("customer-focus")]


def test_idea_add_stores_the_text_as_typed(workshop: RunCli, session_path: Path) -> None:
    added = workshop("idea", "add", session_path, "\t=tab-formula ", "--author", " Ana")
    assert added.exit_code == 0
    (idea,) = load_session(session_path).ideas
    assert (idea.text, idea.author) == ("\t=tab-formula ", " Ana")
    blank = workshop("idea", "add", session_path, "   ")
    assert blank.exit_code == 2 and "an idea needs some text" in blank.err


def test_idea_add_prints_the_id_and_the_file_holds_the_idea(
    workshop: RunCli, session_path: Path
) -> None:
    added = workshop("idea", "add", session_path, "Customers wait on hold #phone", "--tag", "Wait")
    assert (added.exit_code, added.out, added.err) == (0, "i1\n", "")
    second = workshop("idea", "add", session_path, "Getting-it-right story", "--activity",
                      "getting-it-right", "--author", "Ben")  # fmt: skip
    assert second.out == "i2\n"
    ideas = load_session(session_path).ideas
    assert [(i.id, i.text, i.activity, i.tags, i.author) for i in ideas] == [
        ("i1", "Customers wait on hold #phone", "what-bugs-customers", ["phone", "wait"], ""),
        ("i2", "Getting-it-right story", "getting-it-right", [], "Ben"),
    ]


def test_idea_add_refuses_an_activity_that_is_not_a_brainstorm(
    workshop: RunCli, session_path: Path
) -> None:
    # An idea filed under a presentation is on no screen (only brainstorms show ideas), yet
    # it turns up in the exports: refused, naming the activities that take ideas.
    before = session_path.read_bytes()
    refused = workshop("idea", "add", session_path, "Lost idea", "--activity", "the-case")
    assert refused.exit_code == 2
    assert refused.error_line == (
        "workshop: 'the-case' is a present activity, not a brainstorm "
        "(brainstorms: what-bugs-customers, getting-it-right, touch-points)"
    )
    assert session_path.read_bytes() == before


def test_idea_add_finds_a_session_by_name_in_the_sessions_folder(
    workshop: RunCli, session_path: Path
) -> None:
    added = workshop("idea", "add", session_path.stem, "By name")
    assert added.exit_code == 0, added.err
    assert load_session(session_path).ideas[0].text == "By name"


def test_action_add_prints_the_id_and_the_file_holds_the_action(
    workshop: RunCli, session_path: Path
) -> None:
    workshop("idea", "add", session_path, "Invoices nobody can read")
    added = workshop("action", "add", session_path, "Plain-words invoice", "--owner", "Priya",
                     "--horizon", "6m", "--measure", "Billing calls down a third", "--idea", "i1",
                     "--due", "2026-06-30")  # fmt: skip
    assert (added.exit_code, added.out, added.err) == (0, "a1\n", "")
    (action,) = load_session(session_path).actions
    assert (action.title, action.owner, action.horizon.value, action.measure) == (
        "Plain-words invoice",
        "Priya",
        "6m",
        "Billing calls down a third",
    )
    assert action.ideas == ["i1"]
    assert action.due == date(2026, 6, 30)


def test_export_writes_markdown_to_stdout_by_default(workshop: RunCli, session_path: Path) -> None:
    workshop("idea", "add", session_path, "Hold music on a loop")
    exported = workshop("export", session_path)
    assert exported.exit_code == 0
    assert exported.out.startswith("<!-- workshop-export: markdown.")
    assert "\n# Spring workshop\n" in exported.out
    assert "Hold music on a loop" in exported.out
    assert exported.err == ""


def test_export_csv_tables_and_json(workshop: RunCli, session_path: Path) -> None:
    workshop("idea", "add", session_path, "Hold music, on a loop")
    ideas = workshop("export", session_path, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(ideas.out)))
    assert [row["text"] for row in rows] == ["Hold music, on a loop"]
    actions = workshop("export", session_path, "--format", "csv", "--table", "actions")
    assert actions.exit_code == 0 and actions.out.startswith("session_date,")
    as_json = workshop("export", session_path, "--format", "json")
    assert json.loads(as_json.out)["title"] == "Spring workshop"


def test_export_to_a_file_says_so_on_stderr(
    workshop: RunCli, session_path: Path, tmp_path: Path
) -> None:
    workshop("idea", "add", session_path, "Hold music on a loop")
    target = tmp_path / "plan.md"
    target.write_text("<!-- workshop-export: an older plan -->", encoding="utf-8")
    exported = workshop("export", session_path, "--output", target)
    assert (exported.exit_code, exported.out) == (0, "")
    assert exported.err == f"Exported to {target}\n"
    assert target.read_text(encoding="utf-8") == workshop("export", session_path).out
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]  # no temporary file left


def test_export_takes_the_format_from_the_output_suffix(
    workshop: RunCli, session_path: Path, tmp_path: Path
) -> None:
    workshop("export", session_path, "--output", tmp_path / "plan.json")
    assert json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))["team"]
    workshop("export", session_path, "--output", tmp_path / "ideas.csv")
    assert (tmp_path / "ideas.csv").read_text(encoding="utf-8").startswith("session_date,")


def test_help_lists_every_command(workshop: RunCli) -> None:
    shown = workshop("--help")
    assert shown.exit_code == 0
    commands = ["open", "new", "sessions", "agendas", "agenda", "idea", "action", "export", "demo"]
    for command in [*commands, "review", "report"]:
        assert f"    {command} " in shown.out


def test_report_runs_over_the_sessions_folder(workshop: RunCli, session_path: Path) -> None:
    reported = workshop("report", "--format", "json")
    assert reported.exit_code == 0, reported.err
    assert "Service desk" in reported.out


def test_new_carries_an_earlier_sessions_open_actions_with_their_history(
    workshop: RunCli, session_path: Path, tmp_path: Path
) -> None:
    from workshop.core import ops
    from workshop.core.models import Review
    from workshop.store.session_file import SessionFile

    for title in ("Rewrite the invoice", "Call back within a day", "Old idea"):
        workshop("action", "add", session_path, title, "--owner", "Priya", "--horizon", "3m")

    def review_and_drop(session: object) -> None:
        ops.add_review(session, "a1", Review(date=date(2027, 1, 5), progress=2, status="on-track"))  # type: ignore[arg-type]
        ops.add_review(session, "a3", Review(date=date(2027, 1, 5), progress=0, status="dropped"))  # type: ignore[arg-type]

    SessionFile.open(session_path).change(review_and_drop)
    earlier = load_session(session_path)

    created = workshop(
        "new", "Quarterly review", "--agenda", "quarterly-review", "--carry-from", session_path
    )

    assert created.exit_code == 0
    assert created.err == "Carried 2 open action(s) with their reviews\n"
    session = load_session(created.out.strip())
    assert session.team == earlier.team
    assert [a.title for a in session.actions] == ["Rewrite the invoice", "Call back within a day"]
    assert session.actions[0].reviews == earlier.actions[0].reviews
    assert session.actions[0].carried_from.endswith("/a1")
