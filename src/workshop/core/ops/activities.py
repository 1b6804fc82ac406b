"""A session, its agenda's activities, the activity log and notes, and what the room is shown."""

from __future__ import annotations

from datetime import date, datetime

from workshop.core.agenda import ActivityKind, Agenda
from workshop.core.clock import now
from workshop.core.errors import RuleError
from workshop.core.models import ActivityNote, LogEntry, Session
from workshop.core.ops.text import clean_text


def new_session(
    title: str,
    agenda: Agenda,
    *,
    team: str = "",
    facilitator: str = "",
    on: date | None = None,
) -> Session:
    title = clean_text(title)
    if not title.strip():
        raise RuleError("a session needs a title")
    return Session(
        title=title,
        team=clean_text(team),
        facilitator=clean_text(facilitator),
        date=on or date.today(),
        agenda=agenda,
        current_activity=agenda.activities()[0].id,
    )


def require_activity(session: Session, activity_id: str) -> None:
    if activity_id and activity_id not in {a.id for a in session.agenda.activities()}:
        raise RuleError(f"no activity {activity_id!r} in this session's agenda")


def default_capture_activity(session: Session) -> str:
    """Where a new idea goes when no activity is named: the current one if it collects ideas."""
    activities = session.agenda.activities()
    current = next((a for a in activities if a.id == session.current_activity), None)
    if current is not None and current.kind is ActivityKind.BRAINSTORM:
        return current.id
    brainstorms = [a for a in activities if a.kind is ActivityKind.BRAINSTORM]
    return brainstorms[0].id if brainstorms else session.current_activity


def start_activity(session: Session, activity_id: str, at: datetime | None = None) -> None:
    """Make `activity_id` current: close the running log entry and open a new one."""
    require_activity(session, activity_id)
    moment = at or now()
    end_activity(session, moment)
    session.log.append(LogEntry(activity=activity_id, started=moment))
    session.current_activity = activity_id


def end_activity(session: Session, at: datetime | None = None) -> None:
    """Close the open log entry, if any."""
    for position in range(len(session.log) - 1, -1, -1):
        entry = session.log[position]
        if entry.ended is None:
            session.log[position] = entry.model_copy(update={"ended": at or now()})
            return


def set_note(session: Session, activity_id: str, text: str) -> None:
    require_activity(session, activity_id)
    text = clean_text(text)
    remaining = [note for note in session.notes if note.activity != activity_id]
    if text.strip():
        remaining.append(ActivityNote(activity=activity_id, text=text))
    session.notes[:] = remaining


def note_for(session: Session, activity_id: str) -> str:
    return next((n.text for n in session.notes if n.activity == activity_id), "")


def set_revealed(session: Session, activity_id: str, revealed: bool) -> bool:
    """Show (or hide again) an activity's results to the room; returns whether they were."""
    require_activity(session, activity_id)
    was = activity_id in session.revealed
    others = [shown for shown in session.revealed if shown != activity_id]
    session.revealed = [*others, activity_id] if revealed else others
    return was
