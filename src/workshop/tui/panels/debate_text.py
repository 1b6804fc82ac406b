"""What the debate panel shows of a block: its verdict badge, its line, its note fields."""

from __future__ import annotations

from textual.content import Content

from workshop.core.agenda import Verdict
from workshop.core.models import DebateNote
from workshop.core.planning import DebateSubject
from workshop.tui.safe_text import literal

VERDICT_BADGES = {
    None: ("  · ", "dim"),
    Verdict.YES: (" YES", "bold $error"),
    Verdict.PARTLY: ("PART", "bold $warning"),
    Verdict.NO: ("  NO", "bold $success"),
}

# (note field, label, widget id, one point per line?)
FIELDS: list[tuple[str, str, str, bool]] = [
    ("evidence", "Evidence", "debate-evidence", False),
    ("points_for", "Points for", "debate-for", True),
    ("points_against", "Points against", "debate-against", True),
    ("process", "Process it touches", "debate-process", False),
    ("convenience", "Designed for whose convenience?", "debate-convenience", False),
    ("decision", "Decision / next step", "debate-decision", False),
]


def note_lines(text: str) -> list[str]:
    """One point per line, as typed; blank lines are not points."""
    return [line for line in text.splitlines() if line.strip()]


def item_prompt(subject: DebateSubject, note: DebateNote | None) -> Content:
    verdict = note.verdict if note else None
    badge, style = VERDICT_BADGES[verdict]
    decided = " ✓" if note and note.decision.strip() else ""
    return Content.assemble((badge, style), " ", literal(subject.title), decided)
