"""Themes: the groups ideas are sorted into."""

from __future__ import annotations

from workshop.core.errors import RuleError
from workshop.core.models import Idea, Session, Theme
from workshop.core.ops.activities import require_activity
from workshop.core.ops.records import find, next_id
from workshop.core.ops.text import clean_text


def add_theme(session: Session, title: str, activity: str = "") -> Theme:
    title = clean_text(title)
    if not title.strip():
        raise RuleError("a theme needs a title")
    require_activity(session, activity)
    theme_id = next_id(session.themes, "t", session.id_counters)
    theme = Theme(id=theme_id, title=title, activity=activity)
    session.themes.append(theme)
    return theme


def rename_theme(session: Session, theme_id: str, title: str) -> Theme:
    title = clean_text(title)
    if not title.strip():
        raise RuleError("a theme needs a title")
    index, theme = find(session.themes, theme_id, "theme")
    renamed = theme.model_copy(update={"title": title})
    session.themes[index] = renamed
    return renamed


def move_to_theme(session: Session, idea_id: str, theme_id: str) -> Idea:
    """Put an idea in a theme ("" takes it out of any theme)."""
    if theme_id:
        find(session.themes, theme_id, "theme")
    index, idea = find(session.ideas, idea_id, "idea")
    moved = idea.model_copy(update={"theme": theme_id})
    session.ideas[index] = moved
    return moved


def delete_theme(session: Session, theme_id: str) -> tuple[int, Theme, list[str]]:
    """Remove a theme; its ideas become ungrouped. Returns what undo needs."""
    index, theme = find(session.themes, theme_id, "theme")
    members = [idea.id for idea in session.ideas if idea.theme == theme_id]
    _retheme(session, theme_id, "")
    del session.themes[index]
    return index, theme, members


def restore_theme(session: Session, index: int, theme: Theme, members: list[str]) -> None:
    session.themes.insert(min(index, len(session.themes)), theme)
    member_ids = set(members)
    for position, idea in enumerate(session.ideas):
        if idea.id in member_ids and not idea.theme:
            session.ideas[position] = idea.model_copy(update={"theme": theme.id})


def merge_themes(session: Session, source_id: str, target_id: str) -> Theme:
    """Move every idea of `source` into `target`, then remove `source`."""
    if source_id == target_id:
        raise RuleError("cannot merge a theme into itself")
    _, target = find(session.themes, target_id, "theme")
    source_index, _ = find(session.themes, source_id, "theme")
    _retheme(session, source_id, target_id)
    for position, vote in enumerate(session.votes):
        if vote.target == source_id:
            session.votes[position] = vote.model_copy(update={"target": target_id})
    del session.themes[source_index]
    return target


def _retheme(session: Session, old: str, new: str) -> None:
    for position, idea in enumerate(session.ideas):
        if idea.theme == old:
            session.ideas[position] = idea.model_copy(update={"theme": new})
