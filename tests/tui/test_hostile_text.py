"""Stored text never reaches the terminal as control characters or markup, on any panel.

One set of hostile strings is put in every field a person can type (idea, author, tag, theme,
participant and segment, debate fields, notes, action title/owner/measure, review note), and
every panel of the shipped agendas is drawn, with each field shown while not being edited.
The frame's text is then searched for any character a terminal would act on.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from tests.conftest import shipped_agenda
from tests.hostile import ALL_AT_ONCE as HOSTILE
from tests.tui.programme_app import PanelApp
from workshop.core import ops
from workshop.core.agenda import ActionStatus
from workshop.core.models import Review, Session
from workshop.core.planning import debate_subjects
from workshop.store.session_file import SessionFile

UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
AT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def hostile_session(agenda_name: str) -> Session:
    session = ops.new_session(
        HOSTILE,
        shipped_agenda(agenda_name),
        team=HOSTILE,
        facilitator=HOSTILE,
        on=date(2026, 11, 23),
    )
    activities = session.agenda.activities()
    brainstorms = [a.id for a in activities if a.kind == "brainstorm"]
    for activity in brainstorms:
        ops.add_idea(
            session, f"{HOSTILE} #tag", activity=activity, author=HOSTILE, tags=[HOSTILE], at=AT
        )
    groups = [a.id for a in activities if a.kind == "group"]
    theme = ops.add_theme(session, HOSTILE, groups[0] if groups else "")
    ops.add_theme(session, "Second theme", groups[0] if groups else "")
    if session.ideas:
        ops.move_to_theme(session, session.ideas[0].id, theme.id)
    person = ops.add_participant(session, HOSTILE, HOSTILE)
    other = ops.add_participant(session, "", f"Sales{HOSTILE}")  # two segments: a split
    for activity in activities:
        if activity.kind == "present":
            ops.set_note(session, activity.id, f"{HOSTILE}\n{HOSTILE}")
        if activity.kind == "rate":
            for criterion in activity.criteria:
                low = activity.rating_scale.low
                ops.set_rating(session, activity.id, person.id, criterion.id, low)
                ops.set_rating(session, activity.id, other.id, criterion.id, low)
        if activity.kind == "vote":
            ops.cast_votes(session, activity.id, person.id, {theme.id: 1})
        if activity.kind == "debate":
            for subject in debate_subjects(session, activity):
                ops.set_debate_note(
                    session,
                    activity.id,
                    subject.id,
                    evidence=HOSTILE,
                    points_for=[HOSTILE],
                    points_against=[HOSTILE],
                    process=HOSTILE,
                    convenience=HOSTILE,
                    decision=HOSTILE,
                )
    action = ops.add_action(
        session, HOSTILE, owner=HOSTILE, measure=HOSTILE, ideas=[theme.id], at=AT
    )
    ops.add_review(
        session,
        action.id,
        Review(
            date=date(2026, 12, 1),
            progress=2,
            status=ActionStatus.ON_TRACK,
            note=HOSTILE,
            reviewer=HOSTILE,
        ),
    )
    return session


def frame_text(app: App[Any]) -> str:
    strips = app.screen._compositor.render_strips()  # noqa: SLF001 - test-only peek
    return "\n".join(strip.text for strip in strips)


def unsafe_in(frame: str) -> list[str]:
    """The characters a terminal would act on, in any row of the frame."""
    rows = frame.split("\n")
    return sorted({repr(match.group()) for row in rows for match in UNSAFE.finditer(row)})


EXTRA_KEYS: dict[str, list[str]] = {
    # Dialogs and toasts that show stored text: the action form (then the plan's other
    # views, then a delete's toast), a decision made an action, a participant's form, the
    # rating chart and split, a theme's rename and merge dialogs, a review note.
    "action-plan": ["e", "tab", "tab", "escape", "v", "v", "delete"],
    "debate-blocks": ["escape", "a"],
    "what-got-in-the-way": ["escape", "a"],
    "benchmark": ["s", "tab", "escape", "c", "c"],
    "group-themes": ["tab", "r", "escape", "m", "escape"],
    "review-actions": ["t", "escape"],
    # The hostile voter picked, and refused a sixth dot by name.
    "prioritise": ["v", "1", "plus", "plus", "down", "plus", "plus", "plus"],
}

PANELS = [
    (name, activity.id)
    for name in ("customer-focus", "quarterly-review")
    for activity in shipped_agenda(name).activities()
]


@pytest.mark.parametrize(("agenda_name", "activity_id"), PANELS)
async def test_no_control_character_reaches_the_screen(
    tmp_path: Path, agenda_name: str, activity_id: str
) -> None:
    session_file = SessionFile.create(tmp_path / "s.toml", hostile_session(agenda_name))
    app = PanelApp(session_file, activity_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        frames = [frame_text(app)]
        # Walk the focus through every widget, so each field is shown focused and after it
        # has been left (its text shown while not editing).
        for _ in range(12):
            await pilot.press("tab")
            await pilot.pause()
            frames.append(frame_text(app))
        for _ in range(3):
            await pilot.press("escape")
        await pilot.pause()
        frames.append(frame_text(app))
        for key in EXTRA_KEYS.get(activity_id, []):
            await pilot.press(key)
            await pilot.pause()
            frames.append(frame_text(app))
    for number, frame in enumerate(frames):
        assert unsafe_in(frame) == [], f"frame {number}"
    assert any("[bold]markup[/]" in frame for frame in frames) or activity_id == "benchmark"
    if activity_id == "action-plan":
        assert "Deleted: Fix it" in frames[-1]  # the toast
    if activity_id == "prioritise":
        assert "Refused: Fix it" in frames[-1]


async def test_no_control_character_reaches_the_screen_in_the_whole_app(tmp_path: Path) -> None:
    """The home screen's list, the session screen's header and outline on every activity, the
    report, and a toast naming an action."""
    from workshop.tui.app import WorkshopApp
    from workshop.tui.screens.session import SessionScreen

    session = hostile_session("customer-focus")
    session.current_activity = session.agenda.activities()[0].id
    SessionFile.create(tmp_path / "s.toml", session)
    app = WorkshopApp(sessions_folder=tmp_path)
    frames: list[str] = []
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        frames.append(frame_text(app))
        await pilot.press("enter")
        for _ in range(40):
            if isinstance(app.screen, SessionScreen) and app.screen.query("ActivityPanel"):
                break
            await pilot.pause(0.05)
        for _ in session.agenda.activities():
            await pilot.pause()
            frames.append(frame_text(app))
            await pilot.press("f8")
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.notify(f"Deleted: {HOSTILE}", title=HOSTILE, markup=False)
        for _ in range(20):
            await pilot.pause(0.05)
            if "Deleted: Fix it" in frame_text(app):
                break
        frames.append(frame_text(app))
    assert len(frames) == 1 + len(session.agenda.activities()) + 1
    assert "Prioritise: dot voting" in frames[-3] and "Deleted: Fix it" in frames[-1]
    for number, frame in enumerate(frames):
        assert unsafe_in(frame) == [], f"frame {number}"
    assert sum("[bold]markup[/]" in frame for frame in frames) >= 2
