"""The session as one self-contained HTML page, ready to print to PDF.

The text is the markdown export's, rendered by markdown-it with raw HTML off (user text is
escaped twice over: as markdown, then as HTML). The charts are inline SVG drawn here: the
votes for the top themes and ideas, and the benchmark's means with their spread (the report's
page is `report_html`, on the same `html_page`). The page makes no request at all: no script,
no web font, no image file, no link, and a Content-Security-Policy that forbids any, so it
opens the same on a laptop without a network. A print stylesheet keeps tables and charts
whole on a page.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt

from workshop.core import stats
from workshop.core.agenda import Activity
from workshop.core.models import Session
from workshop.core.tally import RankedItem
from workshop.export.html_page import (
    CHART_WIDTH,
    LABEL_WIDTH,
    ROW_HEIGHT,
    escape_html,
    figure,
    markdown_parser,
    page,
    scale_chart_start,
    scale_row_title,
    shorten,
)
from workshop.export.markdown import markdown_sections
from workshop.export.markdown_plan import ranked_items
from workshop.export.markdown_text import TOP_RANKS, escape_inline
from workshop.export.visibility import visible_session

# --- charts of a session ----------------------------------------------------------------------


def votes_chart(items: Sequence[RankedItem], theme_ids: set[str]) -> str:
    """Horizontal bars: the votes of the top themes and ideas."""
    if not items:
        return ""
    most = max(item.votes for item in items) or 1
    bar_room = CHART_WIDTH - LABEL_WIDTH - 50
    height = ROW_HEIGHT * len(items) + 10
    parts = [
        f'<svg class="chart votes" viewBox="0 0 {CHART_WIDTH} {height}" width="{CHART_WIDTH}" '
        f'height="{height}" role="img" aria-label="Votes for the top themes and ideas">'
    ]
    for row, item in enumerate(items):
        y = 5 + row * ROW_HEIGHT
        kind = "theme: " if item.target in theme_ids else ""
        length = max(2.0, bar_room * item.votes / most)
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end">'
            f"{escape_html(kind + shorten(item.title))}</text>"
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y + 4}" width="{length:.1f}" '
            f'height="{ROW_HEIGHT - 8}" rx="2"/>'
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{y + 16}">{item.votes}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def benchmark_chart(results: Sequence[stats.CriterionResult], low: int, high: int) -> str:
    """Each criterion on the scale: its range (lowest to highest score), mean ± sd, the mean,
    the target (a red tick) and the previous session's mean (a hollow circle)."""
    scored = [result for result in results if result.count]
    if not scored:
        return ""
    left, right = LABEL_WIDTH, CHART_WIDTH - 30
    span = right - left

    def x(value: float) -> float:
        return left + span * (min(max(value, low), high) - low) / (high - low)

    parts = scale_chart_start(
        "benchmark", len(scored), "Benchmark means with their spread", x, low, high
    )
    for row, result in enumerate(scored):
        y, title = scale_row_title(row, result.title)
        parts.append(title)
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
    return figure(svg, caption)


def render_html(
    session: Session, *, earlier: Sequence[Session] = (), include_hidden: bool = False
) -> str:
    """The session as a self-contained HTML page: the markdown export, with its charts."""
    markdown = markdown_parser()
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
                body.append(figure(chart, "Votes for the top themes and ideas."))
            body.append(markdown.render("\n\n".join(blocks[at:])))
        elif name == "benchmark":
            body.extend(_benchmark_html(markdown, shown, blocks, earlier))
        else:
            body.append(markdown.render("\n\n".join(blocks)))
        body.append("</section>")
    return page(session.title or "Untitled session", "\n".join(part for part in body if part))


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
