"""The opening frame reaches a real terminal: `workshop open` run on a pseudo-terminal.

Headless tests cannot see this: Textual writes nothing to a headless driver, and the first
screen of an app is laid out during its start-up batch, when nothing is drawn either.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from .harness import with_a_bad_idea_date
from .shell_fixtures import make_session

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

OPENING = b"Opening the session"
IDEA_BOX = b"Type an idea"


def terminal_output(arguments: list[str], env: dict[str, str], until: bytes) -> bytes:
    """Everything the command writes to an 80x24 terminal until `until` (or it ends)."""
    pid, fd = os.forkpty()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.execve(sys.executable, [sys.executable, *arguments], env)
        finally:
            os._exit(127)
    output = b""
    deadline = time.monotonic() + 60
    try:
        while until not in output and time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                data = os.read(fd, 65536)
            except OSError:  # the command ended
                break
            if not data:
                break
            output += data
    finally:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    return output


def open_in_terminal(path: Path, home: Path, until: bytes) -> bytes:
    env = {**os.environ, "WORKSHOP_HOME": str(home), "TERM": "xterm-256color"}
    env.pop("TEXTUAL", None)
    return terminal_output(["-m", "workshop", "open", str(path)], env, until)


def test_the_opening_frame_is_written_before_the_session_screen(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers", ideas=50)
    output = open_in_terminal(path, tmp_path, until=IDEA_BOX)
    assert IDEA_BOX in output
    assert OPENING in output
    assert output.index(OPENING) < output.index(IDEA_BOX)


def test_a_file_that_fails_its_checks_shows_its_opening_frame_first(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers", ideas=2)
    before = with_a_bad_idea_date(path)
    output = open_in_terminal(path, tmp_path, until=b"ideas[0].created")
    assert OPENING in output
    assert b"ideas[0].created" in output
    assert output.index(OPENING) < output.index(b"ideas[0].created")
    assert path.read_bytes() == before


def test_a_file_broken_after_its_head_shows_the_session_then_says_where(tmp_path: Path) -> None:
    # The first frame is painted from the file's head (title, agenda) before the whole file
    # is parsed: a record broken further down still shows whose session it is, then ends the
    # screen with the one-line error naming the line, and leaves the file as it was.
    path = make_session(tmp_path, current="what-bugs-customers", ideas=3)
    text = path.read_text(encoding="utf-8")
    broken = text.replace("[[ideas]]", "[[ideas]]\ntext = ]", 1)
    path.write_text(broken, encoding="utf-8")
    line = broken[: broken.index("text = ]")].count("\n") + 1
    where = f"{path}:{line}:".encode()
    output = open_in_terminal(path, tmp_path, until=where)
    assert OPENING in output
    assert b"3 ideas" in output
    assert where in output and b"invalid TOML" in output
    assert output.index(OPENING) < output.index(where)
    assert path.read_text(encoding="utf-8") == broken
