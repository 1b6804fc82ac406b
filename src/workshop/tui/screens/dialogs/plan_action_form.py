"""The form that writes or edits one action of the plan, as a modal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from workshop.core.agenda import Horizon
from workshop.core.models import Action
from workshop.tui.safe_text import literal
from workshop.tui.screens.closing import ClosesOnce
from workshop.tui.screens.dialogs.confirm import ConfirmScreen
from workshop.tui.widgets.typing_boxes import TypingInput


@dataclass(frozen=True)
class SourceChoice:
    """An idea or theme the action may come from."""

    id: str
    text: str


class PlanActionForm(ClosesOnce, ModalScreen[dict[str, Any] | None]):
    """Title, owner, horizon, measure, due date and sources. Dismisses with the fields or None."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="plan-form.save"),
        Binding("escape", "cancel", "Cancel", id="plan-form.cancel"),
    ]

    DEFAULT_CSS = """
    PlanActionForm { align: center middle; }
    PlanActionForm #plan-form {
        width: 90%;
        max-width: 100;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    PlanActionForm #plan-form-title { text-style: bold; }
    PlanActionForm .plan-form-row { height: auto; }
    PlanActionForm .plan-form-label { width: 10; padding-top: 0; color: $text-accent; }
    PlanActionForm #plan-form-sources-label { width: 1fr; color: $text-accent; }
    PlanActionForm Input { width: 1fr; }
    PlanActionForm Select { width: 1fr; }
    PlanActionForm #plan-form-fields { height: auto; }
    PlanActionForm #plan-form-sources { height: auto; max-height: 10; }
    PlanActionForm #plan-form-error { color: $error; height: auto; }
    PlanActionForm #plan-form-error.-empty { display: none; }
    PlanActionForm #plan-form-keys { color: $text-muted; }
    """

    def __init__(
        self,
        action: Action | None,
        sources: list[SourceChoice],
        *,
        title: str = "",
        ideas: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self.action = action
        self.sources = sources
        self.start_title = action.title if action else title
        self.start_ideas = list(action.ideas) if action else list(ideas)
        due = action.due.isoformat() if action and action.due else ""
        self.opened_with = {
            "plan-form-what": self.start_title,
            "plan-form-owner": action.owner if action else "",
            "plan-form-measure": action.measure if action else "",
            "plan-form-due": due,
        }
        """The text of each box as the form opened (Esc asks before it throws other text away)."""

    def compose(self) -> ComposeResult:
        action = self.action
        with Vertical(id="plan-form"):
            heading = "Edit the action" if action else "A new action"
            yield Static(Content(heading), id="plan-form-title")
            with VerticalScroll(id="plan-form-fields"):
                yield from self._row("What", self._text_box("what", "Start with a verb"))
                yield from self._row("Owner", self._text_box("owner", "One name, in the room"))
                horizon = action.horizon if action else Horizon.THREE_MONTHS
                yield from self._row("When", Select(
                    [(h.label, h.value) for h in Horizon], value=horizon.value,
                    allow_blank=False, id="plan-form-horizon", compact=True))
                yield from self._row(
                    "Measure", self._text_box("measure", "How will we know it worked?")
                )
                yield from self._row("Due", self._text_box("due", "YYYY-MM-DD (optional)"))
            if self.sources:
                yield Label(
                    Content("Comes from (↑ ↓, space ticks)"), id="plan-form-sources-label"
                )
                yield SelectionList[str](
                    *[
                        Selection(literal(s.text), s.id, s.id in self.start_ideas)
                        for s in self.sources
                    ],
                    id="plan-form-sources",
                    compact=True,
                )
            yield Static("", id="plan-form-error", classes="-empty")
            yield Static(Content("Enter or ctrl+s saves · Esc cancels"), id="plan-form-keys")

    def _text_box(self, field: str, placeholder: str) -> TypingInput:
        """The box for `field` (what, owner, measure, due), holding what the form opened with."""
        box_id = f"plan-form-{field}"
        return TypingInput(
            self.opened_with[box_id], id=box_id, placeholder=placeholder, compact=True
        )

    @staticmethod
    def _row(label: str, widget: Any) -> ComposeResult:
        with Horizontal(classes="plan-form-row"):
            yield Label(Content(label), classes="plan-form-label")
            yield widget

    def on_mount(self) -> None:
        self.query_one("#plan-form-what", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def text_changed(self) -> bool:
        """Whether a box holds text other than what it opened with."""
        return any(
            self.query_one(f"#{box_id}", Input).value != text
            for box_id, text in self.opened_with.items()
        )

    def action_cancel(self) -> None:
        if not self.text_changed():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        what = "the changes to this action" if self.action else "this action"
        self.app.push_screen(
            ConfirmScreen(
                f"Discard {what}? What was typed is lost.",
                yes="Discard",
                no="Keep editing",
                title="Discard?",
            ),
            answered,
        )
        # The keys typed after the Esc are the question's (y, n, Enter on Keep editing).
        self.answer_handled()

    def action_save(self) -> None:
        # Stored as typed (see ops.clean_text); blank counts as empty.
        title = self.query_one("#plan-form-what", Input).value
        error = self.query_one("#plan-form-error", Static)
        if not title.strip():
            error.update(Content("An action needs a title: what will be done?"))
            error.remove_class("-empty")
            self.query_one("#plan-form-what", Input).focus()
            return
        due_text = self.query_one("#plan-form-due", Input).value.strip()
        due: date | None = None
        if due_text:
            try:
                due = date.fromisoformat(due_text)
            except ValueError:
                error.update(Content(f"Due date: write it as YYYY-MM-DD, not {due_text!r}"))
                error.remove_class("-empty")
                self.query_one("#plan-form-due", Input).focus()
                return
        horizon = self.query_one("#plan-form-horizon", Select).value
        ideas = list(self.start_ideas)
        if self.sources:
            chosen = self.query_one("#plan-form-sources", SelectionList).selected
            offered = {s.id for s in self.sources}
            ideas = [i for i in ideas if i not in offered or i in chosen]
            ideas += [i for i in chosen if i not in ideas]
        self.dismiss(
            {
                "title": title,
                "owner": self.query_one("#plan-form-owner", Input).value,
                "horizon": Horizon(str(horizon)),
                "measure": self.query_one("#plan-form-measure", Input).value,
                "due": due,
                "ideas": ideas,
            }
        )
