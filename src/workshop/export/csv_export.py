"""The session's records as CSV tables, one table per call, for spreadsheets.

Formula injection guard: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it.
Numbers are written as numbers and are never prefixed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from workshop.core.models import Session
from workshop.core.tally import vote_totals

CSV_TABLES = ("ideas", "actions", "ratings")

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int


def guard_cell(value: Cell) -> Cell:
    """A cell a spreadsheet will not run as a formula (text starting =, +, -, @, tab, CR)."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _ideas(session: Session) -> tuple[list[str], list[list[Cell]]]:
    themes = {theme.id: theme.title for theme in session.themes}
    totals = vote_totals(session)
    header = ["id", "activity", "theme", "text", "tags", "author", "created", "hidden", "votes"]
    rows: list[list[Cell]] = [
        [
            idea.id,
            idea.activity,
            themes.get(idea.theme, ""),
            idea.text,
            " ".join(idea.tags),
            idea.author,
            idea.created.isoformat(),
            "true" if idea.hidden else "false",
            totals.get(idea.id, 0),
        ]
        for idea in session.ideas
    ]
    return header, rows


def _actions(session: Session) -> tuple[list[str], list[list[Cell]]]:
    header = ["id", "title", "owner", "horizon", "measure", "due", "status", "ideas"]
    header.append("latest progress")
    rows: list[list[Cell]] = []
    for action in session.actions:
        latest = max(action.reviews, key=lambda review: review.date) if action.reviews else None
        rows.append(
            [
                action.id,
                action.title,
                action.owner,
                action.horizon.value,
                action.measure,
                action.due.isoformat() if action.due else "",
                action.status.value,
                " ".join(action.ideas),
                latest.progress if latest is not None else "",
            ]
        )
    return header, rows


def _ratings(session: Session) -> tuple[list[str], list[list[Cell]]]:
    """Ratings in agenda, participant and criterion order (unknown ids last, as stored)."""
    activities = session.agenda.activities()
    activity_order = {activity.id: n for n, activity in enumerate(activities)}
    criterion_order = {
        (activity.id, criterion.id): n
        for activity in activities
        for n, criterion in enumerate(activity.criteria)
    }
    participants = {p.id: (n, p) for n, p in enumerate(session.participants)}
    last = len(activities) + len(session.participants) + len(criterion_order)
    ordered = sorted(
        session.ratings,
        key=lambda r: (
            activity_order.get(r.activity, last),
            participants[r.participant][0] if r.participant in participants else last,
            criterion_order.get((r.activity, r.criterion), last),
        ),
    )
    header = ["activity", "participant", "participant name", "segment", "criterion", "score"]
    rows: list[list[Cell]] = []
    for rating in ordered:
        participant = participants.get(rating.participant)
        rows.append(
            [
                rating.activity,
                rating.participant,
                participant[1].name if participant else "",
                participant[1].segment if participant else "",
                rating.criterion,
                rating.score,
            ]
        )
    return header, rows


def _write(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([guard_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def render_csv(session: Session, table: str) -> str:
    """One of CSV_TABLES as CSV text: a header row, then a row per record."""
    if table == "ideas":
        return _write(*_ideas(session))
    if table == "actions":
        return _write(*_actions(session))
    if table == "ratings":
        return _write(*_ratings(session))
    raise ValueError(f"unknown CSV table {table!r}: choose one of {', '.join(CSV_TABLES)}")
