"""A yes/no question before anything destructive. Dismisses with True for yes."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from workshop.tui.screens.closing import ClosesOnce


class ConfirmScreen(ClosesOnce, ModalScreen[bool]):
    """Ask a question; `y` / Enter on Yes answers yes, `n` / Escape answers no."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(
        self, question: Content | str, *, yes: str = "Yes", no: str = "No", title: str = ""
    ) -> None:
        super().__init__()
        # A str here is our own wording; anything a person typed must come in as Content.
        self.question = question if isinstance(question, Content) else Content(question)
        self.yes_label = yes
        self.no_label = no
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            if self.title_text:
                yield Static(Content(self.title_text), classes="dialog-title")
            yield Static(self.question, id="confirm-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(self.yes_label), variant="error", id="confirm-yes")
                yield Button(Content(self.no_label), variant="primary", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)
