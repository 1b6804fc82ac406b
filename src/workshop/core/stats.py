"""Benchmark statistics: per criterion, the mean, the spread, the split by segment, the trend.

The spread is the population standard deviation (`statistics.pstdev`): the room that rated is
the whole population we describe, not a sample of a larger one.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from workshop.core.agenda import Activity, ActivityKind, Scale
from workshop.core.models import Session

DISAGREEMENT_SHARE = 0.25
"""A criterion shows disagreement when its standard deviation is at least this share of the
scale's range (high - low): 1.0 on a 1-5 scale, 2.25 on a 1-10 scale."""

_EIGHTHS = " ▏▎▍▌▋▊▉"
_FULL = "█"


@dataclass(frozen=True)
class SegmentResult:
    """The scores one segment of participants gave one criterion."""

    count: int
    mean: float | None


@dataclass(frozen=True)
class CriterionResult:
    """What the room said about one criterion of a rate activity."""

    criterion_id: str
    title: str
    count: int
    """How many scores were given (0 when nobody scored the criterion)."""
    mean: float | None
    min_score: int | None
    max_score: int | None
    stdev: float | None
    """Population standard deviation of the scores (0.0 for a single score)."""
    target: float | None
    disagreement: bool
    """True when stdev >= DISAGREEMENT_SHARE x the scale's range: the room is split."""
    by_segment: dict[str, SegmentResult] = field(default_factory=dict)
    """Participant segment -> its scores; participants without a segment are under ""."""
    previous: float | None = None
    """The mean in the team's most recent earlier session (filled by `with_previous`)."""


def disagreement_threshold(scale: Scale) -> float:
    """The standard deviation from which a criterion counts as disagreement on this scale."""
    return DISAGREEMENT_SHARE * (scale.high - scale.low)


def _mean(scores: Sequence[int]) -> float | None:
    return statistics.fmean(scores) if scores else None


def criterion_results(session: Session, activity_id: str) -> list[CriterionResult]:
    """One result per criterion of a rate activity, in agenda order. Raises KeyError if unknown."""
    activity = session.agenda.activity(activity_id)
    segment_of = {p.id: p.segment.strip() for p in session.participants}
    scores: dict[str, list[int]] = {c.id: [] for c in activity.criteria}
    segment_scores: dict[str, dict[str, list[int]]] = {c.id: {} for c in activity.criteria}
    for rating in session.ratings:
        if rating.activity != activity_id or rating.criterion not in scores:
            continue
        scores[rating.criterion].append(rating.score)
        segment = segment_of.get(rating.participant, "")
        segment_scores[rating.criterion].setdefault(segment, []).append(rating.score)
    threshold = disagreement_threshold(activity.rating_scale)
    results: list[CriterionResult] = []
    for criterion in activity.criteria:
        given = scores[criterion.id]
        stdev = statistics.pstdev(given) if given else None
        by_segment = {
            segment: SegmentResult(len(segment_scores[criterion.id][segment]), _mean(values))
            for segment, values in sorted(
                segment_scores[criterion.id].items(), key=lambda item: (item[0] == "", item[0])
            )
        }
        results.append(
            CriterionResult(
                criterion_id=criterion.id,
                title=criterion.title,
                count=len(given),
                mean=_mean(given),
                min_score=min(given) if given else None,
                max_score=max(given) if given else None,
                stdev=stdev,
                target=criterion.target,
                disagreement=stdev is not None and stdev >= threshold,
                by_segment=by_segment,
            )
        )
    return results


def rate_activities(session: Session) -> list[Activity]:
    """The session's rate activities, in agenda order."""
    return [a for a in session.agenda.activities() if a.kind is ActivityKind.RATE]


def _criterion_mean(session: Session, criterion_id: str) -> float | None:
    """The mean of every score a session gave `criterion_id`, over all its rate activities."""
    rated = {
        a.id for a in rate_activities(session) if any(c.id == criterion_id for c in a.criteria)
    }
    given = [
        r.score for r in session.ratings if r.criterion == criterion_id and r.activity in rated
    ]
    return _mean(given)


def _team_key(team: str) -> str:
    return team.strip().casefold()


def with_previous(
    results: Sequence[CriterionResult], earlier_sessions: Iterable[Session], current: Session
) -> list[CriterionResult]:
    """`results` with `previous` filled from the team's most recent earlier session.

    For each criterion, the earlier session is the latest one dated before `current` whose
    team matches `current.team` (case-insensitive, ignoring surrounding spaces) and that
    scored the same criterion id; `previous` is its mean over all its rate activities.
    A session without a team has no previous. Sessions on the same date are not earlier.
    """
    team = _team_key(current.team)
    if not team:
        return list(results)
    candidates = [
        s for s in earlier_sessions if _team_key(s.team) == team and s.date < current.date
    ]
    # Latest first; among sessions of one date, the one listed last wins.
    candidates = list(reversed(sorted(candidates, key=lambda s: s.date)))
    filled: list[CriterionResult] = []
    for result in results:
        previous = None
        for earlier in candidates:
            previous = _criterion_mean(earlier, result.criterion_id)
            if previous is not None:
                break
        filled.append(replace(result, previous=previous))
    return filled


def text_bar(value: float | None, low: float, high: float, width: int = 20) -> str:
    """A bar of exactly `width` characters: full and partial blocks, then spaces.

    `value` is placed between `low` (empty bar) and `high` (full bar), clamped to that range;
    None gives a blank bar. The blocks are plain Unicode, so the bar reads in any editor.
    """
    if width <= 0:
        return ""
    if value is None or high <= low:
        return " " * width
    share = min(1.0, max(0.0, (value - low) / (high - low)))
    eighths = round(share * width * 8)
    full, partial = divmod(eighths, 8)
    bar = _FULL * full + (_EIGHTHS[partial] if partial else "")
    return bar.ljust(width)
