"""The session as a markdown document: the action plan first, then the record of the session.

Every string a person typed (and every agenda string) goes through `escape_inline` or
`escape_cell`, so no text can open a heading, a list, a quote, a code span, a link, HTML or
a new table cell. The output reads on GitHub and, with padded tables, in a text editor.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import timedelta

from workshop.core import stats
from workshop.core.models import (
    HORIZON_LABELS,
    Action,
    Activity,
    ActivityKind,
    DebateNote,
    Horizon,
    Idea,
    Session,
    Theme,
)
from workshop.core.tally import vote_totals
from workshop.export.writing import EXPORT_MARK

EMPTY = "—"
"""What a table cell shows when there is nothing to show."""

# Any run of white space or control characters (line breaks included) becomes one space.
_BLANKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# Characters that can start inline markup anywhere: code, emphasis, links, HTML, math.
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<~$])")
# `&` only matters where it starts an entity such as &lt; or &#60;.
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# `#` opens a heading at the start and closes one at the end; `#tag` mid-text is harmless.
_HASH = re.compile(r"^#|#(?!\w)")
_LEADING_BLOCK = re.compile(r"^([>+=-])")
_LEADING_NUMBER = re.compile(r"^(\d{1,9})([.)])")


def escape_inline(text: str) -> str:
    """`text` as markdown that renders as exactly that text, on one line."""
    text = _BLANKS.sub(" ", text).strip()
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _HASH.sub(r"\\#", text)
    text = _LEADING_BLOCK.sub(r"\\\1", text)
    return _LEADING_NUMBER.sub(r"\1\\\2", text)


def escape_cell(text: str) -> str:
    """`text` for a table cell: `escape_inline`, and `|` cannot end the cell."""
    return escape_inline(text).replace("|", "\\|")


# --- helpers ----------------------------------------------------------------------------------


def _width(text: str) -> int:
    """How many terminal columns `text` takes (wide East Asian characters take two)."""
    columns = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        columns += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return columns


def _pad(text: str, width: int, align: str) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if align == "right" else text + gap


def _table(headers: Sequence[str], aligns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A pipe table with padded columns; cells must already be escaped."""
    widths = [max(3, _width(h)) for h in headers]
    for row in rows:
        widths = [max(w, _width(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = [
        "| " + " | ".join(_pad(h, w, "left") for h, w in zip(headers, widths, strict=True)) + " |"
    ]
    rules = []
    for align, width in zip(aligns, widths, strict=True):
        if align == "right":
            rules.append("-" * (width - 1) + ":")
        elif align == "center":
            rules.append(":" + "-" * (width - 2) + ":")
        else:
            rules.append("-" * width)
    lines.append("| " + " | ".join(rules) + " |")
    for row in rows:
        cells = [_pad(c, w, a) for c, w, a in zip(row, widths, aligns, strict=True)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _decimal(value: float | None) -> str:
    return EMPTY if value is None else f"{value:.2f}"


def _label(value: str) -> str:
    """An enum value as words: "not-started" -> "not started"."""
    return value.replace("-", " ")


def _quoted(text: str) -> str:
    return f"“{escape_inline(text)}”"


# --- the action plan --------------------------------------------------------------------------


def _action_sources(action: Action, ideas: dict[str, Idea], themes: dict[str, Theme]) -> list[str]:
    """The ideas (and themes) an action came from, quoted; hidden ideas are left out."""
    sources: list[str] = []
    for source_id in action.ideas:
        if source_id in ideas:
            if not ideas[source_id].hidden:
                sources.append(_quoted(ideas[source_id].text))
        elif source_id in themes:
            sources.append(f"the theme {_quoted(themes[source_id].title)}")
        else:
            sources.append(f"an idea since removed ({escape_inline(source_id)})")
    return sources


def _action_item(action: Action, ideas: dict[str, Idea], themes: dict[str, Theme]) -> str:
    lines = [f"- **{escape_inline(action.title)}**"]
    lines.append(f"  - Owner: {escape_inline(action.owner) or 'not named yet'}")
    lines.append(f"  - Measure of success: {escape_inline(action.measure) or 'not set yet'}")
    if action.due is not None:
        lines.append(f"  - Due: {action.due.isoformat()}")
    status = f"  - Status: {_label(action.status)}"
    if action.reviews:
        latest = max(action.reviews, key=lambda review: review.date)
        status += f" (last review {latest.date.isoformat()}: progress {latest.progress} of 4"
        if latest.note.strip():
            status += f", {_quoted(latest.note)}"
        if latest.reviewer.strip():
            status += f", by {escape_inline(latest.reviewer)}"
        status += ")"
    lines.append(status)
    if action.carried_from:
        lines.append(f"  - Carried from: {escape_inline(action.carried_from)}")
    sources = _action_sources(action, ideas, themes)
    if sources:
        lines.append("  - From ideas:")
        lines.extend(f"    - {source}" for source in sources)
    return "\n".join(lines)


def _action_plan(session: Session) -> list[str]:
    blocks = ["## Action plan"]
    if not session.actions:
        return [*blocks, "No actions yet."]
    ideas = {idea.id: idea for idea in session.ideas}
    themes = {theme.id: theme for theme in session.themes}
    for horizon in Horizon:
        actions = [a for a in session.actions if a.horizon is horizon]
        if actions:
            blocks.append(f"### {HORIZON_LABELS[horizon]}")
            blocks.extend(_action_item(action, ideas, themes) for action in actions)
    return blocks


# --- ideas ------------------------------------------------------------------------------------


def _idea_line(idea: Idea, votes: int) -> str:
    line = f"- {escape_inline(idea.text)}"
    notes = [_plural(votes, "vote")] if votes else []
    if idea.hidden:
        notes.append("hidden")
    return f"{line} ({', '.join(notes)})" if notes else line


def _ideas_of_activity(session: Session, ideas: list[Idea], totals: dict[str, int]) -> list[str]:
    """One activity's ideas: by theme in theme order, ungrouped last; most votes first."""
    by_theme: dict[str, list[Idea]] = {}
    for idea in ideas:
        by_theme.setdefault(idea.theme, []).append(idea)

    def by_votes(group: list[Idea]) -> str:
        ordered = sorted(group, key=lambda idea: -totals.get(idea.id, 0))
        return "\n".join(_idea_line(idea, totals.get(idea.id, 0)) for idea in ordered)

    if not any(theme.id in by_theme for theme in session.themes):
        return [by_votes(ideas)]
    blocks: list[str] = []
    for theme in session.themes:
        members = by_theme.pop(theme.id, None)
        if members:
            title = escape_inline(theme.title) or "Untitled theme"
            votes = totals.get(theme.id, 0)
            blocks.append(f"#### {title} ({_plural(votes, 'vote')})" if votes else f"#### {title}")
            blocks.append(by_votes(members))
    # What is left has no theme, or a theme since removed; keep the capture order.
    ungrouped = [idea for idea in ideas if idea.theme in by_theme]
    if ungrouped:
        blocks.extend(["#### Not grouped", by_votes(ungrouped)])
    return blocks


def _ideas(session: Session, include_hidden: bool) -> list[str]:
    blocks = ["## Ideas"]
    visible = [idea for idea in session.ideas if include_hidden or not idea.hidden]
    hidden = len(session.ideas) - len(visible)
    if not visible:
        blocks.append("No ideas yet." if not hidden else "No ideas to show.")
    totals = dict(vote_totals(session))
    by_activity: dict[str, list[Idea]] = {}
    for idea in visible:
        by_activity.setdefault(idea.activity, []).append(idea)
    for activity in session.agenda.activities():
        if activity.id in by_activity:
            blocks.append(f"### {escape_inline(activity.title)}")
            blocks.extend(_ideas_of_activity(session, by_activity.pop(activity.id), totals))
    others = [idea for ideas in by_activity.values() for idea in ideas]
    if others:
        blocks.append("### Other ideas")
        blocks.extend(_ideas_of_activity(session, others, totals))
    if hidden:
        left_out = "hidden idea is" if hidden == 1 else "hidden ideas are"
        blocks.append(f"{hidden} {left_out} not shown.")
    return blocks


# --- debate -----------------------------------------------------------------------------------


def _debate_title(session: Session, activity: Activity | None, note: DebateNote) -> str:
    if activity is not None:
        for item in activity.debate_items:
            if item.id == note.item:
                return item.title
    for theme in session.themes:
        if theme.id == note.item:
            return theme.title
    for idea in session.ideas:
        if idea.id == note.item and not idea.hidden:
            return idea.text
    return note.item


def _debate_note(title: str, note: DebateNote) -> str:
    lines = [f"#### {escape_inline(title) or 'Untitled item'}", ""]
    verdict = note.verdict.value if note.verdict is not None else "not decided"
    lines.append(f"- Applies here: {verdict}")
    if note.evidence.strip():
        lines.append(f"- Evidence: {escape_inline(note.evidence)}")
    for label, points in (("For", note.points_for), ("Against", note.points_against)):
        points = [point for point in points if point.strip()]
        if points:
            lines.append(f"- {label}:")
            lines.extend(f"  - {escape_inline(point)}" for point in points)
    if note.process.strip():
        process = f"- Process looked at: {escape_inline(note.process)}"
        if note.convenience.strip():
            process += f", designed for the convenience of {escape_inline(note.convenience)}"
        lines.append(process)
    elif note.convenience.strip():
        lines.append(f"- Designed for the convenience of: {escape_inline(note.convenience)}")
    decision = escape_inline(note.decision) or "none recorded"
    lines.append(f"- Decision: {decision}")
    return "\n".join(lines)


def _debate(session: Session) -> list[str]:
    blocks = ["## Debate"]
    if not session.debate:
        return [*blocks, "No debate notes yet."]
    activities = {a.id: a for a in session.agenda.activities()}
    debate_ids = [a.id for a in session.agenda.activities() if a.kind is ActivityKind.DEBATE]
    noted = {note.activity for note in session.debate}
    order = [a for a in debate_ids if a in noted]
    order += sorted(noted - set(order))
    for activity_id in order:
        activity = activities.get(activity_id)
        title = activity.title if activity is not None else activity_id
        blocks.append(f"### {escape_inline(title) or 'Untitled activity'}")
        item_order = (
            {item.id: n for n, item in enumerate(activity.debate_items)} if activity else {}
        )
        notes = [note for note in session.debate if note.activity == activity_id]
        notes.sort(key=lambda note: item_order.get(note.item, len(item_order)))
        for note in notes:
            blocks.append(_debate_note(_debate_title(session, activity, note), note))
    return blocks


# --- benchmark --------------------------------------------------------------------------------


def _previous_cell(result: stats.CriterionResult) -> str:
    if result.previous is None:
        return EMPTY
    if result.mean is None:
        return _decimal(result.previous)
    return f"{result.previous:.2f} ({result.mean - result.previous:+.2f})"


def _benchmark_activity(
    session: Session, activity: Activity, earlier: Sequence[Session]
) -> list[str]:
    results = stats.criterion_results(session, activity.id)
    if earlier:
        results = stats.with_previous(results, earlier, session)
    scale = activity.rating_scale
    blocks = [f"### {escape_inline(activity.title)}"]
    low = f"{scale.low} ({escape_inline(scale.low_label)})" if scale.low_label else str(scale.low)
    high = (
        f"{scale.high} ({escape_inline(scale.high_label)})" if scale.high_label else str(scale.high)
    )
    raters = {r.participant for r in session.ratings if r.activity == activity.id}
    blocks.append(f"Scale {low} to {high}; {_plural(len(raters), 'participant')} rated.")
    if not raters:
        return [*blocks, "No ratings yet."]
    rows = []
    for result in results:
        spread = f"{result.min_score}-{result.max_score}" if result.min_score is not None else EMPTY
        rows.append(
            [
                escape_cell(result.title),
                str(result.count),
                _decimal(result.mean),
                spread,
                _decimal(result.stdev),
                _decimal(result.target),
                _previous_cell(result),
                "**yes**" if result.disagreement else "",
                stats.text_bar(result.mean, scale.low, scale.high),
            ]
        )
    headers = ["Criterion", "n", "Mean", "Min-max", "Stdev", "Target", "Previous"]
    headers += ["Disagreement", "Mean on the scale"]
    aligns = ["left", "right", "right", "center", "right", "right", "right", "left", "left"]
    blocks.append(_table(headers, aligns, rows))
    threshold = stats.disagreement_threshold(scale)
    split = [escape_inline(r.title) for r in results if r.disagreement]
    note = (
        f"Stdev is the population standard deviation. Disagreement means a standard deviation of "
        f"{threshold:.2f} or more (a quarter of the scale)"
    )
    if split:
        note += f"; the room is split on {', '.join(split)}: a finding worth talking through."
    else:
        note += "; the room broadly agreed on every criterion."
    blocks.append(note)
    blocks.extend(_segments(results))
    return blocks


def _segments(results: list[stats.CriterionResult]) -> list[str]:
    """Each criterion's mean per participant segment (criteria nobody scored left out)."""
    results = [result for result in results if result.count]
    segments: list[str] = []
    for result in results:
        for segment in result.by_segment:
            if segment not in segments:
                segments.append(segment)
    if not any(segments):
        return []
    segments.sort(key=lambda segment: (segment == "", segment))
    headers = ["Segment", *(escape_cell(r.title) for r in results)]
    rows = []
    for segment in segments:
        row = [escape_cell(segment) if segment else "(no segment)"]
        for result in results:
            found = result.by_segment.get(segment)
            row.append(f"{_decimal(found.mean)} (n={found.count})" if found else EMPTY)
        rows.append(row)
    aligns = ["left", *(["right"] * len(results))]
    return ["#### By segment", "Mean score, and how many gave it.", _table(headers, aligns, rows)]


def _benchmark(session: Session, earlier: Sequence[Session]) -> list[str]:
    blocks = ["## Benchmark"]
    activities = stats.rate_activities(session)
    if not activities:
        return [*blocks, "No ratings yet."]
    for activity in activities:
        blocks.extend(_benchmark_activity(session, activity, earlier))
    return blocks


# --- the activity log -------------------------------------------------------------------------


def _minutes(duration: timedelta) -> int:
    return round(duration.total_seconds() / 60)


def _log(session: Session) -> list[str]:
    blocks = ["## Activity log"]
    if not session.log:
        planned = session.agenda.planned_minutes
        return [*blocks, f"Nothing logged yet. The agenda plans {planned} minutes."]
    spent: dict[str, timedelta] = {}
    running: set[str] = set()
    for entry in session.log:
        if entry.ended is None:
            running.add(entry.activity)
        else:
            spent[entry.activity] = spent.get(entry.activity, timedelta()) + (
                entry.ended - entry.started
            )
    rows = []
    planned_total = actual_total = 0
    for step in session.agenda.steps:
        for activity in step.activities:
            planned_total += activity.minutes
            actual: int | None = None
            if activity.id in spent:
                actual = _minutes(spent[activity.id])
                actual_total += actual
            if activity.id in running:
                actual_text = f"{actual} + running" if actual is not None else "running"
            else:
                actual_text = str(actual) if actual is not None else EMPTY
            difference = (
                f"{actual - activity.minutes:+d}"
                if actual is not None and activity.id not in running
                else EMPTY
            )
            rows.append(
                [
                    escape_cell(step.title),
                    escape_cell(activity.title),
                    str(activity.minutes),
                    actual_text,
                    difference,
                ]
            )
    rows.append(
        [
            "**Total**",
            "",
            str(planned_total),
            str(actual_total),
            f"{actual_total - planned_total:+d}",
        ]
    )
    headers = ["Step", "Activity", "Planned (min)", "Actual (min)", "Difference"]
    aligns = ["left", "left", "right", "right", "right"]
    return [*blocks, _table(headers, aligns, rows)]


# --- the document -----------------------------------------------------------------------------


def _header(session: Session) -> list[str]:
    lines = []
    if session.team:
        lines.append(f"- Team: {escape_inline(session.team)}")
    if session.facilitator:
        lines.append(f"- Facilitator: {escape_inline(session.facilitator)}")
    lines.append(f"- Date: {session.date.isoformat()}")
    agenda = session.agenda
    lines.append(f"- Agenda: {escape_inline(agenda.title)} (level: {_label(agenda.level)})")
    lines.append(f"- Participants: {len(session.participants)}")
    return [f"# {escape_inline(session.title) or 'Untitled session'}", "\n".join(lines)]


MARK_LINE = f"<!-- {EXPORT_MARK}: markdown. The next export of the session replaces this file. -->"
"""The first line of every markdown export: how an earlier export is recognised."""


def render_markdown(
    session: Session, *, earlier: Sequence[Session] = (), include_hidden: bool = False
) -> str:
    """The session as markdown; `earlier` sessions of the team fill the benchmark's Previous."""
    blocks = [
        MARK_LINE,
        *_header(session),
        *_action_plan(session),
        *_ideas(session, include_hidden),
        *_debate(session),
        *_benchmark(session, earlier),
        *_log(session),
    ]
    return "\n\n".join(blocks) + "\n"
