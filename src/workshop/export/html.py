"""The session (or the report) as one self-contained HTML page, ready to print to PDF.

The text is the markdown export's, rendered by markdown-it with raw HTML off (user text is
escaped twice over: as markdown, then as HTML). The charts are inline SVG drawn here: the
votes for the top themes and ideas, and the benchmark's means with their spread; in the
report, the success index over time and the benchmark means by session. The page makes no
request at all: no script, no web font, no image file, no link, and a Content-Security-Policy
that forbids any, so it opens the same on a laptop without a network. A print stylesheet
keeps tables and charts whole on a page.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

from workshop.core import stats
from workshop.core.models import Activity, Session
from workshop.core.tally import RankedItem
from workshop.core.visible import visible
from workshop.export.markdown import (
    TOP_RANKS,
    escape_cell,
    escape_inline,
    markdown_sections,
    ranked_items,
)
from workshop.export.visibility import visible_session
from workshop.export.writing import EXPORT_MARK

if TYPE_CHECKING:
    from workshop.core.report import Report, TeamReport

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
  table, figure, li { break-inside: avoid; }
  table { display: table; overflow: visible; }
  tr:nth-child(even) td { background: none; }
  footer { display: none; }
}
"""

_WIDTH = 720
_LABEL_WIDTH = 260
_ROW = 26


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def _e(text: str) -> str:
    """Text for HTML: escaped, and control characters as their symbol (␛), never raw."""
    return html.escape(visible(text, one_line=True), quote=True)


def _short(text: str, limit: int = 38) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f'<meta name="generator" content="{EXPORT_MARK}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"{body}\n<footer>Written by workshop. Print it, or save it as PDF, from the "
        "browser.</footer>\n</body>\n</html>\n"
    )


def _figure(svg: str, caption: str) -> str:
    return f"<figure>\n{svg}\n<figcaption>{_e(caption)}</figcaption>\n</figure>"


# --- charts of a session ----------------------------------------------------------------------


def votes_chart(items: Sequence[RankedItem], theme_ids: set[str]) -> str:
    """Horizontal bars: the votes of the top themes and ideas."""
    if not items:
        return ""
    most = max(item.votes for item in items) or 1
    bar_room = _WIDTH - _LABEL_WIDTH - 50
    height = _ROW * len(items) + 10
    parts = [
        f'<svg class="chart votes" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" '
        f'height="{height}" role="img" aria-label="Votes for the top themes and ideas">'
    ]
    for row, item in enumerate(items):
        y = 5 + row * _ROW
        kind = "theme: " if item.target in theme_ids else ""
        length = max(2.0, bar_room * item.votes / most)
        parts.append(
            f'<text x="{_LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end">'
            f"{_e(kind + _short(item.title))}</text>"
            f'<rect class="bar" x="{_LABEL_WIDTH}" y="{y + 4}" width="{length:.1f}" '
            f'height="{_ROW - 8}" rx="2"/>'
            f'<text x="{_LABEL_WIDTH + length + 6:.1f}" y="{y + 16}">{item.votes}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def benchmark_chart(results: Sequence[stats.CriterionResult], low: int, high: int) -> str:
    """Each criterion on the scale: its range (lowest to highest score), mean ± sd, the mean,
    the target (a red tick) and the previous session's mean (a hollow circle)."""
    scored = [result for result in results if result.count]
    if not scored:
        return ""
    left, right = _LABEL_WIDTH, _WIDTH - 30
    span = right - left

    def x(value: float) -> float:
        return left + span * (min(max(value, low), high) - low) / (high - low)

    top = 24
    height = top + _ROW * len(scored) + 8
    parts = [
        f'<svg class="chart benchmark" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" '
        f'height="{height}" role="img" aria-label="Benchmark means with their spread">'
    ]
    for tick in range(low, high + 1):
        parts.append(
            f'<line class="axis" x1="{x(tick):.1f}" y1="{top - 6}" x2="{x(tick):.1f}" '
            f'y2="{height - 4}"/>'
            f'<text class="muted" x="{x(tick):.1f}" y="{top - 10}" '
            f'text-anchor="middle">{tick}</text>'
        )
    for row, result in enumerate(scored):
        y = top + row * _ROW + _ROW / 2
        parts.append(
            f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{_e(_short(result.title))}'
            "</text>"
        )
        if result.min_score is not None and result.max_score is not None:
            parts.append(
                f'<line class="range" x1="{x(result.min_score):.1f}" y1="{y:.1f}" '
                f'x2="{x(result.max_score):.1f}" y2="{y:.1f}"/>'
            )
        if result.mean is not None:
            sd = result.stdev or 0.0
            parts.append(
                f'<line class="sd" x1="{x(result.mean - sd):.1f}" y1="{y:.1f}" '
                f'x2="{x(result.mean + sd):.1f}" y2="{y:.1f}"/>'
                f'<circle class="mean" cx="{x(result.mean):.1f}" cy="{y:.1f}" r="5">'
                f"<title>mean {result.mean:.2f}, sd {sd:.2f}</title></circle>"
            )
        if result.target is not None:
            parts.append(
                f'<line class="target" x1="{x(result.target):.1f}" y1="{y - 9:.1f}" '
                f'x2="{x(result.target):.1f}" y2="{y + 9:.1f}"/>'
            )
        if result.previous is not None:
            parts.append(
                f'<circle class="previous" cx="{x(result.previous):.1f}" cy="{y:.1f}" r="5"/>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _benchmark_figures(
    session: Session, earlier: Sequence[Session]
) -> dict[str, str]:
    """A chart per rate activity, keyed by the activity's title as its markdown heading."""
    figures: dict[str, str] = {}
    for activity in stats.rate_activities(session):
        figure = _activity_figure(session, activity, earlier)
        if figure:
            figures[activity.id] = figure
    return figures


def _activity_figure(session: Session, activity: Activity, earlier: Sequence[Session]) -> str:
    results = stats.criterion_results(session, activity.id)
    if earlier:
        results = stats.with_previous(results, earlier, session)
    scale = activity.rating_scale
    svg = benchmark_chart(results, scale.low, scale.high)
    if not svg:
        return ""
    caption = (
        "Each criterion on the scale: the pale bar runs from the lowest to the highest score, "
        "the dark bar is the mean ± one standard deviation, the dot the mean; a red tick marks "
        "the target and a hollow circle the previous session's mean."
    )
    return _figure(svg, caption)


def render_html(
    session: Session, *, earlier: Sequence[Session] = (), include_hidden: bool = False
) -> str:
    """The session as a self-contained HTML page: the markdown export, with its charts."""
    markdown = _markdown()
    sections = markdown_sections(session, earlier=earlier, include_hidden=include_hidden)
    shown = session if include_hidden else visible_session(session)
    body: list[str] = []
    for name, blocks in sections:
        if not blocks:
            continue
        body.append(f'<section id="{name}">')
        if name == "decided":
            top = [item for item in ranked_items(shown, include_hidden) if item.rank <= TOP_RANKS]
            chart = votes_chart(top, {theme.id for theme in shown.themes})
            at = blocks.index("### Actions")
            body.append(markdown.render("\n\n".join(blocks[:at])))
            if chart:
                body.append(_figure(chart, "Votes for the top themes and ideas."))
            body.append(markdown.render("\n\n".join(blocks[at:])))
        elif name == "benchmark":
            body.extend(_benchmark_html(markdown, shown, blocks, earlier))
        else:
            body.append(markdown.render("\n\n".join(blocks)))
        body.append("</section>")
    return _page(session.title or "Untitled session", "\n".join(part for part in body if part))


def _benchmark_html(
    markdown: MarkdownIt, session: Session, blocks: list[str], earlier: Sequence[Session]
) -> list[str]:
    """The benchmark section, each rate activity's chart under its results table."""
    figures = _benchmark_figures(session, earlier)
    by_heading = {
        f"### {_heading_text(activity)}": figures[activity.id]
        for activity in stats.rate_activities(session)
        if activity.id in figures
    }
    out: list[str] = []
    chunk: list[str] = []
    pending = ""
    for block in blocks:
        if block in by_heading:
            out.extend([markdown.render("\n\n".join(chunk)), pending])
            chunk, pending = [], by_heading[block]
        chunk.append(block)
        if block.startswith("|") and pending:
            out.extend([markdown.render("\n\n".join(chunk)), pending])
            chunk, pending = [], ""
    out.extend([markdown.render("\n\n".join(chunk)), pending])
    return [part for part in out if part]


def _heading_text(activity: Activity) -> str:
    return escape_inline(activity.title)


# --- the report -------------------------------------------------------------------------------


def index_trend_chart(points: Sequence[tuple[str, float | None]]) -> str:
    """The success index (0-100) at each quarter's end, as a line with its values."""
    if not any(value is not None for _, value in points):
        return ""
    left, right, top, bottom = 72, _WIDTH - 40, 24, 190
    height = bottom + 30
    step = (right - left) / max(1, len(points) - 1)

    def y(value: float) -> float:
        return bottom - (bottom - top) * value / 100

    parts = [
        f'<svg class="chart index" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" '
        f'height="{height}" role="img" aria-label="The success index over time">'
    ]
    for tick in (0, 25, 50, 75, 100):
        parts.append(
            f'<line class="axis" x1="{left}" y1="{y(tick):.1f}" x2="{right}" y2="{y(tick):.1f}"/>'
            f'<text class="muted" x="{left - 8}" y="{y(tick) + 4:.1f}" text-anchor="end">'
            f"{tick}</text>"
        )
    placed = [
        (left + step * n if len(points) > 1 else (left + right) / 2, label, value)
        for n, (label, value) in enumerate(points)
    ]
    line = [f"{px:.1f},{y(value):.1f}" for px, _, value in placed if value is not None]
    if len(line) > 1:
        parts.append(f'<polyline class="trend" points="{" ".join(line)}"/>')
    for px, label, value in placed:
        parts.append(
            f'<text class="muted" x="{px:.1f}" y="{bottom + 20}" text-anchor="middle">'
            f"{_e(label)}</text>"
        )
        if value is not None:
            parts.append(
                f'<circle class="mean" cx="{px:.1f}" cy="{y(value):.1f}" r="4"/>'
                f'<text x="{px:.1f}" y="{y(value) - 9:.1f}" text-anchor="middle">'
                f"{value:.1f}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def trend_means_chart(team: TeamReport) -> str:
    """Each criterion's mean by session date: a dot per session, joined in date order."""
    trends = [trend for trend in team.benchmark if trend.points]
    if not trends:
        return ""
    means = [point.mean for trend in trends for point in trend.points]
    low, high = min(1, math.floor(min(means))), max(5, math.ceil(max(means)))
    left, right = _LABEL_WIDTH, _WIDTH - 30
    top = 24
    height = top + _ROW * len(trends) + 8

    def x(value: float) -> float:
        return left + (right - left) * (value - low) / (high - low)

    parts = [
        f'<svg class="chart trends" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" '
        f'height="{height}" role="img" aria-label="Benchmark means by session">'
    ]
    for tick in range(low, high + 1):
        parts.append(
            f'<line class="axis" x1="{x(tick):.1f}" y1="{top - 6}" x2="{x(tick):.1f}" '
            f'y2="{height - 4}"/>'
            f'<text class="muted" x="{x(tick):.1f}" y="{top - 10}" '
            f'text-anchor="middle">{tick}</text>'
        )
    for row, trend in enumerate(trends):
        y = top + row * _ROW + _ROW / 2
        parts.append(
            f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{_e(_short(trend.title))}'
            "</text>"
        )
        ordered = sorted(trend.points, key=lambda point: point.on)
        if len(ordered) > 1:
            parts.append(
                f'<line class="sd" x1="{x(ordered[0].mean):.1f}" y1="{y:.1f}" '
                f'x2="{x(ordered[-1].mean):.1f}" y2="{y:.1f}"/>'
            )
        for point in ordered:
            latest = point is ordered[-1]
            parts.append(
                f'<circle class="{"mean" if latest else "previous"}" cx="{x(point.mean):.1f}" '
                f'cy="{y:.1f}" r="5"><title>{point.on.isoformat()}: {point.mean:.2f} '
                f"({point.count} scores)</title></circle>"
            )
        if trend.target is not None:
            parts.append(
                f'<line class="target" x1="{x(trend.target):.1f}" y1="{y - 9:.1f}" '
                f'x2="{x(trend.target):.1f}" y2="{y + 9:.1f}"/>'
            )
    parts.append("</svg>")
    return "".join(parts)


def render_report_html(report: Report) -> str:
    """The report as a self-contained HTML page: the markdown report, with its charts.

    Each team's success index over time goes under its index, and its benchmark means by
    session under its benchmark table; the whole folder's index under "All teams".
    """
    from workshop.export.report_markdown import (
        render_markdown as report_markdown,  # report imports exports
    )

    markdown = _markdown()
    index_caption = "The success index (0-100) at the end of each quarter."
    means_caption = (
        "Benchmark means by session: hollow circles are earlier sessions, the dot the latest; "
        "a red tick marks the target."
    )
    teams = {f"## {escape_cell(team.team)}": team for team in report.teams}
    body: list[str] = []
    for n, part in enumerate(report_markdown(report).split("\n## ")):
        section = part if n == 0 else "## " + part
        heading = section.split("\n", 1)[0]
        team = teams.get(heading)
        if team is not None:
            actions, _, benchmark = section.partition("\n### Benchmark means")
            body.append(markdown.render(actions))
            trend = index_trend_chart([(q.quarter, q.index) for q in team.quarters])
            if trend:
                body.append(_figure(trend, index_caption))
            benchmark, _, sessions = benchmark.partition("\n### Sessions")
            # The chart is the team's table's: under it, before the segments' tables.
            whole_team, segment_mark, segments = benchmark.partition("\n#### Segment: ")
            body.append(markdown.render("### Benchmark means" + whole_team))
            means = trend_means_chart(team)
            if means:
                body.append(_figure(means, means_caption))
            if segment_mark:
                body.append(markdown.render(segment_mark + segments))
            body.append(markdown.render("### Sessions" + sessions))
            continue
        body.append(markdown.render(section))
        if heading == "## All teams":
            overall = index_trend_chart([(q.quarter, q.index) for q in report.quarters])
            if overall:
                body.append(_figure(overall, index_caption))
    return _page("Follow-through report", "\n".join(body))
