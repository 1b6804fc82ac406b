"""The follow-through report as a printable HTML page, with SVG charts drawn here."""

from __future__ import annotations

import math
from collections.abc import Sequence

from workshop.core.report import Report, TeamReport
from workshop.export.html_page import (
    CHART_WIDTH,
    LABEL_WIDTH,
    escape_html,
    figure,
    markdown_parser,
    page,
    scale_chart_start,
    scale_row_title,
)
from workshop.export.markdown_text import escape_cell
from workshop.export.report_markdown import render_markdown as report_markdown

# --- the report -------------------------------------------------------------------------------


def index_trend_chart(points: Sequence[tuple[str, float | None]]) -> str:
    """The success index (0-100) at each quarter's end, as a line with its values."""
    if not any(value is not None for _, value in points):
        return ""
    left, right, top, bottom = 72, CHART_WIDTH - 40, 24, 190
    height = bottom + 30
    step = (right - left) / max(1, len(points) - 1)

    def y(value: float) -> float:
        return bottom - (bottom - top) * value / 100

    parts = [
        f'<svg class="chart index" viewBox="0 0 {CHART_WIDTH} {height}" width="{CHART_WIDTH}" '
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
            f"{escape_html(label)}</text>"
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
    left, right = LABEL_WIDTH, CHART_WIDTH - 30

    def x(value: float) -> float:
        return left + (right - left) * (value - low) / (high - low)

    parts = scale_chart_start("trends", len(trends), "Benchmark means by session", x, low, high)
    for row, trend in enumerate(trends):
        y, title = scale_row_title(row, trend.title)
        parts.append(title)
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
    markdown = markdown_parser()
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
                body.append(figure(trend, index_caption))
            benchmark, _, sessions = benchmark.partition("\n### Sessions")
            # The chart is the team's table's: under it, before the segments' tables.
            whole_team, segment_mark, segments = benchmark.partition("\n#### Segment: ")
            body.append(markdown.render("### Benchmark means" + whole_team))
            means = trend_means_chart(team)
            if means:
                body.append(figure(means, means_caption))
            if segment_mark:
                body.append(markdown.render(segment_mark + segments))
            body.append(markdown.render("### Sessions" + sessions))
            continue
        body.append(markdown.render(section))
        if heading == "## All teams":
            overall = index_trend_chart([(q.quarter, q.index) for q in report.quarters])
            if overall:
                body.append(figure(overall, index_caption))
    return page("Follow-through report", "\n".join(body))
