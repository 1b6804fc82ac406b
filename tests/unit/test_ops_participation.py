"""Rules behind what the screen shows (issue #9): an edited idea's tags, who took part where."""

from __future__ import annotations

from datetime import date

import pytest

from workshop.core import ops
from workshop.core.agenda import Agenda
from workshop.core.models import Session


@pytest.fixture
def session(agenda: Agenda) -> Session:
    return ops.new_session("Service desk", agenda, on=date(2026, 11, 23))


# --- 5: editing an idea updates its tags -------------------------------------------------------


def test_taking_a_hash_word_out_of_an_idea_takes_its_tag_away(session: Session) -> None:
    idea = ops.add_idea(session, "Invoices late #billing #bilinng", activity="what-bugs-customers")
    assert idea.tags == ["billing", "bilinng"]
    edited = ops.edit_idea(session, idea.id, "Invoices late #billing")
    assert edited.tags == ["billing"]
    edited = ops.edit_idea(session, idea.id, "Invoices late, again #Phone")
    assert edited.tags == ["phone"]


def test_a_tag_given_apart_from_the_text_stays_through_an_edit(session: Session) -> None:
    idea = ops.add_idea(
        session, "Invoices late #billing", activity="what-bugs-customers", tags=["urgent"]
    )
    assert idea.tags == ["billing", "urgent"]
    assert ops.edit_idea(session, idea.id, "Invoices are late").tags == ["urgent"]


# --- 7: one person is one participant across activities ---------------------------------------


def test_voters_are_the_people_who_rated_not_new_participants(session: Session) -> None:
    for _ in range(4):
        person = ops.next_participant(session, "benchmark")
        ops.set_rating(session, "benchmark", person.id, "basic-knowledge", 3)
    assert [p.id for p in session.participants] == ["p1", "p2", "p3", "p4"]
    ops.add_theme(session, "Billing", "group-themes")
    called: list[str] = []
    for _ in range(5):
        voter = ops.next_participant(session, "prioritise", passed=called)
        called.append(voter.id)
        ops.cast_votes(session, "prioritise", voter.id, {"t1": 1})
    assert called == ["p1", "p2", "p3", "p4", "p5"]
    # The benchmark counts those who rated: the fifth voter is not an empty row there.
    assert [p.id for p in ops.participants_in(session, "benchmark")] == ["p1", "p2", "p3", "p4"]
    assert len(ops.participants_in(session, "prioritise")) == 5


def test_someone_just_added_is_counted_everywhere_until_they_take_part(session: Session) -> None:
    ops.add_participant(session)
    assert [p.id for p in ops.participants_in(session, "benchmark")] == ["p1"]
    assert [p.id for p in ops.participants_in(session, "prioritise")] == ["p1"]
    ops.set_rating(session, "benchmark", "p1", "basic-knowledge", 4)
    assert ops.participants_in(session, "prioritise") == []
    assert [p.id for p in ops.participants_in(session, "prioritise", joined=["p1"])] == ["p1"]
    # Someone who has not rated yet is the next to rate; otherwise a new participant.
    assert ops.next_participant(session, "benchmark").id == "p2"
