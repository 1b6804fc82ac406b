"""Serving the room's app: `serve` for `workshop serve`, `serve_in_thread` for tests and
benches. The socket is bound before anything is printed, so the addresses printed work."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import BinaryIO, TextIO

import uvicorn
from starlette.applications import Starlette

from workshop.web.app import create_app
from workshop.web.state import RoomServer

LOCAL_HOST = "127.0.0.1"


def lan_address() -> str:
    """This machine's address on its network: the one a route to the outside would leave from
    (a UDP "connect" sends nothing), or the host name's address, or the loopback one."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere for real
        address = str(probe.getsockname()[0])
        if address and not address.startswith("0."):
            return address
    with contextlib.suppress(OSError):
        return socket.gethostbyname(socket.gethostname())
    return LOCAL_HOST


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port (port 0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


@dataclass(frozen=True)
class Addresses:
    participants: str
    projector: str
    code: str

    def lines(self) -> list[str]:
        """The three lines `workshop serve` prints."""
        return [
            f"participants: {self.participants}",
            f"code: {self.code}",
            f"projector: {self.projector}",
        ]


def addresses(app: Starlette, host: str, port: int) -> Addresses:
    room: RoomServer = app.state.room
    base = f"http://{url_host(host)}:{port}/"
    return Addresses(base, f"{base}projector/{room.projector_key}", room.join_code)


class _Server(uvicorn.Server):
    """Ends the event streams at once on ctrl+c (they would hold the shutdown up)."""

    def __init__(self, app: Starlette) -> None:
        super().__init__(_config(app))
        self.room: RoomServer = app.state.room

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self.room.live.close()
        super().handle_exit(sig, frame)


def _config(app: Starlette) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=2,
        proxy_headers=False,
    )


def serve(
    session_path: Path,
    *,
    host: str = LOCAL_HOST,
    port: int = 8000,
    out: TextIO,
    announce: Callable[[Addresses], None] | None = None,
    report_joins: bool = False,
    end_with: BinaryIO | None = None,
) -> None:
    """Serve one session on host:port until interrupted (ctrl+c), after printing where; with
    `report_joins`, a line `joined: N` each time someone joins (the facilitator's screen,
    which runs this as a child process, reads them); with `end_with`, serving also ends when
    that stream ends (the screen's pipe: a screen that was killed leaves no server behind)."""
    sock = bind(host, port)
    port = sock.getsockname()[1]
    base = f"http://{url_host(host)}:{port}/"
    allowed = [host, "localhost", LOCAL_HOST] if host in (LOCAL_HOST, "localhost") else [host]

    def joined(count: int) -> None:
        print(f"joined: {count}", file=out, flush=True)

    app = create_app(
        session_path,
        join_url=base,
        allowed_hosts=allowed,
        on_join=joined if report_joins else None,
    )
    where = addresses(app, host, port)
    for line in where.lines():
        print(line, file=out, flush=True)
    if announce is not None:
        announce(where)
    server = _Server(app)
    if end_with is not None:

        def end_when_closed(stream: BinaryIO) -> None:
            while stream.read(4096):
                pass
            # As on ctrl+c, without a signal (uvicorn would raise it again once stopped).
            server.room.live.close()
            server.should_exit = True

        threading.Thread(target=end_when_closed, args=(end_with,), daemon=True).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()


@dataclass
class RunningServer:
    app: Starlette
    addresses: Addresses
    host: str
    port: int


@contextlib.contextmanager
def serve_in_thread(
    app: Starlette, host: str = LOCAL_HOST, port: int = 0
) -> Iterator[RunningServer]:
    """Serve `app` from a background thread on host:port (0: a free port) while the block
    runs; stops it (closing the event streams) when the block ends."""
    sock = bind(host, port)
    port = sock.getsockname()[1]
    server = _Server(app)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the server did not start")
            threading.Event().wait(0.01)
        yield RunningServer(app, addresses(app, host, port), host, port)
    finally:
        server.should_exit = True
        app.state.room.live.close()
        thread.join(timeout=10)
        sock.close()
