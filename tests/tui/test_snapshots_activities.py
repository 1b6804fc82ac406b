"""Every kind of activity in the whole app, on the demo session: 60x20 (dark), 80x24 and 120x40
(dark and light).

The demo session (fixed date, fixed content) opens on each activity in turn; clocks are
frozen so timers show the same time in every run.
"""

from __future__ import annotations

import pytest

from workshop.tui.app import WorkshopApp

from .harness import demo_at
from .shell_fixtures import FakeClock, fixed_wall_clock

SIZES_AND_THEMES = [
    ((60, 20), "textual-dark"),
    ((80, 24), "textual-dark"),
    ((80, 24), "textual-light"),
    ((120, 40), "textual-dark"),
    ((120, 40), "textual-light"),
]
ACTIVITIES = [
    ("customer-focus", "the-case"),  # present
    ("customer-focus", "what-bugs-customers"),  # brainstorm
    ("customer-focus", "group-themes"),  # group
    ("customer-focus", "prioritise"),  # vote
    ("customer-focus", "debate-blocks"),  # debate
    ("customer-focus", "benchmark"),  # rate
    ("customer-focus", "action-plan"),  # plan
    ("quarterly-review", "review-actions"),  # review
]


@pytest.fixture(autouse=True)
def frozen_debate_timer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("workshop.tui.widgets.debate_timer.monotonic", lambda: 1000.0)


@pytest.mark.parametrize(("agenda_name", "activity_id"), ACTIVITIES, ids=[a for _, a in ACTIVITIES])
@pytest.mark.parametrize(
    ("size", "theme"), SIZES_AND_THEMES, ids=[f"{w}x{h}-{t}" for (w, h), t in SIZES_AND_THEMES]
)
def test_activity(
    snap_compare, agenda_name: str, activity_id: str, size: tuple[int, int], theme: str
) -> None:
    label = f"{activity_id}-{size[0]}-{theme}"
    path = demo_at(agenda_name, activity_id, label)
    app = WorkshopApp(
        path, path.parent, clock=FakeClock(), wall_clock=fixed_wall_clock, theme=theme
    )
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_action_form(snap_compare, size: tuple[int, int]) -> None:
    """A new action's form, whole, with the ideas it may come from in view."""
    path = demo_at("customer-focus", "action-plan", f"form-{size[0]}")
    app = WorkshopApp(path, path.parent, clock=FakeClock(), wall_clock=fixed_wall_clock)
    assert snap_compare(app, terminal_size=size, press=["n"])


def test_plan_beside_the_outline_at_80x24(snap_compare) -> None:
    """ctrl+b at 80 columns: a narrow outline, and the plan above its starting points."""
    path = demo_at("customer-focus", "action-plan", "outline-80")
    app = WorkshopApp(path, path.parent, clock=FakeClock(), wall_clock=fixed_wall_clock)
    assert snap_compare(app, terminal_size=(80, 24), press=["ctrl+b"])
