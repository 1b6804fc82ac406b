"""The agenda a session runs, as pydantic models, and the kinds and statuses a session uses.

`Record` is the frozen base of every record, here and in `models`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from workshop.core.session_checks import BrokenRuleError, require_unique

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
        require_unique([c.id for c in self.criteria], "criterion", "criteria")
        require_unique([d.id for d in self.debate_items], "debate item", "debate_items")
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
        require_unique([s.id for s in self.steps], "step", "steps")
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
