"""What a panel needs from the screen that runs it, handed to it when it is made."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workshop.core.clock import now


@dataclass(frozen=True)
class PanelContext:
    session_path: Path | None = None
    """The session file: exports go beside it, and the team's earlier sessions are read from
    its folder. None where there is no file (nothing is exported, nothing earlier is read)."""
    wall_clock: Callable[[], datetime] = now
    """Today's date and time (the session screen's clock, which tests fix)."""
