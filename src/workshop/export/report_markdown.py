"""The follow-through report as markdown: a pure function of the report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from workshop.core.report import (
    CriterionTrend,
    OwnerRow,
    QuarterRow,
    Report,
    TeamReport,
    combine_means,
)
from workshop.export.markdown_text import escape_cell
from workshop.export.tables import LEFT, RIGHT, markdown_table


def _number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _table(
    header: Sequence[str], rows: Iterable[Sequence[str]], aligns: Sequence[str]
) -> list[str]:
    """The session export's aligned table, as lines."""
    return markdown_table(header, aligns, [list(row) for row in rows]).split("\n")


def _quarter_table(rows: Sequence[QuarterRow]) -> list[str]:
    return _table(
        ["Quarter", "Actions opened", "Actions done", "Success index at quarter end"],
        [
            [row.quarter, str(row.opened), str(row.done), f"{_number(row.index)} ({row.on})"]
            for row in rows
        ],
        [LEFT, RIGHT, RIGHT, RIGHT],
    )


def _owners_table(rows: Sequence[OwnerRow]) -> list[str]:
    return _table(
        ["Owner", "Actions", "Done", "Success index now"],
        [
            [escape_cell(row.owner), str(row.actions), str(row.done), _number(row.index)]
            for row in rows
        ],
        [LEFT, RIGHT, RIGHT, RIGHT],
    )


def _benchmark_table(trends: Sequence[CriterionTrend]) -> list[str]:
    dates = sorted({point.on for trend in trends for point in trend.points})
    header = ["Criterion", "Target", *(day.isoformat() for day in dates)]
    rows = []
    for trend in trends:
        by_date: dict[date, list[tuple[float | None, int]]] = {}
        for point in trend.points:
            by_date.setdefault(point.on, []).append((point.mean, point.count))
        cells = []
        for day in dates:
            mean, count = combine_means(by_date.get(day, []))
            cells.append("–" if mean is None else f"{mean:.2f} ({count})")
        rows.append([escape_cell(trend.title), _number(trend.target), *cells])
    return _table(header, rows, [LEFT, RIGHT, *([RIGHT] * len(dates))])


def _team_markdown(team: TeamReport) -> list[str]:
    """A team's section: the success index and its owners first, then the benchmark."""
    out = [f"## {escape_cell(team.team)}", ""]
    out += ["### Actions and the success index", ""]
    if team.quarters:
        out += [f"Success index now: **{_number(team.index)}**", ""]
        if team.owners:
            out += [*_owners_table(team.owners), ""]
        out += [*_quarter_table(team.quarters), ""]
    else:
        out += ["No actions yet.", ""]
    out += ["### Benchmark means", ""]
    if team.benchmark:
        out += ["Mean score per criterion by session date (number of scores).", ""]
        out += [*_benchmark_table(team.benchmark), ""]
        for segment in team.segments:
            out += [f"#### Segment: {escape_cell(segment.segment)}", ""]
            out += [*_benchmark_table(segment.criteria), ""]
    else:
        out += ["No benchmark scores yet.", ""]
    out += ["### Sessions", ""]
    out += [f"- {ref.on.isoformat()} {escape_cell(ref.title)}" for ref in team.sessions]
    out.append("")
    return out


def render_markdown(report: Report) -> str:
    """The report as GitHub-flavoured markdown: the success index first, then the benchmark."""
    out: list[str] = ["# Follow-through report", ""]
    if report.team_filter is None:
        scope = "all teams"
    else:  # the team's own spelling, not what was typed after --team
        named = report.teams[0].team if report.teams else report.team_filter
        scope = f"team {escape_cell(named)}"
    out.append(
        f"As of {report.as_of.isoformat()}, {scope}: {report.sessions_read} "
        f"session{'s' if report.sessions_read != 1 else ''} read, "
        f"{len(report.skipped)} file{'s' if len(report.skipped) != 1 else ''} skipped."
    )
    out.append("")
    if report.team_filter is None and len(report.teams) > 1:
        out += ["## All teams", ""]
        out += [f"Success index now: **{_number(report.index)}**", ""]
        out += _table(
            ["Team", "Sessions", "Success index now"],
            [
                [escape_cell(team.team), str(len(team.sessions)), _number(team.index)]
                for team in report.teams
            ],
            [LEFT, RIGHT, RIGHT],
        )
        out.append("")
        if report.quarters:
            out += [*_quarter_table(report.quarters), ""]
    for team in report.teams:
        out += _team_markdown(team)
    if not report.teams:
        out += ["No sessions to report on.", ""]
    if report.skipped:
        out += ["## Files skipped", ""]
        out += [f"- {escape_cell(skipped.reason)}" for skipped in report.skipped]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
