"""The session's records as CSV tables, one table per call, for spreadsheets and scripts.

Every row starts with the session's date, title and team, so exports of several sessions can
be concatenated (minus their header rows) into one table. Headers are snake_case.

What a cell can hold:

- One record is one line, always: line breaks inside text (CR, LF, CRLF, and the other
  characters `str.splitlines` breaks on) become a space, tabs too, and other control
  characters their visible symbol (␛ for escape, `core.visible`), so a reader that splits
  lines, `wc -l` or `grep` count records correctly. The exact text is in the JSON export.
- Formula injection guard: a text cell that starts with a tab or a carriage return, or whose
  first character after leading white space is `=`, `+`, `-` or `@`, gets a leading
  apostrophe, so a spreadsheet shows it as text instead of running it. This applies to every
  text cell of every table (ids, names and titles too). Numbers (vote counts, scores,
  progress) are numbers workshop computed, never negative, and are written as they are.

Hidden ideas (and the votes given to them, and links to them from actions) are left out
unless `include_hidden` is given.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence

from workshop.core.models import Session
from workshop.core.tally import vote_totals
from workshop.core.visible import visible
from workshop.export.visibility import visible_session

CSV_TABLES = ("ideas", "themes", "actions", "ratings")

CONTEXT_HEADER = ["session_date", "session_title", "team"]

HEADERS: dict[str, list[str]] = {
    "ideas": [
        *CONTEXT_HEADER,
        *("idea_id", "activity", "theme_id", "theme", "text", "tags", "author", "created"),
        *("hidden", "votes"),
    ],
    "themes": [
        *CONTEXT_HEADER,
        *("theme_id", "title", "activity", "ideas", "votes", "idea_votes", "total_votes"),
    ],
    "actions": [
        *CONTEXT_HEADER,
        *("action_id", "title", "owner", "horizon", "measure", "due", "status", "ideas"),
        *("latest_progress", "latest_review"),
    ],
    "ratings": [
        *CONTEXT_HEADER,
        *("activity", "participant_id", "participant_name", "segment", "criterion_id"),
        *("criterion", "score"),
    ],
}
"""Each table's header row."""

_FORMULA_STARTS = ("=", "+", "-", "@")
_RAW_FORMULA_STARTS = ("\t", "\r")
# Every character str.splitlines() breaks a line at; a run of them (CRLF...) is one break.
_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
Cell = str | int
Table = tuple[list[str], list[list[Cell]]]


def one_line_cell(text: str) -> str:
    """`text` on one line: line breaks become a space, tabs a space, other control characters
    their symbol (`core.visible`)."""
    if text.isprintable():  # no line break, control or bidi character: most cells
        return text
    return visible(_LINE_BREAKS.sub(" ", text))


def guard_cell(value: Cell) -> Cell:
    """A cell a spreadsheet will not run as a formula (see the module docstring)."""
    if not isinstance(value, str):
        return value
    if value.startswith(_RAW_FORMULA_STARTS) or value.lstrip().startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _context(session: Session) -> list[Cell]:
    return [session.date.isoformat(), session.title, session.team]


def _ideas(session: Session) -> Table:
    themes = {theme.id: theme.title for theme in session.themes}
    totals = vote_totals(session)
    header = HEADERS["ideas"]
    context = _context(session)
    rows: list[list[Cell]] = [
        [
            *context,
            idea.id,
            idea.activity,
            idea.theme if idea.theme in themes else "",
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


def _themes(session: Session) -> Table:
    """Each theme: its ideas, the votes given to the theme itself and to its ideas."""
    totals = vote_totals(session)
    ideas: dict[str, int] = {}
    idea_votes: dict[str, int] = {}
    for idea in session.ideas:
        ideas[idea.theme] = ideas.get(idea.theme, 0) + 1
        idea_votes[idea.theme] = idea_votes.get(idea.theme, 0) + totals.get(idea.id, 0)
    header = HEADERS["themes"]
    context = _context(session)
    rows: list[list[Cell]] = []
    for theme in session.themes:
        votes = totals.get(theme.id, 0)
        on_ideas = idea_votes.get(theme.id, 0)
        rows.append(
            [
                *context,
                theme.id,
                theme.title,
                theme.activity,
                ideas.get(theme.id, 0),
                votes,
                on_ideas,
                votes + on_ideas,
            ]
        )
    return header, rows


def _actions(session: Session) -> Table:
    header = HEADERS["actions"]
    context = _context(session)
    rows: list[list[Cell]] = []
    for action in session.actions:
        latest = max(action.reviews, key=lambda review: review.date) if action.reviews else None
        rows.append(
            [
                *context,
                action.id,
                action.title,
                action.owner,
                action.horizon.value,
                action.measure,
                action.due.isoformat() if action.due else "",
                action.status.value,
                " ".join(action.ideas),
                latest.progress if latest is not None else "",
                latest.date.isoformat() if latest is not None else "",
            ]
        )
    return header, rows


def _ratings(session: Session) -> Table:
    """Ratings in agenda, participant and criterion order (unknown ids last, as stored)."""
    activities = session.agenda.activities()
    activity_order = {activity.id: n for n, activity in enumerate(activities)}
    criterion_order = {
        (activity.id, criterion.id): n
        for activity in activities
        for n, criterion in enumerate(activity.criteria)
    }
    criterion_titles = {
        (activity.id, criterion.id): criterion.title
        for activity in activities
        for criterion in activity.criteria
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
    header = HEADERS["ratings"]
    context = _context(session)
    rows: list[list[Cell]] = []
    for rating in ordered:
        participant = participants.get(rating.participant)
        rows.append(
            [
                *context,
                rating.activity,
                rating.participant,
                participant[1].name if participant else "",
                participant[1].segment if participant else "",
                rating.criterion,
                criterion_titles.get((rating.activity, rating.criterion), ""),
                rating.score,
            ]
        )
    return header, rows


_TABLES: dict[str, Callable[[Session], Table]] = {
    "ideas": _ideas,
    "themes": _themes,
    "actions": _actions,
    "ratings": _ratings,
}


def _safe(value: Cell) -> Cell:
    return guard_cell(one_line_cell(value)) if isinstance(value, str) else value


def _write(header: Sequence[str], rows: Iterable[Sequence[Cell]], line_end: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=line_end)
    writer.writerow(header)
    writer.writerows([_safe(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def csv_header_lines() -> set[str]:
    """The header row of every table, as written: how an earlier CSV export is recognised."""
    return {",".join(header) for header in HEADERS.values()}


def render_csv(
    session: Session, table: str, *, include_hidden: bool = False, excel: bool = False
) -> str:
    """One of CSV_TABLES as CSV text: a header row, then a row per record.

    `excel`: lines end in CRLF (the caller adds the UTF-8 byte order mark when writing).
    """
    build = _TABLES.get(table)
    if build is None:
        raise ValueError(f"unknown CSV table {table!r}: choose one of {', '.join(CSV_TABLES)}")
    shown = session if include_hidden else visible_session(session)
    return _write(*build(shown), "\r\n" if excel else "\n")
