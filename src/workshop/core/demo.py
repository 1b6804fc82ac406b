"""A realistic demo session: a customer-service team half way through a customer-focus workshop.

The same agenda and date always give the same session. Written for the customer-focus agenda,
it works for any agenda: it uses the agenda's activities by kind and skips what has no place.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from workshop.core import ops
from workshop.core.models import Activity, ActivityKind, Agenda, Horizon, Idea, Session

TEAM = "Northwind Customer Service"
TITLE = "Customer focus workshop"
FACILITATOR = "Jordan Ellis"
START_TIME = time(9, 0)

PARTICIPANTS = [
    ("Maria Okafor", "Contact centre"),
    ("Tom Brennan", "Contact centre"),
    ("Priya Shah", "Billing"),
    ("Daniel Reyes", "Field service"),
    ("Aisha Mensah", "Sales"),
    ("Lena Kowalski", "Operations"),
]

# The three brainstorms of the customer-focus agenda, in order: (key, text).
WHAT_BUGS_CUSTOMERS = [
    ("handoffs", "Being passed between three departments before anyone owns the problem #handoffs"),
    (
        "repeat-story",
        "Having to give their account number and the whole story again every time "
        "they're transferred #handoffs",
    ),
    ("monday-hold", "Hold times of 20 minutes or more on Monday mornings #phone"),
    (
        "unreadable-invoice",
        "Invoices full of codes instead of words, and no phone number on them #billing",
    ),
    ("no-callback", "We promise a callback within 24 hours and then nobody calls"),
    (
        "all-day-window",
        "Engineer visits booked 8 to 6, so they have to take a whole day off #field",
    ),
    ("price-mismatch", "The website says one price and the contract says another #billing"),
    ("silent-delays", "Nobody tells them an order is late; they find out when it doesn't turn up"),
    ("complaint-silence", "Complaint emails get an automatic reply and then a week of silence"),
    ("paper-forms", "Having to print, sign and scan a form just to change their address #forms"),
]
WHERE_WE_GET_IT_RIGHT = [
    (
        "day-off-callback",
        "Sam rang a customer back on his day off to confirm the refund had actually gone through",
    ),
    (
        "on-the-way-text",
        "Engineers text when they're 30 minutes away; customers mention it in "
        "almost every survey #field",
    ),
    ("late-fee", "Billing waives the first late fee without a fight and explains why #billing"),
    (
        "plain-renewals",
        "Since we rewrote the renewal letters in plain English, calls about them "
        "have nearly stopped",
    ),
    (
        "storm-calls",
        "When the storm shut the depot we phoned every affected customer before they phoned us",
    ),
    ("shadowing", "New starters sit in on calls for a week before they touch a customer account"),
    ("thank-you-notes", "The warehouse puts a handwritten thank-you in repeat orders"),
    ("first-call-fix", "We fix the small stuff on the first call, no ticket needed"),
]
TOUCH_POINTS = [
    ("phone-menu", "The phone menu: six options before you reach a human #phone"),
    ("invoice", "The monthly invoice #billing"),
    ("doorstep", "The engineer on the doorstep #field"),
    ("car-park", "The car park at the service centre: no visitor spaces"),
    ("order-emails", "Order confirmation and delivery emails"),
    ("contact-form", "The website contact form, which lands in a shared inbox nobody owns"),
    ("reception", "The reception desk at head office"),
]
IDEA_POOLS = [WHAT_BUGS_CUSTOMERS, WHERE_WE_GET_IT_RIGHT, TOUCH_POINTS]

THEMES = [
    (
        "Nobody owns the problem",
        ["handoffs", "repeat-story", "no-callback", "complaint-silence", "contact-form"],
    ),
    (
        "Bills customers can understand",
        ["unreadable-invoice", "price-mismatch", "late-fee", "plain-renewals", "invoice"],
    ),
    (
        "Keep customers in the loop",
        ["silent-delays", "on-the-way-text", "storm-calls", "order-emails"],
    ),
    ("Waiting on us", ["monday-hold", "all-day-window", "phone-menu"]),
]

# Each participant's dots, in order of preference: a theme's position or an idea's key.
DOT_VOTES: list[list[tuple[int | str, int]]] = [
    [(0, 3), (1, 2)],
    [(0, 2), (3, 2), ("car-park", 1)],
    [(1, 3), (0, 2)],
    [(3, 3), (2, 2)],
    [(2, 2), (0, 2), ("paper-forms", 1)],
    [(0, 3), (1, 1), ("paper-forms", 1)],
]

# Where the room puts itself on a 1-5 scale; criteria not listed sit at 3.
TYPICAL_SCORES = {
    "basic-knowledge": 3,
    "deeper-understanding": 2,
    "customer-partnership": 2,
    "shared-goals": 3,
    "shared-values": 4,
    "systems-processes": 2,
    "structure": 2,
    "customer-knowledge": 3,
    "customer-behaviour": 4,
    "customer-attitudes": 4,
    "acting-on-feedback": 2,
}


@dataclass(frozen=True)
class DebateNoteText:
    item: str
    verdict: str
    evidence: str
    points_for: list[str]
    points_against: list[str]
    process: str
    convenience: str
    decision: str


DEBATE_NOTES = [
    DebateNoteText(
        item="blaming-front-line",
        verdict="yes",
        evidence="Three of last month's five escalations were written up as agent error; all "
        "three were the transfer system dropping the case notes.",
        points_for=[
            "Escalation reports name the agent, not the step that failed",
            "Coaching is our first answer to every spike in complaints",
        ],
        points_against=["Team leads got the billing-code problem fixed last year"],
        process="Complaint escalation review",
        convenience="Ours: naming a person closes the case quickly. The customer meets the "
        "same failure next time.",
        decision="Escalation reviews ask which step failed before asking who was on the call.",
    ),
    DebateNoteText(
        item="internal-customers",
        verdict="partly",
        evidence="Visit windows are 8 to 6 because that suits the depot rota, not because "
        "customers asked for it.",
        points_for=["Field service plans around depot shifts", "Billing answers to finance first"],
        points_against=["Sales and the contact centre share a weekly customer review"],
        process="Booking an engineer visit",
        convenience="The depot's",
        decision="Pilot two-hour visit windows in one region next quarter.",
    ),
]


@dataclass(frozen=True)
class ActionText:
    title: str
    owner: str
    horizon: Horizon
    measure: str
    ideas: list[str]
    due_in_days: int | None


ACTIONS = [
    ActionText(
        "One owner for every complaint, from the first call to the last",
        "Maria Okafor",
        Horizon.THREE_MONTHS,
        "Complaints transferred more than once: from about 40% to under 10%",
        ["handoffs", "repeat-story", "complaint-silence"],
        90,
    ),
    ActionText(
        "Rewrite the invoice in plain words, with a direct phone number on it",
        "Priya Shah",
        Horizon.THREE_MONTHS,
        "Billing queries per 1,000 invoices down by a third",
        ["unreadable-invoice", "price-mismatch"],
        90,
    ),
    ActionText(
        "Two-hour visit windows, and a text when the engineer is on the way",
        "Daniel Reyes",
        Horizon.SIX_MONTHS,
        "Missed appointments halved; no complaints about all-day windows",
        ["all-day-window", "on-the-way-text"],
        180,
    ),
    ActionText(
        "Tell customers about a delay before they have to ask",
        "Lena Kowalski",
        Horizon.BEYOND,
        "Delayed orders where the customer heard from us first: 90%",
        ["silent-delays", "order-emails"],
        None,
    ),
]

PRESENT_NOTE = (
    "Most of the room agreed the 85/15 rule matches what they see: the failures customers "
    "call about start in hand-offs between teams. Nobody could say what we last changed because "
    "of customer feedback."
)


def demo_session(agenda: Agenda, on: date, *, current_started: datetime | None = None) -> Session:
    """A demo session for `agenda` held on `on`, opened at its first brainstorm.

    The session ran to plan from 09:00, or, given `current_started`, so that its current
    activity began then (the command line passes a few minutes ago, so the timer and the
    outline read as a session in progress).
    """
    session = ops.new_session(TITLE, agenda, team=TEAM, facilitator=FACILITATOR, on=on)
    activities = agenda.activities()
    brainstorms = _of_kind(activities, ActivityKind.BRAINSTORM)
    current = (brainstorms or activities)[0].id
    start = datetime.combine(on, START_TIME, tzinfo=UTC)
    if current_started is not None:
        before_current = activities[: [a.id for a in activities].index(current)]
        start = current_started - timedelta(minutes=sum(max(a.minutes, 1) for a in before_current))
    started = _run_log(session, activities, start, until=current)
    _add_present_note(session, activities)
    ideas = _add_ideas(session, activities, started)
    themes = _add_themes(session, activities, ideas)
    for participant_name, segment in PARTICIPANTS:
        ops.add_participant(session, participant_name, segment)
    _add_votes(session, activities, ideas, themes)
    _add_debate_notes(session, activities)
    _add_ratings(session, activities)
    _add_actions(session, activities, ideas, started, on)
    session.current_activity = current
    if current_started is not None:
        _keep_in_the_past(session, current_started)
    return session


def _keep_in_the_past(session: Session, latest: datetime) -> None:
    """Restamp ideas and actions timed after `latest` (their activities, run to plan, would
    come later) just before it, in the same order: nothing the demo holds is in the future, or
    late in the evening `report` would see no actions made yet."""
    for name in ("ideas", "actions"):
        records = getattr(session, name)
        late = [index for index, record in enumerate(records) if record.created > latest]
        for position, index in enumerate(late):
            stamp = latest - timedelta(seconds=len(late) - position)
            records[index] = records[index].model_copy(update={"created": stamp})


def _of_kind(activities: list[Activity], kind: ActivityKind) -> list[Activity]:
    return [activity for activity in activities if activity.kind is kind]


def _run_log(
    session: Session, activities: list[Activity], start: datetime, *, until: str
) -> dict[str, datetime]:
    """When each activity would start if run to plan; the log holds those up to `until`.

    The demo opens with `until` running, so the outline shows what is done and what is next;
    the later activities already hold the room's work, so every screen has something to show.
    """
    started: dict[str, datetime] = {}
    moment = start
    logging = True
    for activity in activities:
        if logging:
            ops.start_activity(session, activity.id, at=moment)
        logging = logging and activity.id != until
        started[activity.id] = moment
        moment += timedelta(minutes=max(activity.minutes, 1))
    return started


def _add_present_note(session: Session, activities: list[Activity]) -> None:
    presents = _of_kind(activities, ActivityKind.PRESENT)
    if presents:
        ops.set_note(session, presents[0].id, PRESENT_NOTE)


def _add_ideas(
    session: Session, activities: list[Activity], started: dict[str, datetime]
) -> dict[str, Idea]:
    """Each pool of ideas goes to a brainstorm; if there are fewer, the last takes the rest."""
    brainstorms = _of_kind(activities, ActivityKind.BRAINSTORM)
    fallback = datetime.combine(session.date, START_TIME, tzinfo=UTC)
    ideas: dict[str, Idea] = {}
    captured: Counter[str] = Counter()
    for pool_index, pool in enumerate(IDEA_POOLS):
        activity_id = brainstorms[min(pool_index, len(brainstorms) - 1)].id if brainstorms else ""
        for key, text in pool:
            captured[activity_id] += 1
            at = started.get(activity_id, fallback) + timedelta(seconds=50 * captured[activity_id])
            ideas[key] = ops.add_idea(session, text, activity=activity_id, at=at)
    return ideas


def _add_themes(session: Session, activities: list[Activity], ideas: dict[str, Idea]) -> list[str]:
    groups = _of_kind(activities, ActivityKind.GROUP)
    activity_id = groups[0].id if groups else ""
    theme_ids: list[str] = []
    for title, members in THEMES:
        theme = ops.add_theme(session, title, activity_id)
        theme_ids.append(theme.id)
        for key in members:
            ops.move_to_theme(session, ideas[key].id, theme.id)
    return theme_ids


def _add_votes(
    session: Session, activities: list[Activity], ideas: dict[str, Idea], themes: list[str]
) -> None:
    """Each participant's dots, trimmed to the vote activity's budget."""
    votes = _of_kind(activities, ActivityKind.VOTE)
    if not votes:
        return
    budget = votes[0].vote_budget
    for participant, choices in zip(session.participants, DOT_VOTES, strict=False):
        allocation: dict[str, int] = {}
        remaining = budget.votes_per_person
        for choice, count in choices:
            target = themes[choice] if isinstance(choice, int) else ideas[choice].id
            given = min(count, budget.max_per_idea, remaining)
            if given > 0:
                allocation[target] = given
                remaining -= given
        ops.cast_votes(session, votes[0].id, participant.id, allocation)


def _add_debate_notes(session: Session, activities: list[Activity]) -> None:
    debates = _of_kind(activities, ActivityKind.DEBATE)
    if not debates:
        return
    debate = debates[0]
    item_ids = [item.id for item in debate.debate_items]
    # Notes go to the items they were written for; otherwise to the agenda's first items.
    spare = [item_id for item_id in item_ids if item_id not in {n.item for n in DEBATE_NOTES}]
    for note in DEBATE_NOTES:
        if note.item in item_ids or not item_ids:
            item = note.item
        elif spare:
            item = spare.pop(0)
        else:
            continue
        ops.set_debate_note(
            session,
            debate.id,
            item,
            verdict=note.verdict,
            evidence=note.evidence,
            points_for=note.points_for,
            points_against=note.points_against,
            process=note.process,
            convenience=note.convenience,
            decision=note.decision,
        )


DISPUTED_CRITERION = 5
"""One criterion the room disagrees on, so the demo shows a disagreement flag."""
DISPUTED_SCORES = (1, 5, 2, 5, 1, 4)


def _add_ratings(session: Session, activities: list[Activity]) -> None:
    """Every participant scores every criterion: the room's view, give or take a point."""
    for activity in _of_kind(activities, ActivityKind.RATE):
        scale = activity.rating_scale
        for p_index, participant in enumerate(session.participants):
            for c_index, criterion in enumerate(activity.criteria):
                typical = TYPICAL_SCORES.get(criterion.id, 3)
                score = typical + (p_index * 2 + c_index) % 3 - 1
                if c_index == DISPUTED_CRITERION:
                    score = DISPUTED_SCORES[p_index % len(DISPUTED_SCORES)]
                score = min(5, max(1, score))
                scaled = scale.low + round((score - 1) * (scale.high - scale.low) / 4)
                ops.set_rating(session, activity.id, participant.id, criterion.id, scaled)


def _add_actions(
    session: Session,
    activities: list[Activity],
    ideas: dict[str, Idea],
    started: dict[str, datetime],
    on: date,
) -> None:
    plans = _of_kind(activities, ActivityKind.PLAN)
    planned_at = started[plans[0].id] if plans else datetime.combine(on, START_TIME, tzinfo=UTC)
    for position, action in enumerate(ACTIONS, start=1):
        ops.add_action(
            session,
            action.title,
            owner=action.owner,
            horizon=action.horizon,
            measure=action.measure,
            ideas=[ideas[key].id for key in action.ideas],
            due=on + timedelta(days=action.due_in_days) if action.due_in_days else None,
            at=planned_at + timedelta(minutes=4 * position),
        )
