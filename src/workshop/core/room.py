"""What participants may send from their own devices, checked on the latest session.

Each `send_*` function edits a session draft (call it inside `SessionFile.change` or through
the `SessionEditor`) and raises `RuleError` with a message for the participant when the rules
refuse it; then nothing is written. A participant is known only by the hash of their token
(`ops.participant_with_token`), and is added to the session at their first submission.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from workshop.core import ops
from workshop.core.agenda import Activity, ActivityKind
from workshop.core.errors import RuleError
from workshop.core.models import Idea, Session


class NotNowError(RuleError):
    """Refused because of when it came: the activity has ended, or not started yet."""


IDEA_MAX_CHARS = 500
NAME_MAX_CHARS = 60
"""The longest name a participant may give with an idea (a name is optional, never asked)."""
"""The longest idea a participant can send (a sentence or three, not an essay)."""


@dataclass(frozen=True)
class VoteItem:
    target: str
    """A theme id or an idea id."""
    title: str


def vote_items(session: Session) -> list[VoteItem]:
    """What a vote is about: the themes, or the visible ideas when there are no themes."""
    if session.themes:
        return [VoteItem(theme.id, theme.title) for theme in session.themes]
    return [VoteItem(idea.id, idea.text) for idea in ops.visible_ideas(session)]


def current_activity(session: Session) -> Activity | None:
    try:
        return session.agenda.activity(session.current_activity)
    except KeyError:
        return None


def has_run(session: Session, activity_id: str) -> bool:
    """Whether an activity is current or has been started at some point (in the log)."""
    return activity_id == session.current_activity or any(
        entry.activity == activity_id for entry in session.log
    )


def _activity(session: Session, activity_id: str) -> Activity:
    try:
        return session.agenda.activity(activity_id)
    except KeyError:
        raise RuleError("That activity is not in this session.") from None


def _running(session: Session, activity_id: str, kind: ActivityKind) -> Activity:
    """The activity, if it is the one running now and of this kind."""
    activity = _activity(session, activity_id)
    if activity.kind is not kind:
        raise RuleError(f"“{activity.title}” does not take a {kind.value}.")
    if session.current_activity != activity_id:
        raise NotNowError(f"“{activity.title}” has ended: nothing was recorded.")
    return activity


def send_idea(
    session: Session, token_hash: str, activity_id: str, text: str, name: str = ""
) -> Idea:
    """A participant's idea for a brainstorm; `name`, if they chose to give one, goes with
    this idea as its author (the participant record itself stays nameless).

    Accepted for the brainstorm it was written for as long as that brainstorm has run, even
    after the facilitator has moved on: an idea being typed when F8 is pressed is not lost.
    A brainstorm that has not started yet refuses it.
    """
    activity = _activity(session, activity_id)
    if activity.kind is not ActivityKind.BRAINSTORM:
        raise RuleError(f"“{activity.title}” does not collect ideas.")
    if not has_run(session, activity_id):
        raise NotNowError(f"“{activity.title}” has not started yet.")
    if len(text.strip()) > IDEA_MAX_CHARS:
        raise RuleError(f"An idea can be at most {IDEA_MAX_CHARS} characters.")
    if len(name.strip()) > NAME_MAX_CHARS:
        raise RuleError(f"A name can be at most {NAME_MAX_CHARS} characters.")
    participant = ops.participant_with_token(session, token_hash)
    return ops.add_idea(
        session, text, activity=activity_id, participant=participant.id, author=name.strip()
    )


def send_dots(
    session: Session, token_hash: str, activity_id: str, allocation: Mapping[str, int]
) -> None:
    """A participant's dots in the running vote, replacing the ones they gave before."""
    activity = _running(session, activity_id, ActivityKind.VOTE)
    budget = activity.vote_budget
    items = {item.target for item in vote_items(session)}
    for target, count in allocation.items():
        if target not in items:
            raise RuleError("That item is not in this vote any more: nothing was recorded.")
        if count < 0:
            raise RuleError("Dots cannot be negative.")
        if count > budget.max_per_idea:
            raise RuleError(f"At most {budget.max_per_idea} dots on one item.")
    spent = sum(allocation.values())
    if spent > budget.votes_per_person:
        raise RuleError(
            f"That is {spent} dots; you have {budget.votes_per_person}. Nothing was recorded."
        )
    participant = ops.participant_with_token(session, token_hash)
    ops.cast_votes(session, activity_id, participant.id, dict(allocation))


def send_scores(
    session: Session, token_hash: str, activity_id: str, scores: Mapping[str, int | None]
) -> None:
    """A participant's scores in the running benchmark (None leaves a criterion unscored)."""
    activity = _running(session, activity_id, ActivityKind.RATE)
    scale = activity.rating_scale
    criteria = {criterion.id for criterion in activity.criteria}
    for criterion, score in scores.items():
        if criterion not in criteria:
            raise RuleError("That criterion is not in this benchmark: nothing was recorded.")
        if score is not None and not scale.low <= score <= scale.high:
            raise RuleError(
                f"A score must be from {scale.low} to {scale.high}: nothing was recorded."
            )
    participant = ops.participant_with_token(session, token_hash)
    for criterion, score in scores.items():
        ops.set_rating(session, activity_id, participant.id, criterion, score)


def known_participant(session: Session, token_hash: str) -> str:
    """The participant id of a token hash ("" if it has sent nothing yet)."""
    return next((p.id for p in session.participants if p.token_hash == token_hash), "")


def ideas_of(session: Session, participant_id: str, activity_id: str) -> list[Idea]:
    """The ideas one participant sent to one activity (their own list; never anyone else's)."""
    if not participant_id:
        return []
    return [
        idea
        for idea in session.ideas
        if idea.participant == participant_id and idea.activity == activity_id
    ]


def last_name_of(session: Session, participant_id: str) -> str:
    """The name a participant gave with their latest idea ("" if none, or if they sent the
    latest without one): offered again with the next, never asked for."""
    if not participant_id:
        return ""
    latest = next((i for i in reversed(session.ideas) if i.participant == participant_id), None)
    return latest.author if latest is not None else ""


def joined_from_devices(session: Session) -> int:
    """How many participants have sent something from their own device (a count: the file
    learns of someone at their first idea, dot or score, not when they type the code)."""
    return sum(1 for participant in session.participants if participant.token_hash)


def took_part_from_devices(session: Session, activity_id: str) -> int:
    """How many participants who joined from a device took part in an activity (a count)."""
    device_ids = {p.id for p in session.participants if p.token_hash}
    ids = {i.participant for i in session.ideas if i.activity == activity_id and i.participant}
    ids |= {r.participant for r in session.ratings if r.activity == activity_id}
    ids |= {v.voter for v in session.votes if v.activity == activity_id and v.voter}
    return len(ids & device_ids)
