"""The base of every activity panel: the part of the session screen that runs one activity."""

from __future__ import annotations

from typing import ClassVar

from textual.widget import Widget

from workshop.core.agenda import Activity
from workshop.core.models import Session
from workshop.tui.messages import ChangeRequested


class ActivityPanel(Widget):
    """Shows one activity of a session and posts `ChangeRequested` messages for changes.

    The session screen mounts the panel for the current activity, and calls `show_session`
    after every saved change, its own or another process's. Panels read the session they are
    given and never hold on to it as their own state.
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

    def __init__(self, activity: Activity, session: Session, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.activity = activity
        self.session = session

    def request_change(self, change: ChangeRequested) -> None:
        """Send a change straight to the screen that owns the session.

        Posting it from the panel would carry it up the DOM one message queue at a time
        (panel, containers, screen); at a keystroke per score that wait is most of the cost.
        """
        self.screen.post_message(change)

    def save_typed(self) -> None:
        """Ask for anything typed and not saved yet to be saved (the panel is about to go)."""

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
