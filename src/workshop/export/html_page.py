"""The page every HTML export shares: its style, its security policy, and small helpers."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

from workshop.core.visible import visible
from workshop.export.writing import EXPORT_MARK

if TYPE_CHECKING:
    pass

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
"""Nothing may be fetched: styles are inline, and there are no images but inline SVG."""

STYLE = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa;
  --accent: #0969da; --accent-soft: #b6d4f7; --warn: #bc4c00; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 980px; padding: 24px 32px; color: var(--ink);
  font: 15px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
h1 { font-size: 1.9em; border-bottom: 1px solid var(--line); padding-bottom: .3em; }
h2 { font-size: 1.45em; border-bottom: 1px solid var(--line); padding-bottom: .3em;
  margin-top: 1.8em; }
h3 { font-size: 1.2em; margin-top: 1.4em; }
h4 { font-size: 1em; margin-top: 1.2em; }
table { border-collapse: collapse; margin: 12px 0; display: block; max-width: 100%;
  overflow-x: auto; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--line); padding: 4px 10px; vertical-align: top; }
th { background: var(--soft); text-align: left; }
tr:nth-child(even) td { background: #fbfcfd; }
ul { padding-left: 1.6em; }
figure { margin: 16px 0; }
figcaption { color: var(--muted); font-size: .9em; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font: 12px -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
  fill: var(--ink); }
svg .muted { fill: var(--muted); }
svg .axis { stroke: var(--line); }
svg .bar { fill: var(--accent); }
svg .range { stroke: var(--accent-soft); stroke-width: 8; stroke-linecap: round; }
svg .sd { stroke: var(--accent); stroke-width: 3; }
svg .mean { fill: var(--accent); }
svg .previous { fill: none; stroke: var(--muted); stroke-width: 1.5; }
svg .target { stroke: var(--warn); stroke-width: 2; }
svg .trend { fill: none; stroke: var(--accent); stroke-width: 2; }
footer { margin-top: 3em; color: var(--muted); font-size: .85em; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-before: auto; break-after: avoid; }
  h3, h4 { break-after: avoid; }
  /* The line that says what a table or chart holds goes to the next page with it. */
  p:has(+ table), p:has(+ figure) { break-after: avoid; }
  table, figure, li { break-inside: avoid; }
  table { display: table; overflow: visible; }
  tr:nth-child(even) td { background: none; }
  footer { display: none; }
}
"""

CHART_WIDTH = 720
LABEL_WIDTH = 260
ROW_HEIGHT = 26
SCALE_TOP = 24
"""Where the rows of a chart on a score scale start, below the scale's tick labels."""


def scale_chart_start(
    css_class: str, rows: int, label: str, x: Callable[[float], float], low: int, high: int
) -> list[str]:
    """The opening of a chart with one row per criterion on a score scale: the svg element
    and a tick, with its label, at each of the scale's integers."""
    height = SCALE_TOP + ROW_HEIGHT * rows + 8
    parts = [
        f'<svg class="chart {css_class}" viewBox="0 0 {CHART_WIDTH} {height}" '
        f'width="{CHART_WIDTH}" height="{height}" role="img" aria-label="{label}">'
    ]
    for tick in range(low, high + 1):
        parts.append(
            f'<line class="axis" x1="{x(tick):.1f}" y1="{SCALE_TOP - 6}" x2="{x(tick):.1f}" '
            f'y2="{height - 4}"/>'
            f'<text class="muted" x="{x(tick):.1f}" y="{SCALE_TOP - 10}" '
            f'text-anchor="middle">{tick}</text>'
        )
    return parts


def scale_row_title(row: int, title: str) -> tuple[float, str]:
    """A scale chart's row: the y of its middle, and its title at the left."""
    y = SCALE_TOP + row * ROW_HEIGHT + ROW_HEIGHT / 2
    return y, (
        f'<text x="{LABEL_WIDTH - 8}" y="{y + 4:.1f}" text-anchor="end">'
        f"{escape_html(shorten(title))}</text>"
    )


def markdown_parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def escape_html(text: str) -> str:
    """Text for HTML: escaped, and control characters as their symbol (␛), never raw."""
    return html.escape(visible(text, one_line=True), quote=True)


def shorten(text: str, limit: int = 38) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f'<meta name="generator" content="{EXPORT_MARK}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape_html(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"{body}\n<footer>Written by workshop. Print it, or save it as PDF, from the "
        "browser.</footer>\n</body>\n</html>\n"
    )


def figure(svg: str, caption: str) -> str:
    return f"<figure>\n{svg}\n<figcaption>{escape_html(caption)}</figcaption>\n</figure>"
