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
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import jinja2
from sse_starlette import EventSourceResponse
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from workshop.core import room
from workshop.core.models import Session
from workshop.editor import Change, Rejected, Saved, SessionEditor
from workshop.web import security
from workshop.web.guards import BodyLimit, SameOrigin, SecurityHeaders
from workshop.web.live import LiveSession, Pending
from workshop.web.views import participant_view, projector_view

HERE = Path(__file__).parent
TOKEN_COOKIE = "workshop_token"
EVENT_WAIT_SECONDS = 15.0

Form = list[tuple[str, str]]
"""A form's fields in order (a name may come more than once)."""


@dataclass
class RoomServer:
    """What one run of the server knows: the session, the code, the key, the limits."""

    live: LiveSession
    join_code: str
    projector_key: str
    clock: Callable[[], float]
    join_url: str | None
    signer: security.FormSigner = field(default_factory=security.FormSigner)
    wrong_codes: security.WrongCodeLimit = field(default_factory=security.WrongCodeLimit)
    idea_pace: security.IdeaPace = field(default_factory=security.IdeaPace)
    joined: set[str] = field(default_factory=set)
    """Token hashes of those who gave the right code in this run (the file knows the rest)."""
    qr_svgs: dict[str, str] = field(default_factory=dict)

    def is_joined(self, token: str, session: Session) -> bool:
        if not token:
            return False
        hashed = security.token_hash(token)
        return hashed in self.joined or bool(room.known_participant(session, hashed))

    def qr_svg(self, url: str) -> str:
        svg = self.qr_svgs.get(url)
        if svg is None:
            import segno

            svg = segno.make(url, error="m").svg_inline(
                scale=8, dark="#000", light="#fff", omitsize=True, svgclass="qr"
            )
            self.qr_svgs[url] = svg
        return svg


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every value is escaped unless a template marks it safe
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def create_app(
    session_path: Path | str,
    *,
    join_code: str | None = None,
    projector_key: str | None = None,
    clock: Callable[[], float] = time.time,
    join_url: str | None = None,
    allowed_hosts: list[str] | None = None,
) -> Starlette:
    """The room's app for one session file (opened now: InvalidFileError if it does not load).

    `join_code` and `projector_key` are random unless given (tests give them); `clock` gives
    the epoch seconds that timers and limits count by; `join_url`, the address printed for
    participants, is what the projector's QR code holds (else the address the projector page
    was asked for); `allowed_hosts` limits the Host header (against DNS rebinding).
    """
    editor = SessionEditor.open(session_path)
    server = RoomServer(
        live=LiveSession(editor),
        join_code=join_code or security.new_join_code(),
        projector_key=projector_key or security.new_token(),
        clock=clock,
        join_url=join_url,
    )
    pages = _Pages(server, _environment())

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        writer = asyncio.create_task(server.live.run(clock))
        try:
            yield
        finally:
            server.live.close()
            await writer

    middleware = [Middleware(SecurityHeaders), Middleware(BodyLimit), Middleware(SameOrigin)]
    if allowed_hosts:
        middleware.insert(1, Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    app = Starlette(
        routes=[
            Route("/", pages.home, methods=["GET"]),
            Route("/join", pages.join, methods=["POST"]),
            Route("/idea", pages.idea, methods=["POST"]),
            Route("/dots", pages.dots, methods=["POST"]),
            Route("/scores", pages.scores, methods=["POST"]),
            Route("/activity", pages.activity_fragment, methods=["GET"]),
            Route("/events", pages.participant_events, methods=["GET"]),
            Route("/projector/{key}", pages.projector, methods=["GET"]),
            Route("/projector/{key}/live", pages.projector_fragment, methods=["GET"]),
            Route("/projector/{key}/events", pages.projector_events, methods=["GET"]),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ],
        middleware=middleware,
        lifespan=lifespan,
    )
    app.state.room = server
    return app


class _Pages:
    """The request handlers, sharing one server's state and one template environment."""

    def __init__(self, server: RoomServer, environment: jinja2.Environment) -> None:
        self.server = server
        self.environment = environment

    # --- helpers -----------------------------------------------------------------------------

    def render(
        self,
        name: str,
        status: int = 200,
        *,
        token: str = "",
        new_token: str = "",
        **context: Any,
    ) -> HTMLResponse:
        """A page; `new_token` is set as the visitor's cookie (HttpOnly, SameSite=Strict)."""
        cookie_token = new_token or token
        context.setdefault(
            "form_token", self.server.signer.sign(cookie_token) if cookie_token else ""
        )
        html = self.environment.get_template(name).render(**context)
        response = HTMLResponse(html, status_code=status, headers={"cache-control": "no-store"})
        if new_token:
            _set_token(response, new_token)
        return response

    def participant_page(
        self,
        token: str,
        status: int = 200,
        *,
        message: str = "",
        notice: str = "",
        typed: str = "",
        typed_for: str = "",
        new_token: str = "",
    ) -> HTMLResponse:
        session = self.server.live.session
        view = participant_view(session, security.token_hash(token), self.server.clock())
        # Text sent for an activity that is no longer on screen is shown back, never dropped.
        return self.render(
            "participant.html",
            status,
            token=token,
            new_token=new_token,
            view=view,
            session_title=session.title,
            message=message,
            notice=notice,
            typed=typed,
            typed_for=typed_for,
            version=self.server.live.version,
            idea_max=room.IDEA_MAX_CHARS,
        )

    def join_page(
        self, token: str, status: int = 200, *, message: str = "", new_token: str = ""
    ) -> HTMLResponse:
        return self.render(
            "join.html",
            status,
            token=token,
            new_token=new_token,
            session_title=self.server.live.session.title,
            message=message,
        )

    async def checked_form(self, request: Request) -> tuple[str, Form] | Response:
        """The visitor's token and form, if the form carries this visitor's signature."""
        token = request.cookies.get(TOKEN_COOKIE, "")
        form = await _form(request)
        signature = _field(form, "form_token")
        if not self.server.signer.verify(token, signature):
            return HTMLResponse(
                _sentence("This page has expired: open it again and send it from there."),
                status_code=403,
            )
        return token, form

    # --- joining -----------------------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        token = request.cookies.get(TOKEN_COOKIE, "")
        if self.server.is_joined(token, self.server.live.session):
            return self.participant_page(
                token, notice="Sent." if request.query_params.get("sent") else ""
            )
        if token:
            return self.join_page(token)
        return self.join_page("", new_token=security.new_token())

    async def join(self, request: Request) -> Response:
        checked = await self.checked_form(request)
        if isinstance(checked, Response):
            return checked
        token, form = checked
        if self.server.is_joined(token, self.server.live.session):
            return RedirectResponse("/", status_code=303)  # joined already: keep their token
        address = request.client.host if request.client else ""
        now = self.server.clock()
        limits = self.server.wrong_codes
        if limits.blocked(address, now):
            return self.join_page(
                token, 429, message="Too many wrong codes: wait a minute, then try again."
            )
        code = "".join(_field(form, "code").split())
        if not security.same_secret(code, self.server.join_code):
            limits.wrong(address, now)
            return self.join_page(
                token, 403, message="That is not the code on the screen. Try again."
            )
        # A fresh token for the one who joined: whatever token the visitor had before is no
        # longer worth anything.
        joined = security.new_token()
        self.server.joined.add(security.token_hash(joined))
        response = RedirectResponse("/", status_code=303)
        _set_token(response, joined)
        return response

    # --- sending -----------------------------------------------------------------------------

    async def joined_form(self, request: Request) -> tuple[str, Form] | Response:
        checked = await self.checked_form(request)
        if isinstance(checked, Response):
            return checked
        token, _ = checked
        if not self.server.is_joined(token, self.server.live.session):
            return RedirectResponse("/", status_code=303)
        return checked

    async def idea(self, request: Request) -> Response:
        checked = await self.joined_form(request)
        if isinstance(checked, Response):
            return checked
        token, form = checked
        text = _field(form, "text")
        activity_id = _field(form, "activity")

        def again(status: int, message: str) -> Response:
            return self.participant_page(
                token, status, message=message, typed=text, typed_for=activity_id
            )

        if not text.strip():
            return again(422, "Type your idea first.")
        if len(text.strip()) > room.IDEA_MAX_CHARS:
            return again(
                422,
                f"An idea can be at most {room.IDEA_MAX_CHARS} characters; "
                f"this one has {len(text.strip())}. Shorten it and send it again.",
            )
        hashed = security.token_hash(token)
        wait = self.server.idea_pace.take(hashed, self.server.clock())
        if wait:
            return again(
                429,
                f"Thank you, that is a lot of ideas at once! Wait {max(1, round(wait))} s, "
                "then send this one.",
            )
        change = Change(
            lambda draft: room.send_idea(draft, hashed, activity_id, text), "Idea from the room"
        )
        result = await self.server.live.submit(change)
        if isinstance(result, Rejected):
            self.server.idea_pace.give_back(hashed)
            return again(_refusal_status(result), result.message)
        return self.after_sending(token, result)

    def after_sending(self, token: str, result: Saved | Pending) -> Response:
        if isinstance(result, Pending):
            return self.participant_page(
                token,
                202,
                notice="Received, but not saved yet: the facilitator's laptop will save it as "
                "soon as it can. No need to send it again.",
            )
        return RedirectResponse("/?sent=1", status_code=303)

    async def dots(self, request: Request) -> Response:
        checked = await self.joined_form(request)
        if isinstance(checked, Response):
            return checked
        token, form = checked
        activity_id = _field(form, "activity")
        allocation = _numbers(form, "dots-")
        if allocation is None:
            return self.participant_page(token, 422, message="Dots are whole numbers.")
        given = {target: count for target, count in allocation.items() if count is not None}
        hashed = security.token_hash(token)
        result = await self.server.live.submit(
            Change(lambda d: room.send_dots(d, hashed, activity_id, given), "Dots from the room")
        )
        if isinstance(result, Rejected):
            return self.participant_page(token, _refusal_status(result), message=result.message)
        return self.after_sending(token, result)

    async def scores(self, request: Request) -> Response:
        checked = await self.joined_form(request)
        if isinstance(checked, Response):
            return checked
        token, form = checked
        activity_id = _field(form, "activity")
        scores = _numbers(form, "score-")
        if scores is None:
            return self.participant_page(token, 422, message="Scores are whole numbers.")
        hashed = security.token_hash(token)
        result = await self.server.live.submit(
            Change(
                lambda d: room.send_scores(d, hashed, activity_id, scores), "Scores from the room"
            )
        )
        if isinstance(result, Rejected):
            return self.participant_page(token, _refusal_status(result), message=result.message)
        return self.after_sending(token, result)

    # --- live updates ------------------------------------------------------------------------

    async def activity_fragment(self, request: Request) -> Response:
        token = request.cookies.get(TOKEN_COOKIE, "")
        session = self.server.live.session
        if not self.server.is_joined(token, session):
            return Response(status_code=204, headers={"hx-redirect": "/"})
        view = participant_view(session, security.token_hash(token), self.server.clock())
        return self.render(
            "activity.html",
            token=token,
            view=view,
            message="",
            notice="",
            typed="",
            typed_for="",
            idea_max=room.IDEA_MAX_CHARS,
        )

    async def participant_events(self, request: Request) -> Response:
        token = request.cookies.get(TOKEN_COOKIE, "")
        if not self.server.is_joined(token, self.server.live.session):
            return Response(status_code=403)
        return EventSourceResponse(self._events(request, "activity", _int(request, "v")))

    async def _events(
        self, request: Request, kind: str, version: int
    ) -> AsyncIterator[dict[str, str]]:
        """`activity` when participants' pages should show another activity; `changed` on
        every change (the projector's counts)."""
        live = self.server.live
        activity_key = live.activity_key if version == live.version else ""
        while not live.closed:
            if not await live.wait_for_change(version, EVENT_WAIT_SECONDS):
                if await request.is_disconnected():
                    return
                continue
            version = live.version
            if kind == "changed":
                yield {"event": "changed", "data": str(version)}
            elif live.activity_key != activity_key:
                activity_key = live.activity_key
                yield {"event": "activity", "data": str(version)}

    # --- the projector -----------------------------------------------------------------------

    def projector_allowed(self, request: Request) -> bool:
        return security.same_secret(str(request.path_params["key"]), self.server.projector_key)

    def projector_context(self, request: Request) -> dict[str, Any]:
        join_url = self.server.join_url or str(request.base_url)
        return {
            "view": projector_view(self.server.live.session, self.server.clock()),
            "join_url": join_url,
            "join_code": self.server.join_code,
            "qr_svg": self.server.qr_svg(join_url),
            "key": self.server.projector_key,
            "version": self.server.live.version,
        }

    async def projector(self, request: Request) -> Response:
        if not self.projector_allowed(request):
            return HTMLResponse(_sentence("No such page."), status_code=404)
        return self.render("projector.html", **self.projector_context(request))

    async def projector_fragment(self, request: Request) -> Response:
        if not self.projector_allowed(request):
            return HTMLResponse(_sentence("No such page."), status_code=404)
        return self.render("projector_live.html", **self.projector_context(request))

    async def projector_events(self, request: Request) -> Response:
        if not self.projector_allowed(request):
            return Response(status_code=404)
        return EventSourceResponse(self._events(request, "changed", _int(request, "v")))


async def _form(request: Request) -> Form:
    """The fields of a url-encoded form (the body is at most 4 KB: the guard saw to that)."""
    if request.headers.get("content-type", "").split(";")[0].strip() != (
        "application/x-www-form-urlencoded"
    ):
        return []
    body = (await request.body()).decode("utf-8", errors="replace")
    try:
        return parse_qsl(body, keep_blank_values=True, max_num_fields=400)
    except ValueError:
        return []


def _field(form: Form, name: str) -> str:
    return next((value for key, value in form if key == name), "")


def _set_token(response: Response, token: str) -> None:
    response.set_cookie(
        TOKEN_COOKIE,
        token,
        max_age=60 * 60 * 24 * 30,
        httponly=True,
        samesite="strict",
        path="/",
    )


def _sentence(text: str) -> str:
    return (
        '<!doctype html><html lang="en"><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="stylesheet" href="/static/workshop.css"><main><p class="error">{text}</p>'
        '<p><a href="/">Back</a></p></main></html>'
    )


def _int(request: Request, name: str) -> int:
    value = request.query_params.get(name, "")
    return int(value) if value.isdigit() else -1


def _numbers(form: Form, prefix: str) -> dict[str, int | None] | None:
    """The form's fields named prefix + id, as numbers (None for an empty field); None if any
    is not a whole number."""
    numbers: dict[str, int | None] = {}
    for name, value in form:
        if not name.startswith(prefix):
            continue
        value = value.strip()
        if not value:
            numbers[name[len(prefix) :]] = None
            continue
        try:
            numbers[name[len(prefix) :]] = int(value)
        except ValueError:
            return None
    return numbers


def _refusal_status(result: Rejected) -> int:
    """409 for what came at the wrong moment (the activity ended), 422 for what is wrong."""
    return 409 if isinstance(result.error, room.NotNowError) else 422
