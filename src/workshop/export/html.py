"""The session as one self-contained HTML page (placeholder until the page is written)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from workshop.core.models import Session
from workshop.export.markdown import render_markdown

if TYPE_CHECKING:
    from workshop.report import Report


def render_html(
    session: Session, *, earlier: Sequence[Session] = (), include_hidden: bool = False
) -> str:
    text = render_markdown(session, earlier=earlier, include_hidden=include_hidden)
    return (
        '<!DOCTYPE html>\n<html><head><meta name="generator" content="workshop-export">'
        f"</head><body><pre>{html.escape(text)}</pre></body></html>\n"
    )


def render_report_html(report: Report) -> str:
    from workshop.report import render_markdown as report_markdown

    return f"<!DOCTYPE html>\n<pre>{html.escape(report_markdown(report))}</pre>\n"
