"""The wall clock the session log and records are stamped with (no models: the screen's
start-up uses it before they are imported)."""

from __future__ import annotations

from datetime import datetime


def now() -> datetime:
    """The current local time, to the second, with its UTC offset."""
    return datetime.now().astimezone().replace(microsecond=0)
