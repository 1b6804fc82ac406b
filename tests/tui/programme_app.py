"""A test-only app that runs one activity panel over a session file, as the session screen does.

It applies every `ChangeRequested` through the store, then shows the saved session to the
panel; `ctrl+z` undoes the last change that offered an undo.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

from tests.conftest import shipped_agenda
from workshop.core import ops
from workshop.core.clock import now
from workshop.core.models import Session
from workshop.store.session_file import SessionFile
from workshop.tui.messages import ChangeRequested, Undo
from workshop.tui.panels import registry
from workshop.tui.panels.base import ActivityPanel
from workshop.tui.panels.context import PanelContext
from workshop.tui.safe_text import SafeNotifications


def new_session_file(folder: Path, session: Session | None = None) -> SessionFile:
    if session is None:
        session = ops.new_session(
            "Service desk", shipped_agenda(), team="Support", on=date(2026, 11, 23)
        )
    return SessionFile.create(folder / "session.toml", session)


class PanelApp(SafeNotifications, App[None]):
    """Mounts the panel for `activity_id` and saves what it asks for."""

    BINDINGS = [Binding("ctrl+z", "undo", "Undo", id="test.undo")]

    def __init__(self, session_file: SessionFile, activity_id: str) -> None:
        super().__init__()
        self.session_file = session_file
        self.activity = session_file.session.agenda.activity(activity_id)
        self.undo_stack: list[Undo] = []
        self.errors: list[str] = []

    def compose(self) -> ComposeResult:
        context = PanelContext(self.session_file.path, self.wall_clock)
        yield registry.panel_for(self.activity, self.session_file.session, context)
        yield Footer()

    def wall_clock(self) -> datetime:
        """The panel's wall clock (a test app may fix it)."""
        return now()

    @property
    def panel(self) -> ActivityPanel:
        return self.query_one(ActivityPanel)

    def on_change_requested(self, message: ChangeRequested) -> None:
        try:
            result: Any = self.session_file.change(message.edit)
        except Exception as error:  # the real screen reports it; tests look at it
            self.errors.append(str(error))
            return
        if message.make_undo is not None:
            self.undo_stack.append(message.make_undo(result))
        if message.on_saved is not None:
            message.on_saved(result)
        self.panel.show_session(self.session_file.session)

    def action_undo(self) -> None:
        if self.undo_stack:
            undo = self.undo_stack.pop()
            self.session_file.change(undo.edit)
            self.panel.show_session(self.session_file.session)
