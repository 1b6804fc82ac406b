"""Votes: show-of-hands tallies and each participant's dots."""

from __future__ import annotations

from workshop.core.errors import RuleError
from workshop.core.models import Session, Vote
from workshop.core.ops.activities import require_activity
from workshop.core.ops.ideas import require_target
from workshop.core.ops.records import find


def set_tally(session: Session, activity_id: str, target: str, count: int) -> int:
    """Record a show-of-hands tally for one idea or theme; returns the tally it replaces."""
    require_activity(session, activity_id)
    if count < 0:
        raise RuleError("a tally cannot be negative")
    require_target(session, target)
    previous = hands_tally(session, activity_id, target)
    session.votes[:] = [
        v
        for v in session.votes
        if not (v.activity == activity_id and v.target == target and v.voter == "")
    ]
    if count:
        session.votes.append(Vote(activity=activity_id, target=target, count=count))
    return previous


def hands_tally(session: Session, activity_id: str, target: str) -> int:
    """The show-of-hands count recorded for one item (0 if none)."""
    return sum(
        vote.count
        for vote in session.votes
        if vote.activity == activity_id and vote.target == target and not vote.voter
    )


def cast_votes(session: Session, activity_id: str, voter: str, allocation: dict[str, int]) -> None:
    """Record one participant's dots, replacing theirs; checks the agenda's vote budget."""
    require_activity(session, activity_id)
    find(session.participants, voter, "participant")
    budget = session.agenda.activity(activity_id).vote_budget
    spent = sum(allocation.values())
    if spent > budget.votes_per_person:
        raise RuleError(f"{spent} votes is over the budget of {budget.votes_per_person}")
    for target, count in allocation.items():
        require_target(session, target)
        if count < 0:
            raise RuleError("votes cannot be negative")
        if count > budget.max_per_idea:
            raise RuleError(f"at most {budget.max_per_idea} votes on one item")
    session.votes[:] = [
        v for v in session.votes if not (v.activity == activity_id and v.voter == voter)
    ]
    session.votes.extend(
        Vote(activity=activity_id, target=target, count=count, voter=voter)
        for target, count in allocation.items()
        if count
    )


def change_dots(
    session: Session, activity_id: str, voter: str, target: str, change: int
) -> dict[str, int]:
    """Give (or take back) `change` dots on one item; returns the voter's dots before.

    Worked out on the session it is given, not on what the screen last showed, so dots given
    in quick succession all count.
    """
    before = votes_of(session, activity_id, voter)
    allocation = dict(before)
    allocation[target] = allocation.get(target, 0) + change
    if allocation[target] < 0:
        raise RuleError("no dot on that item to take back")
    cast_votes(session, activity_id, voter, allocation)
    return before


def votes_of(session: Session, activity_id: str, voter: str) -> dict[str, int]:
    return {
        v.target: v.count for v in session.votes if v.activity == activity_id and v.voter == voter
    }
