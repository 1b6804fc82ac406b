"""A real browser in the room: Playwright driving Debian's Chromium against a real server.

Needs `chromium` (installed by .ci/run with apt-get) and the `playwright` package (dev extra);
Playwright's own browser download is never used (`executable_path`). Without them every test
here is skipped, with the reason shown by `-ra`.

Each test saves screenshots under test-artifacts/browser/ (gitignored): the participants' pages
at phone size (390x844) and the projector at 1280x720, to look at after a run.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import CODE, KEY
from workshop.core import ops
from workshop.core.models import Session
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session
from workshop.web.app import create_app
from workshop.web.live import LiveSession
from workshop.web.server import serve_in_thread

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; .ci/run does)"
)
expect = sync_api.expect

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1280, "height": 720}
WAIT_MS = 5000
"""How long a live update may take to show (the server looks at the file every 0.25 s)."""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium for the whole module (starting it is the slow part)."""
    assert CHROMIUM is not None
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@dataclass
class LiveRoom:
    path: Path
    base: str
    browser: Any
    live: LiveSession

    def change(self, edit: Callable[[Session], object]) -> None:
        """The facilitator changes the session (as the screen or `workshop idea add` would),
        and the server has seen it when this returns (its writer looks every 0.25 s)."""
        before = self.live.version
        SessionFile.open(self.path).change(edit)
        seen = threading.Event()
        for _ in range(int(WAIT_MS / 20)):
            if self.live.version != before:
                return
            seen.wait(0.02)
        raise AssertionError("the server did not see the change in time")

    def phone(self, *, javascript: bool = True) -> Any:
        """A new participant: their own browser context (own cookies), phone-sized."""
        context = self.browser.new_context(
            viewport=PHONE, java_script_enabled=javascript, device_scale_factor=1
        )
        context.set_default_timeout(WAIT_MS)
        return context.new_page()

    def joined_phone(self, *, javascript: bool = True) -> Any:
        page = self.phone(javascript=javascript)
        page.goto(self.base)
        page.get_by_label("Code").fill(CODE)
        page.get_by_role("button", name="Join").click()
        expect(page.locator("#activity")).to_be_visible()
        return page


@pytest.fixture
def live_room(session_file: SessionFile, browser: Any) -> Iterator[LiveRoom]:
    session_file.change(lambda d: ops.start_activity(d, "what-bugs-customers"))
    app = create_app(session_file.path, join_code=CODE, projector_key=KEY)
    with serve_in_thread(app) as running:
        yield LiveRoom(
            session_file.path, running.addresses.participants, browser, app.state.room.live
        )
        for context in browser.contexts:
            context.close()


def screenshot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def idea_texts(path: Path) -> list[str]:
    return sorted(idea.text for idea in load_session(path).ideas)


def test_a_wrong_code_is_refused_then_the_right_one_joins(live_room: LiveRoom) -> None:
    page = live_room.phone()
    page.goto(live_room.base)
    screenshot(page, "1-join")
    page.get_by_label("Code").fill("000000" if CODE != "000000" else "111111")
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("alert")).to_have_text("That is not the code on the screen. Try again.")
    screenshot(page, "1-join-wrong-code")

    page.get_by_label("Code").fill(CODE)
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_label("Your idea")).to_be_visible()
    expect(page.get_by_role("button", name="Send")).to_be_visible()


def test_two_browsers_send_ideas_and_each_sees_only_their_own(live_room: LiveRoom) -> None:
    ana, ben = live_room.joined_phone(), live_room.joined_phone()
    for page, text in ((ana, "Invoices nobody can read"), (ben, "Hold music for 20 minutes")):
        page.get_by_label("Your idea").fill(text)
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_role("status")).to_have_text("Sent.")
    ana.get_by_label("Your idea").fill("Nobody calls back")
    ana.get_by_role("button", name="Send").click()

    expect(ana.locator(".my-ideas li")).to_have_text(
        ["Invoices nobody can read", "Nobody calls back"]
    )
    expect(ben.locator(".my-ideas li")).to_have_text(["Hold music for 20 minutes"])
    assert idea_texts(live_room.path) == [
        "Hold music for 20 minutes",
        "Invoices nobody can read",
        "Nobody calls back",
    ]
    screenshot(ana, "2-brainstorm")


def test_a_phone_follows_the_facilitator_to_the_vote_and_spends_its_dots(
    live_room: LiveRoom,
) -> None:
    live_room.change(lambda d: [ops.add_idea(d, f"idea {n}") for n in range(3)])
    page = live_room.joined_phone()
    live_room.change(lambda d: ops.start_activity(d, "prioritise"))  # F8 on the screen

    # The page moves on by itself (server-sent event, then htmx swaps the activity in).
    expect(page.get_by_text("You have 5 dots; at most 3 on one item.")).to_be_visible()
    page.locator('label:has(input[name="dots-i2"][value="3"])').click()
    page.locator('label:has(input[name="dots-i3"][value="2"])').click()
    screenshot(page, "3-vote")
    page.get_by_role("button", name="Send my dots").click()

    expect(page.get_by_text("You have given 5.")).to_be_visible()
    votes = sorted((v.target, v.count) for v in load_session(live_room.path).votes)
    assert votes == [("i2", 3), ("i3", 2)]


def test_a_phone_rates_each_criterion_on_the_scale(live_room: LiveRoom) -> None:
    page = live_room.joined_phone()
    live_room.change(lambda d: ops.start_activity(d, "benchmark"))
    criteria = load_session(live_room.path).agenda.activity("benchmark").criteria

    expect(page.get_by_role("button", name="Send my scores")).to_be_visible()
    for index, criterion in enumerate(criteria):
        score = 1 + index % 5
        page.locator(f'label:has(input[name="score-{criterion.id}"][value="{score}"])').click()
    screenshot(page, "4-rate")
    page.get_by_role("button", name="Send my scores").click()

    expect(page.get_by_role("status")).to_have_text("Sent.")
    ratings = {r.criterion: r.score for r in load_session(live_room.path).ratings}
    assert ratings == {c.id: 1 + i % 5 for i, c in enumerate(criteria)}
    first = page.locator(f'input[name="score-{criteria[0].id}"][value="1"]')
    expect(first).to_be_checked()  # the page shows back what was saved

    live_room.change(lambda d: ops.set_revealed(d, "benchmark", True))
    projector = live_room.browser.new_context(viewport=PROJECTOR).new_page()
    projector.goto(f"{live_room.base}projector/{KEY}")
    expect(projector.locator(".bar-row")).to_have_count(len(criteria))
    expect(projector.locator(".bar-label").first).to_have_text("1.0 ± 0.0 (1)")
    screenshot(projector, "4-projector-benchmark")
    # The whole chart is on the projector's screen, without scrolling (it ran to 1,478 px).
    last_bar = projector.locator(".bar-title").last.bounding_box()
    assert last_bar is not None and last_bar["y"] + last_bar["height"] <= PROJECTOR["height"]


def test_the_projector_updates_live_as_ideas_arrive_and_after_reveal(live_room: LiveRoom) -> None:
    context = live_room.browser.new_context(viewport=PROJECTOR, device_scale_factor=1)
    context.set_default_timeout(WAIT_MS)
    projector = context.new_page()
    projector.goto(f"{live_room.base}projector/{KEY}")
    expect(projector.locator("#idea-count")).to_have_text("0")
    expect(projector.locator(".join-code")).to_have_text(CODE)
    expect(projector.locator("svg.qr")).to_be_visible()

    phone = live_room.joined_phone()
    phone.get_by_label("Your idea").fill("The car park closes at six")
    phone.get_by_role("button", name="Send").click()
    expect(projector.locator("#idea-count")).to_have_text("1")
    live_room.change(lambda d: ops.add_idea(d, "Typed by the facilitator"))
    expect(projector.locator("#idea-count")).to_have_text("2")
    expect(projector.locator(".ideas li")).to_have_count(0)  # not revealed yet

    live_room.change(lambda d: ops.set_revealed(d, "what-bugs-customers", True))
    expect(projector.locator(".ideas li")).to_have_text(
        ["The car park closes at six", "Typed by the facilitator"]
    )
    # Read from the back of the room: the revealed ideas are as large as the count.
    sizes = [
        projector.locator(selector).evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        for selector in (".ideas li >> nth=0", ".count")
    ]
    assert sizes[0] >= 28 and sizes[0] >= sizes[1]
    screenshot(projector, "5-projector")
    screenshot(phone, "5-brainstorm-sent")


def test_without_javascript_the_forms_still_work(live_room: LiveRoom) -> None:
    page = live_room.joined_phone(javascript=False)
    page.get_by_label("Your idea").fill("Plain forms work too")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_have_text("Sent.")
    expect(page.locator(".my-ideas li")).to_have_text(["Plain forms work too"])

    live_room.change(lambda d: ops.start_activity(d, "benchmark"))
    page.reload()  # no live updates without JavaScript: the person reloads the page
    criterion = load_session(live_room.path).agenda.activity("benchmark").criteria[0]
    page.locator(f'label:has(input[name="score-{criterion.id}"][value="4"])').click()
    page.get_by_role("button", name="Send my scores").click()
    expect(page.get_by_role("status")).to_have_text("Sent.")
    assert [(r.criterion, r.score) for r in load_session(live_room.path).ratings] == [
        (criterion.id, 4)
    ]
    assert idea_texts(live_room.path) == ["Plain forms work too"]


def test_a_name_is_offered_folded_away_and_goes_with_the_idea_when_given(
    live_room: LiveRoom,
) -> None:
    page = live_room.joined_phone()
    name_box = page.get_by_label("Your name (optional)")
    expect(name_box).to_be_hidden()  # offered, never asked: folded away
    offer = page.get_by_text("Add your name (optional)")
    assert offer.bounding_box()["height"] >= 44  # a touch target
    offer.click()
    name_box.fill("Ana")
    page.get_by_label("Your idea").fill("Signed by Ana")
    screenshot(page, "6-name-offered")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_have_text("Sent.")
    expect(page.get_by_label("Your name (optional)")).to_have_value("Ana")
    assert [(i.text, i.author) for i in load_session(live_room.path).ideas] == [
        ("Signed by Ana", "Ana")
    ]
