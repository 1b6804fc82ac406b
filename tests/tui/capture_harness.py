"""The capture panels' test helpers: a panel mounted the way the session screen does it, in the
panel test app (programme_app.PanelApp) over a session file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App

from tests.conftest import shipped_agenda
from tests.tui.programme_app import PanelApp
from workshop.core import ops
from workshop.core.models import Session
from workshop.store.session_file import SessionFile


class PanelHarness(PanelApp):
    """The panel test app under the name that the capture panels' snapshots show as their
    title (the class name is the app's title)."""


def make_session_file(tmp_path: Path, prepare: Callable[[Session], object] | None = None) -> Path:
    session = ops.new_session("Workshop test", shipped_agenda(), team="Support")
    if prepare is not None:
        prepare(session)
    path = tmp_path / "session.toml"
    SessionFile.create(path, session)
    return path


def harness(path: Path, activity_id: str) -> PanelHarness:
    """The panel for `activity_id` over the session file at `path`, saving as the screen does."""
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
