"""The room's web app: participants join with a code and send ideas, dots and scores; the
projector page shows the room to itself. One app serves the one session it was made for.

Pages are rendered on the server and work as plain forms (post, then a redirect back) with
JavaScript off; with it on, htmx's server-sent-events extension swaps in the next activity
when the facilitator moves on, and a small static script counts the timer down.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from workshop.store.editor import SessionEditor
from workshop.web import security
from workshop.web.guards import BodyLimit, SameOrigin, SecurityHeaders
from workshop.web.live import LiveSession
from workshop.web.pages import Pages
from workshop.web.projector import ProjectorPages
from workshop.web.rendering import Renderer
from workshop.web.state import RoomServer

STATIC = Path(__file__).parent / "static"


def create_app(
    session_path: Path | str,
    *,
    join_code: str | None = None,
    projector_key: str | None = None,
    clock: Callable[[], float] = time.time,
    join_url: str | None = None,
    allowed_hosts: list[str] | None = None,
    save_wait: float = 5.0,
    on_join: Callable[[int], None] | None = None,
) -> Starlette:
    """The room's app for one session file (opened now: InvalidFileError if it does not load).

    `join_code` and `projector_key` are random unless given (tests give them); `clock` gives
    the epoch seconds that timers and limits count by; `join_url`, the address printed for
    participants, is what the projector's QR code holds (else the address the projector page
    was asked for); `allowed_hosts` limits the Host header (against DNS rebinding);
    `save_wait` is how long a submission waits for a failing disk before its sender is told
    it is received but not saved yet (it stays queued and is retried every 2 s);
    `on_join(count)` is called each time someone gives the right code, with how many have
    in this run (the facilitator's screen shows it).
    """
    editor = SessionEditor.open(session_path)
    server = RoomServer(
        live=LiveSession(editor, save_wait=save_wait),
        join_code=join_code or security.new_join_code(),
        projector_key=projector_key or security.new_token(),
        clock=clock,
        join_url=join_url,
        on_join=on_join,
    )
    renderer = Renderer(server)
    app = Starlette(
        routes=_routes(Pages(renderer), ProjectorPages(renderer)),
        middleware=_middleware(allowed_hosts),
        lifespan=_lifespan(server, clock),
    )
    app.state.room = server
    return app


def _routes(pages: Pages, projector: ProjectorPages) -> list[BaseRoute]:
    """The participants' pages, the projector's (behind its key), and the static files."""
    return [
        Route("/", pages.home, methods=["GET"]),
        Route("/join", pages.join, methods=["POST"]),
        Route("/idea", pages.idea, methods=["POST"]),
        Route("/dots", pages.dots, methods=["POST"]),
        Route("/scores", pages.scores, methods=["POST"]),
        Route("/activity", pages.activity_fragment, methods=["GET"]),
        Route("/events", pages.participant_events, methods=["GET"]),
        Route("/projector/{key}", projector.page, methods=["GET"]),
        Route("/projector/{key}/live", projector.fragment, methods=["GET"]),
        Route("/projector/{key}/events", projector.events, methods=["GET"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]


def _middleware(allowed_hosts: list[str] | None) -> list[Middleware]:
    """The guards every request passes, outermost first; the Host check only when asked."""
    middleware = [Middleware(SecurityHeaders), Middleware(BodyLimit), Middleware(SameOrigin)]
    if allowed_hosts:
        middleware.insert(1, Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    return middleware


def _lifespan(
    server: RoomServer, clock: Callable[[], float]
) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    """Runs the session's writer while the app serves; on shutdown, closes it and waits for
    its last try at saving what is still queued."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        writer = asyncio.create_task(server.live.run(clock))
        try:
            yield
        finally:
            server.live.close()
            await writer

    return lifespan
