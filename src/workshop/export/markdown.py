"""The session as a markdown document: what the room decided first, then the record.

The order a leader reads it in: the top themes and ideas by votes, the actions by horizon and
the debate's decisions; then the ideas by theme (in vote order, each theme once), the notes
taken during presentations, the debate, the benchmark and the activity log. Tables have at
most seven columns (criteria as rows; segments at most four to a table), so they fit a
980-pixel page. The agenda's facilitator notes are never exported.

Every string a person typed (and every agenda string) goes through `escape_inline` or
`escape_cell`, so no text can open a heading, a list, a quote, a code span, a link, HTML or
a new table cell. The output reads on GitHub and, with padded tables, in a text editor.
"""

from __future__ import annotations

from collections.abc import Sequence

from workshop.core.models import Session
from workshop.export.markdown_plan import decided_blocks, ranked_items
from workshop.export.markdown_record import (
    benchmark_blocks,
    debate_blocks,
    ideas_blocks,
    log_blocks,
    notes_blocks,
)
from workshop.export.markdown_text import escape_inline, words
from workshop.export.visibility import hidden_count, visible_session
from workshop.export.writing import EXPORT_MARK

# --- the document -----------------------------------------------------------------------------


def _header(session: Session) -> list[str]:
    lines = []
    if session.team:
        lines.append(f"- Team: {escape_inline(session.team)}")
    if session.facilitator:
        lines.append(f"- Facilitator: {escape_inline(session.facilitator)}")
    lines.append(f"- Date: {session.date.isoformat()}")
    agenda = session.agenda
    lines.append(f"- Agenda: {escape_inline(agenda.title)} (level: {words(agenda.level)})")
    lines.append(f"- Participants: {len(session.participants)}")
    return [f"# {escape_inline(session.title) or 'Untitled session'}", "\n".join(lines)]


MARK_LINE = f"<!-- {EXPORT_MARK}: markdown. The next export of the session replaces this file. -->"
"""The first line of every markdown export: how an earlier export is recognised."""


def markdown_sections(
    session: Session, *, earlier: Sequence[Session] = (), include_hidden: bool = False
) -> list[tuple[str, list[str]]]:
    """The document's sections, each a name and its markdown blocks (the HTML export's parts)."""
    shown = session if include_hidden else visible_session(session)
    hidden_left_out = 0 if include_hidden else hidden_count(session)
    ranked = ranked_items(shown, include_hidden)
    return [
        ("header", _header(shown)),
        ("decided", decided_blocks(shown, ranked)),
        ("ideas", ideas_blocks(shown, hidden_left_out)),
        ("notes", notes_blocks(shown)),
        ("debate", debate_blocks(shown)),
        ("benchmark", benchmark_blocks(shown, earlier)),
        ("log", log_blocks(shown)),
    ]


def render_markdown(
    session: Session, *, earlier: Sequence[Session] = (), include_hidden: bool = False
) -> str:
    """The session as markdown; `earlier` sessions of the team fill the benchmark's Previous.

    Hidden ideas (and their votes) are left out unless `include_hidden`.
    """
    sections = markdown_sections(session, earlier=earlier, include_hidden=include_hidden)
    blocks = [MARK_LINE, *(block for _, section in sections for block in section)]
    return "\n\n".join(blocks) + "\n"
