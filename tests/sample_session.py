"""A fixed, hand-built session for tests of exports, statistics and screens.

`sample_session()` returns a new, identical session on every call; change it only together with
the golden files under tests/unit/golden/ (regenerate them with UPDATE_GOLDEN=1 and read them).

What it holds (team "Support desk", 4 March 2025, times at UTC+01:00):

- Agenda: three steps; activities `why` (present), `bugs` and `right` (brainstorm), `group`,
  `vote` (5 votes each, at most 3 per idea), `blocks` (debate, items `inside-out` and `blame`),
  `benchmark` (rate, scale 1-5, criteria `knowledge` target 4, `alignment` target 3.5,
  `attitudes` no target, `partnership` target 3 that nobody scored), `actions` (plan).
- Participants: p1 Ana and p2 Ben (segment "Support"), p3 Chloé ("Sales"), p4 with no name
  and no segment.
- Ideas i1-i12; i10 is hidden. Hostile texts: i2 `| pipe`, i3 `# heading`, i4 `<script>`,
  i5 a line break, i6 backticks and emphasis, i7 `[link](http://x)`, i8 `=SUM(A1)`, i11 a
  leading `>` and `&amp;`, i12 a leading `1.`. Action measures and debate points start with
  `=`, `-`, `+` and `@`.
- Themes t1 "Billing" (i1, i2) and t2 with HTML-ish text (i3, i4); the rest ungrouped.
- Votes in `vote`: i1 6, i7 5, i9 3, i3 2, i5 2, i8 1, i10 1 (hidden); theme t1 a tally of 4.
- Debate notes on both items. Ratings from all four participants on three criteria:
  knowledge 3,4,3,4 (mean 3.5, sd 0.5); alignment 1,5,2,4 (mean 3.0, sd 1.58: disagreement);
  attitudes 4,4,5,3 (mean 4.0, sd 0.71).
- Actions: a1 (3m, reviewed once), a2 (6m), a3 (beyond, citing the hidden idea i10).
- Log: every activity once except `bugs`, visited twice.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from workshop.core.agenda import (
    ActionStatus,
    Activity,
    ActivityKind,
    Agenda,
    Criterion,
    DebateItem,
    Horizon,
    ProgrammeLevel,
    Scale,
    Step,
    Verdict,
    VoteBudget,
)
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
    Vote,
)

SAMPLE_DATE = date(2025, 3, 4)
SAMPLE_ZONE = timezone(timedelta(hours=1))

SAMPLE_SCORES = {
    "knowledge": {"p1": 3, "p2": 4, "p3": 3, "p4": 4},
    "alignment": {"p1": 1, "p2": 5, "p3": 2, "p4": 4},
    "attitudes": {"p1": 4, "p2": 4, "p3": 5, "p4": 3},
}
"""The sample's benchmark scores: criterion -> participant -> score."""


def at(hour: int, minute: int, day: date = SAMPLE_DATE) -> datetime:
    """A moment on the sample's day (or `day`), in the sample's time zone."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SAMPLE_ZONE)


def _activity(
    activity_id: str, kind: ActivityKind, title: str, minutes: int, **fields: Any
) -> Activity:
    return Activity(id=activity_id, kind=kind, title=title, minutes=minutes, **fields)


def sample_agenda() -> Agenda:
    """The sample's small agenda: every kind of activity but review."""
    return Agenda(
        title="Customer focus (sample)",
        description="A short agenda for tests.",
        level=ProgrammeLevel.BASIC_KNOWLEDGE,
        steps=[
            Step(
                id="awareness",
                title="Awareness forum",
                activities=[
                    _activity("why", ActivityKind.PRESENT, "Why customer focus?", 15),
                    _activity("bugs", ActivityKind.BRAINSTORM, "What bugs our customers?", 20),
                    _activity("right", ActivityKind.BRAINSTORM, "Where we get it right", 15),
                    _activity("group", ActivityKind.GROUP, "Group the ideas", 10),
                    _activity(
                        "vote",
                        ActivityKind.VOTE,
                        "Dot vote",
                        10,
                        votes=VoteBudget(votes_per_person=5, max_per_idea=3),
                    ),
                ],
            ),
            Step(
                id="debate",
                title="Debate and benchmarking",
                activities=[
                    _activity(
                        "blocks",
                        ActivityKind.DEBATE,
                        "Blocks to customer focus",
                        30,
                        debate_items=[
                            DebateItem(id="inside-out", title="Managing from the inside out"),
                            DebateItem(id="blame", title="Blaming front-line staff"),
                        ],
                    ),
                    _activity(
                        "benchmark",
                        ActivityKind.RATE,
                        "How customer focused are we?",
                        15,
                        scale=Scale(low=1, high=5, low_label="Not at all", high_label="Fully"),
                        criteria=[
                            Criterion(id="knowledge", title="Basic customer knowledge", target=4.0),
                            Criterion(id="alignment", title="Goals | systems aligned", target=3.5),
                            Criterion(id="attitudes", title="Customer attitudes"),
                            Criterion(id="partnership", title="Customer partnership", target=3.0),
                        ],
                    ),
                ],
            ),
            Step(
                id="plan",
                title="Action planning",
                activities=[_activity("actions", ActivityKind.PLAN, "Agree the actions", 25)],
            ),
        ],
    )


def _idea(number: int, text: str, activity: str, minute: int, **fields: object) -> Idea:
    return Idea.model_validate(
        {"id": f"i{number}", "text": text, "activity": activity, "created": at(9, minute), **fields}
    )


def sample_ideas() -> list[Idea]:
    return [
        _idea(
            1, "Invoices are impossible to read #billing", "bugs", 14, tags=["billing"], theme="t1"
        ),
        _idea(2, "| pipe | in a cell", "bugs", 15, theme="t1"),
        _idea(3, "# heading that is not one", "bugs", 16, theme="t2"),
        _idea(4, "<script>alert(1)</script> on hold", "bugs", 17, theme="t2"),
        _idea(5, "line\nbreak inside one idea", "bugs", 18),
        _idea(6, "Run `rm -rf` *carefully* and _quietly_", "bugs", 19, tags=["ops"]),
        _idea(7, "[link](http://x) to the story of a colleague's extra mile", "right", 36),
        _idea(8, "=SUM(A1)", "right", 37),
        _idea(9, "Ana stayed late to fix an order", "right", 38, author="Ben"),
        _idea(10, "Ben never answers the phone", "bugs", 20, hidden=True),
        _idea(11, "> not a quote & not &amp; an entity", "right", 39),
        _idea(12, "1. not a list - and -5% churn", "bugs", 51),
    ]


def sample_votes() -> list[Vote]:
    dots = {
        "p1": {"i1": 3, "i7": 2},
        "p2": {"i1": 1, "i3": 2, "i5": 2},
        "p3": {"i7": 3, "i8": 1, "i10": 1},
        "p4": {"i1": 2, "i9": 3},
    }
    votes = [
        Vote(activity="vote", target=target, count=count, voter=voter)
        for voter, allocation in dots.items()
        for target, count in allocation.items()
    ]
    votes.append(Vote(activity="vote", target="t1", count=4))
    return votes


def sample_ratings() -> list[Rating]:
    return [
        Rating(activity="benchmark", participant=participant, criterion=criterion, score=score)
        for criterion, scores in SAMPLE_SCORES.items()
        for participant, score in scores.items()
    ]


def sample_session() -> Session:
    """The fixed sample session (see the module docstring for what it holds)."""
    return Session(
        title="Support desk: spring workshop",
        team="Support desk",
        facilitator="Dana",
        date=SAMPLE_DATE,
        current_activity="actions",
        agenda=sample_agenda(),
        participants=[
            Participant(id="p1", name="Ana", segment="Support"),
            Participant(id="p2", name="Ben", segment="Support"),
            Participant(id="p3", name="Chloé", segment="Sales"),
            Participant(id="p4"),
        ],
        themes=[
            Theme(id="t1", title="Billing", activity="group"),
            Theme(id="t2", title="Phone & <b>hold</b> times", activity="group"),
        ],
        votes=sample_votes(),
        debate=[
            DebateNote(
                activity="blocks",
                item="inside-out",
                verdict=Verdict.PARTLY,
                evidence="Our forms ask for *our* reference number first",
                points_for=["Refunds are designed around the ledger"],
                points_against=["The new portal asks what the customer wants"],
                process="Refund approval",
                convenience="Finance",
                decision="Map the refund process from the customer's side",
            ),
            DebateNote(
                activity="blocks",
                item="blame",
                verdict=Verdict.YES,
                evidence="Complaints end in a 'coaching' note\nfor the agent",
                points_for=["| broken | table"],
                points_against=["+ plus at the start", "@mention at the start"],
            ),
        ],
        ratings=sample_ratings(),
        actions=[
            Action(
                id="a1",
                title="Redesign the invoice with three customers",
                owner="Ana",
                horizon=Horizon.THREE_MONTHS,
                measure="Invoice calls down 30%",
                ideas=["i1", "i2"],
                status=ActionStatus.ON_TRACK,
                due=date(2025, 6, 30),
                created=at(11, 40),
                reviews=[
                    Review(
                        date=date(2025, 6, 2),
                        progress=2,
                        status=ActionStatus.ON_TRACK,
                        note="Draft tested with two customers",
                        reviewer="Dana",
                    )
                ],
            ),
            Action(
                id="a2",
                title="Map the refund process from the customer's side",
                owner="Ben | Finance",
                horizon=Horizon.SIX_MONTHS,
                measure="-20% time to refund",
                ideas=["t2", "i3"],
                created=at(11, 45),
            ),
            Action(
                id="a3",
                title="*Celebrate* everyday extra miles",
                horizon=Horizon.BEYOND,
                measure="=1+1 stories shared a month",
                ideas=["i9", "i10"],
                created=at(11, 50),
            ),
        ],
        log=[
            LogEntry(activity="why", started=at(9, 0), ended=at(9, 12)),
            LogEntry(activity="bugs", started=at(9, 12), ended=at(9, 35)),
            LogEntry(activity="right", started=at(9, 35), ended=at(9, 50)),
            LogEntry(activity="bugs", started=at(9, 50), ended=at(9, 55)),
            LogEntry(activity="group", started=at(9, 55), ended=at(10, 10)),
            LogEntry(activity="vote", started=at(10, 10), ended=at(10, 18)),
            LogEntry(activity="blocks", started=at(10, 30), ended=at(11, 5)),
            LogEntry(activity="benchmark", started=at(11, 5), ended=at(11, 20)),
            LogEntry(activity="actions", started=at(11, 20), ended=at(11, 55)),
        ],
        notes=[ActivityNote(activity="why", text="The 85/15 rule surprised people.")],
        ideas=sample_ideas(),
    )
