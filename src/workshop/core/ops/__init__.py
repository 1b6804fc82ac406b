"""Changes to a session: each function edits a session draft in place and checks the rules.

Call them inside `SessionFile.change(...)`, which hands them the latest draft and saves it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

from workshop.core.agenda import ActivityKind, Agenda, Horizon
from workshop.core.clock import now
from workshop.core.errors import RuleError
from workshop.core.models import (
    Action,
    ActivityNote,
    DebateNote,
    Idea,
    LogEntry,
    Participant,
    Rating,
    Review,
    Session,
    Theme,
    TimerState,
    Vote,
)
from workshop.core.session_checks import highest_id_number, id_number

_TAG = re.compile(r"(?<![\w#])#([\w][\w-]*)")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


class HasId(Protocol):
    @property
    def id(self) -> str: ...


RecordT = TypeVar("RecordT", bound=HasId)


def clean_text(text: str) -> str:
    """Text as typed, minus what cannot be stored as UTF-8 (lone surrogates).

    The rule for everything a person types (ideas, titles, names, notes...): it is stored
    exactly as typed, spaces and tabs at either end included. Surrounding whitespace is
    ignored only to judge whether a text is empty and to compare names (the same owner,
    team or segment), and the screen shows one-line text without it."""
    return _SURROGATES.sub("\ufffd", text)


def short(text: str, width: int = 24) -> str:
    """Text on one line, cut with … to `width` characters (for naming a record)."""
    one_line = " ".join(text.split())
    if len(one_line) <= width:
        return one_line
    cut = one_line[: width - 1]
    at_word = cut.rsplit(" ", 1)[0]  # at a word's end, unless that leaves too little
    return (at_word if len(at_word) > width // 2 else cut) + "…"


def label(what: str, record_id: str, text: str) -> str:
    """How a change names its record: `idea i12 “Invoices arrive…”`."""
    return f"{what} {record_id} “{short(text)}”"


def tags_in(text: str) -> list[str]:
    """The `#word` tags in a text, lower-cased, in order, without repeats."""
    found: list[str] = []
    for match in _TAG.finditer(text):
        tag = match.group(1).lower()
        if tag not in found:
            found.append(tag)
    return found


def next_id(records: Sequence[HasId], prefix: str, counters: dict[str, int] | None = None) -> str:
    """The next id of the form prefix + number (i1, i2, ...), one past the highest ever given.

    `counters` (a session's `id_counters`) remembers the highest number given, so the id of
    a deleted record is not given again; it is updated here. A loaded session's counters
    cover every id in it (`Session` checks that), and records are added at the end, so the
    counter alone gives the next id: no scan of every id on each new idea. Only when the last
    record is past the counter (a list built in code, not through here) are all ids scanned.
    """
    highest = counters.get(prefix, 0) if counters is not None else 0
    last = id_number(records[-1].id, prefix) if records else None
    if counters is None or (last is not None and last > highest):
        highest = max(highest, highest_id_number([record.id for record in records], prefix))
    if counters is not None:
        counters[prefix] = highest + 1
    return f"{prefix}{highest + 1}"


def find(records: Sequence[RecordT], record_id: str, what: str) -> tuple[int, RecordT]:
    for index, record in enumerate(records):
        if record.id == record_id:
            return index, record
    raise RuleError(f"no {what} with id {record_id!r}")


def new_session(
    title: str,
    agenda: Agenda,
    *,
    team: str = "",
    facilitator: str = "",
    on: date | None = None,
) -> Session:
    title = clean_text(title)
    if not title.strip():
        raise RuleError("a session needs a title")
    return Session(
        title=title,
        team=clean_text(team),
        facilitator=clean_text(facilitator),
        date=on or date.today(),
        agenda=agenda,
        current_activity=agenda.activities()[0].id,
    )


def require_activity(session: Session, activity_id: str) -> None:
    if activity_id and activity_id not in {a.id for a in session.agenda.activities()}:
        raise RuleError(f"no activity {activity_id!r} in this session's agenda")


def default_capture_activity(session: Session) -> str:
    """Where a new idea goes when no activity is named: the current one if it collects ideas."""
    activities = session.agenda.activities()
    current = next((a for a in activities if a.id == session.current_activity), None)
    if current is not None and current.kind is ActivityKind.BRAINSTORM:
        return current.id
    brainstorms = [a for a in activities if a.kind is ActivityKind.BRAINSTORM]
    return brainstorms[0].id if brainstorms else session.current_activity


# --- ideas ----------------------------------------------------------------------------------


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


def _remove(records: list[RecordT], record_id: str, what: str) -> tuple[int, RecordT]:
    index, record = find(records, record_id, what)
    del records[index]
    return index, record


def _put_back(
    session: Session, records: list[RecordT], index: int, record: RecordT, prefix: str
) -> None:
    """Insert a removed record where it was; its id is kept unless another record took it."""
    if any(existing.id == record.id for existing in records):
        new_id = next_id(records, prefix, session.id_counters)
        record = record.model_copy(update={"id": new_id})  # type: ignore[attr-defined]
    records.insert(min(index, len(records)), record)


def delete_idea(session: Session, idea_id: str) -> tuple[int, Idea]:
    """Remove an idea; returns where it was, so `restore_idea` can undo it."""
    return _remove(session.ideas, idea_id, "idea")


def restore_idea(session: Session, index: int, idea: Idea) -> None:
    """Put back a deleted idea (undo)."""
    _put_back(session, session.ideas, index, idea, "i")


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


# --- themes ---------------------------------------------------------------------------------


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


def remove_participant(session: Session, participant_id: str) -> tuple[int, Participant]:
    """Take back a participant just added (undo of `add_participant`): one with ratings or
    votes is refused, so no score is ever lost with it."""
    if any(rating.participant == participant_id for rating in session.ratings) or any(
        vote.voter == participant_id for vote in session.votes
    ):
        raise RuleError(f"participant {participant_id} has scores or votes; not removed")
    return _remove(session.participants, participant_id, "participant")


# --- participants ---------------------------------------------------------------------------


def add_participant(session: Session, name: str = "", segment: str = "") -> Participant:
    participant = Participant(
        id=next_id(session.participants, "p", session.id_counters),
        name=clean_text(name),
        segment=clean_text(segment),
    )
    session.participants.append(participant)
    return participant


def participant_with_token(session: Session, token_hash: str) -> Participant:
    """The participant who joined from a device with this token hash; added if new."""
    for participant in session.participants:
        if participant.token_hash == token_hash:
            return participant
    participant = Participant(
        id=next_id(session.participants, "p", session.id_counters), token_hash=token_hash
    )
    session.participants.append(participant)
    return participant


def set_revealed(session: Session, activity_id: str, revealed: bool) -> bool:
    """Show (or hide again) an activity's results to the room; returns whether they were."""
    require_activity(session, activity_id)
    was = activity_id in session.revealed
    others = [shown for shown in session.revealed if shown != activity_id]
    session.revealed = [*others, activity_id] if revealed else others
    return was


def took_part(session: Session, activity_id: str | None = None) -> set[str]:
    """The ids of the participants with a score or a dot in the activity (None: in any)."""
    ids = {r.participant for r in session.ratings if activity_id in (None, r.activity)}
    ids.update(v.voter for v in session.votes if v.voter and activity_id in (None, v.activity))
    return ids


def participants_in(
    session: Session, activity_id: str, joined: Iterable[str] = ()
) -> list[Participant]:
    """Who is counted in an activity: those who took part in it (or `joined` it without
    taking part yet), and those just added who took part nowhere yet. A person who only
    voted is not an empty row of the benchmark. Someone who joined from their own device
    counts only where they took part: their scores are theirs to give."""
    here = took_part(session, activity_id) | set(joined)
    anywhere = took_part(session)
    return [
        p
        for p in session.participants
        if p.id in here or (p.id not in anywhere and not p.token_hash)
    ]


def next_participant(
    session: Session, activity_id: str, passed: Iterable[str] = ()
) -> Participant:
    """The next person to take part in an activity: one person is one participant across
    activities, so the first participant who has not taken part in it yet (nor is in
    `passed`, those the screen already called), and only when there is none a new one.
    Never someone who joined from their own device: they give their own dots and scores."""
    skip = took_part(session, activity_id) | set(passed)
    waiting = next(
        (p for p in session.participants if p.id not in skip and not p.token_hash), None
    )
    return waiting if waiting is not None else add_participant(session)


def update_participant(session: Session, participant_id: str, **changes: str) -> Participant:
    index, participant = find(session.participants, participant_id, "participant")
    cleaned = {k: clean_text(v) for k, v in changes.items()}
    updated = Participant.model_validate({**participant.model_dump(), **cleaned})
    session.participants[index] = updated
    return updated


# --- the activity log -----------------------------------------------------------------------


def start_activity(session: Session, activity_id: str, at: datetime | None = None) -> None:
    """Make `activity_id` current: close the running log entry and open a new one."""
    require_activity(session, activity_id)
    moment = at or now()
    end_activity(session, moment)
    session.log.append(LogEntry(activity=activity_id, started=moment))
    session.current_activity = activity_id


def end_activity(session: Session, at: datetime | None = None) -> None:
    """Close the open log entry, if any."""
    for position in range(len(session.log) - 1, -1, -1):
        entry = session.log[position]
        if entry.ended is None:
            session.log[position] = entry.model_copy(update={"ended": at or now()})
            return


def set_note(session: Session, activity_id: str, text: str) -> None:
    require_activity(session, activity_id)
    text = clean_text(text)
    remaining = [note for note in session.notes if note.activity != activity_id]
    if text.strip():
        remaining.append(ActivityNote(activity=activity_id, text=text))
    session.notes[:] = remaining


def note_for(session: Session, activity_id: str) -> str:
    return next((n.text for n in session.notes if n.activity == activity_id), "")


# --- votes ----------------------------------------------------------------------------------


def set_tally(session: Session, activity_id: str, target: str, count: int) -> int:
    """Record a show-of-hands tally for one idea or theme; returns the tally it replaces."""
    require_activity(session, activity_id)
    if count < 0:
        raise RuleError("a tally cannot be negative")
    _require_target(session, target)
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


def cast_votes(
    session: Session, activity_id: str, voter: str, allocation: dict[str, int]
) -> None:
    """Record one participant's dots, replacing theirs; checks the agenda's vote budget."""
    require_activity(session, activity_id)
    find(session.participants, voter, "participant")
    budget = session.agenda.activity(activity_id).vote_budget
    spent = sum(allocation.values())
    if spent > budget.votes_per_person:
        raise RuleError(f"{spent} votes is over the budget of {budget.votes_per_person}")
    for target, count in allocation.items():
        _require_target(session, target)
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


def _require_target(session: Session, target: str) -> None:
    if not any(i.id == target for i in session.ideas) and not any(
        t.id == target for t in session.themes
    ):
        raise RuleError(f"no idea or theme with id {target!r}")


def votes_of(session: Session, activity_id: str, voter: str) -> dict[str, int]:
    return {
        v.target: v.count
        for v in session.votes
        if v.activity == activity_id and v.voter == voter
    }


# --- actions --------------------------------------------------------------------------------


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
        _require_target(session, idea_id)
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
    return _remove(session.actions, action_id, "action")


def restore_action(session: Session, index: int, action: Action) -> None:
    """Put back a deleted action (undo)."""
    _put_back(session, session.actions, index, action, "a")


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


# --- ratings and debate ---------------------------------------------------------------------


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


# --- timers ---------------------------------------------------------------------------------


def timer_state(session: Session, activity_id: str, item: str = "") -> TimerState | None:
    """The saved state of an activity's timer (or of a debate block's, by `item`)."""
    return next(
        (t for t in session.timers if t.activity == activity_id and t.item == item), None
    )


def set_timer(session: Session, state: TimerState) -> TimerState:
    """Keep a timer's state in the session, replacing what was kept for the same timer."""
    require_activity(session, state.activity)
    for position, kept in enumerate(session.timers):
        if kept.activity == state.activity and kept.item == state.item:
            session.timers[position] = state
            return state
    session.timers.append(state)
    return state
