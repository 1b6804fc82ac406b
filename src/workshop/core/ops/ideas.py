"""Ideas: capture, edit, delete and undo, hide; and the check that an idea or theme exists."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from workshop.core.clock import now
from workshop.core.errors import RuleError
from workshop.core.models import Idea, Session
from workshop.core.ops.activities import default_capture_activity, require_activity
from workshop.core.ops.records import find, next_id, put_back_record, remove_record
from workshop.core.ops.text import clean_text, tags_in


def add_idea(
    session: Session,
    text: str,
    *,
    activity: str | None = None,
    author: str = "",
    tags: Iterable[str] = (),
    at: datetime | None = None,
    participant: str = "",
) -> Idea:
    """Capture an idea; `#word` in its text becomes a tag. `participant`: the id of the
    participant who sent it from their own device, if one did."""
    text = clean_text(text)
    if not text.strip():
        raise RuleError("an idea needs some text")
    if participant:
        find(session.participants, participant, "participant")
    activity_id = default_capture_activity(session) if activity is None else activity
    require_activity(session, activity_id)
    all_tags = tags_in(text)
    for tag in tags:
        tag = clean_text(tag).strip().lstrip("#").lower()
        if tag and tag not in all_tags:
            all_tags.append(tag)
    idea = Idea(
        id=next_id(session.ideas, "i", session.id_counters),
        text=text,
        activity=activity_id,
        tags=all_tags,
        author=clean_text(author),
        created=at or now(),
        participant=participant,
    )
    session.ideas.append(idea)
    return idea


def edit_idea(session: Session, idea_id: str, text: str) -> Idea:
    text = clean_text(text)
    if not text.strip():
        raise RuleError("an idea needs some text")
    index, idea = find(session.ideas, idea_id, "idea")
    edited = idea.model_copy(update={"text": text, "tags": _retag(idea, text)})
    session.ideas[index] = edited
    return edited


def _retag(idea: Idea, text: str) -> list[str]:
    """The tags of `idea` once its text is `text`: the `#word`s of the new text, and the tags
    given apart from the text (`--tag`), which only go with the idea. A `#word` taken out of
    the text takes its tag with it."""
    from_old_text = set(tags_in(idea.text))
    tags = tags_in(text)
    for tag in idea.tags:
        if tag not in from_old_text and tag not in tags:
            tags.append(tag)
    return tags


def delete_idea(session: Session, idea_id: str) -> tuple[int, Idea]:
    """Remove an idea; returns where it was, so `restore_idea` can undo it."""
    return remove_record(session.ideas, idea_id, "idea")


def restore_idea(session: Session, index: int, idea: Idea) -> None:
    """Put back a deleted idea (undo)."""
    put_back_record(session, session.ideas, index, idea, "i")


def set_hidden(session: Session, idea_id: str, hidden: bool) -> Idea:
    index, idea = find(session.ideas, idea_id, "idea")
    changed = idea.model_copy(update={"hidden": hidden})
    session.ideas[index] = changed
    return changed


def visible_ideas(session: Session, activity: str | None = None) -> list[Idea]:
    return [
        idea
        for idea in session.ideas
        if not idea.hidden and (activity is None or idea.activity == activity)
    ]


def require_target(session: Session, target: str) -> None:
    """RuleError unless `target` is the id of an idea or a theme (what votes and actions name)."""
    if not any(i.id == target for i in session.ideas) and not any(
        t.id == target for t in session.themes
    ):
        raise RuleError(f"no idea or theme with id {target!r}")
