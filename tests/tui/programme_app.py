"""A test-only app that runs one activity panel over a session file, as the session screen does.

Every `ChangeRequested` goes to a `SessionEditor`, the one the session screen drives, and the
saved session is shown to the panel; `ctrl+z` asks the editor to undo. A change the rules refuse,
or a save that fails (kept by the editor for a retry), is noted in `errors` for the tests.
"""

from __future__ import annotations

from collections.abc import Callable
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
from workshop.store.editor import Change, Outcome, SessionEditor
from workshop.store.editor import Undo as UndoStep
from workshop.store.session_file import SessionFile
from workshop.tui.messages import ChangeRequested
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


class SavesThroughEditor:
    """What the session screen does with a panel's request, for a test app: the change goes to
    the app's `SessionEditor` (saved under the lock, rejected alone, or kept for a retry), and
    every panel is shown the saved session. The app sets `editor` and `errors` in __init__."""

    editor: SessionEditor
    errors: list[str]

    @property
    def session_file(self) -> SessionFile:
        return self.editor.session_file

    def on_change_requested(self, message: ChangeRequested) -> None:
        make_undo = message.make_undo
        undo_step: Callable[[Any], UndoStep] | None = None
        if make_undo is not None:

            def undo_step(result: Any) -> UndoStep:
                undo = make_undo(result)
                return UndoStep(undo.edit, undo.description, where=undo.activity)

        change = Change(
            message.edit, message.description, on_saved=message.on_saved, make_undo=undo_step
        )
        self.show_outcome(self.editor.request(change))

    def action_undo(self) -> None:
        outcome = self.editor.undo()
        if outcome is not None:
            self.show_outcome(outcome)

    def show_outcome(self, outcome: Outcome) -> None:
        self.errors.extend(outcome.rejected_messages)
        for message in outcome.rejected_messages:
            self.notify(message, severity="warning", markup=False)  # type: ignore[attr-defined]
        if outcome.failure:
            self.errors.append(outcome.failure)  # the screen retries; the tests look at it
        if outcome.saved:
            for panel in self.query(ActivityPanel):  # type: ignore[attr-defined]
                panel.show_session(self.editor.session)


class PanelApp(SavesThroughEditor, SafeNotifications, App[None]):
    """Mounts the panel for `activity_id` and saves what it asks for."""

    BINDINGS = [Binding("ctrl+z", "undo", "Undo", id="test.undo")]

    def __init__(self, session_file: SessionFile, activity_id: str) -> None:
        super().__init__()
        self.editor = SessionEditor(session_file)
        self.activity = session_file.session.agenda.activity(activity_id)
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
