"""The plan as a markdown file beside its session file: what "export" does on screen."""

from __future__ import annotations

from pathlib import Path

from workshop.core.models import Session
from workshop.export.session_export import ExportOptions, export_session
from workshop.export.writing import write_export


def export_markdown_beside(session_path: Path, session: Session) -> Path:
    """Write `<session>.md` next to the session file, with earlier results; returns its path.

    The same text as `workshop export SESSION --output <session>.md`. A file of that name that
    is not an earlier export is left alone (ExportRefusedError). Reads the team's earlier
    sessions in the folder: call it from a worker thread on screen.
    """
    target = session_path.with_suffix(".md")
    text = export_session(session_path, session, ExportOptions(format="md"))
    write_export(target, text, source=session_path, hint="rename or move it to export again")
    return target
