"""Snapshots of the follow-through screens: the review panel and the report, 80x24 and 120x40.

Dates are fixed (the review app's wall clock, the report's as-of date) and the report reads a
folder given by a relative path, so no temporary path shows on screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.report_harness import ReportApp, build_report_folder, review_app

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_review_panel(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(review_app(tmp_path), terminal_size=size)


def test_review_panel_scored_with_a_note(snap_compare, tmp_path: Path) -> None:
    async def score_and_note(pilot: Pilot[None]) -> None:
        pilot.app.query_one("#review-note", Input).cursor_blink = False
        await pilot.press("3", "r", "t", *"Waiting on IT [/b]")
        await pilot.pause()

    assert snap_compare(review_app(tmp_path), terminal_size=(80, 24), run_before=score_and_note)


def report_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ReportApp:
    build_report_folder(tmp_path / "sessions")
    monkeypatch.chdir(tmp_path)
    return ReportApp(Path("sessions"))


def after_loading(*keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_report_team_benchmark(
    snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    app = report_app(tmp_path, monkeypatch)
    assert snap_compare(app, terminal_size=size, run_before=after_loading("down", "down"))


def test_report_all_teams_actions(
    snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = report_app(tmp_path, monkeypatch)
    assert snap_compare(app, terminal_size=(80, 24), run_before=after_loading("2"))


def test_report_team_index(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = report_app(tmp_path, monkeypatch)
    assert snap_compare(app, terminal_size=(80, 24), run_before=after_loading("down", "down", "3"))


def test_report_skipped(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = report_app(tmp_path, monkeypatch)
    assert snap_compare(app, terminal_size=(80, 24), run_before=after_loading("4"))


def test_report_empty_folder(
    snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "sessions").mkdir()
    monkeypatch.chdir(tmp_path)
    app = ReportApp(Path("sessions"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=after_loading())
