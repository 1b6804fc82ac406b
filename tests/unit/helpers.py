"""Sessions built in code for the unit tests of the report, the exports and the store."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from workshop.core import ops
from workshop.core.agenda import Agenda
from workshop.core.carry import carry_actions
from workshop.core.models import Review, Session


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 11, 0, tzinfo=TZ)


def review(day: date, progress: int, status: str, note: str = "") -> Review:
    return Review.model_validate(
        {"date": day, "progress": progress, "status": status, "note": note}
    )


def rate(session: Session, scores: dict[str, list[tuple[str, int]]]) -> None:
    """scores: criterion -> [(participant id, score)]."""
    for criterion, given in scores.items():
        for participant, score in given:
            ops.set_rating(session, "benchmark", participant, criterion, score)


def kick_off() -> Session:
    day = date(2026, 1, 15)
    session = ops.new_session("Kick-off", AGENDA, team="Support", on=day)
    ops.add_participant(session, "Ana", "Contact centre")
    ops.add_participant(session, "Ben", "Billing")
    ops.add_participant(session, "", "Contact centre")
    ops.add_idea(session, "Nobody calls back", at=at(day))
    rate(
        session,
        {
            "basic": [("p1", 3), ("p2", 2), ("p3", 4)],
            "systems": [("p1", 2), ("p2", 1)],
        },
    )
    ops.add_action(session, "Call back within a day", owner="Ana", horizon="3m", at=at(day))
    ops.add_action(session, "Plain invoices | no codes", owner="Ben", horizon="6m", at=at(day))
    ops.add_action(session, "<b>Map the journey</b>", horizon="beyond", at=at(day))
    # a1: halfway by March, done in April.
    ops.add_review(session, "a1", review(date(2026, 3, 1), 2, "on-track"))
    ops.add_review(session, "a1", review(date(2026, 4, 10), 4, "done", "Done | shipped"))
    # a2: reviewed out of date order (April saved before March).
    ops.add_review(session, "a2", review(date(2026, 4, 10), 2, "at-risk"))
    ops.add_review(session, "a2", review(date(2026, 3, 1), 1, "on-track"))
    # a3: dropped at the April review.
    ops.add_review(session, "a3", review(date(2026, 4, 10), 0, "dropped", "No budget"))
    return session


def quarterly(first: Session) -> Session:
    day = date(2026, 4, 10)
    session = ops.new_session("Quarterly review", AGENDA, team="support ", on=day)
    ops.add_participant(session, "Ana", "Contact centre")
    ops.add_participant(session, "Ben", "Billing")
    rate(session, {"basic": [("p1", 4), ("p2", 3)], "systems": [("p1", 3), ("p2", 3)]})
    carry_actions(first, session, ["a2"])
    ops.add_review(session, "a1", review(date(2026, 6, 30), 3, "on-track"))
    ops.add_action(session, "# Hold times under 5 minutes", owner="Ana", at=at(day))
    return session


def billing() -> Session:
    day = date(2026, 2, 1)
    session = ops.new_session("Billing session", AGENDA, team="Billing", on=day)
    ops.add_participant(session)
    ops.add_participant(session)
    rate(session, {"basic": [("p1", 5), ("p2", 4)]})
    ops.add_action(session, "Invoice in plain words", owner="Cleo", horizon="6m", at=at(day))
    ops.add_review(session, "a1", review(date(2026, 5, 1), 3, "on-track"))
    return session


def filled(session: Session) -> Session:
    ops.add_participant(session, "Ana", "Billing")
    idea = ops.add_idea(session, "Invoices arrive late #billing", at=MOMENT)
    theme = ops.add_theme(session, "Money")
    ops.move_to_theme(session, idea.id, theme.id)
    ops.set_tally(session, "prioritise", theme.id, 4)
    action = ops.add_action(
        session, "Send invoices on day 1", owner="Ana", horizon="6m", ideas=[idea.id], at=MOMENT
    )
    ops.add_review(session, action.id, Review(date=date(2027, 2, 1), progress=2, status="on-track"))
    ops.start_activity(session, "the-case", at=MOMENT)
    ops.set_note(session, "the-case", "Quiet room;\nthen a debate")
    return session


TZ = timezone(timedelta(hours=1))


AGENDA = Agenda.model_validate(
    {
        "title": "Test agenda",
        "steps": [
            {
                "id": "one",
                "title": "One",
                "activities": [
                    {"id": "bugs", "kind": "brainstorm", "title": "What bugs customers"},
                    {
                        "id": "benchmark",
                        "kind": "rate",
                        "title": "Benchmark",
                        "criteria": [
                            {"id": "basic", "title": "Basic customer knowledge", "target": 4.0},
                            {"id": "systems", "title": "Systems | processes <for us>"},
                        ],
                    },
                    {"id": "plan", "kind": "plan", "title": "Plan"},
                ],
            }
        ],
    }
)


MOMENT = datetime(2026, 11, 23, 9, 30, tzinfo=timezone(timedelta(hours=1)))
