"""What a vote is about: the session's themes, or its visible ideas when there are no themes."""

from __future__ import annotations

from dataclasses import dataclass

from workshop.core import ops
from workshop.core.models import Session


@dataclass(frozen=True)
class VoteItem:
    target: str
    """A theme id or an idea id."""
    title: str


def vote_items(session: Session) -> list[VoteItem]:
    if session.themes:
        return [VoteItem(theme.id, theme.title) for theme in session.themes]
    return [VoteItem(idea.id, idea.text) for idea in ops.visible_ideas(session)]
