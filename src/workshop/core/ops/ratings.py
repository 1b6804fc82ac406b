"""Ratings (the benchmark), debate notes, and the saved state of timers."""

from __future__ import annotations

from typing import Any

from workshop.core.errors import RuleError
from workshop.core.models import DebateNote, Rating, Session, TimerState
from workshop.core.ops.activities import require_activity
from workshop.core.ops.records import find
from workshop.core.ops.text import clean_text


def set_rating(
    session: Session, activity_id: str, participant: str, criterion: str, score: int | None
) -> None:
    """Set (or with None, leave out) one participant's score on one criterion."""
    activity = session.agenda.activity(activity_id)
    if criterion not in {c.id for c in activity.criteria}:
        raise RuleError(f"no criterion {criterion!r} in activity {activity_id!r}")
    find(session.participants, participant, "participant")
    scale = activity.rating_scale
    if score is not None and not scale.low <= score <= scale.high:
        raise RuleError(f"a score must be from {scale.low} to {scale.high}")
    kept = [
        r
        for r in session.ratings
        if not (
            r.activity == activity_id and r.participant == participant and r.criterion == criterion
        )
    ]
    if score is not None:
        kept.append(
            Rating(activity=activity_id, participant=participant, criterion=criterion, score=score)
        )
    session.ratings[:] = kept


def set_debate_note(session: Session, activity_id: str, item: str, **fields: Any) -> DebateNote:
    require_activity(session, activity_id)
    cleaned = {k: clean_text(v) if isinstance(v, str) else v for k, v in fields.items()}
    for position, note in enumerate(session.debate):
        if note.activity == activity_id and note.item == item:
            updated = DebateNote.model_validate({**note.model_dump(), **cleaned})
            session.debate[position] = updated
            return updated
    created = DebateNote.model_validate({"activity": activity_id, "item": item, **cleaned})
    session.debate.append(created)
    return created


def timer_state(session: Session, activity_id: str, item: str = "") -> TimerState | None:
    """The saved state of an activity's timer (or of a debate block's, by `item`)."""
    return next((t for t in session.timers if t.activity == activity_id and t.item == item), None)


def set_timer(session: Session, state: TimerState) -> TimerState:
    """Keep a timer's state in the session, replacing what was kept for the same timer."""
    require_activity(session, state.activity)
    for position, kept in enumerate(session.timers):
        if kept.activity == state.activity and kept.item == state.item:
            session.timers[position] = state
            return state
    session.timers.append(state)
    return state
