"""The base of every activity panel: the part of the session screen that runs one activity."""

from __future__ import annotations

from textual.widget import Widget

from workshop.core.models import Activity, Session
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

    def unsaved_draft(self) -> str:
        """Text typed here but not captured yet, kept by the screen when the panel goes."""
        return ""

    def restore_draft(self, text: str) -> None:
        """Put back what `unsaved_draft` returned when the activity is left and come back to."""

    def show_session(self, session: Session) -> None:
        """Update the panel from a newer session. Override; keep it fast at 10,000 ideas."""
        self.session = session
