"""Participants: added by the facilitator or joined from a device; who takes part where."""

from __future__ import annotations

from collections.abc import Iterable

from workshop.core.errors import RuleError
from workshop.core.models import Participant, Session
from workshop.core.ops.records import find, next_id, remove_record
from workshop.core.ops.text import clean_text


def add_participant(session: Session, name: str = "", segment: str = "") -> Participant:
    participant = Participant(
        id=next_id(session.participants, "p", session.id_counters),
        name=clean_text(name),
        segment=clean_text(segment),
    )
    session.participants.append(participant)
    return participant


def remove_participant(session: Session, participant_id: str) -> tuple[int, Participant]:
    """Take back a participant just added (undo of `add_participant`): one with ratings or
    votes is refused, so no score is ever lost with it."""
    if any(rating.participant == participant_id for rating in session.ratings) or any(
        vote.voter == participant_id for vote in session.votes
    ):
        raise RuleError(f"participant {participant_id} has scores or votes; not removed")
    return remove_record(session.participants, participant_id, "participant")


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


def next_participant(session: Session, activity_id: str, passed: Iterable[str] = ()) -> Participant:
    """The next person to take part in an activity: one person is one participant across
    activities, so the first participant who has not taken part in it yet (nor is in
    `passed`, those the screen already called), and only when there is none a new one.
    Never someone who joined from their own device: they give their own dots and scores."""
    skip = took_part(session, activity_id) | set(passed)
    waiting = next((p for p in session.participants if p.id not in skip and not p.token_hash), None)
    return waiting if waiting is not None else add_participant(session)


def update_participant(session: Session, participant_id: str, **changes: str) -> Participant:
    index, participant = find(session.participants, participant_id, "participant")
    cleaned = {k: clean_text(v) for k, v in changes.items()}
    updated = Participant.model_validate({**participant.model_dump(), **cleaned})
    session.participants[index] = updated
    return updated
