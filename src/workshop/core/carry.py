"""Carrying unfinished actions into a new session, keeping their history.

Call `carry_actions` inside the target's `SessionFile.change(...)`; the source is only read.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time

from workshop.core.agenda import ActionStatus
from workshop.core.errors import RuleError
from workshop.core.models import Action, Session
from workshop.core.ops import find, next_id
from workshop.core.success import action_key


def carry_actions(
    from_session: Session, to_session: Session, action_ids: Iterable[str]
) -> list[Action]:
    """Copy actions of `from_session` to the end of `to_session`'s plan; returns the copies.

    A copy keeps the title, owner, horizon, measure, due date, status, creation time (so its
    horizon still runs from when it was first agreed; the source session's date when it has
    none) and every review. It gets a new id in the target and `carried_from` =
    "<from date> <from title>/<action id>". Its `ideas` are left empty: they name ideas of the
    source session, which `carried_from` still leads to.
    Raises RuleError for an unknown id or an action already carried into the target.
    """
    wanted = list(dict.fromkeys(action_ids))
    originals = [find(from_session.actions, action_id, "action")[1] for action_id in wanted]
    already = {action.carried_from for action in to_session.actions if action.carried_from}
    copies: list[Action] = []
    for original in originals:
        source = action_key(from_session, original.id)
        if source in already:
            raise RuleError(f"action {original.id!r} was already carried into this session")
        # An action without a creation time started with its session; say so, or the copy
        # would seem to start with the new session and its horizon would run afresh.
        created = original.created or datetime.combine(from_session.date, time())
        copy = original.model_copy(
            update={
                "id": next_id([*to_session.actions, *copies], "a", to_session.id_counters),
                "created": created,
                "ideas": [],
                "reviews": list(original.reviews),
                "carried_from": source,
            }
        )
        copies.append(copy)
    to_session.actions.extend(copies)
    return copies


def open_action_ids(session: Session) -> list[str]:
    """The actions still to follow through: neither done nor dropped."""
    closed = {ActionStatus.DONE, ActionStatus.DROPPED}
    return [action.id for action in session.actions if action.status not in closed]
