"""A brainstorm's opening frame has its idea box: what is typed shows there at once."""

from __future__ import annotations

from pathlib import Path

from workshop.store.session_text import load_session
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.opening import OpeningIdeaBox, OpeningScreen
from workshop.tui.screens.session import SessionScreen
from workshop.tui.widgets.idea_input import IDEA_BOX_PLACEHOLDER, CaptureInput

from .harness import OpeningOnly, open_session, wait_until
from .shell_fixtures import make_session, send_burst


async def test_keys_typed_on_the_opening_frame_show_in_its_idea_box(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers", ideas=3)
    app = OpeningOnly(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: bool(app.screen.query(OpeningIdeaBox)))
        box = app.screen.query_one(OpeningIdeaBox)
        assert box.placeholder == IDEA_BOX_PLACEHOLDER
        assert not box.has_focus

        send_burst(app, "Hold musix⌫c")
        await pilot.pause()
        assert box.value == "Hold music"

        send_burst(app, "⏎Next")
        await pilot.pause()
        assert box.value == "Next"  # Enter: the first idea is captured once the session is up
        assert app.painted  # the frame was drawn before its box came


async def test_the_opening_idea_box_stands_where_the_session_box_comes(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers", ideas=3)
    app = OpeningOnly(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: bool(app.screen.query(OpeningIdeaBox)))
        await pilot.pause()
        opening_region = app.screen.query_one(OpeningIdeaBox).region
    async with open_session(path, size=(80, 24), ready="screen") as (_, pilot, screen):
        await wait_until(pilot, lambda: bool(screen.query("#idea")))
        await pilot.pause()
        assert screen.query_one("#idea", CaptureInput).region == opening_region


async def test_what_is_typed_in_the_opening_box_becomes_the_session_s_idea(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    app = WorkshopApp(session_path=path, sessions_folder=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        send_burst(app, "Typed early⏎and on")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        await wait_until(pilot, lambda: bool(load_session(path).ideas))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert [idea.text for idea in load_session(path).ideas] == ["Typed early"]
        assert screen.uncaptured_text() == "and on"
        assert not isinstance(app.screen, OpeningScreen)


async def test_held_keys_go_to_the_idea_box_not_the_hidden_author_box(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_session(path, size=(80, 24), ready="panel") as (app, _, screen):
        screen.set_focus(None)
        assert screen.panel is not None
        screen.panels.focus(screen.panel)  # as when held keys are given
        assert app.focused is screen.query_one("#idea")
