"""The success index: how far a set of actions got, against what was committed, at a date.

The success index of a set of actions at a date D is a number from 0 to 100: the average
progress of the actions at D, each weighted by how far into its horizon D is, so a 3-month
action that is due now counts more than a "beyond" one started the same day. An action counts
from its start (the day it was created, else its session's date); it is left out before then,
and whenever its status at D is dropped. Its state at D is its latest review dated on or before
D: reviews are taken by their dates, whatever order they are listed in, and of two reviews on
one date the one listed later (saved later) wins; a status set in the plan without a review
(it has no date) counts from the action's last review, or from its start if it has none.
Progress is the review's score out of 4 (0 not started, 1 started, 2 halfway, 3 nearly there,
4 done), 1 whenever the status is done, and 0 before the first review. The weight is the share
of the horizon that has passed: days since the start divided by the horizon's days (to the due
date when the action has one, else 91 for 3 months, 182 for 6 months, 365 for beyond), capped
at 1 and never below 0.1, so a new action counts a little. The index is
100 x sum(weight x progress) / sum(weight); there is none when no action counts. Across several
sessions an action carried into a later session is counted once, as its latest copy (the copy
keeps the original's start and reviews).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from workshop.core.agenda import ActionStatus, Horizon
from workshop.core.models import Action, Session

PROGRESS_SCALE_MAX = 4
"""Progress is scored 0..4."""

PROGRESS_MEANINGS = {
    0: "not started",
    1: "started",
    2: "halfway",
    3: "nearly there",
    4: "done",
}
"""What each point of the progress scale means, for prompts and reports."""

HORIZON_DAYS = {
    Horizon.THREE_MONTHS: 91,
    Horizon.SIX_MONTHS: 182,
    Horizon.BEYOND: 365,
}
"""How many days each horizon stands for, when an action has no due date."""

WEIGHT_FLOOR = 0.1
"""The least an action that has started can weigh, so a new action counts a little."""

KeyT = TypeVar("KeyT", bound=Hashable)


@dataclass(frozen=True)
class TrackedAction:
    """An action with what the index needs from the session that holds it."""

    action: Action
    start: date
    team: str = ""
    session_title: str = ""
    session_date: date | None = None


@dataclass(frozen=True)
class ActionState:
    """Where an action stood at a date."""

    progress: float
    """0..1: the review score out of 4, or 1 when done."""
    status: ActionStatus


@dataclass(frozen=True)
class QuarterPoint:
    """The index at the end of one calendar quarter (or at the end date, for the last one)."""

    quarter: str
    """"2026-Q3"."""
    on: date
    index: float | None


def progress_label(progress: int) -> str:
    """'2 halfway'."""
    return f"{progress} {PROGRESS_MEANINGS.get(progress, '')}".strip()


def action_key(session: Session, action_id: str) -> str:
    """How `carried_from` names an action: "<session date> <session title>/<action id>"."""
    return f"{session.date.isoformat()} {session.title}/{action_id}"


def action_start(action: Action, session_date: date) -> date:
    """The day an action's horizon starts: when it was created, else its session's date."""
    return action.created.date() if action.created is not None else session_date


def track(session: Session) -> list[TrackedAction]:
    """The actions of one session, ready for the index."""
    return [
        TrackedAction(
            action=action,
            start=action_start(action, session.date),
            team=session.team,
            session_title=session.title,
            session_date=session.date,
        )
        for action in session.actions
    ]


def tracked_actions(sessions: Iterable[Session]) -> list[TrackedAction]:
    """The actions of several sessions, each carried action once (its latest copy)."""
    sessions = list(sessions)
    carried_away = {
        action.carried_from
        for session in sessions
        for action in session.actions
        if action.carried_from
    }
    return [
        tracked
        for session in sessions
        for tracked in track(session)
        if action_key(session, tracked.action.id) not in carried_away
    ]


def _timeline(action: Action, start: date) -> list[tuple[date, ActionState]]:
    """The action's states in date order: its reviews, then any status set without a review."""
    reviews = sorted(action.reviews, key=lambda review: review.date)  # stable: later save wins
    timeline = [
        (review.date, ActionState(review.progress / PROGRESS_SCALE_MAX, review.status))
        for review in reviews
    ]
    last_status = reviews[-1].status if reviews else ActionStatus.NOT_STARTED
    if action.status != last_status:
        last_progress = timeline[-1][1].progress if timeline else 0.0
        since = max(reviews[-1].date, start) if reviews else start
        timeline.append((since, ActionState(last_progress, action.status)))
    return timeline


def state_at(action: Action, start: date, on: date) -> ActionState | None:
    """The action's state at `on`; None before it started."""
    if on < start:
        return None
    state = ActionState(0.0, ActionStatus.NOT_STARTED)
    for when, reviewed in _timeline(action, start):
        if when > on:
            break
        state = reviewed
    if state.status is ActionStatus.DONE:
        return ActionState(1.0, state.status)
    return state


def done_on(action: Action, start: date) -> date | None:
    """The first date the action's status was done, if it ever was."""
    for when, state in _timeline(action, start):
        if state.status is ActionStatus.DONE:
            return max(when, start)
    return None


def horizon_days(action: Action, start: date) -> int:
    """Days from start to the action's due date, else the days its horizon stands for."""
    if action.due is not None:
        return max(1, (action.due - start).days)
    return HORIZON_DAYS[action.horizon]


def weight(action: Action, start: date, on: date) -> float:
    """The share of the action's horizon passed at `on`, within [WEIGHT_FLOOR, 1]."""
    return _weight((on - start).days, horizon_days(action, start))


def _weight(elapsed_days: int, horizon: int) -> float:
    return max(WEIGHT_FLOOR, min(1.0, elapsed_days / horizon))


@dataclass(frozen=True)
class _Prepared:
    """An action's timeline worked out once, to be asked about at many dates."""

    start: date
    horizon_days: int
    dates: list[date]
    states: list[ActionState]


def _prepare(tracked: TrackedAction) -> _Prepared:
    timeline = _timeline(tracked.action, tracked.start)
    return _Prepared(
        start=tracked.start,
        horizon_days=horizon_days(tracked.action, tracked.start),
        dates=[when for when, _ in timeline],
        states=[state for _, state in timeline],
    )


def _prepared_index(prepared: Sequence[_Prepared], on: date) -> float | None:
    weighted_progress = 0.0
    total_weight = 0.0
    for action in prepared:
        if on < action.start:
            continue
        reviewed = bisect_right(action.dates, on)
        if reviewed:
            state = action.states[reviewed - 1]
            if state.status is ActionStatus.DROPPED:
                continue
            progress = 1.0 if state.status is ActionStatus.DONE else state.progress
        else:
            progress = 0.0
        action_weight = _weight((on - action.start).days, action.horizon_days)
        weighted_progress += action_weight * progress
        total_weight += action_weight
    if total_weight == 0:
        return None
    return 100 * weighted_progress / total_weight


def success_index(actions: Iterable[TrackedAction], on: date) -> float | None:
    """The success index (0..100) of `actions` at `on`; None when no action counts."""
    return _prepared_index([_prepare(tracked) for tracked in actions], on)


def index_by(
    actions: Iterable[TrackedAction], on: date, key: Callable[[TrackedAction], KeyT]
) -> dict[KeyT, float | None]:
    """The index of each group of actions (groups in order of first appearance)."""
    groups: dict[KeyT, list[TrackedAction]] = {}
    for tracked in actions:
        groups.setdefault(key(tracked), []).append(tracked)
    return {group: success_index(members, on) for group, members in groups.items()}


def index_by_owner(actions: Iterable[TrackedAction], on: date) -> dict[str, float | None]:
    """The index per action owner ("" for actions without one)."""
    return index_by(actions, on, lambda tracked: tracked.action.owner.strip())


# --- over time ------------------------------------------------------------------------------


def quarter_of(day: date) -> str:
    """'2026-Q4' for any day of October to December 2026."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_end(day: date) -> date:
    """The last day of the calendar quarter that holds `day`."""
    first_month_next = ((day.month - 1) // 3 + 1) * 3 + 1
    if first_month_next > 12:
        return date(day.year, 12, 31)
    return date(day.year, first_month_next, 1) - timedelta(days=1)


def quarter_ends(first: date, last: date) -> list[date]:
    """The quarter ends from `first`'s quarter to `last`'s, the last one cut to `last`."""
    ends: list[date] = []
    current = quarter_end(first)
    while current < last:
        ends.append(current)
        current = quarter_end(current + timedelta(days=1))
    if first <= last:
        ends.append(last)
    return ends


def index_over_time(actions: Sequence[TrackedAction], until: date) -> list[QuarterPoint]:
    """The index at the end of each quarter from the first action's start up to `until`.

    The last point is taken at `until` itself, not at the end of its (unfinished) quarter.
    """
    if not actions:
        return []
    first = min(tracked.start for tracked in actions)
    prepared = [_prepare(tracked) for tracked in actions]
    return [
        QuarterPoint(quarter_of(on), on, _prepared_index(prepared, on))
        for on in quarter_ends(first, until)
    ]
