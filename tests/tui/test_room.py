"""The room from the facilitator's screen: F9 serves the session (a `workshop serve` child
process), the screen shows the address, the code, a QR code and the counts, ctrl+r reveals
results on the projector, and the room closes from the palette or when the screen is left."""

from __future__ import annotations

import re
from contextlib import AbstractAsyncContextManager
from pathlib import Path

import httpx
import pytest
import segno
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from workshop.core import ops
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session
from workshop.tui.app import WorkshopApp
from workshop.tui.room_process import RoomAddresses, RoomOptions, RoomProcess
from workshop.tui.screens.dialogs.room import RoomScreen
from workshop.tui.screens.session import SessionScreen
from workshop.tui.widgets.qr_code import QUIET_MODULES, QrCode
from workshop.tui.widgets.room_line import RoomLine

from .harness import Shell, open_session, wait_until
from .shell_fixtures import make_session

_FORM_TOKEN = re.compile(r'name="form_token" value="([^"]*)"')
LOCAL = RoomOptions(lan=False, port=0)


def join_info_shown(app: App[None]) -> bool:
    """The join information is on screen, composed (the fields inside the rows too: a row's
    children are mounted after the QR code beside the rows)."""
    screen = app.screen
    return (
        isinstance(screen, RoomScreen)
        and bool(screen.query(QrCode))
        and bool(screen.query("#room-address"))
        and bool(screen.query("#room-code"))
    )


def line_text(screen: SessionScreen) -> str:
    return str(screen.query_one(RoomLine).render())


def open_room_screen(
    path: Path, size: tuple[int, int], options: RoomOptions = LOCAL
) -> AbstractAsyncContextManager[Shell]:
    """The app on the session at `path`, able to serve the room, once its panel is up."""
    return open_session(path, size=size, ready="panel", room_options=options)


def phone_joins(base: str, code: str) -> httpx.Client:
    phone = httpx.Client(base_url=base, timeout=10)
    token = _FORM_TOKEN.search(phone.get("/").text)
    assert token
    assert phone.post("/join", data={"form_token": token.group(1), "code": code}).status_code == 303
    return phone


async def test_f9_serves_the_session_and_the_screen_shows_how_to_join_and_the_counts(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_room_screen(path, (120, 50)) as (app, pilot, screen):
        assert not screen.query_one(RoomLine).display  # no room until asked

        await pilot.press("f9")
        await wait_until(pilot, lambda: join_info_shown(app))
        room = screen.room
        assert room is not None and room.running and room.addresses is not None
        addresses = room.addresses
        join_info = app.screen
        assert isinstance(join_info, RoomScreen)
        assert addresses.participants in str(join_info.query_one("#room-address").render())
        code = addresses.code
        assert f"{code[:3]} {code[3:]}" in str(join_info.query_one("#room-code").render())
        assert join_info.query_one(QrCode).text == addresses.participants
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen)

        assert screen.query_one(RoomLine).display
        assert addresses.participants in line_text(screen) and code in line_text(screen)
        assert "0 joined · 0 sent ideas · hidden ^r" in line_text(screen)

        phone = phone_joins(addresses.participants, code)
        await wait_until(pilot, lambda: "1 joined ·" in line_text(screen))
        token = _FORM_TOKEN.search(phone.get("/").text)
        assert token
        sent = phone.post(
            "/idea",
            data={"form_token": token.group(1), "activity": "what-bugs-customers", "text": "Hi"},
        )
        assert sent.status_code == 303
        await wait_until(pilot, lambda: "1 sent ideas" in line_text(screen))
        phone.close()

        # F9 again shows how to join; x there stops serving.
        await pilot.press("f9")
        await wait_until(pilot, lambda: join_info_shown(app))
        await pilot.press("x")
        await wait_until(pilot, lambda: not room.running)
        assert screen.room is None
        assert not screen.query_one(RoomLine).display
        with pytest.raises(httpx.ConnectError):
            httpx.get(addresses.participants, timeout=2)


async def test_the_palette_starts_and_stops_the_room_and_leaving_closes_it(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path, current="prioritise")
    async with open_room_screen(path, (100, 30)) as (app, pilot, screen):
        await pilot.press("ctrl+p")
        await pilot.press(*"let participants join")
        await pilot.press("enter")
        await wait_until(pilot, lambda: join_info_shown(app))
        first = screen.room
        assert first is not None and first.running
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen)
        assert "0 voted" in line_text(screen)

        await pilot.press("ctrl+p")
        await pilot.press(*"stop serving")
        await pilot.press("enter")
        await wait_until(pilot, lambda: not first.running)
        assert screen.room is None

        await pilot.press("f9")  # open again, then leave the app with it open
        await wait_until(pilot, lambda: join_info_shown(app))
        second = screen.room
        assert second is not None and second.running
    assert not second.running  # leaving the screen stopped its server


async def test_ctrl_r_reveals_the_current_activitys_results_and_hides_them_again(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_room_screen(path, (100, 30)) as (_, pilot, _):
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: load_session(path).revealed == ["what-bugs-customers"])
        await pilot.press("f8", "ctrl+r")
        await wait_until(
            pilot,
            lambda: load_session(path).revealed == ["what-bugs-customers", "getting-it-right"],
        )
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: load_session(path).revealed == ["what-bugs-customers"])


async def test_a_room_that_cannot_listen_is_a_one_line_error_and_no_room(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    busy = RoomProcess(path, lan=False, port=0)
    taken = busy.start()
    port = int(taken.participants.rsplit(":", 1)[1].strip("/"))
    on_the_taken_port = RoomOptions(lan=False, port=port)
    try:
        async with open_room_screen(path, (100, 30), on_the_taken_port) as (app, pilot, screen):
            await pilot.press("f9")
            await wait_until(pilot, lambda: screen.room is None and bool(app._notifications))  # noqa: SLF001
            [note] = list(app._notifications)  # noqa: SLF001
            assert "cannot listen" in note.message and "\n" not in note.message
            assert not screen.query_one(RoomLine).display
    finally:
        busy.stop()


# --- the QR code -----------------------------------------------------------------------------


class QrApp(App[None]):
    def __init__(self, text: str, theme: str) -> None:
        super().__init__()
        self.text = text
        self.theme = theme

    def compose(self) -> ComposeResult:
        yield QrCode(self.text)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_the_qr_code_is_black_and_white_cells_two_per_module(theme: str) -> None:
    url = "http://192.168.1.20:8000/"
    expected = [
        [bool(m) for m in row]
        for row in segno.make(url, error="m").matrix_iter(border=QUIET_MODULES)
    ]
    app = QrApp(url, theme)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        qr = app.query_one(QrCode)
        assert (qr.size.width, qr.size.height) == (2 * len(expected[0]), len(expected))
        drawn: list[list[bool]] = []
        for y in range(len(expected)):
            cells = [
                (segment.style.bgcolor.get_truecolor().hex if segment.style else "")
                for segment in qr.render_line(y)
                for _ in range(len(segment.text))
            ]
            assert set(cells) <= {"#000000", "#ffffff"}, "only black and white, whatever theme"
            pairs = list(zip(cells[::2], cells[1::2], strict=True))
            assert all(left == right for left, right in pairs)  # a module is two cells
            drawn.append([left == "#000000" for left, _ in pairs])
        assert drawn == expected
        assert not any(drawn[0]) and not any(row[0] for row in drawn)  # the quiet zone


# --- snapshots -------------------------------------------------------------------------------


ADDRESSES = RoomAddresses(
    "http://192.168.1.20:8000/", "482913", "http://192.168.1.20:8000/projector/Xq3kTqv2"
)


def test_snapshot_the_join_information(snap_compare, tmp_path: Path) -> None:
    folder = Path("/tmp/workshop-room-snapshots")
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.toml"):
        old.unlink()
    path = make_session(folder, current="what-bugs-customers")
    app = WorkshopApp(session_path=path, sessions_folder=folder, room_options=LOCAL)

    async def show_join_info(pilot: Pilot[None]) -> None:
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, SessionScreen))
        await pilot.app.push_screen(RoomScreen(ADDRESSES))
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 48), run_before=show_join_info)


def test_snapshot_the_room_line(snap_compare, tmp_path: Path) -> None:
    folder = Path("/tmp/workshop-room-line-snapshots")
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.toml"):
        old.unlink()
    path = make_session(folder, current="what-bugs-customers")
    SessionFile.open(path).change(lambda d: ops.set_revealed(d, "what-bugs-customers", True))
    app = WorkshopApp(session_path=path, sessions_folder=folder, room_options=LOCAL)

    async def open_room(pilot: Pilot[None]) -> None:
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, SessionScreen))
        screen = pilot.app.screen
        assert isinstance(screen, SessionScreen)
        # A room as the server reports it (no child process: the snapshot must not vary).
        room = RoomProcess(path, lan=True)
        room.addresses, room.joined = ADDRESSES, 12
        screen.room = room
        screen.show_session()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_room)


async def test_the_join_qr_code_decodes_from_the_screen_as_drawn(tmp_path: Path) -> None:
    """The screen as Textual exports it (SVG, cells as drawn), rendered by Chromium and read
    by zxing-cpp: the QR code on the session screen decodes to the participants' address."""
    import io
    import shutil

    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run does)")
    zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp is not installed (dev extra)")
    image = pytest.importorskip("PIL.Image", reason="pillow is not installed (dev extra)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_room_screen(path, (100, 48)) as (app, pilot, _):
        await app.push_screen(RoomScreen(ADDRESSES))
        await wait_until(pilot, lambda: join_info_shown(app))
        svg = app.export_screenshot()
    svg_file = tmp_path / "screen.svg"
    svg_file.write_text(svg)

    def render() -> bytes:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1300, "height": 1300})
            page.goto(svg_file.as_uri())
            png: bytes = page.locator("svg").first.screenshot()
            browser.close()
            return png

    import asyncio

    png = await asyncio.to_thread(render)  # the sync API wants no running loop in its thread
    decoded = zxingcpp.read_barcodes(image.open(io.BytesIO(png)))
    assert [result.text for result in decoded] == [ADDRESSES.participants]
