"""The follow-through report over sessions: benchmarks, actions and the success index.

Building the report is a pure function of the sessions read; reading a folder for it is
`store.report_folder`, and the writers are `export.report_markdown` and `export.report_json`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from workshop.core.agenda import ActionStatus
from workshop.core.models import Session
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


# --- building -------------------------------------------------------------------------------


def team_key(team: str) -> str:
    """Teams match case-insensitively, ignoring surrounding spaces (as in core.stats)."""
    return team.strip().casefold()


def combine_means(parts: Iterable[tuple[float | None, int]]) -> tuple[float | None, int]:
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
        mean, count = combine_means(parts)
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
