"""A realistic demo session: a customer-service team half way through a customer-focus workshop.

The same agenda and date always give the same session. Written for the customer-focus agenda,
it works for any agenda: it uses the agenda's activities by kind and skips what has no place.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

from workshop.core import ops
from workshop.core.agenda import Activity, ActivityKind, Agenda
from workshop.core.demo_content import (
    ACTIONS,
    DEBATE_NOTES,
    DISPUTED_CRITERION,
    DISPUTED_SCORES,
    DOT_VOTES,
    FACILITATOR,
    IDEA_POOLS,
    PARTICIPANTS,
    PRESENT_NOTE,
    START_TIME,
    TEAM,
    THEMES,
    TITLE,
    TYPICAL_SCORES,
)
from workshop.core.models import Idea, Session


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
