"""A small form for one participant of the benchmark: a name and a segment, both optional."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from workshop.core.models import Participant
from workshop.tui.safe_text import literal
from workshop.tui.screens.closing import ClosesOnce
from workshop.tui.widgets.typing_boxes import TypingInput


class ParticipantForm(ClosesOnce, ModalScreen[tuple[str, str] | None]):
    """Dismisses with (name, segment), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="participant-form.cancel")]

    DEFAULT_CSS = """
    ParticipantForm { align: center middle; }
    ParticipantForm #participant-form {
        width: 64; height: auto; border: thick $primary; background: $surface; padding: 0 1;
    }
    ParticipantForm .participant-row { height: auto; }
    ParticipantForm .participant-label { width: 10; color: $text-accent; }
    ParticipantForm Input { width: 1fr; }
    ParticipantForm #participant-hint { color: $text-muted; }
    """

    def __init__(self, participant: Participant | None) -> None:
        super().__init__()
        self.participant = participant

    def compose(self) -> ComposeResult:
        participant = self.participant
        with Vertical(id="participant-form"):
            title = f"Edit {participant.label}" if participant else "A new participant"
            yield Static(literal(title, "bold"))
            with Horizontal(classes="participant-row"):
                yield Label(Content("Name"), classes="participant-label")
                yield TypingInput(
                    participant.name if participant else "",
                    id="participant-name",
                    placeholder="optional: blank shows 'Participant N'",
                )
            with Horizontal(classes="participant-row"):
                yield Label(Content("Segment"), classes="participant-label")
                yield TypingInput(
                    participant.segment if participant else "",
                    id="participant-segment",
                    placeholder="optional: department, role or site",
                )
            yield Static(Content("Enter saves · Esc cancels"), id="participant-hint")

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(
            (
                self.query_one("#participant-name", Input).value,
                self.query_one("#participant-segment", Input).value,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
