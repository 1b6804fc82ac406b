"""The participants' pages: the join form, the current activity's form, and the event stream
that tells a page when the facilitator has moved on."""

from __future__ import annotations

from collections.abc import Callable

from sse_starlette import EventSourceResponse
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from workshop.core import room
from workshop.core.models import Session
from workshop.store.editor import Change, Rejected, Saved
from workshop.web import security
from workshop.web.forms import (
    Form,
    field,
    numbers,
    query_int,
    read_form,
    refusal_status,
    sentence,
    set_token,
)
from workshop.web.live import Pending, event_stream
from workshop.web.rendering import Renderer
from workshop.web.state import TOKEN_COOKIE
from workshop.web.views import participant_view

Numbers = dict[str, int | None]
"""A dots or scores form's whole numbers, by item or criterion (None: left empty)."""


class Pages:
    """The participants' pages: joining, sending, and the next activity as it comes."""

    def __init__(self, renderer: Renderer) -> None:
        self.server = renderer.server
        self.render = renderer.render

    # --- pages ------------------------------------------------------------------------------

    def participant_page(
        self,
        token: str,
        status: int = 200,
        *,
        message: str = "",
        notice: str = "",
        typed: str = "",
        typed_for: str = "",
        typed_name: str | None = None,
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
            typed_name=typed_name,
            version=self.server.live.version,
            idea_max=room.IDEA_MAX_CHARS,
            name_max=room.NAME_MAX_CHARS,
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
        form = await read_form(request)
        signature = field(form, "form_token")
        if not self.server.signer.verify(token, signature):
            return HTMLResponse(
                sentence("This page has expired: open it again and send it from there."),
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
        code = "".join(field(form, "code").split())
        if not security.same_secret(code, self.server.join_code):
            limits.wrong(address, now)
            return self.join_page(
                token, 403, message="That is not the code on the screen. Try again."
            )
        # A fresh token for the one who joined: whatever token the visitor had before is no
        # longer worth anything.
        joined = security.new_token()
        self.server.joined.add(security.token_hash(joined))
        if self.server.on_join is not None:
            self.server.on_join(len(self.server.joined))
        response = RedirectResponse("/", status_code=303)
        set_token(response, joined)
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
        text = field(form, "text")
        activity_id = field(form, "activity")
        name = field(form, "name")

        def again(status: int, message: str) -> Response:
            return self.participant_page(
                token,
                status,
                message=message,
                typed=text,
                typed_for=activity_id,
                typed_name=name,
            )

        if not text.strip():
            return again(422, "Type your idea first.")
        if len(text.strip()) > room.IDEA_MAX_CHARS:
            return again(
                422,
                f"An idea can be at most {room.IDEA_MAX_CHARS} characters; "
                f"this one has {len(text.strip())}. Shorten it and send it again.",
            )
        if len(name.strip()) > room.NAME_MAX_CHARS:
            return again(
                422,
                f"A name can be at most {room.NAME_MAX_CHARS} characters. Shorten it, or leave "
                "it empty to stay anonymous.",
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
            lambda draft: room.send_idea(draft, hashed, activity_id, text, name),
            f"Idea from the room for {activity_id}: {text}",  # in the log if it cannot be saved
        )
        result = await self.server.live.submit(change)
        if isinstance(result, Rejected):
            self.server.idea_pace.give_back(hashed)
            return again(refusal_status(result), result.message)
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
        def send(session: Session, who: str, activity_id: str, given: Numbers) -> None:
            spent = {target: count for target, count in given.items() if count is not None}
            room.send_dots(session, who, activity_id, spent)

        return await self._send_numbers(request, "dots-", "Dots", send)

    async def scores(self, request: Request) -> Response:
        return await self._send_numbers(request, "score-", "Scores", room.send_scores)

    async def _send_numbers(
        self,
        request: Request,
        prefix: str,
        what: str,
        send: Callable[[Session, str, str, Numbers], None],
    ) -> Response:
        """A form of whole numbers (dots or scores) for the current activity, sent as one
        change; refused with the page and its message, or acknowledged."""
        checked = await self.joined_form(request)
        if isinstance(checked, Response):
            return checked
        token, form = checked
        activity_id = field(form, "activity")
        given = numbers(form, prefix)
        if given is None:
            return self.participant_page(token, 422, message=f"{what} are whole numbers.")
        hashed = security.token_hash(token)
        result = await self.server.live.submit(
            Change(lambda d: send(d, hashed, activity_id, given), f"{what} from the room")
        )
        if isinstance(result, Rejected):
            return self.participant_page(token, refusal_status(result), message=result.message)
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
            typed_name=None,
            idea_max=room.IDEA_MAX_CHARS,
            name_max=room.NAME_MAX_CHARS,
        )

    async def participant_events(self, request: Request) -> Response:
        token = request.cookies.get(TOKEN_COOKIE, "")
        if not self.server.is_joined(token, self.server.live.session):
            return Response(status_code=403)
        return EventSourceResponse(
            event_stream(
                self.server.live, request.is_disconnected, "activity", query_int(request, "v")
            )
        )
