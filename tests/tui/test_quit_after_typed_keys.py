"""ctrl+q typed in the same burst as an Enter: the idea is saved before the app leaves."""

from __future__ import annotations

from pathlib import Path

from textual import events

from tests.tui.harness import wait_until
from tests.tui.shell_fixtures import make_session, send_burst
from workshop.store.session_text import load_session
from workshop.tui.app import WorkshopApp


async def test_an_idea_entered_with_the_quit_in_one_burst_is_saved(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    app = WorkshopApp(session_path=path, sessions_folder=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        send_burst(app, "Not lost on the way out⏎")
        app.post_message(events.Key("ctrl+q", None))
        await wait_until(pilot, lambda: app.return_code is not None)
    assert [idea.text for idea in load_session(path).ideas] == ["Not lost on the way out"]
