"""A real terminal for the benches: a process on a pseudo-terminal, its output read by pyte.

What a person sees is what the process has written to its terminal, so every figure the
terminal benches print is a wall time from a moment (process start, a key written to the
terminal) to the moment the bytes that put some text on the emulated screen were read from the
pty. pyte's own parsing time is left out: each chunk is stamped when it is read, and a wait
ends at the stamp of the chunk after which the screen first matched.

Used by bench_terminal.py and bench_startup.py; not a test helper.
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
from collections.abc import Callable, Sequence
from pathlib import Path

import pyte

KEYS = {
    "enter": b"\r",
    "escape": b"\x1b",
    "f8": b"\x1b[19~",
    "ctrl+q": b"\x11",
    "left": b"\x1b[D",
    "right": b"\x1b[C",
    "down": b"\x1b[B",
    "up": b"\x1b[A",
}

MINIMAL_APP = Path(__file__).resolve().parent / "minimal_app.py"
"""The baseline: a Textual app with one Input, run under the same terminal the same way."""


class TimedOut(Exception):
    """The text did not appear in time."""


class Terminal:
    """One process on its own pseudo-terminal, `columns` x `rows`, with a pyte screen."""

    def __init__(
        self,
        arguments: Sequence[str],
        *,
        columns: int = 80,
        rows: int = 24,
        env: dict[str, str] | None = None,
        cwd: str | None = None,
    ) -> None:
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.bytes_read = 0
        environment = dict(os.environ if env is None else env)
        environment.update(TERM="xterm-256color", COLORTERM="truecolor")
        environment.pop("TEXTUAL", None)
        self.started = time.perf_counter()
        pid, fd = os.forkpty()
        if pid == 0:  # the child: size its terminal, then become the command
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
                if cwd:
                    os.chdir(cwd)
                os.execvpe(arguments[0], list(arguments), environment)
            finally:
                os._exit(127)
        self.pid = pid
        self.fd = fd
        self.exited = False

    # --- reading --------------------------------------------------------------------------

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def _read_chunk(self, timeout: float) -> float | None:
        """Read what is there (waiting up to `timeout`); the time it was read, or None."""
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return None
        try:
            data = os.read(self.fd, 1 << 20)
        except OSError:  # the child has gone (EIO)
            self.exited = True
            return None
        read_at = time.perf_counter()
        if not data:
            self.exited = True
            return None
        self.bytes_read += len(data)
        self.stream.feed(data)
        return read_at

    def wait_for(self, check: str | Callable[[str], bool], timeout: float = 10.0) -> float:
        """The perf_counter time at which the screen first matched `check` (text or test)."""
        test = (lambda screen: check in screen) if isinstance(check, str) else check
        if test(self.text()):
            return time.perf_counter()
        deadline = time.perf_counter() + timeout
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0 or self.exited:
                raise TimedOut(f"not on screen after {timeout} s: {check!r}\n{self.text()}")
            read_at = self._read_chunk(remaining)
            if read_at is not None and test(self.text()):
                return read_at

    def drain(self, quiet: float = 0.05, limit: float = 2.0) -> None:
        """Read until nothing has come for `quiet` seconds (the screen has settled)."""
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            if self._read_chunk(quiet) is None:
                return

    # --- writing --------------------------------------------------------------------------

    def send(self, keys: str | bytes) -> float:
        """Write keys (text, or a name in KEYS); the perf_counter time they were written."""
        data = KEYS.get(keys, keys.encode()) if isinstance(keys, str) else keys
        sent = time.perf_counter()
        os.write(self.fd, data)
        return sent

    def type_text(self, text: str, settle: float = 0.0) -> None:
        """Type `text` one key at a time, reading the screen in between (as a person types)."""
        for character in text:
            self.send(character)
            self._read_chunk(settle)

    # --- ending ---------------------------------------------------------------------------

    def close(self) -> None:
        if not self.exited:
            try:
                os.kill(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        deadline = time.perf_counter() + 3
        while time.perf_counter() < deadline:
            done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done:
                break
            self._read_chunk(0.02)
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)

    def thread_count(self) -> int:
        """How many threads the process has now (Linux), -1 if unknown."""
        try:
            return len(os.listdir(f"/proc/{self.pid}/task"))
        except OSError:
            return -1

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def minimal_app_command() -> list[str]:
    return [sys.executable, str(MINIMAL_APP)]


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:6.0f} ms"
