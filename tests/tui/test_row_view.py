"""The rows both line-API widgets share (RowView): what is drawn on screen once the score grid
has scrolled, and its paging."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.pilot import Pilot

from workshop.core.agenda import Criterion, Scale
from workshop.core.models import Participant
from workshop.tui.widgets.rating_grid import RatingGrid


class GridApp(App[None]):
    """A score grid alone: 30 participants, 3 criteria, on a short screen."""

    def compose(self) -> ComposeResult:
        grid = RatingGrid(Scale(low=1, high=5))
        grid.set_criteria([Criterion(id=f"c{number}", title=f"C{number}") for number in (1, 2, 3)])
        yield grid

    def on_mount(self) -> None:
        grid = self.query_one(RatingGrid)
        people = [Participant(id=f"p{number}", name=f"Person {number}") for number in range(30)]
        grid.show(people, {})
        grid.focus()


def drawn(grid: RatingGrid) -> list[str]:
    """The grid's lines as the screen has them (repainted only where a refresh asked)."""
    return [line.text for line in grid.render_lines(Region(0, 0, *grid.size))]


async def scrolled_to_person_20(pilot: Pilot[None]) -> RatingGrid:
    grid = pilot.app.query_one(RatingGrid)
    await pilot.press(*["down"] * 20)
    await pilot.pause()
    assert grid.scroll_offset.y > 0
    return grid


async def test_a_score_typed_on_a_scrolled_grid_is_drawn_at_once() -> None:
    async with GridApp().run_test(size=(40, 10)) as pilot:
        grid = await scrolled_to_person_20(pilot)
        await pilot.press("3")  # the cursor moves on to the next criterion, on the same row
        await pilot.pause()
        row = next(line for line in drawn(grid) if line.startswith("Person 20 "))
        assert row.split()[2:5] == ["3", "·", "·"]
        assert grid.cell_text("p20", "c1") == "3"


async def test_a_flagged_column_shows_in_the_header_of_a_scrolled_grid() -> None:
    async with GridApp().run_test(size=(40, 10)) as pilot:
        grid = await scrolled_to_person_20(pilot)
        grid.flag_columns({"c2"})
        await pilot.pause()
        assert drawn(grid)[0].split() == ["1", "2!", "3"]


async def test_page_down_moves_all_the_rows_shown_but_one() -> None:
    async with GridApp().run_test(size=(40, 10)) as pilot:
        grid = pilot.app.query_one(RatingGrid)
        await pilot.pause()
        rows_shown = grid.scrollable_content_region.height - 1  # under the header line
        await pilot.press("pagedown")
        assert grid.cursor_coordinate.row == rows_shown - 1
        await pilot.press("pagedown", "pageup")
        assert grid.cursor_coordinate.row == rows_shown - 1
