"""Opening a session: its first frame before the models load, then the checked session."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from tests.hostile import HOSTILE_TEXTS
from workshop.core.errors import InvalidFileError
from workshop.store.session_text import load_session
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.home import HomeScreen
from workshop.tui.screens.opening import OpeningScreen
from workshop.tui.screens.session import SessionScreen

from .harness import (
    OpeningOnly,
    notices,
    open_home,
    open_session,
    wait_until,
    with_a_bad_idea_date,
)
from .shell_fixtures import make_session, send_burst


def shown(screen: object, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)  # type: ignore[attr-defined]


async def test_the_first_frame_shows_the_session_title_activity_and_size(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path, "Spring review", current="what-bugs-customers", ideas=1234)
    app = OpeningOnly(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OpeningScreen)
        assert shown(screen, "#session-title") == "Spring review · Customer service"
        where = shown(screen, "#activity-title")
        assert where.startswith("3/") and where.endswith("forum › What bugs our customers?")
        assert "annoyed" in shown(screen, "#opening-prompt")
        assert shown(screen, "#opening-ideas") == "Opening the session · 1,234 ideas"
        assert [message.read.path for message in app.painted] == [path]


async def test_the_first_frame_shows_typed_text_literally(tmp_path: Path) -> None:
    for number, hostile in enumerate(HOSTILE_TEXTS):
        path = make_session(tmp_path / str(number), f"T {hostile}", f"Team {hostile}")
        app = OpeningOnly(path)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            title = shown(app.screen, "#session-title")
            assert title.startswith("T ") and "Team " in title
            assert "\x1b" not in title and "\x07" not in title
            if "[" in hostile and "\x1b" not in hostile:
                assert hostile in title


async def test_the_session_screen_takes_the_place_of_the_first_frame(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers", ideas=3)
    async with open_session(path) as (app, pilot, _):
        assert isinstance(app.screen, SessionScreen)
        assert len(app.screen_stack) == 2  # [default, session]: the first frame is gone
        assert len(app.screen.session.ideas) == 3


async def test_a_session_that_fails_its_checks_ends_the_app_with_the_reason(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path, ideas=2)
    before = with_a_bad_idea_date(path)
    app = WorkshopApp(session_path=path, sessions_folder=tmp_path, leave_if_unopenable=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert isinstance(app.open_error, InvalidFileError)
    assert str(app.open_error).startswith(f"{path}: ideas[0].created: ")
    assert app.return_code == 2
    assert path.read_bytes() == before


async def test_from_the_home_screen_a_session_that_fails_its_checks_says_why(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path, ideas=2)
    before = with_a_bad_idea_date(path)
    app = WorkshopApp(session_path=path, sessions_folder=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any(notice.startswith(f"{path}: ideas[0].created: ") for notice in notices(app))
    assert app.open_error is None
    assert path.read_bytes() == before


def test_the_first_frame_needs_neither_pydantic_nor_the_models() -> None:
    script = textwrap.dedent(
        """
        import sys
        import workshop.tui.app, workshop.tui.screens.opening
        loaded = sorted(name for name in sys.modules if name.startswith(
            (
                "pydantic",
                "workshop.core.models",
                "workshop.core.agenda",
                "workshop.store.session_file",
                "workshop.store.session_text",
                "workshop.store.folder",
                "workshop.tui.screens.session",
            )
        ))
        assert not loaded, loaded
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 0, completed.stderr


@pytest.fixture
def painted_by_hand(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first frame does not say it is painted: the test posts its Painted message."""
    monkeypatch.setattr(OpeningScreen, "on_mount", lambda screen: None)


async def first_frame_of(app: WorkshopApp, pilot: Pilot[None], path: Path) -> OpeningScreen:
    """Open `path` from the home screen; its first frame, which stays until it is painted."""
    assert app.open_session(path)
    await pilot.pause()
    opening = app.screen
    assert isinstance(opening, OpeningScreen)
    return opening


@pytest.mark.usefixtures("painted_by_hand")
async def test_a_dialog_opened_on_the_first_frame_gives_way_to_the_session(
    tmp_path: Path,
) -> None:
    from workshop.tui.screens.dialogs.help import HelpScreen

    path = make_session(tmp_path, ideas=1)
    async with open_home(tmp_path) as (app, pilot):
        opening = await first_frame_of(app, pilot, path)
        await app.push_screen(HelpScreen("Help text"))  # as if F1 was pressed on the frame

        app.post_message(OpeningScreen.Painted(opening))
        await pilot.pause()

        assert isinstance(app.screen, SessionScreen)
        assert [type(screen).__name__ for screen in app.screen_stack[1:]] == ["SessionScreen"]


@pytest.mark.usefixtures("painted_by_hand")
async def test_what_is_typed_on_the_first_frame_reaches_the_session(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_home(tmp_path, size=(120, 40)) as (app, pilot):
        opening = await first_frame_of(app, pilot, path)
        send_burst(app, "Typed at once⏎and then")
        await pilot.pause()

        app.post_message(OpeningScreen.Painted(opening))
        await wait_until(pilot, lambda: bool(load_session(path).ideas))
        await pilot.pause()

        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert [idea.text for idea in load_session(path).ideas] == ["Typed at once"]
        assert screen.uncaptured_text() == "and then"


async def test_only_the_session_the_app_started_with_ends_it_when_it_fails_its_checks(
    tmp_path: Path,
) -> None:
    good = make_session(tmp_path / "good", ideas=1)
    bad = make_session(tmp_path / "bad", ideas=2)
    with_a_bad_idea_date(bad)
    app = WorkshopApp(session_path=good, sessions_folder=tmp_path, leave_if_unopenable=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.open_session(bad)  # later, from the home screen's list
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.open_error is None and app.is_running


@pytest.mark.usefixtures("painted_by_hand")
async def test_what_is_typed_on_the_first_frame_of_a_broken_file_is_kept_to_be_said(
    tmp_path: Path,
) -> None:
    # The file fails its checks once the frame is up: the app ends, and the ideas typed on
    # the frame meanwhile were dropped without a word. The command line now prints them.
    path = make_session(tmp_path, current="what-bugs-customers", ideas=2)
    before = with_a_bad_idea_date(path)
    app = WorkshopApp(session_path=path, sessions_folder=tmp_path, leave_if_unopenable=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, OpeningScreen))
        opening = app.screen
        assert isinstance(opening, OpeningScreen)
        send_burst(app, "Typed into the first frame⏎⏎and then⌫⌫⌫⌫more")
        await pilot.pause()
        app.post_message(OpeningScreen.Painted(opening))
        await pilot.pause()
    assert isinstance(app.open_error, InvalidFileError)
    assert app.typed_not_saved == ["Typed into the first frame", "and more"]
    assert path.read_bytes() == before
