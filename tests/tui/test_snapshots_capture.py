"""Snapshots of the brainstorm and vote panels at 80x24 and 120x40 (reviewed by eye)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from tests.hostile import HOSTILE_TEXTS
from tests.tui.capture_harness import (
    BRAINSTORM,
    PanelHarness,
    make_session_file,
    saved,
)
from workshop.core import ops
from workshop.core.models import Session
from workshop.store.session_file import SessionFile

SIZES = [(80, 24), (120, 40)]
FIXED_TIME = "2025-03-04T10:00:00+00:00"


def brainstormed(session: Session) -> None:
    for number, text in enumerate(
        [
            "Invoices nobody can read #billing",
            "On hold for 20 minutes #phone",
            "Asked for the account number three times",
            *HOSTILE_TEXTS,
        ]
    ):
        ops.add_idea(session, text, activity=BRAINSTORM, at=_fixed_time())
        if number == 1:
            ops.set_hidden(session, session.ideas[-1].id, True)
    ops.edit_idea(session, "i3", "Asked for the account number three times")


def voted(session: Session) -> None:
    brainstormed(session)
    for title in ["Billing", "Waiting", "Repeating ourselves [/b]"]:
        ops.add_theme(session, title, "group-themes")
    ann = ops.add_participant(session, "Ann")
    ops.cast_votes(session, "prioritise", ann.id, {"t1": 3, "t2": 2})
    ops.set_tally(session, "prioritise", "t3", 5)


def _fixed_time() -> Any:
    from datetime import datetime

    return datetime.fromisoformat(FIXED_TIME)


def app_for(tmp_path: Path, prepare: Any, activity: str) -> PanelHarness:
    path = make_session_file(tmp_path, prepare)
    app = PanelHarness(SessionFile.open(path), activity)
    return app


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_brainstorm_panel(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    app = app_for(tmp_path, brainstormed, BRAINSTORM)

    async def type_half_an_idea(pilot: Any) -> None:
        app.query_one("#idea", Input).cursor_blink = False
        await pilot.press(*"Parking")

    assert snap_compare(app, terminal_size=size, run_before=type_half_an_idea)
    assert len(saved(tmp_path / "session.toml").ideas) == 9


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_vote_panel(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    app = app_for(tmp_path, voted, "prioritise")

    async def pick_ann(pilot: Any) -> None:
        await pilot.press("v", "1", "down")

    assert snap_compare(app, terminal_size=size, run_before=pick_ann)
