"""Vote tallies and rankings: ties are shown as ties."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from workshop.core.models import Session


@dataclass(frozen=True)
class RankedItem:
    target: str
    """An idea id or a theme id."""
    title: str
    votes: int
    rank: int
    """1 for the most votes; items with equal votes share a rank."""
    tied: bool


def vote_totals(session: Session, activity_id: str | None = None) -> Counter[str]:
    """Votes per idea or theme id (all vote activities when `activity_id` is None)."""
    totals: Counter[str] = Counter()
    for vote in session.votes:
        if activity_id is None or vote.activity == activity_id:
            totals[vote.target] += vote.count
    return totals


def ranking(session: Session, activity_id: str | None = None) -> list[RankedItem]:
    """Items that received votes, most first; equal totals share a rank ("competition" ranking).

    Hidden ideas are left out. Order within a tie is the order the items were created.
    """
    totals = vote_totals(session, activity_id)
    titles: dict[str, str] = {t.id: t.title for t in session.themes}
    order: dict[str, int] = {t.id: n for n, t in enumerate(session.themes)}
    for position, idea in enumerate(session.ideas):
        if not idea.hidden:
            titles[idea.id] = idea.text
            order[idea.id] = len(session.themes) + position
    voted = [target for target, count in totals.items() if count > 0 and target in titles]
    voted.sort(key=lambda target: (-totals[target], order[target]))
    counts = Counter(totals[target] for target in voted)
    ranked: list[RankedItem] = []
    for position, target in enumerate(voted):
        votes = totals[target]
        rank = position + 1
        if ranked and ranked[-1].votes == votes:
            rank = ranked[-1].rank
        ranked.append(RankedItem(target, titles[target], votes, rank, counts[votes] > 1))
    return ranked


def top_items(session: Session, activity_id: str | None = None, limit: int = 5) -> list[RankedItem]:
    """The items marked for action planning: the top `limit` ranks, ties at the edge included."""
    ranked = ranking(session, activity_id)
    if len(ranked) <= limit:
        return ranked
    cutoff_rank = ranked[limit - 1].rank
    return [item for item in ranked if item.rank <= cutoff_rank]
