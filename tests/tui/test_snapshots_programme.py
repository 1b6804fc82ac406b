"""Snapshots of the rate and plan panels on the demo session, at 80x24 and 120x40."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import shipped_agenda
from tests.tui.programme_app import PanelApp, new_session_file
from workshop.core.demo import demo_session

SIZES = [(80, 24), (120, 40)]


def demo_app(tmp_path: Path, activity_id: str) -> PanelApp:
    session = demo_session(shipped_agenda(), date(2026, 11, 23))
    return PanelApp(new_session_file(tmp_path, session), activity_id)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_rate_panel(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app(tmp_path, "benchmark"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_plan_panel(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app(tmp_path, "action-plan"), terminal_size=size)


def test_plan_panel_by_owner(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(demo_app(tmp_path, "action-plan"), press=["v", "v"],
                        terminal_size=(120, 40))
