"""Helpers shared by the shell's tests: the app run on a session or on the home screen, waiting
on the running app, the opening-only app, the demo session opened at an activity."""

from __future__ import annotations

import shutil
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any, Literal, NamedTuple

import pytest
from textual.app import App
from textual.pilot import Pilot

from tests.conftest import shipped_agenda
from workshop.core.demo import demo_session
from workshop.store.session_file import SessionFile
from workshop.store.toml_read import read_toml_file
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.opening import OpeningScreen
from workshop.tui.screens.session import SessionScreen


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], bool], seconds: float = 10.0
) -> None:
    """Let the app run until `condition` holds (interval timers need real time to fire).

    The limit only matters when the test fails; it is generous for a machine shared by several
    test runs at once."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition(), "condition not met in time"


def session_screen(app: WorkshopApp) -> SessionScreen:
    screen = app.screen
    assert isinstance(screen, SessionScreen), screen
    return screen


def retry_saves_soon(monkeypatch: pytest.MonkeyPatch, seconds: float = 0.2) -> None:
    """A failed save is tried again after `seconds`, not the screen's 2 s."""
    monkeypatch.setattr("workshop.tui.screens.session_saving.RETRY_SECONDS", seconds)


def notices(app: App[None]) -> list[str]:
    """The notifications the app has shown, oldest first."""
    return [notification.message for notification in app._notifications]  # noqa: SLF001


class Shell(NamedTuple):
    """The running app, its pilot and the session screen it shows."""

    app: WorkshopApp
    pilot: Pilot[None]
    screen: SessionScreen


@asynccontextmanager
async def open_session(
    path: Path,
    *,
    size: tuple[int, int] = (120, 40),
    ready: Literal["paused", "screen", "panel", "keys"] = "paused",
    **options: Any,
) -> AsyncIterator[Shell]:
    """Run the app on the session file at `path` (its folder is the sessions folder; `options`
    go to WorkshopApp) and hand it over once the session screen is up: after the app's first
    pause (`ready="paused"`), or as soon as the screen is there (`"screen"`, so keys can be sent
    while it opens), once the activity's panel is mounted (`"panel"`), or once the screen no
    longer holds typed keys back (`"keys"`)."""
    app = WorkshopApp(session_path=path, sessions_folder=path.parent, **options)
    async with app.run_test(size=size) as pilot:
        if ready == "paused":
            await pilot.pause()
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        screen = session_screen(app)
        if ready == "panel":
            await wait_until(pilot, lambda: screen.panel is not None and screen.panel.is_mounted)
        elif ready == "keys":
            await wait_until(pilot, lambda: not screen.holds_keys)
        yield Shell(app, pilot, screen)


@asynccontextmanager
async def open_home(
    folder: Path, *, size: tuple[int, int] = (80, 24), **options: Any
) -> AsyncIterator[tuple[WorkshopApp, Pilot[None]]]:
    """Run the app on the home screen of `folder` and hand it over after its first pause."""
    app = WorkshopApp(sessions_folder=folder, **options)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield app, pilot


class OpeningOnly(App[None]):
    """Shows the opening frame and stays there (nothing takes up its Painted message)."""

    CSS_PATH = Path(sys.modules[WorkshopApp.__module__].__file__ or "").parent / "workshop.tcss"

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.painted: list[OpeningScreen.Painted] = []

    def on_mount(self) -> None:
        self.push_screen(OpeningScreen(read_toml_file(self.path)))

    def on_opening_screen_painted(self, message: OpeningScreen.Painted) -> None:
        self.painted.append(message)


def with_a_bad_idea_date(path: Path) -> bytes:
    """Make the file's first idea carry a date that is not one; the file's bytes after."""
    text = path.read_text(encoding="utf-8")
    start = text.index("created = ", text.index("[[ideas]]"))
    end = text.index("\n", start)
    path.write_text(text[:start] + 'created = "last Tuesday"' + text[end:], encoding="utf-8")
    return path.read_bytes()


SNAPSHOT_ROOT = Path("/tmp/workshop-activity-snapshots")


def demo_at(agenda_name: str, activity_id: str, label: str) -> Path:
    folder = SNAPSHOT_ROOT / label
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    session = demo_session(shipped_agenda(agenda_name), date(2025, 3, 4))
    session.current_activity = activity_id
    path = folder / "demo.toml"
    SessionFile.create(path, session)
    return path
