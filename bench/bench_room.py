"""The room under load: `workshop serve` with many simulated phones, on 127.0.0.1 only.

Run from the repository root: `.venv/bin/python bench/bench_room.py [--only ...]`. The server
is a real `workshop serve` process; the phones are httpx clients in this process (each its own
cookies: join with the code, then hold the live event stream open); the facilitator's screen is
the real app (`workshop open`) on a pseudo-terminal read by pyte (bench/terminal.py), typed
into while the room sends. Everything is bounded in count and time, and the whole run stops by
itself after --limit seconds.

- hold: 60 phones joined, each holding its event stream: the server's resident memory.
  Target: under 100 MB.
- burst: the 60 phones send 5 ideas each at once, while `workshop idea add` runs from another
  process and the facilitator's screen is open: every idea is in the file once (nothing lost),
  and each submission is acknowledged (its 303) within 1 s, p95. Each phone has its 5
  connections open before (a loaded page keeps them alive); the forms are sent as prepared
  HTTP/1.1 requests on them (httpx's own work for 300 requests at once, in one process, was
  most of what it measured).
- steady: 25 ideas a second spread over the 60 phones for --steady seconds, while keys are
  typed into the screen's idea box: submit-to-acknowledged p95 under 100 ms, and each key's
  echo on the screen under 50 ms.
- many: 300 phones join, hold their streams and send one idea each at once: the server keeps
  serving (figures printed, nothing lost).

Timings move with the machine's load (2 cores shared): compare within one run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_terminal import IDEA_BOX, Typist, verdict, workshop_command  # noqa: E402
from bench_tui import make_session  # noqa: E402
from terminal import Terminal, ms, percentile  # noqa: E402
from workshop.store.session_text import load_session  # noqa: E402

SECTIONS = ("hold", "burst", "steady", "many")
SERVE_COMMAND = os.environ.get("BENCH_ROOM_SERVE", "").split() or workshop_command()
"""How the server is started (BENCH_ROOM_SERVE: another command, e.g. one that profiles)."""
_FORM_TOKEN = re.compile(r'name="form_token" value="([^"]*)"')
_VERSION = re.compile(r'/events\?v=(\d+)"')


@dataclass
class Phone:
    """One participant's browser: its own cookies; joined, then holding its event stream."""

    client: httpx.AsyncClient
    form_token: str = ""
    stream: asyncio.Task[None] | None = None
    sent: list[str] = field(default_factory=list)
    idle: list[RawConnection] = field(default_factory=list)
    """Kept-alive connections for sending forms (as a browser keeps them)."""


class RawConnection:
    """One kept-alive HTTP/1.1 connection that sends a prepared form and reads the answer.

    The submissions are timed over these rather than through httpx, whose own work per
    request (in one process, for hundreds at once) would be most of what is measured.
    """

    KEPT_SECONDS = 4.0
    """How long an idle connection is reused (uvicorn closes one idle for 5 s)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer
        self.last_used = time.monotonic()

    @property
    def stale(self) -> bool:
        return time.monotonic() - self.last_used > self.KEPT_SECONDS

    @classmethod
    async def open(cls, base: str) -> RawConnection:
        url = httpx.URL(base)
        reader, writer = await asyncio.open_connection(url.host, url.port)
        return cls(reader, writer)

    async def post(self, base: str, path: str, cookie: str, form: dict[str, str]) -> int:
        url = httpx.URL(base)
        body = urlencode(form).encode()
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {url.host}:{url.port}\r\nCookie: {cookie}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        )
        self.writer.write(head.encode() + body)
        headers = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1")
        status = int(headers.split(" ", 2)[1])
        length = re.search(r"(?im)^content-length: *(\d+)", headers)
        if length:
            await self.reader.readexactly(int(length.group(1)))
        self.last_used = time.monotonic()
        return status

    def close(self) -> None:
        self.writer.close()


@dataclass
class Server:
    process: subprocess.Popen[str]
    base: str
    code: str

    def resident_mb(self) -> float:
        """The server's resident memory (VmRSS), in MB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        kb = int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1])
        return kb / 1024

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(path: Path, env: dict[str, str]) -> Server:
    process = subprocess.Popen(
        [*SERVE_COMMAND, "serve", str(path), "--port", "0"],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    lines = [process.stdout.readline().strip() for _ in range(3)]
    if not lines[0].startswith("participants: "):
        process.kill()
        raise SystemExit(f"workshop serve did not start: {lines}")
    return Server(process, lines[0].split(": ", 1)[1], lines[1].split(": ", 1)[1])


async def join(server: Server, limits: httpx.Limits) -> Phone:
    phone = Phone(httpx.AsyncClient(base_url=server.base, timeout=30, limits=limits))
    page = (await phone.client.get("/")).text
    found = _FORM_TOKEN.search(page)
    assert found, "no join form"
    joined = await phone.client.post(
        "/join", data={"form_token": found.group(1), "code": server.code}
    )
    assert joined.status_code == 303, joined.status_code
    page = (await phone.client.get("/")).text
    found, version = _FORM_TOKEN.search(page), _VERSION.search(page)
    assert found and version, "not joined"
    phone.form_token = found.group(1)
    phone.stream = asyncio.create_task(hold_stream(phone, version.group(1)))
    return phone


async def hold_stream(phone: Phone, version: str) -> None:
    """The live event stream a page with JavaScript holds open (read and dropped)."""
    try:
        async with phone.client.stream("GET", f"/events?v={version}", timeout=None) as events:
            async for _ in events.aiter_bytes():
                pass
    except (httpx.HTTPError, asyncio.CancelledError):
        pass


async def send_idea(phone: Phone, text: str) -> float:
    """Send one idea on one of the phone's kept-alive connections; seconds until it is
    acknowledged (303: saved)."""
    base = str(phone.client.base_url)
    connection = phone.idle.pop() if phone.idle else await RawConnection.open(base)
    if connection.stale:  # as a browser does: a new connection, opened before the timing
        connection.close()
        connection = await RawConnection.open(base)
    cookie = "; ".join(f"{name}={value}" for name, value in phone.client.cookies.items())
    form = {"form_token": phone.form_token, "activity": "what-bugs-customers", "text": text}
    started = time.perf_counter()
    status = await connection.post(base, "/idea", cookie, form)
    took = time.perf_counter() - started
    phone.idle.append(connection)
    if status != 303:
        raise SystemExit(f"idea refused: {status}")
    phone.sent.append(text)
    return took


async def join_all(server: Server, count: int) -> list[Phone]:
    # At most 6 connections to one host, as browsers allow: one holds the event stream.
    limits = httpx.Limits(max_connections=6, max_keepalive_connections=6)
    phones: list[Phone] = []
    for start in range(0, count, 20):  # joining in waves of 20, as a room scans the QR code
        phones += await asyncio.gather(
            *(join(server, limits) for _ in range(min(20, count - start)))
        )
    return phones


async def close_all(phones: list[Phone]) -> None:
    for phone in phones:
        if phone.stream is not None:
            phone.stream.cancel()
        for connection in phone.idle:
            connection.close()
    await asyncio.gather(*(p.stream for p in phones if p.stream), return_exceptions=True)
    await asyncio.gather(*(p.client.aclose() for p in phones))


def line(label: str, values: list[float]) -> str:
    return (
        f"  {label:<44} p50 {ms(statistics.median(values))}  "
        f"p95 {ms(percentile(values, 0.95))}  max {ms(max(values))}"
    )


def check_nothing_lost(path: Path, expected: list[str]) -> bool:
    texts = [idea.text for idea in load_session(path).ideas]
    missing = [text for text in expected if text not in texts]
    doubled = [text for text in set(expected) if texts.count(text) > 1]
    print(
        f"  in the file: {len(expected)} sent, {len(missing)} missing, {len(doubled)} twice: "
        f"nothing lost {verdict(not missing and not doubled)}"
    )
    return not missing and not doubled


class CliWriter:
    """`workshop idea add` from another process, one after another, until stopped."""

    def __init__(self, path: Path, env: dict[str, str], label: str) -> None:
        self.path, self.env, self.label = path, env, label
        self.texts: list[str] = []
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            text = f"From the command line {self.label} {len(self.texts)}"
            done = subprocess.run(
                workshop_command("idea", "add", str(self.path), text),
                env=self.env,
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode == 0:
                self.texts.append(text)
            else:
                self.failures.append(done.stderr.strip())

    def __enter__(self) -> CliWriter:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=30)


class Keys:
    """Types into the facilitator's screen in a thread, timing each key to its echo."""

    def __init__(self, terminal: Terminal) -> None:
        self.typist = Typist(terminal)
        self.waits: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        self.typist.clear()  # the box may hold what the last section typed
        self.waits += self.typist.type_until(self._stop.is_set)

    def __enter__(self) -> Keys:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=30)


# --- the phones, in their own process ----------------------------------------------------
# The phones run in a child process with their own event loop, so that reading the
# facilitator's screen (pyte parsing every frame, in this process) does not slow them down and
# their own work does not slow the screen's figures.


async def _phones_main(connection: Connection, base: str, code: str) -> None:
    server = Server(None, base, code)  # type: ignore[arg-type]
    phones: list[Phone] = []
    loop = asyncio.get_running_loop()
    while True:
        command, *arguments = await loop.run_in_executor(None, connection.recv)
        if command == "join":
            started = time.perf_counter()
            phones += await join_all(server, arguments[0])
            connection.send(time.perf_counter() - started)
        elif command == "burst":
            # Each phone's connections are open already (its page loaded what it needs), so
            # the burst times the submissions, not new connections queueing at the socket.
            for phone in phones:
                while len(phone.idle) < arguments[0]:
                    phone.idle.append(await RawConnection.open(str(phone.client.base_url)))
            waits = await asyncio.gather(
                *(
                    send_idea(phone, f"Burst idea {number} from phone {index}")
                    for index, phone in enumerate(phones)
                    for number in range(arguments[0])
                )
            )
            connection.send(list(waits))
        elif command == "steady":
            connection.send(await steady(phones, *arguments))
        elif command == "one-each":
            waits = await asyncio.gather(
                *(send_idea(phone, f"One each: phone {n}") for n, phone in enumerate(phones))
            )
            start = time.perf_counter()
            status = (await phones[0].client.get("/")).status_code
            connection.send((list(waits), status, time.perf_counter() - start))
        elif command == "sent":
            connection.send([text for phone in phones for text in phone.sent])
        elif command == "close":
            await close_all(phones)
            phones = []
            connection.send(None)
        elif command == "exit":
            return


async def steady(phones: list[Phone], seconds: float, rate: float) -> list[float]:
    tasks: list[asyncio.Task[float]] = []
    started = time.perf_counter()
    number = 0
    while time.perf_counter() - started < seconds:
        phone = phones[number % len(phones)]
        tasks.append(asyncio.create_task(send_idea(phone, f"Steady idea {number}")))
        number += 1
        await asyncio.sleep(max(0.0, started + number / rate - time.perf_counter()))
    return list(await asyncio.gather(*tasks))


def _phones_process(connection: Connection, base: str, code: str) -> None:
    asyncio.run(_phones_main(connection, base, code))


class Phones:
    """The simulated phones, driven from here, living in a child process."""

    def __init__(self, server: Server) -> None:
        self.connection, child = multiprocessing.Pipe()
        self.process = multiprocessing.Process(
            target=_phones_process, args=(child, server.base, server.code), daemon=True
        )
        self.process.start()

    def ask(self, *command: object) -> Any:
        self.connection.send(command)
        if command[0] == "exit":
            return None
        return self.connection.recv()

    def start(self, *command: object) -> None:
        """Send a command without waiting for its answer (`answer()` gets it)."""
        self.connection.send(command)

    def answer(self) -> Any:
        return self.connection.recv()

    def stop(self) -> None:
        if self.process.is_alive():
            with contextlib.suppress(OSError):
                self.ask("exit")
            self.process.join(timeout=10)
            if self.process.is_alive():
                self.process.kill()
                self.process.join()


# --- the sections --------------------------------------------------------------------------


def bench_hold(server: Server, joined_in: float, count: int) -> None:
    print(f"Hold: {count} phones joined (in {joined_in:.1f} s), each holding its event stream:")
    resident = server.resident_mb()
    print(f"  server resident memory {resident:.0f} MB; target < 100 MB {verdict(resident < 100)}")


def bench_burst(phones: Phones, path: Path, env: dict[str, str], terminal: Terminal) -> None:
    print(
        "Burst: 60 phones x 5 ideas at once, `workshop idea add` running, "
        "the facilitator's screen open and typed into:"
    )
    terminal.drain(quiet=0.2)
    with CliWriter(path, env, "burst") as writer, Keys(terminal) as keys:
        phones.start("burst", 5)
        waits: list[float] = phones.answer()
        while not writer.texts and not writer.failures:  # at least one ran alongside
            time.sleep(0.05)
    print(line("submit to acknowledged", waits))
    p95 = percentile(waits, 0.95)
    print(f"  target: p95 within 1 s {verdict(p95 <= 1.0)}")
    print(
        f"  `workshop idea add` meanwhile: {len(writer.texts)} ideas, "
        f"{len(writer.failures)} failed {writer.failures[:1]}"
    )
    if keys.waits:
        print(line("key to echo on the screen meanwhile", keys.waits))
    check_nothing_lost(path, phones.ask("sent") + writer.texts)


def bench_steady(
    phones: Phones, path: Path, terminal: Terminal, seconds: float, rate: float
) -> None:
    print(f"Steady: {rate:.0f} ideas/s over 60 phones for {seconds:.0f} s, keys typed meanwhile:")
    time.sleep(10)  # the phones' idea allowance refills after the burst (5, then 1 per 2 s)
    terminal.drain(quiet=0.2)
    with Keys(terminal) as quiet:
        time.sleep(1.5)
    with Keys(terminal) as keys:
        waits: list[float] = phones.ask("steady", seconds, rate)
    quiet_keys, busy_keys = quiet.waits, keys.waits
    print(line("submit to acknowledged", waits))
    p95 = percentile(waits, 0.95)
    print(f"  target: p95 < 100 ms {verdict(p95 < 0.1)}")
    if quiet_keys:
        print(line("key to echo, before the ideas came", quiet_keys))
    if busy_keys:
        print(line("key to echo, while ideas arrived", busy_keys))
        p95_keys = percentile(busy_keys, 0.95)
        print(f"  target: keys < 50 ms (p95) {verdict(p95_keys < 0.05)}")
    check_nothing_lost(path, phones.ask("sent"))


def bench_many(server: Server, path: Path, count: int) -> None:
    print(f"Many: {count} phones join, hold their streams, and send one idea each at once:")
    phones = Phones(server)
    try:
        joined_in = phones.ask("join", count)
        print(
            f"  joined in {joined_in:.1f} s; server resident memory {server.resident_mb():.0f} MB"
        )
        waits, status, page_took = phones.ask("one-each")
        print(line("submit to acknowledged", waits))
        print(
            f"  a page after that: {status} in {ms(page_took)}; "
            f"server resident memory {server.resident_mb():.0f} MB"
        )
        check_nothing_lost(path, phones.ask("sent"))
        phones.ask("close")
    finally:
        phones.stop()


def run(args: argparse.Namespace, folder: Path, env: dict[str, str]) -> None:
    sections = args.only.split(",")
    path = make_session(folder, 100)
    server = start_server(path, env)
    try:
        if {"hold", "burst", "steady"} & set(sections):
            phones = Phones(server)
            try:
                joined_in = phones.ask("join", 60)
                time.sleep(0.5)  # the streams open
                if "hold" in sections:
                    bench_hold(server, joined_in, 60)
                with Terminal(workshop_command("open", str(path)), env=env) as terminal:
                    terminal.wait_for(IDEA_BOX, timeout=30)
                    terminal.drain(quiet=0.3)
                    if "burst" in sections:
                        bench_burst(phones, path, env, terminal)
                    if "steady" in sections:
                        bench_steady(phones, path, terminal, args.steady, args.rate)
                phones.ask("close")
            finally:
                phones.stop()
        if "many" in sections:
            bench_many(server, path, args.many)
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(SECTIONS), help="sections, comma-separated")
    parser.add_argument("--steady", type=float, default=20.0, help="seconds of steady load")
    parser.add_argument("--rate", type=float, default=25.0, help="ideas a second, steady")
    parser.add_argument("--many", type=int, default=300, help="phones in the last section")
    parser.add_argument("--limit", type=int, default=300, help="stop after this many seconds")
    args = parser.parse_args()

    def out_of_time(signum: int, frame: object) -> None:
        raise SystemExit(f"bench_room: stopped after {args.limit} s")

    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(args.limit)  # bounded: the run ends by itself (and stops what it started)
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        env = dict(os.environ, WORKSHOP_HOME=str(folder))
        run(args, folder, env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
