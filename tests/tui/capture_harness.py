"""The capture panels' test app and helpers: a panel mounted the way the session screen does it,
in a tiny app that owns a session file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

from tests.conftest import shipped_agenda
from tests.tui.programme_app import SavesThroughEditor
from workshop.core import ops
from workshop.core.models import Session
from workshop.store.editor import SessionEditor
from workshop.store.session_file import SessionFile
from workshop.tui.panels.base import ActivityPanel
from workshop.tui.panels.context import PanelContext
from workshop.tui.panels.registry import panel_for


class PanelHarness(SavesThroughEditor, App[None]):
    """Stands in for the session screen: each requested change goes through a SessionEditor."""

    BINDINGS = [Binding("ctrl+z", "undo", "Undo", id="harness.undo")]

    def __init__(self, session_file: SessionFile, activity_id: str) -> None:
        super().__init__()
        self.editor = SessionEditor(session_file)
        self.activity = session_file.session.agenda.activity(activity_id)
        self.errors: list[str] = []

    def compose(self) -> ComposeResult:
        yield panel_for(
            self.activity, self.session_file.session, PanelContext(self.session_file.path)
        )
        yield Footer()

    @property
    def panel(self) -> ActivityPanel:
        return self.query_one(ActivityPanel)


def make_session_file(tmp_path: Path, prepare: Callable[[Session], object] | None = None) -> Path:
    session = ops.new_session("Workshop test", shipped_agenda(), team="Support")
    if prepare is not None:
        prepare(session)
    path = tmp_path / "session.toml"
    SessionFile.create(path, session)
    return path


def harness(path: Path, activity_id: str) -> PanelHarness:
    return PanelHarness(SessionFile.open(path), activity_id)


def saved(path: Path) -> Session:
    return SessionFile.open(path).session


def screen_text(app: App[Any]) -> str:
    """Everything on screen, as plain text (one line per row)."""
    strips = app.screen._compositor.render_strips()  # noqa: SLF001 - test-only peek
    return "\n".join(strip.text for strip in strips)


def notifications(app: App[Any]) -> list[str]:
    return [notification.message for notification in app._notifications]  # noqa: SLF001


async def type_text(pilot: Any, text: str) -> None:
    for character in text:
        await pilot.press(character if character != " " else "space")


BRAINSTORM = "what-bugs-customers"
