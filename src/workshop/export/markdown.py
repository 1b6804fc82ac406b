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

import re
from collections.abc import Sequence
from datetime import date, timedelta

from workshop.core import stats
from workshop.core.models import (
    HORIZON_LABELS,
    Action,
    Activity,
    DebateNote,
    Horizon,
    Idea,
    Session,
    Theme,
)
from workshop.core.tally import RankedItem, ranking, vote_totals
from workshop.core.visible import visible
from workshop.export.tables import LEFT, RIGHT, markdown_table
from workshop.export.visibility import hidden_count, visible_session
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


# Bidi controls (shown as a symbol by `visible`, like every front end does).
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_SAFE_CHARACTER = rf"[^\\`*_\[\]<~$&#\s\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}]"
# Text none of the substitutions below would change: no special character, `#` only as in
# `#tag`, single spaces between words, and no opening that starts a block. Most ideas are
# like this; checking once is several times faster than six substitutions (50,000 ideas).
_NOTHING_TO_ESCAPE = re.compile(
    rf"(?![>+=-]|\d{{1,9}}[.)]){_SAFE_CHARACTER}(?:{_SAFE_CHARACTER}|(?<! ) (?! |$)|#(?=\w))*"
)


def escape_inline(text: str) -> str:
    """`text` as markdown that renders as exactly that text, on one line."""
    if _NOTHING_TO_ESCAPE.fullmatch(text):
        return text
    return _escape_inline(text)


def _escape_inline(text: str) -> str:
    # Bidi controls would reorder what follows them: shown as a symbol, like every front end.
    text = visible(_BLANKS.sub(" ", text).strip())
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _HASH.sub(r"\\#", text)
    text = _LEADING_BLOCK.sub(r"\\\1", text)
    return _LEADING_NUMBER.sub(r"\1\\\2", text)


def escape_cell(text: str) -> str:
    """`text` for a table cell: `escape_inline`, and `|` cannot end the cell."""
    return escape_inline(text).replace("|", "\\|")


# --- helpers ----------------------------------------------------------------------------------

TOP_RANKS = 10
"""The top themes and ideas list goes down to this rank (ties at the edge included)."""
SEGMENTS_PER_TABLE = 4
"""Segments side by side in one table (with the criterion column: five columns)."""
SCALE_BAR_WIDTH = 10


def _plural(count: int, word: str, plural: str = "") -> str:
    return f"{count} {word}" if count == 1 else f"{count} {plural or word + 's'}"


def _decimal(value: float | None) -> str:
    return EMPTY if value is None else f"{value:.2f}"


def _label(value: str) -> str:
    """An enum value as words: "not-started" -> "not started"."""
    return value.replace("-", " ")


def _quoted(text: str) -> str:
    return f"“{escape_inline(text)}”"


def _carried_from(key: str) -> str:
    """`carried_from` ("2026-09-01 Kick-off/a3", see core.success.action_key) in words:
    'a3 of “Kick-off” (2026-09-01)'; a reference written some other way, as it is."""
    reference, slash, action_id = key.rpartition("/")
    on, space, title = reference.partition(" ")
    try:
        date.fromisoformat(on)
    except ValueError:
        return escape_inline(key)
    if not slash or not space or not action_id:
        return escape_inline(key)
    return f"{escape_inline(action_id)} of {_quoted(title)} ({on})"


# --- what the room decided --------------------------------------------------------------------


def ranked_items(session: Session, include_hidden: bool) -> list[RankedItem]:
    """Themes and ideas by votes; hidden ideas rank like any other when they are shown."""
    if include_hidden:
        session = session.model_copy(
            update={"ideas": [idea.model_copy(update={"hidden": False}) for idea in session.ideas]}
        )
    return ranking(session)


def _top_items(session: Session, ranked: list[RankedItem]) -> list[str]:
    blocks = ["### Top themes and ideas"]
    top = [item for item in ranked if item.rank <= TOP_RANKS]
    if not top:
        return [*blocks, "No votes yet."]
    themes = {theme.id for theme in session.themes}
    rows = [
        [
            f"{item.rank}=" if item.tied else str(item.rank),
            "theme" if item.target in themes else "idea",
            escape_cell(item.title) or "Untitled",
            str(item.votes),
        ]
        for item in top
    ]
    blocks.append("By votes; = marks a tie.")
    headers = ["Rank", "Kind", "Theme or idea", "Votes"]
    blocks.append(markdown_table(headers, [RIGHT, LEFT, LEFT, RIGHT], rows))
    return blocks


def _action_sources(action: Action, ideas: dict[str, Idea], themes: dict[str, Theme]) -> list[str]:
    """The ideas (and themes) an action came from, quoted."""
    sources: list[str] = []
    for source_id in action.ideas:
        if source_id in ideas:
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
        lines.append(f"  - Carried from: {_carried_from(action.carried_from)}")
    sources = _action_sources(action, ideas, themes)
    if sources:
        lines.append("  - From ideas:")
        lines.extend(f"    - {source}" for source in sources)
    return "\n".join(lines)


def _actions(session: Session) -> list[str]:
    blocks = ["### Actions"]
    if not session.actions:
        return [*blocks, "No actions yet."]
    ideas = {idea.id: idea for idea in session.ideas}
    themes = {theme.id: theme for theme in session.themes}
    for horizon in Horizon:
        actions = [a for a in session.actions if a.horizon is horizon]
        if actions:
            blocks.append(f"#### {HORIZON_LABELS[horizon]}")
            blocks.extend(_action_item(action, ideas, themes) for action in actions)
    return blocks


def _debate_decisions(session: Session) -> list[str]:
    activities = {a.id: a for a in session.agenda.activities()}
    lines = []
    for note in _ordered_notes(session):
        if note.decision.strip():
            title = _debate_title(session, activities.get(note.activity), note)
            lines.append(
                f"- **{escape_inline(title) or 'Untitled item'}**: {escape_inline(note.decision)}"
            )
    return ["### Debate decisions", "\n".join(lines)] if lines else []


def _decided(session: Session, ranked: list[RankedItem]) -> list[str]:
    return [
        "## What the room decided",
        *_top_items(session, ranked),
        *_actions(session),
        *_debate_decisions(session),
    ]


# --- ideas ------------------------------------------------------------------------------------


def _idea_line(idea: Idea, votes: int) -> str:
    line = f"- {escape_inline(idea.text)}"
    notes = [_plural(votes, "vote")] if votes else []
    if idea.hidden:
        notes.append("hidden")
    return f"{line} ({', '.join(notes)})" if notes else line


def _by_votes(ideas: list[Idea], totals: dict[str, int]) -> str:
    """Ideas, most votes first (capture order among equals), one list item each."""
    ordered = sorted(ideas, key=lambda idea: -totals.get(idea.id, 0))
    return "\n".join(_idea_line(idea, totals.get(idea.id, 0)) for idea in ordered)


def _theme_heading(theme: Theme, own: int, on_ideas: int) -> str:
    title = escape_inline(theme.title) or "Untitled theme"
    if own and on_ideas:
        return f"#### {title} ({_plural(own, 'vote')}, and {on_ideas} for its ideas)"
    if own:
        return f"#### {title} ({_plural(own, 'vote')})"
    if on_ideas:
        return f"#### {title} ({_plural(on_ideas, 'vote')} for its ideas)"
    return f"#### {title}"


def _ideas(session: Session, hidden_left_out: int) -> list[str]:
    """Themes in vote order, each once with its ideas; then the ideas in no theme, by activity."""
    blocks = ["## Ideas"]
    if not session.ideas:
        blocks.append("No ideas yet." if not hidden_left_out else "No ideas to show.")
    totals = dict(vote_totals(session))
    by_theme: dict[str, list[Idea]] = {}
    for idea in session.ideas:
        by_theme.setdefault(idea.theme, []).append(idea)
    position = {theme.id: n for n, theme in enumerate(session.themes)}
    on_ideas = {
        theme.id: sum(totals.get(idea.id, 0) for idea in by_theme.get(theme.id, []))
        for theme in session.themes
    }
    themes = sorted(
        session.themes,
        key=lambda t: (-totals.get(t.id, 0), -on_ideas[t.id], position[t.id]),
    )
    if any(theme.id in by_theme for theme in themes):
        blocks.append("### Themes")
        for theme in themes:
            members = by_theme.pop(theme.id, None)
            if members:
                blocks.append(_theme_heading(theme, totals.get(theme.id, 0), on_ideas[theme.id]))
                blocks.append(_by_votes(members, totals))
    # What is left has no theme, or a theme since removed: by activity, in agenda order.
    ungrouped = [idea for ideas in by_theme.values() for idea in ideas]
    if ungrouped:
        grouped_some = len(blocks) > 1 and blocks[1] == "### Themes"
        blocks.append("### Not grouped" if grouped_some else "### By activity")
        by_activity: dict[str, list[Idea]] = {}
        for idea in ungrouped:
            by_activity.setdefault(idea.activity, []).append(idea)
        for activity in session.agenda.activities():
            if activity.id in by_activity:
                blocks.append(f"#### {escape_inline(activity.title) or 'Untitled activity'}")
                blocks.append(_by_votes(by_activity.pop(activity.id), totals))
        others = [idea for ideas in by_activity.values() for idea in ideas]
        if others:
            blocks.extend(["#### Other ideas", _by_votes(others, totals)])
    if hidden_left_out:
        left_out = "hidden idea is" if hidden_left_out == 1 else "hidden ideas are"
        blocks.append(f"{hidden_left_out} {left_out} not shown.")
    return blocks


# --- notes taken during the session -----------------------------------------------------------


def _notes(session: Session) -> list[str]:
    """What was noted during activities (a presentation's discussion), in agenda order."""
    by_activity: dict[str, list[str]] = {}
    for note in session.notes:
        lines = [escape_inline(line) for line in note.text.splitlines()]
        lines = [line for line in lines if line]
        if lines:
            by_activity.setdefault(note.activity, []).extend(lines)
    if not by_activity:
        return []
    blocks = ["## Notes"]
    titles = {activity.id: activity.title for activity in session.agenda.activities()}
    order = [a.id for a in session.agenda.activities() if a.id in by_activity]
    order += [a for a in by_activity if a not in titles]
    for activity_id in order:
        title = titles.get(activity_id, activity_id)
        blocks.append(f"### {escape_inline(title) or 'Untitled activity'}")
        blocks.append("\n".join(f"- {line}" for line in by_activity[activity_id]))
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
        if idea.id == note.item:
            return idea.text
    return note.item


def _ordered_notes(session: Session) -> list[DebateNote]:
    """Debate notes in agenda order: by activity, then by the activity's own item order."""
    activities = {a.id: a for a in session.agenda.activities()}
    order = {a.id: n for n, a in enumerate(session.agenda.activities())}
    last = len(order)

    def key(note: DebateNote) -> tuple[int, str, int]:
        activity = activities.get(note.activity)
        items = [item.id for item in activity.debate_items] if activity else []
        item_at = items.index(note.item) if note.item in items else len(items)
        return (order.get(note.activity, last), note.activity, item_at)

    return sorted(session.debate, key=key)


def _debate_note(title: str, note: DebateNote) -> str:
    lines = [f"#### {escape_inline(title) or 'Untitled item'}", ""]
    verdict = note.verdict.value if note.verdict is not None else "not decided"
    lines.append(f"- Does it apply here? {verdict.capitalize()}")
    if note.evidence.strip():
        lines.append(f"- Evidence: {escape_inline(note.evidence)}")
    for label, points in (("For", note.points_for), ("Against", note.points_against)):
        points = [point for point in points if point.strip()]
        if points:
            lines.append(f"- {label}:")
            lines.extend(f"  - {escape_inline(point)}" for point in points)
    if note.process.strip():
        lines.append(f"- Process looked at: {escape_inline(note.process)}")
    if note.convenience.strip():
        # The answer to the agenda's question, as the room gave it ("Ours: ...", "The depot's").
        lines.append(f"- For whose convenience was it designed? {escape_inline(note.convenience)}")
    decision = escape_inline(note.decision) or "none recorded"
    lines.append(f"- Decision: {decision}")
    return "\n".join(lines)


def _debate(session: Session) -> list[str]:
    blocks = ["## Debate"]
    if not session.debate:
        return [*blocks, "No debate notes yet."]
    activities = {a.id: a for a in session.agenda.activities()}
    current = None
    for note in _ordered_notes(session):
        activity = activities.get(note.activity)
        if note.activity != current:
            current = note.activity
            title = activity.title if activity is not None else note.activity
            blocks.append(f"### {escape_inline(title) or 'Untitled activity'}")
        blocks.append(_debate_note(_debate_title(session, activity, note), note))
    return blocks


# --- benchmark --------------------------------------------------------------------------------


def _previous_cell(result: stats.CriterionResult) -> str:
    if result.previous is None:
        return EMPTY
    if result.mean is None:
        return _decimal(result.previous)
    return f"{result.previous:.2f} ({result.mean - result.previous:+.2f})"


def _spread_cell(result: stats.CriterionResult) -> str:
    if result.min_score is None or result.stdev is None:
        return EMPTY
    spread = f"{result.min_score}-{result.max_score}, sd {result.stdev:.2f}"
    return f"{spread} **split**" if result.disagreement else spread


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
    rows = [
        [
            escape_cell(result.title),
            str(result.count),
            _decimal(result.mean),
            _spread_cell(result),
            _decimal(result.target),
            _previous_cell(result),
            stats.text_bar(result.mean, scale.low, scale.high, SCALE_BAR_WIDTH),
        ]
        for result in results
    ]
    headers = ["Criterion", "n", "Mean", "Spread", "Target", "Previous", "On the scale"]
    aligns = [LEFT, RIGHT, RIGHT, LEFT, RIGHT, RIGHT, LEFT]
    blocks.append(markdown_table(headers, aligns, rows))
    threshold = stats.disagreement_threshold(scale)
    split = [escape_inline(r.title) for r in results if r.disagreement]
    note = (
        "Spread is the lowest and highest score and the population standard deviation (sd). "
        f"**split** marks disagreement: an sd of {threshold:.2f} or more (a quarter of the scale)"
    )
    if split:
        note += f"; the room is split on {', '.join(split)}: a finding worth talking through."
    else:
        note += "; the room broadly agreed on every criterion."
    blocks.append(note)
    blocks.extend(_segments(results))
    return blocks


def _segments(results: list[stats.CriterionResult]) -> list[str]:
    """Each criterion's mean per participant segment: criteria as rows, four segments a table."""
    results = [result for result in results if result.count]
    segments: list[str] = []
    for result in results:
        for segment in result.by_segment:
            if segment not in segments:
                segments.append(segment)
    if not any(segments):
        return []
    segments.sort(key=lambda segment: (segment == "", segment))
    blocks = ["#### By segment", "Mean score, and how many gave it."]
    for start in range(0, len(segments), SEGMENTS_PER_TABLE):
        chunk = segments[start : start + SEGMENTS_PER_TABLE]
        headers = ["Criterion", *(escape_cell(s) if s else "(no segment)" for s in chunk)]
        rows = []
        for result in results:
            row = [escape_cell(result.title)]
            for segment in chunk:
                found = result.by_segment.get(segment)
                row.append(f"{_decimal(found.mean)} (n={found.count})" if found else EMPTY)
            rows.append(row)
        blocks.append(markdown_table(headers, [LEFT, *([RIGHT] * len(chunk))], rows))
    return blocks


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
    """Planned against actual minutes; the total difference counts finished activities only,
    so a session in progress is not "185 minutes under" for what has not run yet."""
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
    planned_total = actual_total = difference_total = 0
    not_run = 0
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
            difference = EMPTY
            if actual is not None and activity.id not in running:
                difference = f"{actual - activity.minutes:+d}"
                difference_total += actual - activity.minutes
            elif actual is None and activity.id not in running:
                not_run += 1
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
        ["**Total**", "", str(planned_total), str(actual_total), f"{difference_total:+d}"]
    )
    headers = ["Step", "Activity", "Planned (min)", "Actual (min)", "Difference"]
    blocks.append(markdown_table(headers, [LEFT, LEFT, RIGHT, RIGHT, RIGHT], rows))
    if running or not_run:
        parts = []
        if running:
            parts.append(f"{_plural(len(running), 'activity', 'activities')} running")
        if not_run:
            parts.append(f"{_plural(not_run, 'activity', 'activities')} not run yet")
        blocks.append(
            f"In progress ({', '.join(parts)}): the total difference counts finished "
            "activities only."
        )
    return blocks


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


def markdown_sections(
    session: Session, *, earlier: Sequence[Session] = (), include_hidden: bool = False
) -> list[tuple[str, list[str]]]:
    """The document's sections, each a name and its markdown blocks (the HTML export's parts)."""
    shown = session if include_hidden else visible_session(session)
    hidden_left_out = 0 if include_hidden else hidden_count(session)
    ranked = ranked_items(shown, include_hidden)
    return [
        ("header", _header(shown)),
        ("decided", _decided(shown, ranked)),
        ("ideas", _ideas(shown, hidden_left_out)),
        ("notes", _notes(shown)),
        ("debate", _debate(shown)),
        ("benchmark", _benchmark(shown, earlier)),
        ("log", _log(shown)),
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
