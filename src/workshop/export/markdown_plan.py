"""What the room decided, as markdown: the top themes and ideas, the actions, the decisions."""

from __future__ import annotations

from datetime import date

from workshop.core.agenda import HORIZON_LABELS, Horizon
from workshop.core.models import Action, Idea, Session, Theme
from workshop.core.tally import RankedItem, ranking
from workshop.export.markdown_record import debate_title, ordered_notes
from workshop.export.markdown_text import (
    TOP_RANKS,
    escape_cell,
    escape_inline,
    quoted,
    words,
)
from workshop.export.tables import LEFT, RIGHT, markdown_table


def _carried_from(key: str) -> str:
    """`carried_from` ("2026-09-01 Kick-off/a3", see core.success.action_key) in words:
    'a3 of “Kick-off” (2026-09-01)'; a reference written some other way, as it is."""
    reference, slash, action_id = key.rpartition("/")
    on, space, title = reference.partition(" ")
    try:
        date.fromisoformat(on)
    except ValueError:
        return escape_inline(key)
    if not slash or not space or not action_id:
        return escape_inline(key)
    return f"{escape_inline(action_id)} of {quoted(title)} ({on})"


# --- what the room decided --------------------------------------------------------------------


def ranked_items(session: Session, include_hidden: bool) -> list[RankedItem]:
    """Themes and ideas by votes; hidden ideas rank like any other when they are shown."""
    if include_hidden:
        session = session.model_copy(
            update={"ideas": [idea.model_copy(update={"hidden": False}) for idea in session.ideas]}
        )
    return ranking(session)


def _top_items(session: Session, ranked: list[RankedItem]) -> list[str]:
    blocks = ["### Top themes and ideas"]
    top = [item for item in ranked if item.rank <= TOP_RANKS]
    if not top:
        return [*blocks, "No votes yet."]
    themes = {theme.id for theme in session.themes}
    rows = [
        [
            f"{item.rank}=" if item.tied else str(item.rank),
            "theme" if item.target in themes else "idea",
            escape_cell(item.title) or "Untitled",
            str(item.votes),
        ]
        for item in top
    ]
    blocks.append("By votes; = marks a tie.")
    headers = ["Rank", "Kind", "Theme or idea", "Votes"]
    blocks.append(markdown_table(headers, [RIGHT, LEFT, LEFT, RIGHT], rows))
    return blocks


def _action_sources(action: Action, ideas: dict[str, Idea], themes: dict[str, Theme]) -> list[str]:
    """The ideas (and themes) an action came from, quoted."""
    sources: list[str] = []
    for source_id in action.ideas:
        if source_id in ideas:
            sources.append(quoted(ideas[source_id].text))
        elif source_id in themes:
            sources.append(f"the theme {quoted(themes[source_id].title)}")
        else:
            sources.append(f"an idea since removed ({escape_inline(source_id)})")
    return sources


def _action_item(action: Action, ideas: dict[str, Idea], themes: dict[str, Theme]) -> str:
    lines = [f"- **{escape_inline(action.title)}**"]
    lines.append(f"  - Owner: {escape_inline(action.owner) or 'not named yet'}")
    lines.append(f"  - Measure of success: {escape_inline(action.measure) or 'not set yet'}")
    if action.due is not None:
        lines.append(f"  - Due: {action.due.isoformat()}")
    status = f"  - Status: {words(action.status)}"
    if action.reviews:
        latest = max(action.reviews, key=lambda review: review.date)
        status += f" (last review {latest.date.isoformat()}: progress {latest.progress} of 4"
        if latest.note.strip():
            status += f", {quoted(latest.note)}"
        if latest.reviewer.strip():
            status += f", by {escape_inline(latest.reviewer)}"
        status += ")"
    lines.append(status)
    if action.carried_from:
        lines.append(f"  - Carried from: {_carried_from(action.carried_from)}")
    sources = _action_sources(action, ideas, themes)
    if sources:
        lines.append("  - From ideas:")
        lines.extend(f"    - {source}" for source in sources)
    return "\n".join(lines)


def _actions(session: Session) -> list[str]:
    blocks = ["### Actions"]
    if not session.actions:
        return [*blocks, "No actions yet."]
    ideas = {idea.id: idea for idea in session.ideas}
    themes = {theme.id: theme for theme in session.themes}
    for horizon in Horizon:
        actions = [a for a in session.actions if a.horizon is horizon]
        if actions:
            blocks.append(f"#### {HORIZON_LABELS[horizon]}")
            blocks.extend(_action_item(action, ideas, themes) for action in actions)
    return blocks


def _debate_decisions(session: Session) -> list[str]:
    activities = {a.id: a for a in session.agenda.activities()}
    lines = []
    for note in ordered_notes(session):
        if note.decision.strip():
            title = debate_title(session, activities.get(note.activity), note)
            lines.append(
                f"- **{escape_inline(title) or 'Untitled item'}**: {escape_inline(note.decision)}"
            )
    return ["### Debate decisions", "\n".join(lines)] if lines else []


def decided_blocks(session: Session, ranked: list[RankedItem]) -> list[str]:
    return [
        "## What the room decided",
        *_top_items(session, ranked),
        *_actions(session),
        *_debate_decisions(session),
    ]
