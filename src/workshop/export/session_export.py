"""One way to export a session, whoever asks: `workshop export` and the screen's `x`.

Both read the team's earlier sessions beside the session file (for the benchmark's Previous
column) and render with the same options, so they give the same text for the same file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workshop.core.models import Session
from workshop.store.folder import earlier_sessions

FORMATS = ("md", "csv", "json", "html")
DEFAULT_CSV_TABLE = "ideas"


@dataclass(frozen=True)
class ExportOptions:
    format: str = "md"
    table: str = DEFAULT_CSV_TABLE
    """CSV only: which table."""
    include_hidden: bool = False
    excel: bool = False
    """CSV only: CRLF line ends (and a byte order mark where it is written)."""

    @property
    def needs_earlier(self) -> bool:
        """Whether the format shows earlier sessions' results (the benchmark's Previous)."""
        return self.format in ("md", "html")


def render_export(
    session: Session, options: ExportOptions, *, earlier: Sequence[Session] = ()
) -> str:
    """The session as text in `options.format` (`earlier`: the team's earlier sessions)."""
    if options.format == "csv":
        from workshop.export.csv_export import render_csv

        return render_csv(
            session, options.table, include_hidden=options.include_hidden, excel=options.excel
        )
    if options.format == "json":
        from workshop.export.json_export import render_json

        return render_json(session, include_hidden=options.include_hidden)
    if options.format == "html":
        from workshop.export.html import render_html

        return render_html(session, earlier=earlier, include_hidden=options.include_hidden)
    if options.format == "md":
        from workshop.export.markdown import render_markdown

        return render_markdown(session, earlier=earlier, include_hidden=options.include_hidden)
    raise ValueError(f"unknown export format {options.format!r}: choose one of {FORMATS}")


def export_session(session_path: Path, session: Session, options: ExportOptions) -> str:
    """The session read from `session_path` as export text, with its team's earlier sessions.

    Reads every file of the session's folder for md and html: call it from a worker thread on
    screen.
    """
    earlier = earlier_sessions(session_path, session) if options.needs_earlier else []
    return render_export(session, options, earlier=earlier)
