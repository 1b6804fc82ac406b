"""Where a panel finds its session file, and the team's earlier sessions beside it."""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget

from workshop.core.models import Session
from workshop.files import WorkshopError
from workshop.store import load_session, session_files


def session_path_of(widget: Widget) -> Path | None:
    """The session file the widget's screen (or app) holds, if it says.

    The session screen has `session_file` (a `SessionFile`); a path works too.
    """
    for owner in (widget.screen, widget.app):
        held = getattr(owner, "session_file", None)
        if held is None:
            continue
        path = getattr(held, "path", held)
        if isinstance(path, Path):
            return path
    return None


def earlier_sessions(session_path: Path, session: Session) -> list[Session]:
    """Sessions of the same team in the same folder, dated before `session`; unreadable skipped.

    Reads files: call it from a thread worker.
    """
    team = session.team.strip().casefold()
    if not team:
        return []
    found: list[Session] = []
    for path in session_files(session_path.parent):
        if path.resolve() == session_path.resolve():
            continue
        try:
            other = load_session(path)
        except (WorkshopError, OSError):
            continue
        if other.team.strip().casefold() == team and other.date < session.date:
            found.append(other)
    return found
