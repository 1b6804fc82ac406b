"""Present: the activity's talking points, large, one at a time, and the facilitator's notes."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static, TextArea

from workshop.core import ops
from workshop.core.agenda import Activity
from workshop.core.models import Session
from workshop.store.editor import Change, Saved
from workshop.tui.panels.base import ActivityPanel
from workshop.tui.widgets.idea_text import literal
from workshop.tui.widgets.typing_text_area import TypingTextArea

NOTES_SAVE_DELAY_SECONDS = 1.0
"""Notes are saved this long after the last keystroke, and whenever the notes box loses focus."""


class TalkingPoint(Static, can_focus=True):
    """The point being discussed; focusable so the arrow keys move between points."""


class PresentPanel(ActivityPanel):
    DEFAULT_CSS = """
    PresentPanel {
        layout: vertical;
        & #position { height: 1; padding: 0 1; color: $text-muted; }
        & TalkingPoint {
            height: 1fr;
            min-height: 3;
            padding: 1 2;
            text-style: bold;
            content-align: center middle;
            text-align: center;
        }
        & TalkingPoint:focus { background-tint: $foreground 5%; }
        & #notes { height: 1fr; min-height: 4; }
        & #notes-status { height: 1; padding: 0 1; color: $text-muted; }
    }
    """

    SHOWS_PROMPT = True

    HELP = """\
# Present

The talking points of this activity, one at a time, large enough to read from the back of
the room. Notes typed below are saved a second after you stop typing, and when you leave
the notes box.

| Key | What it does |
| :- | :- |
| right, n, space | Next point |
| left, p | Previous point |
| Home / End | First / last point |
| Tab | Into the notes box (and out again) |
| Esc | From the notes back to the points |
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,n,space", "next_point", "Next", id="present.next"),
        Binding("left,p", "previous_point", "Previous", id="present.previous"),
        Binding("home", "first_point", "First", show=False, id="present.first"),
        Binding("end", "last_point", "Last", show=False, id="present.last"),
        Binding("escape", "leave_notes", "Leave notes", show=False, id="present.leave_notes"),
    ]

    def __init__(self, activity: Activity, session: Session, **kwargs: Any) -> None:
        super().__init__(activity, session, **kwargs)
        self.point_index = 0
        self._saved_notes = ops.note_for(session, activity.id)
        self._typed_notes = self._saved_notes
        self._save_timer: Timer | None = None

    @property
    def points(self) -> list[str]:
        return self.activity.prompts

    def compose(self) -> ComposeResult:
        yield Static(id="position")
        yield TalkingPoint(id="point")
        yield TypingTextArea(
            self._saved_notes, id="notes", soft_wrap=True, show_line_numbers=False
        )
        yield Static(id="notes-status")

    def on_mount(self) -> None:
        self.query_one("#notes", TextArea).border_title = "Notes"
        self._show_point()
        self._show_notes_status("Notes are saved as you type.")
        self.query_one(TalkingPoint).focus()

    # --- talking points ----------------------------------------------------------------------

    def _show_point(self) -> None:
        point = self.query_one(TalkingPoint)
        position = self.query_one("#position", Static)
        if not self.points:
            position.update(literal(self.activity.title))
            point.update(Content("No talking points in the agenda: use the notes below."))
            return
        self.point_index = max(0, min(self.point_index, len(self.points) - 1))
        position.update(
            Content.assemble(
                (f"{self.point_index + 1} / {len(self.points)}", "bold"),
                "  ",
                literal(self.activity.title),
            )
        )
        point.update(literal(self.points[self.point_index]))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_notes":
            return self.is_mounted and self.query_one("#notes", TextArea).has_focus
        return True

    def action_next_point(self) -> None:
        self.point_index += 1
        self._show_point()

    def action_previous_point(self) -> None:
        self.point_index -= 1
        self._show_point()

    def action_first_point(self) -> None:
        self.point_index = 0
        self._show_point()

    def action_last_point(self) -> None:
        self.point_index = len(self.points) - 1
        self._show_point()

    def action_leave_notes(self) -> None:
        self.query_one(TalkingPoint).focus()

    # --- notes ---------------------------------------------------------------------------------

    @property
    def notes_text(self) -> str:
        return self.query_one("#notes", TextArea).text

    @on(TextArea.Changed, "#notes")
    def notes_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._typed_notes = self.notes_text
        if self._typed_notes == self._saved_notes:
            return
        self._show_notes_status("Typing… (saved after a pause)")
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(NOTES_SAVE_DELAY_SECONDS, self.save_notes)

    @on(events.DescendantBlur)
    def notes_left(self, event: events.DescendantBlur) -> None:
        if getattr(event.widget, "id", None) == "notes":
            self.save_notes()

    def save_typed(self) -> None:
        self.save_notes()

    def unsaved_text(self) -> str:
        return "" if self._typed_notes == self._saved_notes else self._typed_notes

    def on_unmount(self) -> None:
        self.save_notes()

    def save_notes(self) -> None:
        """Save the notes, unless they already are."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        text = self._typed_notes
        if text == self._saved_notes:
            return
        activity_id = self.activity.id
        saved = self.save(
            Change(lambda session: ops.set_note(session, activity_id, text), "Save the notes")
        )
        if isinstance(saved, Saved):
            self._saved_notes = text
            self._show_notes_status("✓ Notes saved")

    def _show_notes_status(self, text: str) -> None:
        for status in self.query("#notes-status").results(Static):
            status.update(Content(text))

    # --- the session ---------------------------------------------------------------------------

    def show_session(self, session: Session) -> None:
        self.session = session
        stored = ops.note_for(session, self.activity.id)
        notes = self.query_one("#notes", TextArea)
        # Notes changed elsewhere are taken in only when nothing typed here is unsaved.
        if stored != self._saved_notes and self._typed_notes == self._saved_notes:
            self._saved_notes = self._typed_notes = stored
            notes.load_text(stored)
