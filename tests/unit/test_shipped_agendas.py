"""The agendas shipped with the app: each one loads, validates, and says what it promises."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from workshop.core.agenda import ActivityKind, Agenda, ProgrammeLevel

AGENDA_DIR = Path(__file__).resolve().parents[2] / "src" / "workshop" / "agendas"
AGENDA_FILES = sorted(AGENDA_DIR.glob("*.toml"))
KEY_ORDER = ["id", "kind", "title", "minutes", "prompts", "notes"]


def _raw(name: str) -> dict[str, Any]:
    with (AGENDA_DIR / name).open("rb") as handle:
        return tomllib.load(handle)


def _load(name: str) -> Agenda:
    return Agenda.model_validate(_raw(name))


def _only(agenda: Agenda, kind: ActivityKind) -> list[Any]:
    return [a for a in agenda.activities() if a.kind is kind]


def _texts(agenda: Agenda) -> list[str]:
    texts = [agenda.title, agenda.description]
    for step in agenda.steps:
        texts += [step.title, step.description]
        for activity in step.activities:
            texts += [activity.title, activity.notes, *activity.prompts]
            texts += [t for c in activity.criteria for t in (c.title, c.description)]
            for item in activity.debate_items:
                texts += [item.title, item.description, *item.questions]
    return texts


def test_the_expected_agendas_ship() -> None:
    names = {path.name for path in AGENDA_FILES}
    assert {"customer-focus.toml", "pulse.toml", "quarterly-review.toml"} <= names


@pytest.mark.parametrize("path", AGENDA_FILES, ids=lambda p: p.name)
def test_every_agenda_validates_and_every_activity_is_prompted(path: Path) -> None:
    agenda = _load(path.name)
    assert agenda.title.strip()
    for activity in agenda.activities():
        assert activity.prompts, f"{activity.id} has no prompts"
        assert activity.notes.strip(), f"{activity.id} has no facilitator notes"
        assert activity.minutes > 0, f"{activity.id} has no time planned"
        for criterion in activity.criteria:
            if criterion.target is not None:
                scale = activity.rating_scale
                assert scale.low <= criterion.target <= scale.high, criterion.id


@pytest.mark.parametrize("path", AGENDA_FILES, ids=lambda p: p.name)
def test_text_has_no_stray_whitespace(path: Path) -> None:
    # Long strings are wrapped with TOML line-continuation backslashes: a slip shows up here.
    for text in _texts(_load(path.name)):
        assert text == text.strip(), repr(text)
        assert "  " not in text and "\n" not in text, repr(text)


@pytest.mark.parametrize("path", AGENDA_FILES, ids=lambda p: p.name)
def test_activity_keys_are_in_the_house_order(path: Path) -> None:
    for step in _raw(path.name)["steps"]:
        for activity in step["activities"]:
            keys = [key for key in activity if key in KEY_ORDER]
            assert keys == [key for key in KEY_ORDER if key in activity], activity["id"]
            settings = [key for key in activity if key not in KEY_ORDER]
            assert list(activity)[len(keys) :] == settings, activity["id"]


def test_customer_focus_runs_the_three_step_programme() -> None:
    agenda = _load("customer-focus.toml")
    assert [s.id for s in agenda.steps] == ["awareness", "debate-benchmark", "action-planning"]
    assert agenda.level is ProgrammeLevel.BASIC_KNOWLEDGE
    assert 180 <= agenda.planned_minutes <= 270
    awareness = agenda.steps[0]
    assert len([a for a in awareness.activities if a.kind is ActivityKind.BRAINSTORM]) >= 3
    assert any(a.kind is ActivityKind.GROUP for a in awareness.activities)


def test_customer_focus_vote_budget() -> None:
    (vote,) = _only(_load("customer-focus.toml"), ActivityKind.VOTE)
    assert vote.votes is not None, "the budget should be stated, not left to the default"
    assert vote.vote_budget.votes_per_person == 5
    assert vote.vote_budget.max_per_idea == 3


def test_customer_focus_benchmark() -> None:
    (rate,) = _only(_load("customer-focus.toml"), ActivityKind.RATE)
    assert rate.scale is not None
    assert (rate.scale.low, rate.scale.high) == (1, 5)
    assert rate.scale.low_label and rate.scale.high_label
    assert len(rate.criteria) >= 8
    ids = {c.id for c in rate.criteria}
    assert {"basic-knowledge", "deeper-understanding", "customer-partnership"} <= ids
    assert all(c.target is not None for c in rate.criteria)


def test_customer_focus_debates_the_common_blocks() -> None:
    (debate,) = _only(_load("customer-focus.toml"), ActivityKind.DEBATE)
    assert len(debate.debate_items) >= 9
    assert all(item.questions for item in debate.debate_items)
    text = " ".join([debate.notes, *debate.prompts]).lower()
    assert "for whose convenience" in text
    assert "blame" in debate.notes.lower()


def test_pulse_is_short_and_complete() -> None:
    agenda = _load("pulse.toml")
    assert 60 <= agenda.planned_minutes <= 90
    kinds = {a.kind for a in agenda.activities()}
    assert {
        ActivityKind.BRAINSTORM,
        ActivityKind.GROUP,
        ActivityKind.VOTE,
        ActivityKind.RATE,
        ActivityKind.PLAN,
    } <= kinds
    (rate,) = _only(agenda, ActivityKind.RATE)
    assert 4 <= len(rate.criteria) <= 5
    (vote,) = _only(agenda, ActivityKind.VOTE)
    assert vote.votes is not None
    assert vote.vote_budget.max_per_idea < vote.vote_budget.votes_per_person


def test_quarterly_review_revisits_the_plan() -> None:
    agenda = _load("quarterly-review.toml")
    assert agenda.level is ProgrammeLevel.DEEPER_UNDERSTANDING
    assert _only(agenda, ActivityKind.REVIEW)
    assert _only(agenda, ActivityKind.PLAN)


@pytest.mark.parametrize("name", ["pulse.toml", "quarterly-review.toml"])
def test_repeated_criteria_compare_with_the_full_benchmark(name: str) -> None:
    (full,) = _only(_load("customer-focus.toml"), ActivityKind.RATE)
    reference = {c.id: c for c in full.criteria}
    for rate in _only(_load(name), ActivityKind.RATE):
        assert (rate.rating_scale.low, rate.rating_scale.high) == (
            full.rating_scale.low,
            full.rating_scale.high,
        )
        for criterion in rate.criteria:
            assert criterion.id in reference, f"{name}: {criterion.id} is not in the full benchmark"
            assert criterion.title == reference[criterion.id].title
            assert criterion.target == reference[criterion.id].target
