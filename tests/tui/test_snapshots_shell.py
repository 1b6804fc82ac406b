"""Snapshots of the shell: the home screen and the session screen, small and projector-sized.

The session screen runs the placeholder panel here, so a change in an activity's panel (each
has its own snapshots) does not fail these. Clocks are fixed; folders have fixed paths.
"""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from workshop.core import ops
from workshop.store.session_file import SessionFile
from workshop.tui.app import WorkshopApp
from workshop.tui.panels import registry
from workshop.tui.panels.placeholder import PlaceholderPanel

from .shell_fixtures import FIXED_WALL_TIME, FakeClock, fixed_wall_clock, make_session

SNAPSHOT_ROOT = Path("/tmp/workshop-shell-snapshots")


def fixed_folder(name: str) -> Path:
    folder = SNAPSHOT_ROOT / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def session_midway(folder: Path) -> Path:
    """A session two activities in: ticks, actual minutes and an open activity to show."""
    path = make_session(folder, "Spring review [/b]", "Customer service", ideas=12)
    start = FIXED_WALL_TIME - timedelta(minutes=50)

    def run_first_activities(draft: object) -> None:
        ops.start_activity(draft, "the-case", start)  # type: ignore[arg-type]
        ops.start_activity(draft, "leader-questions", start + timedelta(minutes=12))  # type: ignore[arg-type]
        ops.start_activity(draft, "what-bugs-customers", start + timedelta(minutes=38))  # type: ignore[arg-type]

    SessionFile.open(path).change(run_first_activities)
    return path


@pytest.fixture
def placeholder_panels(monkeypatch: pytest.MonkeyPatch) -> None:
    # The session screen keeps its own reference to the real `panel_class` (for whether the
    # header repeats the prompt): import it before patching, so this test's picture does not
    # depend on whether an earlier test in the same process imported it first.
    import workshop.tui.screens.session  # noqa: F401

    monkeypatch.setattr(registry, "panel_class", lambda kind: PlaceholderPanel)


@pytest.mark.parametrize(
    ("size", "theme"),
    [
        ((80, 24), "textual-dark"),
        ((80, 24), "textual-light"),
        ((120, 40), "textual-dark"),
        ((120, 40), "textual-light"),
    ],
)
def test_home(snap_compare, size: tuple[int, int], theme: str) -> None:
    folder = fixed_folder(f"home-{size[0]}-{theme.removeprefix('textual-')}")
    make_session(folder, "Spring review", "Customer service", ideas=3)
    make_session(folder, "[link=http://x]Autumn[/link] a [/b] c", "Ops\x1b[31m")
    (folder / "broken.toml").write_text("title = [\n")
    app = WorkshopApp(sessions_folder=folder, theme=theme)
    assert snap_compare(app, terminal_size=size)


def test_home_empty(snap_compare) -> None:
    app = WorkshopApp(sessions_folder=fixed_folder("empty"))
    assert snap_compare(app, terminal_size=(80, 24))


@pytest.mark.parametrize(
    ("size", "theme"), [((80, 24), "textual-light"), ((120, 40), "textual-dark")]
)
def test_session(snap_compare, placeholder_panels: None, size: tuple[int, int], theme: str) -> None:
    folder = fixed_folder(f"session-{size[0]}")
    app = WorkshopApp(
        session_path=session_midway(folder),
        sessions_folder=folder,
        clock=FakeClock(),
        wall_clock=fixed_wall_clock,
        theme=theme,
    )
    assert snap_compare(app, terminal_size=size)


def test_session_big_timer_overrun_and_save_error(snap_compare, placeholder_panels: None) -> None:
    folder = fixed_folder("session-overrun")
    clock = FakeClock()
    app = WorkshopApp(
        session_path=session_midway(folder),
        sessions_folder=folder,
        clock=clock,
        wall_clock=fixed_wall_clock,
    )

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+t")
        clock.advance(15 * 60 + 133)
        await pilot.press("f2")
        screen = pilot.app.screen
        screen.query_one("SaveStatus").show_error(  # type: ignore[attr-defined]
            f"{folder}/x.toml: cannot save: No space left on device", 1, 2
        )
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


@pytest.mark.parametrize(
    ("size", "theme"), [((80, 24), "textual-light"), ((120, 40), "textual-dark")]
)
def test_opening_frame(snap_compare, size: tuple[int, int], theme: str) -> None:
    from .harness import OpeningOnly

    folder = fixed_folder(f"opening-{size[0]}")
    path = make_session(
        folder, "Spring review [/b]", "Customer service", current="what-bugs-customers", ideas=12
    )
    app = OpeningOnly(path)
    app.theme = theme
    assert snap_compare(app, terminal_size=size)
