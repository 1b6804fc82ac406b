"""The room's server as the screen's child process: addresses, joins, stop, and no server left
behind when the screen's process dies without stopping it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from workshop.core import ops
from workshop.store.session_file import SessionFile
from workshop.tui.room_process import RoomError, RoomProcess, parse_addresses

_FORM_TOKEN = re.compile(r'name="form_token" value="([^"]*)"')


@pytest.fixture
def started(session_file: SessionFile) -> Path:
    session_file.change(lambda d: ops.start_activity(d, "what-bugs-customers"))
    return session_file.path


def gone(pid: int) -> bool:
    """The process has ended (a zombie waiting for its reaper counts as ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "\nState:\tZ" in status


def test_the_three_lines_are_read_and_anything_else_is_a_one_line_error() -> None:
    lines = ["participants: http://127.0.0.1:1/", "code: 123456", "projector: http://x/p/k"]
    assert parse_addresses(lines).code == "123456"
    with pytest.raises(RoomError, match="workshop serve said: oops"):
        parse_addresses(["oops"])


def test_it_serves_reports_joins_and_stops(started: Path) -> None:
    joins: list[int] = []
    room = RoomProcess(started, lan=False, port=0, on_joined=joins.append)
    addresses = room.start()
    try:
        with httpx.Client(base_url=addresses.participants, timeout=10) as phone:
            token = _FORM_TOKEN.search(phone.get("/").text)
            assert token
            form = {"form_token": token.group(1), "code": addresses.code}
            assert phone.post("/join", data=form).status_code == 303
        deadline = time.monotonic() + 10
        while not joins and time.monotonic() < deadline:
            time.sleep(0.02)
        assert joins == [1] and room.joined == 1
    finally:
        room.stop()
    assert not room.running


def test_a_port_in_use_is_a_one_line_error(started: Path) -> None:
    first = RoomProcess(started, lan=False, port=0)
    port = int(first.start().participants.rsplit(":", 1)[1].strip("/"))
    try:
        with pytest.raises(RoomError) as refused:
            RoomProcess(started, lan=False, port=port).start()
        assert "cannot listen" in str(refused.value) and "\n" not in str(refused.value)
    finally:
        first.stop()


def test_a_screen_killed_without_stopping_its_room_leaves_no_server(started: Path) -> None:
    screen = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; "
            "from workshop.tui.room_process import RoomProcess; "
            "room = RoomProcess(Path(sys.argv[1]), lan=False, port=0); room.start(); "
            "print(room.pid, flush=True); time.sleep(60)",
            str(started),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert screen.stdout is not None
    server_pid = int(screen.stdout.readline())
    assert not gone(server_pid)
    os.kill(screen.pid, signal.SIGKILL)  # no stop(), no cleanup
    screen.wait()
    deadline = time.monotonic() + 15
    while not gone(server_pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert gone(server_pid)
