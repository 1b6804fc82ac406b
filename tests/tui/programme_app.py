"""A test-only app that runs one activity panel over a session file, as the session screen does.

The panel saves through the real save path: the `save` of its `PanelContext` is the app's
`SessionSaving` over a `SessionEditor`, as on the session screen (saved under the lock,
refused alone, or kept and retried), and the saved session is shown to the panel; `ctrl+z`
undoes through it. A change the rules refuse, or a save that fails, is noted in `errors` for
the tests. The app has no status line on screen (its snapshots show the panel alone).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

from tests.conftest import shipped_agenda
from workshop.core import ops
from workshop.core.clock import now
from workshop.core.models import Session
from workshop.store.editor import SessionEditor
from workshop.store.session_file import SessionFile
from workshop.tui.panels import registry
from workshop.tui.panels.base import ActivityPanel
from workshop.tui.panels.context import PanelContext
from workshop.tui.safe_text import SafeNotifications
from workshop.tui.screens.session_saving import SessionSaving


def new_session_file(folder: Path, session: Session | None = None) -> SessionFile:
    if session is None:
        session = ops.new_session(
            "Service desk", shipped_agenda(), team="Support", on=date(2026, 11, 23)
        )
    return SessionFile.create(folder / "session.toml", session)


class ErrorsNoted:
    """The app's status line, off screen: it notes each failed save in the app's `errors`."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        self.shown = ""

    def show_idle(self, text: str) -> None:
        self.shown = text

    def show_saved(self, clock_text: str, what: str = "", *, undoable: bool = False) -> None:
        self.shown = f"Saved {clock_text} {what}"

    def show_error(self, problem: str, waiting: int, retry_seconds: float) -> None:
        self.shown = problem
        self.errors.append(problem)  # the save is retried; the tests look at it


class PanelApp(SafeNotifications, App[None]):
    """Mounts the panel for `activity_id` and saves what it asks for (a `SavingHost`)."""

    BINDINGS = [Binding("ctrl+z", "undo", "Undo", id="test.undo")]

    def __init__(self, session_file: SessionFile, activity_id: str) -> None:
        super().__init__()
        self.editor = SessionEditor(session_file)
        self.activity = session_file.session.agenda.activity(activity_id)
        self.errors: list[str] = []
        self.status_line = ErrorsNoted(self.errors)
        self.saving = SessionSaving(self)

    @property
    def session_file(self) -> SessionFile:
        return self.editor.session_file

    @property
    def shown_activity(self) -> str:
        return self.activity.id

    def compose(self) -> ComposeResult:
        context = PanelContext(
            save=self.saving.save, session_path=self.session_file.path, wall_clock=self.wall_clock
        )
        yield registry.panel_for(self.activity, self.session_file.session, context)
        yield Footer()

    def wall_clock(self) -> datetime:
        """The panel's wall clock (a test app may fix it)."""
        return now()

    def show_session(self) -> None:
        # Not to a panel on its way out (it saves what it holds as it goes): the session
        # screen lets go of its panel before removing it.
        for panel in self.query(ActivityPanel):
            if panel.is_running:
                panel.show_session(self.editor.session)

    def show_refused(self, message: str) -> None:
        self.errors.append(message)
        self.notify(message, severity="warning", markup=False)

    def action_undo(self) -> None:
        self.saving.undo()

    @property
    def panel(self) -> ActivityPanel:
        return self.query_one(ActivityPanel)
