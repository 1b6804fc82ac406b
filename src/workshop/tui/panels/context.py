"""What a panel needs from the screen that runs it, handed to it when it is made."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeAlias

from workshop.core.clock import now
from workshop.store.editor import Change, Rejected, Saved

SaveChange: TypeAlias = Callable[[Change], Saved | Rejected | None]
"""Saves one change now and says what became of it: `Saved` (with the edit's result),
`Rejected` (the session's rules refused it, with why), or None: it could not be made durable
(a full disk) and is kept, in order, for a retry that the screen schedules and shows."""


@dataclass(frozen=True)
class PanelContext:
    save: SaveChange
    """The session's editor, as the screen drives it: the change is on disk (or refused, or
    kept for a retry) when this returns, and the screen has shown the new session to the
    panel. An undo step left without `where` belongs to the activity shown."""
    session_path: Path | None = None
    """The session file: exports go beside it, and the team's earlier sessions are read from
    its folder. None where there is no file (nothing is exported, nothing earlier is read)."""
    wall_clock: Callable[[], datetime] = now
    """Today's date and time (the session screen's clock, which tests fix)."""
