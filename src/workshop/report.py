"""The follow-through report over a sessions folder: benchmarks, actions and the success index.

Reading is forgiving: every file that cannot be read is named with the reason, and the rest
of the report goes on. Building the report is a pure function of the sessions read, and the
two writers (markdown, JSON) are pure functions of the report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from workshop.core.models import ActionStatus, Session
from workshop.core.stats import criterion_results, rate_activities
from workshop.core.success import (
    QuarterPoint,
    TrackedAction,
    done_on,
    index_over_time,
    quarter_of,
    state_at,
    success_index,
    tracked_actions,
)
from workshop.export.markdown import escape_cell
from workshop.export.tables import LEFT, RIGHT, markdown_table
from workshop.files import InvalidFileError, WorkshopError
from workshop.store import SessionReader, scan_session_files

NO_TEAM = "(no team)"
NO_SEGMENT = "(no segment)"
NO_OWNER = "(no owner)"

ProgressCallback = Callable[[int, int], None]
"""Called as (files read so far, files in all) while a folder is read."""


@dataclass(frozen=True)
class SkippedFile:
    file: str
    """The file's name in the folder."""
    reason: str


@dataclass(frozen=True)
class SessionRef:
    on: date
    title: str
    file: str = ""


@dataclass(frozen=True)
class BenchmarkPoint:
    """One session's mean for one criterion."""

    on: date
    session: str
    mean: float
    count: int


@dataclass(frozen=True)
class CriterionTrend:
    criterion_id: str
    title: str
    target: float | None
    points: list[BenchmarkPoint]


@dataclass(frozen=True)
class SegmentTrend:
    segment: str
    criteria: list[CriterionTrend]


@dataclass(frozen=True)
class QuarterRow:
    """Actions opened and done in a quarter, and the success index at its end."""

    quarter: str
    on: date
    opened: int
    done: int
    index: float | None


@dataclass(frozen=True)
class OwnerRow:
    owner: str
    actions: int
    """Actions counted by the index at the report's date (started, not dropped)."""
    done: int
    index: float | None


@dataclass(frozen=True)
class TeamReport:
    team: str
    sessions: list[SessionRef]
    benchmark: list[CriterionTrend]
    segments: list[SegmentTrend]
    quarters: list[QuarterRow]
    index: float | None
    owners: list[OwnerRow]


@dataclass(frozen=True)
class Report:
    as_of: date
    team_filter: str | None
    sessions_read: int
    skipped: list[SkippedFile]
    index: float | None
    quarters: list[QuarterRow]
    teams: list[TeamReport] = field(default_factory=list)


# --- reading --------------------------------------------------------------------------------


def _skip_reason(path: Path, error: WorkshopError) -> SkippedFile:
    # Errors name the full path; the folder is said once, so the name is enough.
    return SkippedFile(path.name, str(error).replace(str(path), path.name, 1))


def read_folder(
    folder: Path, on_progress: ProgressCallback | None = None
) -> tuple[list[tuple[Path, Session]], list[SkippedFile]]:
    """Every readable session in `folder` (file name order), and the files skipped, with why."""
    if not folder.is_dir():
        what = "not a folder" if folder.exists() else "no such folder"
        raise InvalidFileError(f"{folder}: {what}")
    paths, not_regular = scan_session_files(folder)
    reader = SessionReader()
    sessions: list[tuple[Path, Session]] = []
    skipped = [SkippedFile(path.name, f"{path.name}: {reason}") for path, reason in not_regular]
    for done, path in enumerate(paths, start=1):
        try:
            sessions.append((path, reader.read(path).session))
        except WorkshopError as error:
            skipped.append(_skip_reason(path, error))
        if on_progress is not None:
            on_progress(done, len(paths))
    return sessions, skipped


# --- building -------------------------------------------------------------------------------


def team_key(team: str) -> str:
    """Teams match case-insensitively, ignoring surrounding spaces (as in core.stats)."""
    return team.strip().casefold()


def _combine(parts: Iterable[tuple[float | None, int]]) -> tuple[float | None, int]:
    """A count-weighted mean of several (mean, count) pairs."""
    total = 0.0
    count = 0
    for mean, n in parts:
        if mean is not None and n:
            total += mean * n
            count += n
    return (total / count if count else None), count


@dataclass
class _TrendBuilder:
    titles: dict[str, str] = field(default_factory=dict)
    targets: dict[str, float | None] = field(default_factory=dict)
    points: dict[str, list[BenchmarkPoint]] = field(default_factory=dict)

    def add(
        self,
        session: Session,
        criterion_id: str,
        title: str,
        target: float | None,
        parts: list[tuple[float | None, int]],
    ) -> None:
        mean, count = _combine(parts)
        self.titles[criterion_id] = title  # sessions come in date order: the latest title wins
        self.targets[criterion_id] = target
        points = self.points.setdefault(criterion_id, [])
        if mean is not None:
            points.append(BenchmarkPoint(session.date, session.title, mean, count))

    def trends(self) -> list[CriterionTrend]:
        return [
            CriterionTrend(cid, self.titles[cid], self.targets[cid], points)
            for cid, points in self.points.items()
            if points
        ]


def _benchmarks(sessions: Sequence[Session]) -> tuple[list[CriterionTrend], list[SegmentTrend]]:
    overall = _TrendBuilder()
    by_segment: dict[str, _TrendBuilder] = {}
    for session in sessions:
        parts: dict[str, list[tuple[float | None, int]]] = {}
        segment_parts: dict[str, dict[str, list[tuple[float | None, int]]]] = {}
        titles: dict[str, tuple[str, float | None]] = {}
        for activity in rate_activities(session):
            for result in criterion_results(session, activity.id):
                titles[result.criterion_id] = (result.title, result.target)
                parts.setdefault(result.criterion_id, []).append((result.mean, result.count))
                for segment, seg in result.by_segment.items():
                    segment_parts.setdefault(segment, {}).setdefault(
                        result.criterion_id, []
                    ).append((seg.mean, seg.count))
        for criterion_id, criterion_parts in parts.items():
            title, target = titles[criterion_id]
            overall.add(session, criterion_id, title, target, criterion_parts)
        for segment, criteria in segment_parts.items():
            builder = by_segment.setdefault(segment, _TrendBuilder())
            for criterion_id, criterion_parts in criteria.items():
                title, target = titles[criterion_id]
                builder.add(session, criterion_id, title, target, criterion_parts)
    segments = [
        SegmentTrend(segment or NO_SEGMENT, by_segment[segment].trends())
        for segment in sorted(by_segment, key=lambda s: (s == "", s.casefold()))
    ]
    # A split with only participants without a segment says nothing the overall table doesn't.
    if all(segment.segment == NO_SEGMENT for segment in segments):
        segments = []
    return overall.trends(), segments


def _quarters(actions: Sequence[TrackedAction], as_of: date) -> list[QuarterRow]:
    started = [tracked for tracked in actions if tracked.start <= as_of]
    if not started:
        return []
    opened: dict[str, int] = {}
    done: dict[str, int] = {}
    for tracked in started:
        opened[quarter_of(tracked.start)] = opened.get(quarter_of(tracked.start), 0) + 1
        finished = done_on(tracked.action, tracked.start)
        if finished is not None and finished <= as_of:
            done[quarter_of(finished)] = done.get(quarter_of(finished), 0) + 1
    points: list[QuarterPoint] = index_over_time(started, as_of)
    return [
        QuarterRow(
            point.quarter,
            point.on,
            opened.get(point.quarter, 0),
            done.get(point.quarter, 0),
            point.index,
        )
        for point in points
    ]


def _owners(actions: Sequence[TrackedAction], as_of: date) -> list[OwnerRow]:
    groups: dict[str, list[TrackedAction]] = {}
    for tracked in actions:
        groups.setdefault(tracked.action.owner.strip(), []).append(tracked)
    rows: list[OwnerRow] = []
    for owner in sorted(groups, key=lambda o: (o == "", o.casefold())):
        members = groups[owner]
        states = [state_at(t.action, t.start, as_of) for t in members]
        counted = [s for s in states if s is not None and s.status is not ActionStatus.DROPPED]
        if not counted:
            continue
        rows.append(
            OwnerRow(
                owner or NO_OWNER,
                len(counted),
                sum(1 for s in counted if s.status is ActionStatus.DONE),
                success_index(members, as_of),
            )
        )
    return rows


def build_report(
    sessions: Iterable[Session],
    as_of: date,
    *,
    skipped: Sequence[SkippedFile] = (),
    team: str | None = None,
    files: dict[int, str] | None = None,
) -> Report:
    """The report over `sessions` at `as_of`, for one team (matched case-insensitively) or all.

    `files` maps id(session) to its file name, for the list of sessions.
    """
    ordered = sorted(sessions, key=lambda s: (s.date, s.title))
    files = files or {}
    # Carried actions are counted once across the whole folder, whatever the team filter.
    all_actions = tracked_actions(ordered)
    teams: dict[str, list[Session]] = {}
    for session in ordered:
        if team is None or team_key(session.team) == team_key(team):
            teams.setdefault(team_key(session.team), []).append(session)
    chosen = [session for members in teams.values() for session in members]
    chosen_teams = {team_key(session.team) for session in chosen}
    actions = [t for t in all_actions if team_key(t.team) in chosen_teams]

    team_reports: list[TeamReport] = []
    for key in sorted(teams, key=lambda k: (k == "", k)):
        members = teams[key]
        name = members[-1].team.strip() or NO_TEAM
        team_actions = [t for t in actions if team_key(t.team) == key]
        benchmark, segments = _benchmarks(members)
        team_reports.append(
            TeamReport(
                team=name,
                sessions=[SessionRef(s.date, s.title, files.get(id(s), "")) for s in members],
                benchmark=benchmark,
                segments=segments,
                quarters=_quarters(team_actions, as_of),
                index=success_index(team_actions, as_of),
                owners=_owners(team_actions, as_of),
            )
        )
    return Report(
        as_of=as_of,
        team_filter=team,
        sessions_read=len(chosen),
        skipped=list(skipped),
        index=success_index(actions, as_of),
        quarters=_quarters(actions, as_of),
        teams=team_reports,
    )


def report_folder(
    folder: Path,
    as_of: date,
    *,
    team: str | None = None,
    on_progress: ProgressCallback | None = None,
) -> Report:
    """Read `folder` and build its report. Raises InvalidFileError for a missing folder."""
    read, skipped = read_folder(folder, on_progress)
    files = {id(session): path.name for path, session in read}
    return build_report(
        [session for _, session in read], as_of, skipped=skipped, team=team, files=files
    )


# --- markdown -------------------------------------------------------------------------------


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
            mean, count = _combine(by_date.get(day, []))
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


# --- JSON ---------------------------------------------------------------------------------

REPORT_SCHEMA_VERSION: Literal[1] = 1
"""The version of the report's JSON layout (`schema_version`); raised on any change to it."""


Day = date
"""`date`, under a name the models' `date` fields do not hide."""


class _JsonRecord(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BenchmarkPointJson(_JsonRecord):
    date: Day
    session: str = Field(description="The session's title")
    mean: float = Field(description="Mean score, rounded to 4 decimals")
    count: int = Field(ge=0, description="How many scores")


class CriterionTrendJson(_JsonRecord):
    criterion: str = Field(description="The criterion's id")
    title: str
    target: float | None
    points: list[BenchmarkPointJson]


class SegmentJson(_JsonRecord):
    segment: str
    benchmark: list[CriterionTrendJson]


class QuarterJson(_JsonRecord):
    quarter: str = Field(description="Such as 2026-Q1")
    date: Day = Field(description="The quarter's end, or the report's date for this quarter")
    opened: int = Field(ge=0)
    done: int = Field(ge=0)
    success_index: float | None = Field(description="0-100 at `date`; null if no action counts")


class OwnerJson(_JsonRecord):
    owner: str
    actions: int = Field(ge=0)
    done: int = Field(ge=0)
    success_index: float | None


class SessionRefJson(_JsonRecord):
    date: Day
    title: str
    file: str


class TeamJson(_JsonRecord):
    team: str
    sessions: list[SessionRefJson]
    benchmark: list[CriterionTrendJson]
    segments: list[SegmentJson]
    success_index: float | None
    quarters: list[QuarterJson]
    owners: list[OwnerJson]


class SkippedJson(_JsonRecord):
    file: str
    reason: str


class ReportJson(_JsonRecord):
    """`workshop report --format json`."""

    schema_version: Literal[1] = REPORT_SCHEMA_VERSION
    as_of: Day
    team: str | None = Field(description="The --team asked for; null for all teams")
    sessions_read: int = Field(ge=0)
    skipped: list[SkippedJson]
    success_index: float | None
    quarters: list[QuarterJson]
    teams: list[TeamJson]


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _trend_json(trend: CriterionTrend) -> dict[str, Any]:
    return {
        "criterion": trend.criterion_id,
        "title": trend.title,
        "target": trend.target,
        "points": [
            {
                "date": point.on.isoformat(),
                "session": point.session,
                "mean": _rounded(point.mean),
                "count": point.count,
            }
            for point in trend.points
        ],
    }


def _quarters_json(rows: Sequence[QuarterRow]) -> list[dict[str, Any]]:
    return [
        {
            "quarter": row.quarter,
            "date": row.on.isoformat(),
            "opened": row.opened,
            "done": row.done,
            "success_index": _rounded(row.index),
        }
        for row in rows
    ]


def report_json(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data, checked against `ReportJson` (its JSON Schema)."""
    data = {
        "schema_version": REPORT_SCHEMA_VERSION,
        "as_of": report.as_of.isoformat(),
        "team": report.team_filter,
        "sessions_read": report.sessions_read,
        "skipped": [{"file": s.file, "reason": s.reason} for s in report.skipped],
        "success_index": _rounded(report.index),
        "quarters": _quarters_json(report.quarters),
        "teams": [
            {
                "team": team.team,
                "sessions": [
                    {"date": ref.on.isoformat(), "title": ref.title, "file": ref.file}
                    for ref in team.sessions
                ],
                "benchmark": [_trend_json(trend) for trend in team.benchmark],
                "segments": [
                    {
                        "segment": segment.segment,
                        "benchmark": [_trend_json(trend) for trend in segment.criteria],
                    }
                    for segment in team.segments
                ],
                "success_index": _rounded(team.index),
                "quarters": _quarters_json(team.quarters),
                "owners": [
                    {
                        "owner": row.owner,
                        "actions": row.actions,
                        "done": row.done,
                        "success_index": _rounded(row.index),
                    }
                    for row in team.owners
                ],
            }
            for team in report.teams
        ],
    }
    return ReportJson.model_validate(data).model_dump(mode="json")


def report_schema() -> dict[str, Any]:
    """The JSON Schema of `render_json`'s output, generated from `ReportJson`."""
    schema = ReportJson.model_json_schema(mode="serialization")
    schema["required"] = sorted({"schema_version", *schema.get("required", [])})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://workshop.invalid/schema/report.schema.json",
        **schema,
    }


def render_json(report: Report) -> str:
    """The report as indented JSON, with no raw control character (see `export.json_export`)."""
    from workshop.export.json_export import dumps

    return dumps(report_json(report))
