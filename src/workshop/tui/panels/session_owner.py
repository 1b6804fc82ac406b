"""Where a panel finds the session file its screen holds."""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget


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
