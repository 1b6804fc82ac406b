"""The session's record, as markdown: ideas by theme, notes, the debate, the benchmark, the log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from workshop.core import stats
from workshop.core.agenda import Activity
from workshop.core.models import DebateNote, Idea, Session, Theme
from workshop.core.tally import vote_totals
from workshop.export.markdown_text import (
    EMPTY,
    SCALE_BAR_WIDTH,
    SEGMENTS_PER_TABLE,
    decimal,
    escape_cell,
    escape_inline,
    plural,
)
from workshop.export.tables import LEFT, RIGHT, markdown_table

# --- ideas ------------------------------------------------------------------------------------


def _idea_line(idea: Idea, votes: int) -> str:
    line = f"- {escape_inline(idea.text)}"
    notes = [plural(votes, "vote")] if votes else []
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
        return f"#### {title} ({plural(own, 'vote')}, and {on_ideas} for its ideas)"
    if own:
        return f"#### {title} ({plural(own, 'vote')})"
    if on_ideas:
        return f"#### {title} ({plural(on_ideas, 'vote')} for its ideas)"
    return f"#### {title}"


def ideas_blocks(session: Session, hidden_left_out: int) -> list[str]:
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


def notes_blocks(session: Session) -> list[str]:
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


def debate_title(session: Session, activity: Activity | None, note: DebateNote) -> str:
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


def ordered_notes(session: Session) -> list[DebateNote]:
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


def debate_blocks(session: Session) -> list[str]:
    blocks = ["## Debate"]
    if not session.debate:
        return [*blocks, "No debate notes yet."]
    activities = {a.id: a for a in session.agenda.activities()}
    current = None
    for note in ordered_notes(session):
        activity = activities.get(note.activity)
        if note.activity != current:
            current = note.activity
            title = activity.title if activity is not None else note.activity
            blocks.append(f"### {escape_inline(title) or 'Untitled activity'}")
        blocks.append(_debate_note(debate_title(session, activity, note), note))
    return blocks


# --- benchmark --------------------------------------------------------------------------------


def _previous_cell(result: stats.CriterionResult) -> str:
    if result.previous is None:
        return EMPTY
    if result.mean is None:
        return decimal(result.previous)
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
    blocks.append(f"Scale {low} to {high}; {plural(len(raters), 'participant')} rated.")
    if not raters:
        return [*blocks, "No ratings yet."]
    rows = [
        [
            escape_cell(result.title),
            str(result.count),
            decimal(result.mean),
            _spread_cell(result),
            decimal(result.target),
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
                row.append(f"{decimal(found.mean)} (n={found.count})" if found else EMPTY)
            rows.append(row)
        blocks.append(markdown_table(headers, [LEFT, *([RIGHT] * len(chunk))], rows))
    return blocks


def benchmark_blocks(session: Session, earlier: Sequence[Session]) -> list[str]:
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


def _time_spent(session: Session) -> tuple[dict[str, timedelta], set[str]]:
    """Each activity's finished time in the log, and the activities still running."""
    spent: dict[str, timedelta] = {}
    running: set[str] = set()
    for entry in session.log:
        if entry.ended is None:
            running.add(entry.activity)
        else:
            spent[entry.activity] = spent.get(entry.activity, timedelta()) + (
                entry.ended - entry.started
            )
    return spent, running


def log_blocks(session: Session) -> list[str]:
    """Planned against actual minutes; the total difference counts finished activities only,
    so a session in progress is not "185 minutes under" for what has not run yet."""
    blocks = ["## Activity log"]
    if not session.log:
        planned = session.agenda.planned_minutes
        return [*blocks, f"Nothing logged yet. The agenda plans {planned} minutes."]
    spent, running = _time_spent(session)
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
            parts.append(f"{plural(len(running), 'activity', 'activities')} running")
        if not_run:
            parts.append(f"{plural(not_run, 'activity', 'activities')} not run yet")
        blocks.append(
            f"In progress ({', '.join(parts)}): the total difference counts finished "
            "activities only."
        )
    return blocks
