"""Exports: pure functions from a session to text (markdown, CSV, JSON)."""

from workshop.export.csv_export import CSV_TABLES, render_csv
from workshop.export.json_export import render_json
from workshop.export.markdown import render_markdown

FORMATS = ("md", "csv", "json")

__all__ = ["CSV_TABLES", "FORMATS", "render_csv", "render_json", "render_markdown"]
