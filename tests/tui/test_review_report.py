"""Pilot tests of the review panel and the report screen: keys in, screen and saved files out."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from textual.app import App
from textual.widgets import DataTable, Input, OptionList, ProgressBar

from tests.conftest import shipped_agenda
from tests.hostile import TYPED_MARKUP as HOSTILE
from tests.tui.report_harness import (
    BROKEN_FILE,
    REPORT_DAY,
    REVIEW_DAY,
    TEAM,
    ReportApp,
    at,
    build_report_folder,
    report_loaded,
    review,
    review_app,
    review_session,
    saved,
    screen_text,
    text_of,
)
from workshop.core import ops
from workshop.core.agenda import ActionStatus, Agenda
from workshop.core.success import success_index, track
from workshop.store.folder import new_session_path
from workshop.store.report_folder import report_folder
from workshop.store.session_file import SessionFile
from workshop.tui.panels.review import EMPTY_TEXT, ReviewPanel, remove_review
from workshop.tui.screens.report import ReportScreen

# --- the review panel -------------------------------------------------------------------------


def listed(app: App[Any]) -> list[str]:
    options = app.screen.query_one("#review-actions", OptionList)
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


async def test_review_lists_open_actions_first_and_shows_the_history(tmp_path: Path) -> None:
    app = review_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        rows = listed(app)
        assert [row.split("\n")[0] for row in rows] == [
            "Call back within a day",
            f"Plain invoices {HOSTILE}",
            "Map the journey",  # dropped: after the open ones
        ]
        assert "2 halfway, on track" in rows[0]
        assert app.focused is app.query_one("#review-actions")
        details = text_of(app, "#review-action")
        assert "Owner Ana" in details
        assert "Measure 90% called back" in details
        assert "2026-08-01  2 halfway · on track  “half the team”" in details
        progress = text_of(app, "#review-progress")
        for meaning in ("0 not started", "1 started", "2 halfway", "3 nearly there", "4 done"):
            assert meaning in progress
        # a1 weighs 1 at 2/4, a2 weighs 96/182 at 0, a3 is dropped: 100 x 0.5 / 1.527.
        index_line = text_of(app, "#review-index")
        assert "Success index 33 today (2026-10-05)" in index_line
        assert "2 open · 0 done · 1 dropped" in index_line
        assert f"By owner: {HOSTILE} 0 · Ana 50 · (no owner) –" in index_line


async def test_score_status_note_and_enter_add_a_review_and_move_on(tmp_path: Path) -> None:
    app = review_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "r", "t")
        assert app.focused is app.query_one("#review-note", Input)
        await pilot.press(*HOSTILE, "enter")
        await pilot.pause()
        assert app.errors == []
        first = saved(app).actions[0]
        assert first.reviews[0] == review(date(2026, 8, 1), 2, "on-track", "half the team")
        assert first.reviews[1] == review(REVIEW_DAY, 3, "at-risk", HOSTILE)
        assert first.status is ActionStatus.AT_RISK
        # On to the next action, the list focused again, the index moved: 100 x 0.75 / 1.527.
        panel = app.query_one(ReviewPanel)
        current = panel.current_action()
        assert current is not None and current.id == "a2"
        assert app.focused is app.query_one("#review-actions")
        assert app.query_one("#review-note", Input).value == ""
        assert "Success index 49 " in text_of(app, "#review-index")
        assert success_index(track(saved(app)), REVIEW_DAY) is not None
        assert round(success_index(track(saved(app)), REVIEW_DAY) or 0) == 49
        assert "Ana 75" in text_of(app, "#review-index")


async def test_a_second_review_is_kept_beside_the_first(tmp_path: Path) -> None:
    app = review_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "enter")  # status follows the score: stays on track
        await pilot.pause()
        await pilot.press("up", "4", "enter")  # done: a1 moves to the closed ones
        await pilot.pause()
        first = saved(app).actions[0]
        assert [(r.date, r.progress, r.status.value) for r in first.reviews] == [
            (date(2026, 8, 1), 2, "on-track"),
            (REVIEW_DAY, 3, "on-track"),
            (REVIEW_DAY, 4, "done"),
        ]
        assert first.status is ActionStatus.DONE
        rows = [row.split("\n")[0] for row in listed(app)]
        assert rows[0].startswith("Plain invoices")
        assert set(rows[1:]) == {"Call back within a day", "Map the journey"}
        assert "1 open · 1 done · 1 dropped" in text_of(app, "#review-index")


async def test_enter_without_a_score_saves_nothing_and_says_why(tmp_path: Path) -> None:
    app = review_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d", "enter")
        await pilot.pause()
        assert len(saved(app).actions[0].reviews) == 1
        assert "Score the progress first" in text_of(app, "#review-hint")


async def test_a_typed_note_is_kept_while_moving_between_actions(tmp_path: Path) -> None:
    app = review_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "t", *"half way", "escape", "down")
        await pilot.pause()
        assert app.query_one("#review-note", Input).value == ""
        await pilot.press("up")
        await pilot.pause()
        assert app.query_one("#review-note", Input).value == "half way"


async def test_undo_takes_the_review_back_and_restores_the_status(tmp_path: Path) -> None:
    app = review_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4", "enter")
        await pilot.pause()
        assert saved(app).actions[0].status is ActionStatus.DONE
        await pilot.press("ctrl+z")
        await pilot.pause()
        first = saved(app).actions[0]
        assert len(first.reviews) == 1
        assert first.status is ActionStatus.ON_TRACK
        assert "Success index 33 " in text_of(app, "#review-index")


def test_remove_review_removes_only_that_review() -> None:
    session = review_session()
    same_day = review(REVIEW_DAY, 3, "on-track")
    ops.add_review(session, "a1", same_day)
    ops.add_review(session, "a1", same_day)  # the same answer twice: two reviews
    remove_review(session, "a1", same_day, ActionStatus.ON_TRACK)
    assert len(session.actions[0].reviews) == 2


async def test_review_panel_empty_state(tmp_path: Path) -> None:
    session = ops.new_session("Q3 review", shipped_agenda("quarterly-review"), on=REVIEW_DAY)
    app = review_app(tmp_path, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "enter")
        await pilot.pause()
        assert EMPTY_TEXT in screen_text(app)
        assert saved(app).actions == []
        assert app.errors == []


# --- the report screen ------------------------------------------------------------------------


def table_rows(app: App[Any], table_id: str) -> list[list[str]]:
    table = app.screen.query_one(f"#{table_id}", DataTable)
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


async def test_report_shows_teams_benchmark_actions_and_index(tmp_path: Path) -> None:
    folder = build_report_folder(tmp_path / "sessions")
    expected = report_folder(folder, REPORT_DAY)
    app = ReportApp(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await report_loaded(pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        teams = screen.query_one("#report-teams", OptionList)
        names = [str(teams.get_option_at_index(n).prompt) for n in range(teams.option_count)]
        assert names == ["All teams", "Billing", TEAM]
        assert "3 sessions read, 1 file skipped" in text_of(app, "#report-summary")

        # All teams: quarters over the whole folder.
        assert [row[:3] for row in table_rows(app, "actions-table")] == [
            ["2026-Q1", "4", "0"],
            ["2026-Q2", "1", "1"],
            ["2026-Q3", "0", "0"],
        ]
        assert [row[1] for row in table_rows(app, "index-table")] == [
            f"{row.index:.1f}" for row in expected.quarters
        ]

        await pilot.press("down", "down")  # the support team
        await pilot.pause()
        benchmark = table_rows(app, "benchmark-table")
        assert [[row[0], *row[2:]] for row in benchmark] == [
            ["● 1", "4.0", "3.00 (3)", "4.00 (2)"],
            ["● 2", "4.0", "2.00 (3)", "2.50 (2)"],
            ["● 3", "4.0", "2.00 (3)", "3.50 (2)"],
        ]
        titles = ["Basic customer knowledge", "Systems and processes", "Acting on feedback"]
        for row, title in zip(benchmark, titles, strict=True):  # long titles are cut short
            assert title.startswith(row[1].rstrip("…"))
        support = next(team for team in expected.teams if team.team == TEAM)
        assert [row[:4] for row in table_rows(app, "actions-table")] == [
            [row.quarter, str(row.opened), str(row.done), f"{row.index:.1f}"]
            for row in support.quarters
        ]
        assert table_rows(app, "index-groups-table") == [
            [row.owner, str(row.actions), str(row.done), f"{row.index:.1f}"]
            for row in support.owners
        ]
        assert table_rows(app, "index-groups-table")[0][0] == "Ana [b]"
        assert f"{TEAM}: success index now {support.index:.0f}" in text_of(app, "#index-note")
        await pilot.press("3")
        await pilot.pause()
        assert "success index now" in screen_text(app)


async def test_report_lists_the_broken_file_as_skipped(tmp_path: Path) -> None:
    folder = build_report_folder(tmp_path / "sessions")
    app = ReportApp(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await report_loaded(pilot)
        await pilot.press("4")
        await pilot.pause()
        skipped = text_of(app, "#skipped-list")
        assert skipped.startswith(f"• {BROKEN_FILE}")
        assert "invalid TOML" in skipped
        assert "1 file(s) could not be read" in text_of(app, "#skipped-note")
        assert BROKEN_FILE in screen_text(app)


async def test_report_opens_on_the_team_asked_for_and_escape_closes_it(tmp_path: Path) -> None:
    folder = build_report_folder(tmp_path / "sessions")
    app = ReportApp(folder, team="  support [/B] DESK")
    async with app.run_test(size=(80, 24)) as pilot:
        await report_loaded(pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        assert screen.query_one("#report-teams", OptionList).highlighted == 2
        assert text_of(app, "#benchmark-note").startswith(f"{TEAM}: mean score")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReportScreen)


async def test_report_of_an_empty_folder_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "[b]empty"
    folder.mkdir()
    app = ReportApp(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await report_loaded(pilot)
        assert f"No sessions in {folder} yet." in text_of(app, "#report-message")
        assert not app.screen.query_one("#report-body").display


async def test_report_of_a_missing_folder_says_why(tmp_path: Path) -> None:
    app = ReportApp(tmp_path / "nowhere")
    async with app.run_test(size=(80, 24)) as pilot:
        await report_loaded(pilot)
        message = text_of(app, "#report-message")
        assert message.startswith("Cannot make the report: ")
        assert "no such folder" in message


async def test_report_progress_message_moves_the_bar(tmp_path: Path) -> None:
    folder = build_report_folder(tmp_path / "sessions")
    app = ReportApp(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await report_loaded(pilot)
        screen = app.screen
        screen.post_message(ReportScreen.Progress(3, 7))
        await pilot.pause()
        bar = screen.query_one(ProgressBar)
        assert (bar.progress, bar.total) == (3, 7)
        assert text_of(app, "#report-loading-text").endswith("3 of 7 files")


async def test_report_shows_markup_in_criteria_teams_and_owners_literally(tmp_path: Path) -> None:
    agenda = Agenda.model_validate(
        {
            "title": "Hostile agenda",
            "steps": [
                {
                    "id": "one",
                    "title": "One",
                    "activities": [
                        {
                            "id": "benchmark",
                            "kind": "rate",
                            "title": "Benchmark",
                            "criteria": [{"id": "odd", "title": HOSTILE, "target": 3.0}],
                        },
                        {"id": "plan", "kind": "plan", "title": "Plan"},
                    ],
                }
            ],
        }
    )
    day = date(2026, 5, 4)
    session = ops.new_session("[link=x]Odd[/link]", agenda, team=HOSTILE, on=day)
    ops.add_participant(session, "[@click=app.quit]me[/]")
    ops.set_rating(session, "benchmark", "p1", "odd", 4)
    ops.add_action(session, "Act", owner="[@click=app.quit]Bo[/]", at=at(day))
    folder = tmp_path / "sessions"
    folder.mkdir()
    SessionFile.create(new_session_path(folder, session.title, session.date), session)
    app = ReportApp(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await report_loaded(pilot)
        teams = app.screen.query_one("#report-teams", OptionList)
        assert [str(teams.get_option_at_index(0).prompt)] == [HOSTILE]
        (row,) = table_rows(app, "benchmark-table")
        assert row[1] == HOSTILE and row[3] == "4.00 (1)"
        await pilot.press("3")
        await pilot.pause()
        assert table_rows(app, "index-groups-table")[0][0] == "[@click=app.quit]Bo[/]"
        assert text_of(app, "#index-note").startswith(f"{HOSTILE}: success index now")
        assert isinstance(app.screen, ReportScreen)
