"""The follow-through report: golden files over a fixed folder, skipped files, the commands.

Regenerate the golden files with `UPDATE_GOLDEN=1`, then read the diff before committing it.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.unit.helpers import AGENDA, at, billing, kick_off, quarterly, review
from workshop.cli.followup import add_followup_commands
from workshop.cli.review import run_review, walk
from workshop.core import ops
from workshop.core.models import Review, Session
from workshop.core.report import build_report
from workshop.export.report_markdown import render_markdown
from workshop.store.folder import SessionReader
from workshop.store.report_folder import read_folder, report_folder
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session, render_session

GOLDEN = Path(__file__).parent / "golden" / "report"
AS_OF = date(2026, 7, 15)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three sessions of two teams, a broken file and a file that is not a session."""
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    first = kick_off()
    for name, session in [
        ("2026-01-15-kick-off.toml", first),
        ("2026-04-10-quarterly-review.toml", quarterly(first)),
        ("2026-02-01-billing.toml", billing()),
    ]:
        (sessions / name).write_text(render_session(session), encoding="utf-8")
    (sessions / "2026-03-01-broken.toml").write_text('title = "Half\n', encoding="utf-8")
    (sessions / "notes.toml").write_text('title = "Not a session"\n', encoding="utf-8")
    (sessions / ".hidden.toml").write_text("ignored", encoding="utf-8")
    return sessions


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def command(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="workshop")
    add_followup_commands(parser.add_subparsers())
    args = parser.parse_args(argv)
    exit_code: int = args.handler(args)
    return exit_code


# --- golden files ---------------------------------------------------------------------------


def test_markdown_report_matches_golden(folder: Path) -> None:
    check_golden("all.md", render_markdown(report_folder(folder, AS_OF)))


def test_json_report_matches_golden(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        command(["report", "--dir", str(folder), "--format", "json", "--as-of", "2026-07-15"]) == 0
    )
    out, err = capsys.readouterr()
    check_golden("all.json", out)
    assert err == ""  # no progress bar when stderr is not a terminal


def test_one_team_report_matches_golden(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["report", "--dir", str(folder), "--team", "SUPPORT", "--as-of", "2026-07-15"]
    assert command(argv) == 0
    check_golden("support.md", capsys.readouterr().out)


# --- what the report says -------------------------------------------------------------------


def test_broken_files_are_skipped_and_named(folder: Path) -> None:
    sessions, skipped = read_folder(folder)

    assert [path.name for path, _ in sessions] == [
        "2026-01-15-kick-off.toml",
        "2026-02-01-billing.toml",
        "2026-04-10-quarterly-review.toml",
    ]
    assert [s.file for s in skipped] == ["2026-03-01-broken.toml", "notes.toml"]
    assert skipped[0].reason.startswith("2026-03-01-broken.toml:1:")
    assert str(folder) not in skipped[0].reason


def test_teams_match_whatever_their_case_and_spaces(folder: Path) -> None:
    report = report_folder(folder, AS_OF)
    assert [team.team for team in report.teams] == ["Billing", "support"]
    assert [len(team.sessions) for team in report.teams] == [1, 2]


def test_a_carried_action_is_counted_once(folder: Path) -> None:
    report = report_folder(folder, AS_OF, team="support")
    opened = sum(row.opened for row in report.quarters)
    assert opened == 4  # a1, a2 (carried: counted as its copy), a3, the new hold-times action


def test_an_empty_folder_reports_nothing_to_say(tmp_path: Path) -> None:
    report = build_report([], AS_OF)
    assert report.index is None
    assert "No sessions to report on." in render_markdown(report)


def test_user_text_cannot_make_markdown(tmp_path: Path) -> None:
    session = kick_off()
    session.team = "# Ops | <script>x</script>"
    (tmp_path / "s.toml").write_text(render_session(session), encoding="utf-8")

    text = render_markdown(report_folder(tmp_path, as_of=AS_OF))

    assert "## \\# Ops \\| \\<script>x\\</script>" in text
    assert not re.search(r"(?<!\\)<", text)  # every < is escaped: no HTML gets through


def test_report_of_a_missing_folder_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert command(["report", "--dir", str(tmp_path / "nowhere")]) == 2
    out, err = capsys.readouterr()
    assert err == f"workshop: {tmp_path / 'nowhere'}: no such folder\n"
    assert out == ""


def test_report_of_an_unknown_team_is_exit_2(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert command(["report", "--dir", str(folder), "--team", "Sales"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no sessions for team 'Sales'" in err


# --- the review walk ------------------------------------------------------------------------


def answers(*lines: str):  # type: ignore[no-untyped-def]
    """An input() that answers with `lines`, then raises EOFError like a closed stdin."""
    remaining = list(lines)
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        if not remaining:
            raise EOFError
        return remaining.pop(0)

    ask.prompts = prompts  # type: ignore[attr-defined]
    return ask


def review_file(tmp_path: Path) -> SessionFile:
    session = kick_off()
    ops.add_action(session, "Fourth", owner="Dee", at=at(date(2026, 1, 15)))
    return SessionFile.create(tmp_path / "kick-off.toml", session)


def test_review_walks_open_actions_and_saves_each_answer(tmp_path: Path) -> None:
    session_file = review_file(tmp_path)
    said: list[str] = []
    # Open actions: a2 (at risk) and a4 (not started); a1 is done, a3 dropped.
    ask = answers("3", "", "Invoices go out | plain", "1", "at risk", "")

    result = walk(session_file, on=date(2026, 7, 1), reviewer="Lee", ask=ask, say=said.append)

    assert (result.saved, result.skipped, result.stopped) == (2, 0, False)
    saved = load_session(session_file.path)
    a2 = saved.actions[1]
    assert [r.date for r in a2.reviews] == [date(2026, 3, 1), date(2026, 4, 10), date(2026, 7, 1)]
    assert a2.reviews[-1] == Review.model_validate(
        {
            "date": "2026-07-01",
            "progress": 3,
            "status": "at-risk",  # Enter kept the current status
            "note": "Invoices go out | plain",
            "reviewer": "Lee",
        }
    )
    assert saved.actions[3].status == "at-risk"
    assert (
        "Progress? 0 not started, 1 started, 2 halfway, 3 nearly there, 4 done" in (ask.prompts[0])
    )
    text = "\n".join(said)
    assert "Action 1 of 2: a2  Plain invoices | no codes" in text
    assert "Last review: 2026-04-10: progress 2 halfway, at risk" in text
    assert "Last review: none yet" in text


def test_review_stops_at_end_of_input_keeping_what_was_answered(tmp_path: Path) -> None:
    session_file = review_file(tmp_path)
    said: list[str] = []

    result = walk(
        session_file, on=date(2026, 7, 1), ask=answers("4", "", "Shipped"), say=said.append
    )

    assert (result.saved, result.stopped) == (1, True)
    saved = load_session(session_file.path)
    assert saved.actions[1].status == "done"  # progress 4: Enter means done
    assert saved.actions[3].reviews == []
    assert said[-1] == "Stopped. 1 review saved."


def test_review_enter_skips_and_bad_answers_are_asked_again(tmp_path: Path) -> None:
    session_file = review_file(tmp_path)
    said: list[str] = []
    ask = answers("", "7", "x", "2", "9", "dropped", "")

    result = walk(session_file, on=date(2026, 7, 1), ask=ask, say=said.append)

    assert (result.saved, result.skipped) == (1, 1)
    saved = load_session(session_file.path)
    assert len(saved.actions[1].reviews) == 2  # skipped: unchanged
    assert saved.actions[3].reviews[-1].status == "dropped"
    assert sum("Please type" in line for line in said) == 3


def test_review_command_reads_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    session_file = review_file(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))

    assert command(["review", str(session_file.path), "--date", "2026-07-01"]) == 0
    assert "Stopped. 0 reviews saved." in capsys.readouterr().out


def test_review_of_a_missing_file_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert command(["review", str(tmp_path / "none.toml")]) == 2
    assert capsys.readouterr().err == f"workshop: {tmp_path / 'none.toml'}: no such file\n"


def test_run_review_with_no_open_actions(tmp_path: Path) -> None:
    path = tmp_path / "empty.toml"
    SessionFile.create(path, ops.new_session("Empty", AGENDA, on=date(2026, 1, 1)))
    said: list[str] = []
    assert run_review(str(path), on=date(2026, 7, 1), ask=answers(), say=said.append) == 0
    assert said[-1] == "No open actions to review."


def test_json_report_is_valid_json(folder: Path) -> None:
    from workshop.export.report_json import render_json

    data = json.loads(render_json(report_folder(folder, AS_OF)))
    assert data["sessions_read"] == 3


# --- the quick reader reads what the store reads ----------------------------------------------


def report_parts(session: Session) -> tuple[object, ...]:
    """What the report reads from a session (the rest is not read by the quick reader)."""
    return (
        session.schema_version,
        session.title,
        session.team,
        session.facilitator,
        session.date,
        session.current_activity,
        session.agenda,
        session.participants,
        session.ratings,
        session.actions,
    )


HOSTILE = [
    'quote " and backslash \\ and \\U0001F600 and \\/',
    "tab\there, line\nbreak, return\r, bell\x07, delete\x7f",
    "emoji 😀, accents Chloé, RTL שלום, zero-width \u200b",
    "# heading | pipe <b>bold</b> [[ideas]]",
    "\"\"\"triple\"\"\" and '''single'''",
]


def hostile_session() -> Session:
    session = kick_off()
    for number, text in enumerate(HOSTILE):
        ops.add_participant(session, text, text)
        ops.add_action(session, text, owner=text, horizon="6m", at=at(date(2026, 1, 15)))
        ops.add_review(session, f"a{4 + number}", review(date(2026, 2, 1), 1, "on-track", text))
        ops.add_idea(session, text, at=at(date(2026, 1, 15)))
    return session


def test_the_session_reader_reads_what_the_store_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.sample_session import sample_session

    first = kick_off()
    reader = SessionReader()
    for name, session in [
        ("kick-off", first),
        ("quarterly", quarterly(first)),
        ("billing", billing()),
        ("sample", sample_session()),
        ("hostile", hostile_session()),
    ]:
        path = tmp_path / f"{name}.toml"
        path.write_text(render_session(session), encoding="utf-8")
        with monkeypatch.context() as no_fallback:  # files the store wrote take the quick way
            no_fallback.setattr("workshop.store.folder.parse_session", None)
            read = reader.read(path)
            quick = read.session
        assert read.idea_count == len(session.ideas), name
        assert report_parts(quick) == report_parts(load_session(path)), name
        assert report_parts(quick) == report_parts(session), name


@pytest.mark.parametrize(
    "change",
    [
        lambda text: text.replace('title = "Kick-off"', 'title = "Kick-off" # comment'),
        lambda text: text.replace('title = "Kick-off"', 'title = """Kick\noff"""'),
        lambda text: text.replace("\n", "\r\n"),
        lambda text: text.replace("[[ratings]]", "  [[ratings]]"),
        lambda text: text.replace("score = 3", "score = +3"),
        lambda text: text.replace('owner = "Ana"', "owner = 'Ana'"),
        lambda text: text.replace("[agenda]", "# a comment\n[agenda]"),
        lambda text: text + '\n[[ideas]]\nid = "i9"\ntext = "x"\ncreated = 2026-01-15 10:00:00Z\n',
    ],
    ids=["comment", "multi-line", "crlf", "indented", "plus", "literal", "comment-line", "space"],
)
def test_unusual_but_valid_files_read_the_same(
    tmp_path: Path, change: Callable[[str], str]
) -> None:
    path = tmp_path / "unusual.toml"
    path.write_text(change(render_session(kick_off())), encoding="utf-8")

    read = SessionReader().read(path)
    assert report_parts(read.session) == report_parts(load_session(path))
    assert read.idea_count == len(load_session(path).ideas)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda text: text.replace("score = 3", 'score = "x"'), "ratings[0].score"),
        (lambda text: text.replace("[[ratings]]", "[[ratingz]]", 1), "ratingz: unknown key"),
        (lambda text: text.replace("progress = 2", "progress = 9", 1), "progress"),
        (lambda text: text.replace('owner = "Ana"', 'owner = "Ana"\nowner = "Bo"'), "TOML"),
        (lambda text: text.replace("schema_version = 2", "schema_version = 99"), "newer"),
    ],
    ids=["type", "unknown-table", "range", "duplicate-key", "schema"],
)
def test_files_the_store_refuses_are_skipped_with_its_message(
    tmp_path: Path,
    change,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    from workshop.core.errors import InvalidFileError

    path = tmp_path / "bad.toml"
    path.write_text(change(render_session(kick_off())), encoding="utf-8")

    with pytest.raises(InvalidFileError) as from_store:
        load_session(path)
    with pytest.raises(InvalidFileError) as from_report:
        SessionReader().read(path)
    assert str(from_report.value) == str(from_store.value)
    assert message in str(from_report.value)


def test_a_file_with_a_broken_idea_is_skipped_like_any_file_that_does_not_load(
    tmp_path: Path,
) -> None:
    """Issue 10 item 5: the report counted such a file as read; every other command refused it."""
    from workshop.core.errors import InvalidFileError

    (tmp_path / "good.toml").write_text(render_session(kick_off()), encoding="utf-8")
    text = render_session(kick_off()).replace('text = "Nobody calls back"', "text = 5")
    (tmp_path / "idea.toml").write_text(text, encoding="utf-8")

    with pytest.raises(InvalidFileError, match=r"idea\.toml: ideas\[\d+\]\.text: Input should"):
        SessionReader().read(tmp_path / "idea.toml")
    sessions, skipped = read_folder(tmp_path)
    assert [path.name for path, _ in sessions] == ["good.toml"]
    assert [(s.file, s.reason.split(": ")[1]) for s in skipped] == [("idea.toml", "ideas[0].text")]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_goes_to_stderr_only_on_a_terminal(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)

    assert command(["report", "--dir", str(folder), "--as-of", "2026-07-15"]) == 0

    assert capsys.readouterr().out == (GOLDEN / "all.md").read_text(encoding="utf-8")
    assert "Reading sessions" in terminal.getvalue()


def test_an_interrupted_review_keeps_what_was_answered(tmp_path: Path) -> None:
    session_file = review_file(tmp_path)
    replies = iter(["2", "", "half"])

    def ask(prompt: str) -> str:
        try:
            return next(replies)
        except StopIteration:
            raise KeyboardInterrupt from None

    said: list[str] = []
    with pytest.raises(KeyboardInterrupt):
        run_review(str(session_file.path), on=date(2026, 7, 1), ask=ask, say=said.append)

    assert load_session(session_file.path).actions[1].reviews[-1].note == "half"
    assert said[-1] == "Interrupted; every review answered so far is saved."


def test_a_file_with_tables_after_its_ideas_is_read_whole(tmp_path: Path) -> None:
    text = render_session(kick_off())
    ideas_at = text.index("[[ideas]]")
    ratings_at = text.index("[[ratings]]")
    actions_at = text.index("[[actions]]")
    moved = (
        text[:ratings_at]
        + text[actions_at:ideas_at]
        + text[ideas_at:]
        + "\n"
        + text[ratings_at:actions_at]
    )
    path = tmp_path / "reordered.toml"
    path.write_text(moved, encoding="utf-8")

    read = SessionReader().read(path)

    assert read.session.ratings == kick_off().ratings
    assert read.idea_count == len(kick_off().ideas)


def test_markdown_puts_the_success_index_and_owners_before_the_benchmark(folder: Path) -> None:
    markdown = render_markdown(report_folder(folder, AS_OF))
    teams = [s for s in markdown.split("\n## ")[2:] if not s.startswith("Files skipped")]
    assert [section.split("\n")[0] for section in teams] == ["Billing", "support"]
    for section in teams:
        index_at = section.index("Success index now:")
        owners_at = section.index("| Owner ")
        benchmark_at = section.index("### Benchmark means")
        assert index_at < owners_at < benchmark_at, section


def test_markdown_tables_are_aligned_like_the_session_export(folder: Path) -> None:
    from workshop.export.tables import display_width

    markdown = render_markdown(report_folder(folder, AS_OF))
    table: list[str] = []
    tables = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            table.append(line)
        elif table:
            tables.append(table)
            table = []
    assert len(tables) >= 6
    for lines in tables:
        assert len({display_width(line) for line in lines}) == 1, lines
        assert lines[1].startswith("| ---")
