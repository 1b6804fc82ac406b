"""The base of every activity panel: the part of the session screen that runs one activity."""

from __future__ import annotations

from typing import ClassVar

from textual.widget import Widget

from workshop.core.agenda import Activity
from workshop.core.models import Session
from workshop.store.editor import Change, Rejected, Saved
from workshop.tui.panels.context import PanelContext


class ActivityPanel(Widget):
    """Shows one activity of a session and saves changes through its `PanelContext`.

    A change is a `workshop.store.editor.Change` (an edit of the session draft, a description,
    and how to undo it); `save` returns what became of it, and the panel acts on that right
    away (follows the new idea, says what was deleted). The session screen mounts the panel
    for the current activity, and calls `show_session` after every saved change, its own or
    another process's. Panels read the session they are given and never hold on to it as
    their own state.
    """

    DEFAULT_CSS = """
    ActivityPanel {
        height: 1fr;
    }
    """

    SHOWS_PROMPT: ClassVar[bool] = False
    """True if the panel shows the activity's prompts itself (the header then leaves it out)."""

    HELP = "This activity has no help yet."
    """Markdown shown by F1 / ? when this panel has focus."""

    def __init__(
        self,
        activity: Activity,
        session: Session,
        *,
        context: PanelContext,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.activity = activity
        self.session = session
        self.context = context
        """How to save, the session file's path and the wall clock, from the screen that made
        the panel."""

    def save(self, change: Change) -> Saved | Rejected | None:
        """Save a change now (see `PanelContext.save`): saved, refused, or None when it is
        kept for a retry (the screen's red bar says so)."""
        return self.context.save(change)

    def save_typed(self) -> None:
        """Save anything typed and not saved yet (the panel is about to go)."""

    def take_waiting_changes(self) -> list[Change]:
        """Changes asked for and not saved yet (the screen is about to close and saves them
        itself); the panel forgets them."""
        return []

    def draft_to_keep(self) -> str:
        """Text typed here but not captured yet, kept by the screen while the panel is away."""
        return ""

    def restore_draft(self, text: str) -> None:
        """Put back what `draft_to_keep` returned, when the activity is come back to."""

    def unsaved_text(self) -> str:
        """Anything typed or chosen here and not saved yet ("" if none): quitting asks first."""
        return self.draft_to_keep()

    def show_session(self, session: Session) -> None:
        """Update the panel from a newer session. Override; keep it fast at 10,000 ideas."""
        self.session = session
