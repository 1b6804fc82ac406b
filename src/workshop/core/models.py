"""The domain: agendas and the sessions that run them, as pydantic models.

Records inside a session (ideas, votes, actions...) are frozen: a change replaces the
record with a new one. That lets the store keep each record's serialised text until the
record itself is replaced, so saving one change does not grow with the session.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

SCHEMA_VERSION = 2
"""The version of the session file layout this code writes (2: `[[timers]]`)."""

Identifier = Annotated[
    str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
]


class Record(BaseModel):
    """A frozen record that rejects unknown keys (a typo in a hand-edited file is an error)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class ActivityKind(StrEnum):
    PRESENT = "present"
    BRAINSTORM = "brainstorm"
    GROUP = "group"
    VOTE = "vote"
    DEBATE = "debate"
    RATE = "rate"
    PLAN = "plan"
    REVIEW = "review"


class ProgrammeLevel(StrEnum):
    BASIC_KNOWLEDGE = "basic-knowledge"
    DEEPER_UNDERSTANDING = "deeper-understanding"
    PARTNERSHIP = "partnership"


class Horizon(StrEnum):
    THREE_MONTHS = "3m"
    SIX_MONTHS = "6m"
    BEYOND = "beyond"

    @property
    def label(self) -> str:
        return HORIZON_LABELS[self]


HORIZON_LABELS = {
    Horizon.THREE_MONTHS: "Next 3 months",
    Horizon.SIX_MONTHS: "Next 6 months",
    Horizon.BEYOND: "Beyond 6 months",
}


class ActionStatus(StrEnum):
    NOT_STARTED = "not-started"
    ON_TRACK = "on-track"
    AT_RISK = "at-risk"
    DONE = "done"
    DROPPED = "dropped"


class Verdict(StrEnum):
    """Does a debated block to customer focus apply here?"""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"


# --- the agenda ---------------------------------------------------------------------------


class VoteBudget(Record):
    votes_per_person: int = Field(default=5, ge=1, le=100)
    max_per_idea: int = Field(default=3, ge=1, le=100)

    @model_validator(mode="after")
    def _max_within_budget(self) -> VoteBudget:
        if self.max_per_idea > self.votes_per_person:
            raise BrokenRuleError("max_per_idea", "max_per_idea cannot exceed votes_per_person")
        return self


class Scale(Record):
    low: int = 1
    high: int = 5
    low_label: str = ""
    high_label: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> Scale:
        if self.high <= self.low:
            raise BrokenRuleError("high", "high must be greater than low")
        return self


class Criterion(Record):
    id: Identifier
    title: str
    description: str = ""
    target: float | None = None


class DebateItem(Record):
    id: Identifier
    title: str
    description: str = ""
    questions: list[str] = []


class Activity(Record):
    id: Identifier
    kind: ActivityKind
    title: str
    prompts: list[str] = []
    notes: str = ""
    minutes: int = Field(default=10, ge=0, le=24 * 60)
    votes: VoteBudget | None = None
    scale: Scale | None = None
    criteria: list[Criterion] = []
    debate_items: list[DebateItem] = []

    @model_validator(mode="after")
    def _settings_for_kind(self) -> Activity:
        if self.kind is ActivityKind.RATE and not self.criteria:
            raise BrokenRuleError("criteria", "a rate activity needs criteria")
        # A debate with no items runs over the session's top themes.
        _require_unique([c.id for c in self.criteria], "criterion", "criteria")
        _require_unique([d.id for d in self.debate_items], "debate item", "debate_items")
        return self

    @property
    def vote_budget(self) -> VoteBudget:
        return self.votes or VoteBudget()

    @property
    def rating_scale(self) -> Scale:
        return self.scale or Scale()


class Step(Record):
    id: Identifier
    title: str
    description: str = ""
    activities: list[Activity] = Field(min_length=1)


class Agenda(Record):
    title: str
    description: str = ""
    level: ProgrammeLevel = ProgrammeLevel.BASIC_KNOWLEDGE
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Agenda:
        _require_unique([s.id for s in self.steps], "step", "steps")
        seen: set[str] = set()
        for step_index, step in enumerate(self.steps):
            for index, activity in enumerate(step.activities):
                if activity.id in seen:  # activity ids are unique across the steps
                    raise BrokenRuleError(
                        f"steps[{step_index}].activities[{index}].id",
                        f"duplicate activity id {activity.id!r}",
                    )
                seen.add(activity.id)
        return self

    def activities(self) -> list[Activity]:
        """Every activity, in running order."""
        return [activity for step in self.steps for activity in step.activities]

    def activity(self, activity_id: str) -> Activity:
        for activity in self.activities():
            if activity.id == activity_id:
                return activity
        raise KeyError(activity_id)

    def step_of(self, activity_id: str) -> Step:
        for step in self.steps:
            if any(a.id == activity_id for a in step.activities):
                return step
        raise KeyError(activity_id)

    @property
    def planned_minutes(self) -> int:
        return sum(a.minutes for a in self.activities())


# --- the session's records ------------------------------------------------------------------


class Participant(Record):
    id: Identifier
    name: str = ""
    segment: str = ""
    token_hash: str = Field(default="", pattern=r"^([0-9a-f]{64})?$")
    """For someone who joined from their own device: the SHA-256 (hex) of the random token in
    their browser's cookie, so they keep their dots and their own ideas across a restart of
    the server. The token itself is never stored, nor any name."""

    @property
    def label(self) -> str:
        return self.name or f"Participant {self.id.lstrip('p')}"


class Idea(Record):
    id: Identifier
    text: str
    activity: str = ""
    tags: list[str] = []
    author: str = ""
    created: datetime
    hidden: bool = False
    theme: str = ""
    participant: str = ""
    """The participant id of whoever sent it from their own device ("" when typed on the
    facilitator's screen or the command line); lets them see their own ideas, never shown."""


class Theme(Record):
    id: Identifier
    title: str
    activity: str = ""


class Vote(Record):
    """Votes given to an idea or a theme: one participant's dots, or a show-of-hands tally."""

    activity: str
    target: str
    count: int = Field(ge=0)
    voter: str = ""


class DebateNote(Record):
    activity: str
    item: str
    verdict: Verdict | None = None
    evidence: str = ""
    points_for: list[str] = []
    points_against: list[str] = []
    process: str = ""
    convenience: str = ""
    decision: str = ""


class Rating(Record):
    activity: str
    participant: str
    criterion: str
    score: int


class Review(Record):
    """One quarterly look at an action: how far it got, on the progress scale."""

    date: date
    progress: int = Field(ge=0, le=4)
    status: ActionStatus
    note: str = ""
    reviewer: str = ""


class Action(Record):
    id: Identifier
    title: str
    owner: str = ""
    horizon: Horizon = Horizon.THREE_MONTHS
    measure: str = ""
    ideas: list[str] = []
    status: ActionStatus = ActionStatus.NOT_STARTED
    due: date | None = None
    created: datetime | None = None
    carried_from: str = ""
    reviews: list[Review] = []


class LogEntry(Record):
    """When an activity actually ran. An activity visited twice has two entries."""

    activity: str
    started: datetime
    ended: datetime | None = None


class ActivityNote(Record):
    """The facilitator's notes taken during an activity (a present activity's discussion)."""

    activity: str
    text: str


class TimerState(Record):
    """A countdown as it stands, kept in the session file so that it survives closing the
    screen and can be shown from the file alone (a participant's phone, later).

    Time left = planned_seconds + added_seconds - time run, where time run is
    elapsed_seconds, plus the time since running_since while it runs (paused: no
    running_since). Written when the timer starts, pauses, gets minutes, or is left.
    """

    activity: str
    item: str = ""
    """A debate block's id, for the time spent on that block; "" for the activity's timer."""
    planned_seconds: int = 0
    added_seconds: int = 0
    elapsed_seconds: float = 0.0
    """Seconds run before `running_since` (all of them, when paused)."""
    running_since: datetime | None = None

    def seconds_run(self, at: datetime) -> float:
        """Seconds the timer has run, as of `at`."""
        if self.running_since is None:
            return self.elapsed_seconds
        return self.elapsed_seconds + max(0.0, (at - self.running_since).total_seconds())


class Session(BaseModel):
    """One workshop: what was planned (a copy of the agenda) and everything the room said.

    The session itself is mutable (its lists change); the records in it are frozen.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    schema_version: int = SCHEMA_VERSION
    title: str
    team: str = ""
    facilitator: str = ""
    date: date
    current_activity: str = ""
    id_counters: dict[str, int] = {}
    """The highest number given so far to each kind of id (i for ideas...), so that the id of
    a deleted record is never given to a new one (votes and links name records by id)."""
    revealed: list[str] = []
    """The activities whose results the facilitator has revealed to the room (the projector
    shows their ideas, tally or means); until then it shows only counts."""
    agenda: Agenda
    participants: list[Participant] = []
    themes: list[Theme] = []
    votes: list[Vote] = []
    debate: list[DebateNote] = []
    ratings: list[Rating] = []
    actions: list[Action] = []
    log: list[LogEntry] = []
    notes: list[ActivityNote] = []
    timers: list[TimerState] = []
    ideas: list[Idea] = []

    @model_validator(mode="after")
    def _unique_ids(self) -> Session:
        _require_unique([p.id for p in self.participants], "participant", "participants")
        _require_unique([i.id for i in self.ideas], "idea", "ideas")
        _require_unique([t.id for t in self.themes], "theme", "themes")
        _require_unique([a.id for a in self.actions], "action", "actions")
        _check_references(self)
        self._cover_given_ids()
        return self

    COUNTED_IDS: ClassVar[dict[str, str]] = {
        "i": "ideas",
        "t": "themes",
        "a": "actions",
        "p": "participants",
    }
    """The prefix of each kind of id a counter in `id_counters` gives, and its list."""

    def _cover_given_ids(self) -> None:
        """Raise each counter to at least the highest id in its list (a hand-edited or older
        file may lack them), so a loaded session can give the next id from its counter alone
        (`ops.next_id`) instead of scanning every id on each new record."""
        for prefix, list_name in self.COUNTED_IDS.items():
            records = getattr(self, list_name)
            if records:
                highest = highest_id_number([record.id for record in records], prefix)
                if highest > self.id_counters.get(prefix, 0):
                    self.id_counters[prefix] = highest

    RECORD_LISTS: ClassVar[tuple[str, ...]] = (
        "participants",
        "themes",
        "votes",
        "debate",
        "ratings",
        "actions",
        "log",
        "notes",
        "timers",
        "ideas",
    )
    """The session's lists of records, in the order they are written to disk."""

    def draft(self) -> Session:
        """A copy whose lists can be changed without touching this session's lists."""
        copied = self.model_copy()
        copied.id_counters = dict(self.id_counters)
        for name in self.RECORD_LISTS:
            setattr(copied, name, list(getattr(self, name)))
        return copied


class BrokenRuleError(ValueError):
    """A value that has the right type but breaks the session's rules, at a key path."""

    def __init__(self, key_path: str, problem: str) -> None:
        super().__init__(f"{key_path}: {problem}")
        self.key_path = key_path
        self.problem = problem


class _GivenIds:
    """Whether an id was ever given to a record of one kind (it may have been deleted since).

    Votes and links keep naming a deleted idea or theme (`id_counters` keeps its id from being
    given again), so a reference to a missing record is fine if its id was given once.
    """

    def __init__(self, prefix: str, existing: set[str], counters: dict[str, int]) -> None:
        self._prefix = prefix
        self._existing = existing
        self._counter = counters.get(prefix, 0)
        self._highest: int | None = None

    def __contains__(self, record_id: object) -> bool:
        if record_id in self._existing:
            return True
        number = id_number(str(record_id), self._prefix)
        if number is None:
            return False
        if self._highest is None:  # only worked out when a reference is dangling
            numbers = (id_number(given, self._prefix) for given in self._existing)
            self._highest = max((n for n in numbers if n is not None), default=0)
        return number <= max(self._counter, self._highest)


def highest_id_number(record_ids: list[str], prefix: str) -> int:
    """The highest number among ids of the form prefix + digits (i1, i12...), 0 if none."""
    numbers = re.findall(rf"(?m)^{re.escape(prefix)}(\d+)$", "\n".join(record_ids))
    return max(map(int, numbers), default=0)


def id_number(record_id: str, prefix: str) -> int | None:
    digits = record_id[len(prefix) :]
    if record_id.startswith(prefix) and digits.isascii() and digits.isdigit():
        return int(digits)
    return None


def _check_references(session: Session) -> None:
    """Every record names things that exist: ideas, themes, activities, criteria, the scale.

    One pass over each list with sets, so it stays fast at tens of thousands of ideas.
    """
    idea_ids = {idea.id for idea in session.ideas}
    theme_ids = {theme.id for theme in session.themes}
    ideas = _GivenIds("i", idea_ids, session.id_counters)
    themes = _GivenIds("t", theme_ids, session.id_counters)

    def is_target(target: str) -> bool:
        return target in idea_ids or target in theme_ids or target in ideas or target in themes

    participant_ids = {participant.id for participant in session.participants}
    for index, idea in enumerate(session.ideas):
        if idea.theme and idea.theme not in theme_ids and idea.theme not in themes:
            raise BrokenRuleError(f"ideas[{index}].theme", f"no theme {idea.theme!r}")
        if idea.participant and idea.participant not in participant_ids:
            raise BrokenRuleError(
                f"ideas[{index}].participant", f"no participant {idea.participant!r}"
            )
    activities = {activity.id: activity for activity in session.agenda.activities()}
    for index, activity_id in enumerate(session.revealed):
        if activity_id not in activities:
            raise BrokenRuleError(f"revealed[{index}]", f"no activity {activity_id!r}")
    participant_ids = {participant.id for participant in session.participants}
    given: dict[tuple[str, str], int] = {}  # (activity, voter) -> votes given
    on_one: dict[tuple[str, str, str], int] = {}  # (activity, voter, target) -> votes on it
    for index, vote in enumerate(session.votes):
        if vote.activity not in activities:
            raise BrokenRuleError(f"votes[{index}].activity", f"no activity {vote.activity!r}")
        if not is_target(vote.target):
            raise BrokenRuleError(f"votes[{index}].target", f"no idea or theme {vote.target!r}")
        if vote.voter:  # one participant's dots (a show of hands has no voter and no budget)
            _check_dots(vote, index, activities[vote.activity], participant_ids, given, on_one)
    criteria = {
        activity_id: {criterion.id for criterion in activity.criteria}
        for activity_id, activity in activities.items()
        if activity.criteria
    }
    scored: set[tuple[str, str, str]] = set()
    for index, rating in enumerate(session.ratings):
        if rating.participant not in participant_ids:
            raise BrokenRuleError(
                f"ratings[{index}].participant", f"no participant {rating.participant!r}"
            )
        key = (rating.activity, rating.participant, rating.criterion)
        if key in scored:
            raise BrokenRuleError(
                f"ratings[{index}].criterion",
                f"{rating.participant} scored {rating.criterion!r} in {rating.activity!r} twice",
            )
        scored.add(key)
        if rating.activity not in criteria:
            raise BrokenRuleError(
                f"ratings[{index}].activity", f"no rate activity {rating.activity!r}"
            )
        if rating.criterion not in criteria[rating.activity]:
            raise BrokenRuleError(
                f"ratings[{index}].criterion",
                f"no criterion {rating.criterion!r} in activity {rating.activity!r}",
            )
        scale = activities[rating.activity].rating_scale
        if not scale.low <= rating.score <= scale.high:
            raise BrokenRuleError(
                f"ratings[{index}].score",
                f"{rating.score} is outside the scale {scale.low}-{scale.high}",
            )
    for index, action in enumerate(session.actions):
        for position, target in enumerate(action.ideas):
            if not is_target(target):
                raise BrokenRuleError(
                    f"actions[{index}].ideas[{position}]", f"no idea or theme {target!r}"
                )


def _check_dots(
    vote: Vote,
    index: int,
    activity: Activity,
    participant_ids: set[str],
    given: dict[tuple[str, str], int],
    on_one: dict[tuple[str, str, str], int],
) -> None:
    """One participant's dots: theirs, and within the activity's budget (as `ops.cast_votes`
    keeps them)."""
    if vote.voter not in participant_ids:
        raise BrokenRuleError(f"votes[{index}].voter", f"no participant {vote.voter!r}")
    budget = activity.vote_budget
    target_key = (vote.activity, vote.voter, vote.target)
    on_one[target_key] = on_one.get(target_key, 0) + vote.count
    if on_one[target_key] > budget.max_per_idea:
        raise BrokenRuleError(
            f"votes[{index}].count",
            f"{on_one[target_key]} of {vote.voter}'s votes on one item in {vote.activity!r}; "
            f"the most is {budget.max_per_idea}",
        )
    voter_key = (vote.activity, vote.voter)
    given[voter_key] = given.get(voter_key, 0) + vote.count
    if given[voter_key] > budget.votes_per_person:
        raise BrokenRuleError(
            f"votes[{index}].count",
            f"{vote.voter} gave {given[voter_key]} votes in {vote.activity!r}; "
            f"each has {budget.votes_per_person}",
        )


def _require_unique(ids: list[str], what: str, key: str) -> None:
    """Each id once in the list at `key`; the second record with an id is named."""
    seen: set[str] = set()
    for index, record_id in enumerate(ids):
        if record_id in seen:
            raise BrokenRuleError(f"{key}[{index}].id", f"duplicate {what} id {record_id!r}")
        seen.add(record_id)
