"""`workshop serve` run as a child process, for the facilitator's screen.

A child process rather than a thread of the screen: the server's work (HTTP, forms, the
group commits) then never competes with the screen's keystrokes for the interpreter's lock,
a fault in it cannot take the screen down, and it stops like `workshop serve` does on ctrl+c
(SIGINT: the event streams end, what the disk refused is tried once more). Both processes
keep to the one session file with its lock, exactly as with `workshop idea add`.

Plain Python (no Textual, no web stack): the screen drives it from a worker thread.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

STOP_SECONDS = 5.0
"""How long a stopping server may take (it ends its streams within 2 s) before it is killed."""


@dataclass(frozen=True)
class RoomOptions:
    """Where the screen serves the room: the laptop's network address (the room's phones
    reach it) or this laptop only, and the port (0: any free one)."""

    lan: bool = True
    port: int = 8000


class RoomError(Exception):
    """The server could not start; the message is its one-line error."""


@dataclass(frozen=True)
class RoomAddresses:
    """What `workshop serve` printed: where participants join, the code, the projector."""

    participants: str
    code: str
    projector: str


def parse_addresses(lines: list[str]) -> RoomAddresses:
    """The three lines `workshop serve` prints on start, in their order."""
    values: dict[str, str] = {}
    for line in lines:
        name, _, value = line.strip().partition(": ")
        values[name] = value
    try:
        return RoomAddresses(values["participants"], values["code"], values["projector"])
    except KeyError:
        raise RoomError(f"workshop serve said: {' / '.join(lines)}") from None


class RoomProcess:
    """One `workshop serve SESSION --for-screen` child; `start` blocks until it listens.

    Its stdin is a pipe this process never writes to: when this process ends, however it
    ends, the pipe closes and the server stops by itself."""

    def __init__(
        self,
        session_path: Path,
        *,
        lan: bool = True,
        port: int = 8000,
        on_joined: Callable[[int], None] | None = None,
    ) -> None:
        self.session_path = session_path
        self.lan = lan
        self.port = port
        self.on_joined = on_joined
        self.addresses: RoomAddresses | None = None
        self.joined = 0
        self.errors: list[str] = []
        """What the server wrote on stderr (the last lines)."""
        self._process: subprocess.Popen[str] | None = None

    def command(self) -> list[str]:
        command = [sys.executable, "-m", "workshop", "serve", str(self.session_path)]
        command += ["--port", str(self.port), "--for-screen"]
        return [*command, "--lan"] if self.lan else command

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> RoomAddresses:
        """Start the server and wait for its addresses (RoomError if it cannot listen)."""
        process = subprocess.Popen(
            self.command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        self._process = process
        assert process.stdout is not None and process.stderr is not None
        threading.Thread(target=self._read_errors, args=(process,), daemon=True).start()
        lines: list[str] = []
        while len(lines) < 3:
            line = process.stdout.readline()
            if not line:
                process.wait()
                reason = self.errors[-1] if self.errors else f"exit status {process.returncode}"
                raise RoomError(reason.removeprefix("workshop: "))
            lines.append(line.rstrip("\n"))
        self.addresses = parse_addresses(lines)
        threading.Thread(target=self._read_output, args=(process,), daemon=True).start()
        return self.addresses

    def _read_output(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            name, _, value = line.strip().partition(": ")
            if name == "joined" and value.isdigit():
                self.joined = int(value)
                if self.on_joined is not None:
                    self.on_joined(self.joined)

    def _read_errors(self, process: subprocess.Popen[str]) -> None:
        assert process.stderr is not None
        for line in process.stderr:
            self.errors = [*self.errors[-19:], line.rstrip("\n")]

    def stop(self) -> None:
        """End serving as ctrl+c would (SIGINT), or kill it if it does not end in time."""
        process = self._process
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
