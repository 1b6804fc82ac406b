"""Help for the focused part of the screen, and the keys that work everywhere."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from workshop.tui.screens.closing import ClosesOnce

SESSION_KEYS = """\
## Keys on the session screen

| Key | Does |
| --- | --- |
| F7 / F8 (alt+← / alt+→) | previous / next activity |
| ctrl+g | jump to an activity by name |
| ctrl+t | start or pause the timer |
| F6 | add a minute to the timer |
| F2 | large-digit timer |
| F3 | show or hide the agenda's notes for the facilitator (never exported) |
| ctrl+b | show or hide the agenda outline |
| ctrl+z | undo the last change, named; one made in another activity needs ctrl+z twice |
| F9 | the room: participants join from their phones (address, code, QR); again: how to join, stop |
| ctrl+r | reveal the current activity's results on the projector page, or hide them |
| F4 | light theme for projectors, and back |
| ctrl+p | command palette: export, themes, the session's folder, the room... |
| F1 | this help |
| ctrl+q | quit (everything is already saved) |
"""

HOME_KEYS = """\
## Keys on the home screen

| Key | Does |
| --- | --- |
| n | new session |
| Enter | open the highlighted session |
| r | follow-through report: benchmarks, actions and the success index over time |
| ctrl+p | command palette |
| F4 | light theme for projectors, and back |
| ctrl+q | quit |
"""


class HelpScreen(ClosesOnce, ModalScreen[None]):
    """Markdown help in a box; Escape, F1 or q closes it."""

    BINDINGS = [Binding("escape,f1,q,question_mark", "close", "Close", id="help.close")]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box", classes="dialog") as box:
            box.border_title = "Help"
            box.border_subtitle = "Esc closes · ↑↓ scroll"
            yield Markdown(self.markdown, id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-box").focus()

    def action_close(self) -> None:
        self.dismiss(None)
