"""Actions of the plan and their quarterly reviews."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from workshop.core.agenda import Horizon
from workshop.core.clock import now
from workshop.core.errors import RuleError
from workshop.core.models import Action, Review, Session
from workshop.core.ops.ideas import require_target
from workshop.core.ops.records import find, next_id, put_back_record, remove_record
from workshop.core.ops.text import clean_text


def add_action(
    session: Session,
    title: str,
    *,
    owner: str = "",
    horizon: Horizon | str = Horizon.THREE_MONTHS,
    measure: str = "",
    ideas: Iterable[str] = (),
    due: date | None = None,
    at: datetime | None = None,
) -> Action:
    title = clean_text(title)
    if not title.strip():
        raise RuleError("an action needs a title")
    idea_ids = list(dict.fromkeys(ideas))
    for idea_id in idea_ids:
        require_target(session, idea_id)
    action = Action(
        id=next_id(session.actions, "a", session.id_counters),
        title=title,
        owner=clean_text(owner),
        horizon=Horizon(horizon),
        measure=clean_text(measure),
        ideas=idea_ids,
        due=due,
        created=at or now(),
    )
    session.actions.append(action)
    return action


def update_action(session: Session, action_id: str, **changes: Any) -> Action:
    index, action = find(session.actions, action_id, "action")
    cleaned = {k: clean_text(v) if isinstance(v, str) else v for k, v in changes.items()}
    if "title" in cleaned and not cleaned["title"].strip():
        raise RuleError("an action needs a title")
    updated = Action.model_validate({**action.model_dump(), **cleaned})
    session.actions[index] = updated
    return updated


def delete_action(session: Session, action_id: str) -> tuple[int, Action]:
    """Remove an action; returns where it was, so `restore_action` can undo it."""
    return remove_record(session.actions, action_id, "action")


def restore_action(session: Session, index: int, action: Action) -> None:
    """Put back a deleted action (undo)."""
    put_back_record(session, session.actions, index, action, "a")


def move_action(session: Session, action_id: str, offset: int) -> None:
    """Move an action up (negative offset) or down the plan."""
    index, action = find(session.actions, action_id, "action")
    target = max(0, min(len(session.actions) - 1, index + offset))
    del session.actions[index]
    session.actions.insert(target, action)


def add_review(session: Session, action_id: str, review: Review) -> Action:
    """Add a review to an action (never replacing earlier ones) and take on its status."""
    index, action = find(session.actions, action_id, "action")
    reviews = sorted([*action.reviews, review], key=lambda r: r.date)
    updated = action.model_copy(update={"reviews": reviews, "status": reviews[-1].status})
    session.actions[index] = updated
    return updated
