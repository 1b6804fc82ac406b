"""Sessions and clocks for the shell's tests and snapshots (no textual app state here)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tests.conftest import shipped_agenda
from workshop.core import ops
from workshop.core.agenda import Agenda
from workshop.core.models import Session
from workshop.store.folder import new_session_path
from workshop.store.session_file import SessionFile

SESSION_DATE = date(2025, 3, 4)


def make_session(
    folder: Path,
    title: str = "Spring review",
    team: str = "Customer service",
    *,
    current: str = "",
    agenda: Agenda | None = None,
    ideas: int = 0,
) -> Path:
    """A session file in `folder`, built the way the CLI builds one."""
    session: Session = ops.new_session(
        title, agenda or shipped_agenda(), team=team, on=SESSION_DATE
    )
    if current:
        session.current_activity = current
    moment = datetime(2025, 3, 4, 9, 0, tzinfo=UTC)
    for number in range(ideas):
        ops.add_idea(
            session,
            f"Idea number {number} #tag{number % 7}",
            activity="what-bugs-customers",
            at=moment + timedelta(seconds=number),
        )
    path = new_session_path(folder, session.title, session.date)
    SessionFile.create(path, session)
    return path


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


FIXED_WALL_TIME = datetime(2025, 3, 4, 14, 2, 11, tzinfo=UTC)


def fixed_wall_clock() -> datetime:
    return FIXED_WALL_TIME


BURST_KEYS = {
    "⏎": ("enter", "\r"),
    "⌫": ("backspace", "\x7f"),
    "⇥": ("tab", "\t"),
    "\x1b": ("escape", "\x1b"),
    "+": ("plus", "+"),
    "↓": ("down", None),
    "↑": ("up", None),
}


def send_burst(app: object, typed: str) -> None:
    """Post keys as a terminal delivers a fast typist's burst: all at once, none waited for.

    `⏎` is Enter, `⌫` Backspace, `⇥` Tab, `\x1b` Esc and `↓` `↑` the arrows. (Pilot.press
    waits for each key to be handled, which hides any key that takes effect out of order.)
    """
    from textual import events

    for character in typed:
        key, sent = BURST_KEYS.get(character, (character, character))
        if character == " ":
            key = "space"
        app.post_message(events.Key(key, sent))  # type: ignore[attr-defined]
