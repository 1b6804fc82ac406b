"""Rules behind what the screen shows (issue #9): an edited idea's tags, who took part where."""

from __future__ import annotations

from datetime import date

import pytest

from workshop.core import ops
from workshop.core.models import Agenda, Session


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
