"""The rules for what participants send from their own devices (core/room.py)."""

from __future__ import annotations

import hashlib

import pytest

from workshop.core import ops, room
from workshop.core.errors import RuleError
from workshop.core.models import Session
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session

ANA = hashlib.sha256(b"ana's token").hexdigest()
BEN = hashlib.sha256(b"ben's token").hexdigest()


def at(session_file: SessionFile, activity_id: str) -> None:
    session_file.change(lambda d: ops.start_activity(d, activity_id))


def test_an_idea_records_the_participant_by_token_hash_only(session_file: SessionFile) -> None:
    at(session_file, "what-bugs-customers")
    idea = session_file.change(lambda d: room.send_idea(d, ANA, "what-bugs-customers", "Late"))

    text = session_file.path.read_text()
    assert ANA in text and "ana's token" not in text
    saved = load_session(session_file.path)
    [participant] = saved.participants
    assert participant.token_hash == ANA and participant.name == ""
    assert idea.participant == participant.id
    # The same token is the same participant next time.
    session_file.change(lambda d: room.send_idea(d, ANA, "what-bugs-customers", "Again"))
    assert len(load_session(session_file.path).participants) == 1


def test_own_ideas_are_only_the_participants_own(session_file: SessionFile) -> None:
    at(session_file, "what-bugs-customers")
    session_file.change(lambda d: room.send_idea(d, ANA, "what-bugs-customers", "Ana's"))
    session_file.change(lambda d: room.send_idea(d, BEN, "what-bugs-customers", "Ben's"))
    session_file.change(lambda d: ops.add_idea(d, "Typed by the facilitator"))
    session = session_file.session

    ana = room.known_participant(session, ANA)
    assert [i.text for i in room.ideas_of(session, ana, "what-bugs-customers")] == ["Ana's"]
    assert room.ideas_of(session, "", "what-bugs-customers") == []


def test_an_idea_is_accepted_for_a_brainstorm_that_has_run_after_moving_on(
    session_file: SessionFile,
) -> None:
    at(session_file, "what-bugs-customers")
    at(session_file, "getting-it-right")
    idea = session_file.change(lambda d: room.send_idea(d, ANA, "what-bugs-customers", "Late"))
    assert idea.activity == "what-bugs-customers"


@pytest.mark.parametrize(
    ("activity", "text", "message"),
    [
        ("touch-points", "not started", "has not started yet"),
        ("prioritise", "a vote", "does not collect ideas"),
        ("nowhere", "unknown", "not in this session"),
        ("what-bugs-customers", "x" * 501, "at most 500 characters"),
        ("what-bugs-customers", "   ", "needs some text"),
    ],
)
def test_ideas_the_rules_refuse(
    session_file: SessionFile, activity: str, text: str, message: str
) -> None:
    at(session_file, "what-bugs-customers")
    before = session_file.path.read_bytes()
    with pytest.raises(RuleError, match=message):
        session_file.change(lambda d: room.send_idea(d, ANA, activity, text))
    assert session_file.path.read_bytes() == before


def voting(session_file: SessionFile) -> Session:
    at(session_file, "what-bugs-customers")
    session_file.change(lambda d: [ops.add_idea(d, f"idea {n}") for n in range(3)])
    at(session_file, "prioritise")
    return session_file.session


def test_dots_within_the_budget_are_recorded_and_replace_earlier_ones(
    session_file: SessionFile,
) -> None:
    voting(session_file)
    session_file.change(lambda d: room.send_dots(d, ANA, "prioritise", {"i1": 3, "i2": 2}))
    session_file.change(lambda d: room.send_dots(d, ANA, "prioritise", {"i3": 1}))

    votes = load_session(session_file.path).votes
    assert [(v.target, v.count) for v in votes] == [("i3", 1)]


@pytest.mark.parametrize(
    ("allocation", "message"),
    [
        ({"i1": 3, "i2": 3}, "you have 5"),
        ({"i1": 4}, "At most 3 dots"),
        ({"i99": 1}, "not in this vote"),
        ({"i1": -1}, "cannot be negative"),
    ],
)
def test_dots_the_rules_refuse(
    session_file: SessionFile, allocation: dict[str, int], message: str
) -> None:
    voting(session_file)
    before = session_file.path.read_bytes()
    with pytest.raises(RuleError, match=message):
        session_file.change(lambda d: room.send_dots(d, ANA, "prioritise", allocation))
    assert session_file.path.read_bytes() == before


def test_a_vote_that_has_ended_refuses_dots(session_file: SessionFile) -> None:
    voting(session_file)
    at(session_file, "action-plan")
    with pytest.raises(RuleError, match="has ended"):
        session_file.change(lambda d: room.send_dots(d, ANA, "prioritise", {"i1": 1}))


def test_scores_on_the_scale_are_recorded_and_outside_refused(session_file: SessionFile) -> None:
    at(session_file, "benchmark")
    criterion = session_file.session.agenda.activity("benchmark").criteria[0].id
    session_file.change(lambda d: room.send_scores(d, ANA, "benchmark", {criterion: 4}))
    assert [r.score for r in load_session(session_file.path).ratings] == [4]

    before = session_file.path.read_bytes()
    with pytest.raises(RuleError, match="from 1 to 5"):
        session_file.change(lambda d: room.send_scores(d, ANA, "benchmark", {criterion: 6}))
    with pytest.raises(RuleError, match="not in this benchmark"):
        session_file.change(lambda d: room.send_scores(d, ANA, "benchmark", {"nope": 3}))
    assert session_file.path.read_bytes() == before


def test_revealed_activities_are_kept_in_the_file(session_file: SessionFile) -> None:
    session_file.change(lambda d: ops.set_revealed(d, "prioritise", True))
    assert load_session(session_file.path).revealed == ["prioritise"]
    assert "revealed = [" in session_file.path.read_text()
    session_file.change(lambda d: ops.set_revealed(d, "prioritise", False))
    assert load_session(session_file.path).revealed == []
    assert "revealed" not in session_file.path.read_text()  # old readers see an old file
    with pytest.raises(RuleError):
        session_file.change(lambda d: ops.set_revealed(d, "nowhere", True))


def test_counts_of_device_participants_who_took_part(session_file: SessionFile) -> None:
    voting(session_file)
    session_file.change(lambda d: room.send_dots(d, ANA, "prioritise", {"i1": 1}))
    session_file.change(lambda d: room.send_dots(d, BEN, "prioritise", {"i2": 1}))
    assert room.took_part_from_devices(session_file.session, "prioritise") == 2
    assert room.took_part_from_devices(session_file.session, "benchmark") == 0
    session_file.change(lambda d: ops.add_participant(d, "Typed on the screen"))
    assert room.joined_from_devices(session_file.session) == 2


def test_the_screen_never_calls_a_device_participant_to_vote_or_rate(
    session_file: SessionFile,
) -> None:
    # Dots typed on the screen for a device participant would be replaced by their own.
    at(session_file, "what-bugs-customers")
    session_file.change(lambda d: room.send_idea(d, ANA, "what-bugs-customers", "From a phone"))
    session = session_file.session
    assert ops.participants_in(session, "benchmark") == []  # no empty row for them

    called = session_file.change(lambda d: ops.next_participant(d, "prioritise"))
    assert called.token_hash == "" and called.id != room.known_participant(session, ANA)

    at(session_file, "benchmark")
    criterion = session_file.session.agenda.activity("benchmark").criteria[0].id
    session_file.change(lambda d: room.send_scores(d, ANA, "benchmark", {criterion: 3}))
    rows = ops.participants_in(session_file.session, "benchmark")
    assert room.known_participant(session_file.session, ANA) in [p.id for p in rows]
