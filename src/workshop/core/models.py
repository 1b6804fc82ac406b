"""The domain: agendas and the sessions that run them, as pydantic models.

Records inside a session (ideas, votes, actions...) are frozen: a change replaces the
record with a new one. That lets the store keep each record's serialised text until the
record itself is replaced, so saving one change does not grow with the session.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from workshop.core.agenda import (
    ActionStatus,
    Agenda,
    Horizon,
    Identifier,
    Record,
    Verdict,
)
from workshop.core.session_checks import check_session, highest_id_number

SCHEMA_VERSION = 2
"""The version of the session file layout this code writes (2: `[[timers]]`)."""


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
        check_session(self)
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
