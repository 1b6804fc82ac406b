"""Planning helpers: debate subjects, starting points, the plan grouped, warnings."""

from __future__ import annotations

from datetime import date, datetime

from tests.conftest import shipped_agenda
from workshop.core import ops
from workshop.core.agenda import Activity, ActivityKind, Agenda, Horizon, Step
from workshop.core.demo import demo_session
from workshop.core.models import Session
from workshop.core.planning import (
    NO_OWNER,
    action_warnings,
    by_horizon,
    by_owner,
    debate_note,
    debate_subjects,
    source_titles,
    starting_points,
)

AT = datetime(2026, 11, 23, 9, 0)




def small_agenda() -> Agenda:
    """A brainstorm, a debate with no items of its own, a vote and a plan."""
    return Agenda(
        title="Small",
        steps=[
            Step(
                id="s",
                title="S",
                activities=[
                    Activity(id="ideas", kind=ActivityKind.BRAINSTORM, title="Ideas"),
                    Activity(id="debate", kind=ActivityKind.DEBATE, title="Debate"),
                    Activity(id="vote", kind=ActivityKind.VOTE, title="Vote"),
                    Activity(id="plan", kind=ActivityKind.PLAN, title="Plan"),
                ],
            )
        ],
    )


def small_session() -> Session:
    return ops.new_session("Small", small_agenda(), on=date(2026, 11, 23))


def test_debate_subjects_come_from_the_agenda_when_it_lists_them() -> None:
    agenda = shipped_agenda()
    session = ops.new_session("S", agenda, on=date(2026, 11, 23))
    subjects = debate_subjects(session, agenda.activity("debate-blocks"))
    assert [s.id for s in subjects][:2] == ["not-segmented", "little-data"]
    assert len(subjects) == 9
    assert subjects[0].questions and not subjects[0].from_theme


def test_debate_subjects_fall_back_to_the_most_voted_themes() -> None:
    session = small_session()
    ops.add_participant(session)
    themes = [ops.add_theme(session, f"Theme {n}") for n in range(1, 8)]
    ops.set_tally(session, "vote", themes[2].id, 9)
    ops.set_tally(session, "vote", themes[0].id, 4)
    subjects = debate_subjects(session, session.agenda.activity("debate"), limit=5)
    assert [s.id for s in subjects] == [themes[2].id, themes[0].id]
    assert all(s.from_theme for s in subjects)


def test_debate_subjects_keep_ties_at_the_edge_and_cut_the_rest() -> None:
    session = small_session()
    themes = [ops.add_theme(session, f"Theme {n}") for n in range(1, 5)]
    for count, theme in zip([5, 3, 3, 1], themes, strict=True):
        ops.set_tally(session, "vote", theme.id, count)
    subjects = debate_subjects(session, session.agenda.activity("debate"), limit=2)
    assert [s.title for s in subjects] == ["Theme 1", "Theme 2", "Theme 3"]


def test_debate_subjects_without_votes_are_every_theme_in_order() -> None:
    session = small_session()
    ops.add_theme(session, "B")
    ops.add_theme(session, "A")
    subjects = debate_subjects(session, session.agenda.activity("debate"))
    assert [s.title for s in subjects] == ["B", "A"]


def test_debate_subjects_without_themes_or_items_are_empty() -> None:
    session = small_session()
    assert debate_subjects(session, session.agenda.activity("debate")) == []


def test_debate_note_finds_the_note_of_one_item() -> None:
    session = small_session()
    ops.set_debate_note(session, "debate", "x", decision="Do it")
    assert debate_note(session, "debate", "x") is not None
    assert debate_note(session, "debate", "y") is None


def test_starting_points_are_top_items_then_decisions_not_yet_used() -> None:
    session = small_session()
    idea = ops.add_idea(session, "Call customers back", activity="ideas", at=AT)
    theme = ops.add_theme(session, "Waiting on us")
    ops.set_tally(session, "vote", theme.id, 5)
    ops.set_tally(session, "vote", idea.id, 2)
    ops.set_debate_note(session, "debate", theme.id, decision="Pilot short visit windows")
    ops.set_debate_note(session, "debate", "other", decision="  ")
    points = starting_points(session)
    assert [(p.kind, p.title) for p in points] == [
        ("theme", "Waiting on us"),
        ("idea", "Call customers back"),
        ("decision", "Pilot short visit windows"),
    ]
    assert points[0].ideas == (theme.id,)
    assert points[0].label == "theme #1, 5 votes"
    assert points[2].ideas == (theme.id,)  # a decision on a theme links the theme
    assert points[2].label == "debate decision"

    ops.add_action(session, "Something", ideas=[idea.id], at=AT)
    ops.add_action(session, "pilot short visit windows", at=AT)
    assert [p.kind for p in starting_points(session)] == ["theme"]


def test_by_horizon_has_every_horizon_in_order_with_counts() -> None:
    session = small_session()
    ops.add_action(session, "Later", horizon=Horizon.BEYOND, at=AT)
    ops.add_action(session, "Soon", at=AT)
    ops.add_action(session, "Sooner", at=AT)
    groups = by_horizon(session.actions)
    assert [(g.title, g.count) for g in groups] == [
        ("Next 3 months", 2),
        ("Next 6 months", 0),
        ("Beyond 6 months", 1),
    ]
    assert [a.title for a in groups[0].actions] == ["Soon", "Sooner"]


def test_by_owner_groups_names_case_insensitively_and_puts_no_owner_last() -> None:
    session = small_session()
    ops.add_action(session, "One", at=AT)
    ops.add_action(session, "Two", owner="Priya", at=AT)
    ops.add_action(session, "Three", owner="aisha", at=AT)
    ops.add_action(session, "Four", owner="priya", at=AT)
    groups = by_owner(session.actions)
    assert [(g.title, g.count) for g in groups] == [("aisha", 1), ("Priya", 2), (NO_OWNER, 1)]


def test_warnings_name_what_an_action_lacks() -> None:
    session = small_session()
    complete = ops.add_action(session, "Done right", owner="Sam", measure="Calls halved", at=AT)
    bare = ops.add_action(session, "Bare", at=AT)
    no_measure = ops.add_action(session, "Half", owner="Sam", at=AT)
    assert action_warnings(complete) == []
    assert action_warnings(bare) == ["no owner", "no measure of success"]
    assert action_warnings(no_measure) == ["no measure of success"]


def test_source_titles_read_ideas_and_themes() -> None:
    session = small_session()
    idea = ops.add_idea(session, "Idea text", activity="ideas", at=AT)
    theme = ops.add_theme(session, "Theme title")
    action = ops.add_action(session, "A", ideas=[theme.id, idea.id], at=AT)
    assert source_titles(session, action) == ["Theme title", "Idea text"]


def test_the_demo_session_offers_its_debate_decisions() -> None:
    session = demo_session(shipped_agenda(), date(2026, 11, 23))
    kinds = [p.kind for p in starting_points(session)]
    assert "decision" in kinds
