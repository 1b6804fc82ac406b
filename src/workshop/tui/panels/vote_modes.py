"""The vote panel's two modes (person by person, show of hands), the keys of each, and how
a voter's dots and the ranking are drawn."""

from __future__ import annotations

from textual.content import Content

from workshop.core import tally
from workshop.core.models import Session
from workshop.tui.widgets.idea_text import literal

NEW_PARTICIPANT = "-new"
BY_PERSON = "person"
BY_HANDS = "hands"

PERSON_ACTIONS = {"add_dot", "remove_dot", "pick_voter", "next_voter"}
ITEM_ACTIONS = {"item_up", "item_down"}
TALLY_ACTIONS = {"type_tally", "record_tally", "tally_backspace", "cancel_tally"}
TALLY_DIGITS = 4
"""A show of hands is at most a few thousand."""
RANKING_ROWS = 100
TOP_MARK = "★ "
"""Marks the top items (core.tally.top_items), the ones taken into action planning."""


def dots_text(count: int) -> str:
    return "●" * count if count else ""


def ranking_lines(session: Session, activity_id: str) -> Content:
    """The ranking as lines of text, whole on every change: a Static is laid out anew when
    updated (a DataTable resized its rows only when idle, and under load showed rank 1 alone
    until a resize). Each line is cut with … to the column's width."""
    ranked = tally.ranking(session, activity_id)[:RANKING_ROWS]
    top = {item.target for item in tally.top_items(session, activity_id)}
    ranks = [
        f"{TOP_MARK if item.target in top else '  '}{'=' if item.tied else ''}{item.rank}"
        for item in ranked
    ]
    rank_width = max([len("Rank"), *map(len, ranks)]) + 2
    votes_width = max([len("Votes"), *(len(str(item.votes)) for item in ranked)]) + 2
    lines = [Content.styled(f"{'Rank':<{rank_width}}{'Votes':<{votes_width}}Item", "bold")]
    for rank, item in zip(ranks, ranked, strict=True):
        style = "bold" if item.target in top else ""
        lines.append(
            Content.assemble(
                (f"{rank:<{rank_width}}{item.votes:<{votes_width}}", style),
                literal(item.title, style),
            )
        )
    return Content("\n").join(lines)
