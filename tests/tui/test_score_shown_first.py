"""A typed score is drawn in its cell before it is saved, marked until the save is done
(issue #9: "the cell visible within one frame"), and never lost on the way."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from tests.tui.harness import wait_until
from tests.tui.shell_fixtures import make_session, send_burst
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.session import SessionScreen
from workshop.tui.widgets.rating_grid import RatingGrid


def benchmark_with_one_rater(folder: Path) -> Path:
    return make_session(folder, current="benchmark")


def scores_on_disk(path: Path) -> list[int]:
    return [rating.score for rating in load_session(path).ratings]


async def open_grid(app: WorkshopApp, pilot: object) -> RatingGrid:
    await wait_until(pilot, lambda: bool(app.screen.query(RatingGrid)))  # type: ignore[arg-type]
    grid = app.screen.query_one(RatingGrid)
    await wait_until(pilot, lambda: grid.has_focus)  # type: ignore[arg-type]
    send_burst(app, "a")  # the first person to rate
    await wait_until(pilot, lambda: grid.row_count == 1)  # type: ignore[arg-type]
    return grid


async def test_the_score_is_drawn_before_the_save_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = benchmark_with_one_rater(tmp_path)
    app = WorkshopApp(session_path=path, sessions_folder=tmp_path)
    events: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        grid = await open_grid(app, pilot)
        real_render_line = RatingGrid.render_line
        real_change = SessionFile.change

        def render_line(self: RatingGrid, y: int) -> object:
            strip = real_render_line(self, y)
            if " 4 " in strip.text:
                events.append("drawn")
            return strip

        def change(self: SessionFile, edit: object) -> object:
            events.append("saved")
            return real_change(self, edit)  # type: ignore[arg-type]

        monkeypatch.setattr(RatingGrid, "render_line", render_line)
        monkeypatch.setattr(SessionFile, "change", change)
        send_burst(app, "4")
        await wait_until(pilot, lambda: scores_on_disk(path) == [4])
        first_cell = (grid.participant_ids[0], grid.criterion_ids[0])
        await wait_until(pilot, lambda: grid.cell_text(*first_cell) == "4")
    assert "drawn" in events and "saved" in events
    assert events.index("drawn") < events.index("saved")


async def test_a_score_not_saved_yet_stays_shown_and_marked_until_it_is(tmp_path: Path) -> None:
    path = benchmark_with_one_rater(tmp_path)
    app = WorkshopApp(session_path=path, sessions_folder=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        grid = await open_grid(app, pilot)
        key = (grid.participant_ids[0], grid.criterion_ids[0])
        path.chmod(0o400)  # the save fails (the file's own mode bits are the rule)
        try:
            send_burst(app, "3")
            screen = app.screen
            assert isinstance(screen, SessionScreen)
            await wait_until(pilot, lambda: screen.editor.pending == 1)
            assert grid.cell_text(*key) == "3"
            assert key in grid._typed  # noqa: SLF001 - the mark is the widget's own state
            assert scores_on_disk(path) == []
        finally:
            path.chmod(0o600)
        await wait_until(pilot, lambda: scores_on_disk(path) == [3])  # the retry saves it
        await wait_until(pilot, lambda: key not in grid._typed)  # noqa: SLF001
        assert grid.cell_text(*key) == "3"


async def test_a_score_typed_with_the_quit_in_one_burst_is_saved(tmp_path: Path) -> None:
    path = benchmark_with_one_rater(tmp_path)
    app = WorkshopApp(session_path=path, sessions_folder=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_grid(app, pilot)
        send_burst(app, "5")
        # ctrl+q read in the same burst: handled before the frame that shows the 5, so before
        # the save that waits for that frame.
        app.post_message(events.Key("ctrl+q", None))
        await wait_until(pilot, lambda: app.return_code is not None)
    assert scores_on_disk(path) == [5]
