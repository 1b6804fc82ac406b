"""Every panel works at 80x24 with nothing needed off screen, and reads at 60x20 (issue #9,
item 15). Driven on the demo session, as the snapshots are; these check what the snapshots
only show."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import SelectionList

from workshop.tui.app import WorkshopApp
from workshop.tui.screens.session import SessionScreen
from workshop.tui.widgets.footer import FOOTER_KEY

from .harness import demo_at, wait_until
from .shell_fixtures import FakeClock, fixed_wall_clock

SIZES = [(80, 24), (60, 20)]


def demo_app(activity_id: str, label: str) -> WorkshopApp:
    path = demo_at("customer-focus", activity_id, f"fits-{label}")
    return WorkshopApp(path, path.parent, clock=FakeClock(), wall_clock=fixed_wall_clock)


async def opened(pilot: object, app: WorkshopApp) -> SessionScreen:
    await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))  # type: ignore[arg-type]
    screen = app.screen
    assert isinstance(screen, SessionScreen)
    await wait_until(pilot, lambda: not screen.holds_keys)  # type: ignore[arg-type]
    return screen


def on_screen(widget: Widget) -> bool:
    """Whole, and inside the terminal."""
    region, screen = widget.region, widget.screen.region
    return region.height > 0 and screen.contains_region(region)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "60x20"])
async def test_the_action_form_shows_its_hint_and_where_an_action_comes_from(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = demo_app("action-plan", f"form-{size[0]}")
    async with app.run_test(size=size) as pilot:
        await opened(pilot, app)
        await pilot.press("n")
        await wait_until(pilot, lambda: bool(app.screen.query("#plan-form-sources")))
        await pilot.pause()
        form = app.screen
        assert on_screen(form.query_one("#plan-form-keys"))
        assert on_screen(form.query_one("#plan-form-sources-label"))
        sources = form.query_one("#plan-form-sources", SelectionList)
        assert on_screen(sources) and sources.size.height >= min(sources.option_count, 6)
        sources.focus()
        await pilot.pause()
        for _ in range(sources.option_count - 1):
            await pilot.press("down")
        await pilot.pause()
        highlighted = sources.highlighted
        assert highlighted == sources.option_count - 1
        top = sources.scroll_offset.y
        assert top <= highlighted < top + sources.size.height  # the ticked entry is seen


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "60x20"])
async def test_the_debate_question_stays_in_view_from_item_to_item(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = demo_app("debate-blocks", f"debate-{size[0]}")
    async with app.run_test(size=size) as pilot:
        screen = await opened(pilot, app)
        await pilot.press("d")  # to the decision, at the foot of the fields
        await pilot.pause()
        await pilot.press("pagedown")  # the next item
        await pilot.pause()
        verdict = screen.query_one("#debate-verdict")
        assert on_screen(verdict)
        assert "y: yes" in str(verdict.content) and "n: no" in str(verdict.content)  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)], ids=str)
async def test_the_footer_shows_whole_keys_only(tmp_path: Path, size: tuple[int, int]) -> None:
    app = demo_app("benchmark", f"footer-{size[0]}")
    async with app.run_test(size=size) as pilot:
        screen = await opened(pilot, app)
        await pilot.pause()
        keys = [key for key in screen.query(FOOTER_KEY) if key.display]
        palette = next(key for key in keys if key.has_class("-command-palette"))
        shown = [key for key in keys if key is not palette]
        assert len(shown) >= 2
        assert all(key.region.right <= palette.region.x for key in shown)


async def test_a_themes_count_stays_on_its_line(tmp_path: Path) -> None:
    app = demo_app("group-themes", "themes")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot, app)
        await pilot.pause()
        lines = [
            strip.text
            for strip in screen.query_one("#themes").render_lines(
                screen.query_one("#themes").content_region.reset_offset
            )
        ]
        assert any(" 1  5  Nobody owns" in line for line in lines), lines
        assert not any(line.strip().startswith("problem") for line in lines)


async def test_the_outline_beside_the_plan_leaves_it_room(tmp_path: Path) -> None:
    app = demo_app("action-plan", "outline")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot, app)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert screen.query_one("#outline").display
        assert screen.query_one("#plan-actions").size.width >= 40
