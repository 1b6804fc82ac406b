"""What a participant sends from their device appears on the facilitator's screen (Pilot), as
an outside change does, and the facilitator's move to the next activity reaches the page."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from tests.tui.harness import wait_until
from tests.web.conftest import CODE, KEY, form_token
from workshop.core import ops
from workshop.store.session_file import SessionFile
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.session import SessionScreen
from workshop.tui.widgets.idea_list import IdeaList
from workshop.web.app import create_app


async def test_an_idea_sent_from_a_phone_appears_on_the_facilitators_screen(
    session_file: SessionFile, tmp_path: Path
) -> None:
    session_file.change(lambda d: ops.start_activity(d, "what-bugs-customers"))
    app = WorkshopApp(session_path=session_file.path, sessions_folder=tmp_path)
    web = create_app(session_file.path, join_code=CODE, projector_key=KEY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await wait_until(pilot, lambda: screen.panel is not None and screen.panel.is_mounted)
        with TestClient(web) as phone:
            token = form_token(phone.get("/").text)
            assert phone.post("/join", data={"form_token": token, "code": CODE}).status_code == 200
            sent = phone.post(
                "/idea",
                data={
                    "form_token": form_token(phone.get("/").text),
                    "activity": "what-bugs-customers",
                    "text": "Sent from a phone \x1b[31m",
                },
            )
            assert sent.status_code == 200 and "Sent." in sent.text

            idea_list = screen.query_one(IdeaList)
            await wait_until(pilot, lambda: idea_list.row_count == 1)
            shown = idea_list.idea_at(0)
            assert shown is not None and shown.text == "Sent from a phone \x1b[31m"
            # The escape reaches the screen only as a symbol (the screen's one safe function).
            screenshot = app.export_screenshot()
            assert "\x1b" not in screenshot and "␛" in screenshot
