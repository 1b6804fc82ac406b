"""Exports: pure functions from a session to text (markdown, CSV, JSON, HTML)."""

from workshop.export.csv_export import CSV_TABLES, render_csv
from workshop.export.json_export import render_json
from workshop.export.markdown import render_markdown
from workshop.export.session_export import FORMATS, ExportOptions, export_session, render_export

__all__ = [
    "CSV_TABLES",
    "FORMATS",
    "ExportOptions",
    "export_session",
    "render_csv",
    "render_export",
    "render_json",
    "render_markdown",
]
