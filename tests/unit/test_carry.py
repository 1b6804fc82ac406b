"""Carrying actions into a new session keeps their history."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from workshop.core import ops
from workshop.core.agenda import ActionStatus, Agenda
from workshop.core.carry import carry_actions
from workshop.core.errors import RuleError
from workshop.core.models import Review, Session
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session

MOMENT = datetime(2026, 1, 15, 11, 0, tzinfo=timezone(timedelta(hours=1)))


def _first_session(agenda: Agenda) -> Session:
    first = ops.new_session("Kick-off", agenda, team="Support", on=date(2026, 1, 15))
    idea = ops.add_idea(first, "Call customers back #phone", at=MOMENT)
    kept = ops.add_action(
        first, "Call back within a day", owner="Ana", horizon="6m", ideas=[idea.id], at=MOMENT
    )
    ops.add_review(first, kept.id, Review(date=date(2026, 4, 1), progress=2, status="on-track"))
    ops.add_review(first, kept.id, Review(date=date(2026, 3, 1), progress=1, status="at-risk"))
    ops.add_action(first, "Plain invoices", owner="Ben", at=MOMENT)
    return first


def test_a_carried_action_keeps_its_history_under_a_new_id(agenda: Agenda) -> None:
    first = _first_session(agenda)
    second = ops.new_session("Quarterly review", agenda, team="Support", on=date(2026, 4, 10))
    ops.add_action(second, "Something new", at=MOMENT)

    copies = carry_actions(first, second, ["a1"])

    original = first.actions[0]
    (copy,) = copies
    assert second.actions[-1] == copy
    assert copy.id == "a2"
    assert copy.carried_from == "2026-01-15 Kick-off/a1"
    assert copy.title == original.title and copy.owner == "Ana" and copy.horizon == "6m"
    assert copy.reviews == original.reviews
    assert [r.date for r in copy.reviews] == [date(2026, 3, 1), date(2026, 4, 1)]
    assert copy.status is ActionStatus.ON_TRACK
    assert copy.created == MOMENT
    assert copy.ideas == []  # the ideas live in the source session
    assert first.actions[0] == original  # the source is not changed


def test_several_actions_get_consecutive_ids_in_the_order_asked(agenda: Agenda) -> None:
    first = _first_session(agenda)
    second = ops.new_session("Quarterly review", agenda, on=date(2026, 4, 10))

    copies = carry_actions(first, second, ["a2", "a1", "a2"])

    assert [(c.id, c.title) for c in copies] == [
        ("a1", "Plain invoices"),
        ("a2", "Call back within a day"),
    ]


def test_unknown_or_already_carried_actions_are_refused(agenda: Agenda) -> None:
    first = _first_session(agenda)
    second = ops.new_session("Quarterly review", agenda, on=date(2026, 4, 10))

    with pytest.raises(RuleError, match="no action with id 'a9'"):
        carry_actions(first, second, ["a1", "a9"])
    assert second.actions == []

    carry_actions(first, second, ["a1"])
    with pytest.raises(RuleError, match="already carried"):
        carry_actions(first, second, ["a1"])
    assert len(second.actions) == 1


def test_carrying_through_a_session_file_saves_the_copy(tmp_path: Path, agenda: Agenda) -> None:
    first = _first_session(agenda)
    target = SessionFile.create(
        tmp_path / "second.toml",
        ops.new_session("Quarterly review", agenda, on=date(2026, 4, 10)),
    )

    target.change(lambda draft: carry_actions(first, draft, ["a1"]))

    saved = load_session(target.path).actions[0]
    assert saved.carried_from == "2026-01-15 Kick-off/a1"
    assert len(saved.reviews) == 2


def test_a_copy_of_an_action_without_a_creation_time_starts_with_its_first_session(
    agenda: Agenda,
) -> None:
    first = _first_session(agenda)
    first.actions[1] = first.actions[1].model_copy(update={"created": None})
    second = ops.new_session("Quarterly review", agenda, on=date(2026, 4, 10))

    (copy,) = carry_actions(first, second, ["a2"])

    assert copy.created is not None and copy.created.date() == date(2026, 1, 15)
