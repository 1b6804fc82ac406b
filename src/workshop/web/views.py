"""What each page shows of a session: plain data for the templates, from the core's rules.

Only what the room may see: the prompt, the timer, the participant's own ideas and dots and
scores, and (on the projector, once revealed) the room's answers. Never the facilitator's
notes, never hidden ideas, never who sent what.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from workshop.core import ops, room, stats, tally
from workshop.core.agenda import Activity, ActivityKind
from workshop.core.models import Session


@dataclass(frozen=True)
class Timer:
    """The current activity's timer as the session file keeps it (the facilitator's screen
    writes it when the timer starts, pauses or gets a minute)."""

    minutes: int
    """The planned minutes, shown before the timer is started."""
    remaining: int | None
    """Whole seconds left at render time (0 once the time is up); None if never started."""
    running: bool = False
    """Whether it is counting down (the page counts on from `remaining` by its own clock, so
    a phone whose clock is off still shows the right time)."""

    @property
    def text(self) -> str:
        if self.remaining is None:
            return f"{self.minutes} min" if self.minutes else ""
        if self.remaining <= 0:
            return "Time is up"
        minutes, seconds = divmod(self.remaining, 60)
        paused = "" if self.running else " (paused)"
        return f"{minutes}:{seconds:02d} left{paused}"


def timer_of(session: Session, activity: Activity, now: float) -> Timer:
    state = ops.timer_state(session, activity.id)
    if state is None:
        return Timer(activity.minutes, None)
    at = datetime.fromtimestamp(now, tz=UTC)
    total = (state.planned_seconds or activity.minutes * 60) + state.added_seconds
    left = max(0.0, total - state.seconds_run(at))
    return Timer(activity.minutes, int(left), state.running_since is not None)


@dataclass(frozen=True)
class DotItem:
    target: str
    title: str
    mine: int


@dataclass(frozen=True)
class ScoreRow:
    criterion: str
    title: str
    description: str
    mine: int | None


@dataclass
class ParticipantView:
    """The participant page: the current activity, and what this participant gave to it."""

    activity: Activity | None
    prompt: str
    timer: Timer | None
    kind: str
    """"brainstorm", "vote", "rate" or "waiting"."""
    my_ideas: list[str] = field(default_factory=list)
    my_name: str = ""
    """The name given with this participant's latest idea, offered again ("" : anonymous)."""
    dot_items: list[DotItem] = field(default_factory=list)
    budget: int = 0
    max_per_item: int = 0
    spent: int = 0
    score_rows: list[ScoreRow] = field(default_factory=list)
    scale: list[int] = field(default_factory=list)
    low_label: str = ""
    high_label: str = ""


def first_prompt(activity: Activity | None) -> str:
    return activity.prompts[0] if activity is not None and activity.prompts else ""


def participant_view(session: Session, token_hash: str, now: float) -> ParticipantView:
    activity = room.current_activity(session)
    prompt = first_prompt(activity)
    if activity is None:
        return ParticipantView(None, "", None, "waiting")
    view = ParticipantView(activity, prompt, timer_of(session, activity, now), "waiting")
    me = room.known_participant(session, token_hash)
    if activity.kind is ActivityKind.BRAINSTORM:
        view.kind = "brainstorm"
        view.my_ideas = [idea.text for idea in room.ideas_of(session, me, activity.id)]
        view.my_name = room.last_name_of(session, me)
    elif activity.kind is ActivityKind.VOTE:
        view.kind = "vote"
        mine = ops.votes_of(session, activity.id, me) if me else {}
        view.dot_items = [
            DotItem(item.target, item.title, mine.get(item.target, 0))
            for item in room.vote_items(session)
        ]
        view.budget = activity.vote_budget.votes_per_person
        view.max_per_item = activity.vote_budget.max_per_idea
        view.spent = sum(mine.values())
    elif activity.kind is ActivityKind.RATE:
        view.kind = "rate"
        scores = {
            r.criterion: r.score
            for r in session.ratings
            if me and r.activity == activity.id and r.participant == me
        }
        view.score_rows = [
            ScoreRow(c.id, c.title, c.description, scores.get(c.id)) for c in activity.criteria
        ]
        scale = activity.rating_scale
        view.scale = list(range(scale.low, scale.high + 1))
        view.low_label, view.high_label = scale.low_label, scale.high_label
    return view


@dataclass(frozen=True)
class Bar:
    title: str
    value: float
    """0..1 of the chart's width."""
    label: str
    low: float = 0.0
    high: float = 0.0
    """The spread (mean ± standard deviation) as 0..1 of the width, for a rate chart."""


@dataclass
class ProjectorView:
    title: str
    activity: Activity | None
    prompt: str
    timer: Timer | None
    idea_count: int = 0
    took_part: int = 0
    revealed: bool = False
    ideas: list[str] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    scale_text: str = ""


def projector_view(session: Session, now: float) -> ProjectorView:
    activity = room.current_activity(session)
    view = ProjectorView(
        session.title,
        activity,
        first_prompt(activity),
        timer_of(session, activity, now) if activity is not None else None,
    )
    if activity is None:
        return view
    visible = ops.visible_ideas(session, activity.id)
    view.idea_count = len(visible)
    view.took_part = room.took_part_from_devices(session, activity.id)
    view.revealed = activity.id in session.revealed
    if not view.revealed:
        return view
    if activity.kind is ActivityKind.BRAINSTORM:
        view.ideas = [idea.text for idea in visible]
    elif activity.kind is ActivityKind.VOTE:
        ranked = tally.ranking(session, activity.id)
        most = max((item.votes for item in ranked), default=0) or 1
        view.bars = [
            Bar(f"{item.rank}. {item.title}", item.votes / most, str(item.votes)) for item in ranked
        ]
    elif activity.kind is ActivityKind.RATE:
        scale = activity.rating_scale
        width = scale.high - scale.low

        def share(value: float) -> float:
            return min(1.0, max(0.0, (value - scale.low) / width))

        view.scale_text = f"{scale.low}-{scale.high}"
        for result in stats.criterion_results(session, activity.id):
            if result.mean is None:
                view.bars.append(Bar(result.title, 0.0, "no scores yet"))
                continue
            spread = result.stdev or 0.0
            view.bars.append(
                Bar(
                    result.title,
                    share(result.mean),
                    f"{result.mean:.1f} ± {spread:.1f} ({result.count})",
                    share(result.mean - spread),
                    share(result.mean + spread),
                )
            )
    return view
