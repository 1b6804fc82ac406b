"""The plan as a markdown file beside its session file: what "export" does on screen."""

from __future__ import annotations

from pathlib import Path

from workshop.core.models import Session
from workshop.export.markdown import render_markdown
from workshop.store import earlier_sessions, write_atomically


def export_markdown_beside(session_path: Path, session: Session) -> Path:
    """Write `<session>.md` next to the session file, with earlier results; returns its path.

    Reads the team's earlier sessions in the folder (for the benchmark's "previous" column):
    call it from a worker thread on screen.
    """
    target = session_path.with_suffix(".md")
    text = render_markdown(session, earlier=earlier_sessions(session_path, session))
    write_atomically(target, text.encode("utf-8"))
    return target
