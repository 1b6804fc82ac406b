"""The capture input skips the screen layout on each key, but still scrolls to its cursor."""

from __future__ import annotations

from textual.app import App, ComposeResult

from workshop.tui.widgets.idea_input import CaptureInput

from .harness import wait_until
from .shell_fixtures import send_burst


class OneInput(App[None]):
    def compose(self) -> ComposeResult:
        yield CaptureInput(id="idea")


async def test_a_long_idea_scrolls_so_the_cursor_stays_in_view() -> None:
    app = OneInput()
    async with app.run_test(size=(40, 5)) as pilot:
        capture = app.query_one(CaptureInput)
        capture.focus()
        send_burst(app, "word " * 20)  # 100 keys in one burst, as a fast typist sends them
        await wait_until(pilot, lambda: capture.value == "word " * 20)
        await pilot.pause()
        assert capture.scroll_x > 0
        cursor_x = capture.cursor_screen_offset.x
        assert capture.content_region.x <= cursor_x <= capture.content_region.right

        await pilot.press("home")
        await pilot.pause()
        assert capture.scroll_x == 0


async def test_enter_hands_the_idea_to_capture_in_its_own_handling() -> None:
    # Called at once, not through a message: the cleared box and the saved idea are drawn in
    # one frame (bench/bench_terminal.py --only enter measures it in a real terminal).
    captured: list[str] = []

    class Capturing(App[None]):
        def compose(self) -> ComposeResult:
            yield CaptureInput(id="idea", capture=captured.append)

    app = Capturing()
    async with app.run_test(size=(40, 5)):
        box = app.query_one(CaptureInput)
        box.value = "Invoices are late"
        await box.action_submit()
        assert captured == ["Invoices are late"]  # before any message was handled
        assert box.value == ""
