"""What the screen shows after each change (issue #9, "Wrong on screen"): read from the frame."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App

from tests.tui.programme_app import PanelApp, new_session_file


def screen_lines(app: App[Any]) -> list[str]:
    """The composed frame as plain text, one string per terminal row."""
    strips = app.screen._compositor.render_strips()  # noqa: SLF001 - test-only peek
    return [strip.text for strip in strips]


def region_lines(app: App[Any], selector: str) -> list[str]:
    """The frame's text inside one widget's region."""
    region = app.query_one(selector).region
    lines = screen_lines(app)[region.y : region.bottom]
    return [line[region.x : region.right] for line in lines]


def grid_cells(app: App[Any], label: str) -> list[str]:
    """What the rating grid's row for `label` shows in its cells, as drawn."""
    row = next(line for line in region_lines(app, "#rate-grid") if line.startswith(label))
    return row[len(label) :].split()


# --- 1: a typed score is in its cell in the next frame -----------------------------------------


async def test_rate_typed_scores_are_in_their_cells_on_screen(tmp_path: Path) -> None:
    session_file = new_session_file(tmp_path)
    app = PanelApp(session_file, "benchmark")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert grid_cells(app, "Participant 1") == ["·"] * 11
        for digit in "3425":
            await pilot.press(digit)
            await pilot.pause()
        assert grid_cells(app, "Participant 1") == ["3", "4", "2", "5"] + ["·"] * 7
        await pilot.press("shift+tab", "shift+tab", "delete")
        await pilot.pause()
        assert grid_cells(app, "Participant 1")[:5] == ["3", "4", "·", "5", "·"]
