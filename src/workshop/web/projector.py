"""The projector's page, for the big screen: behind its own key, the prompt, the timer, how to
join, and the room's answers once the facilitator reveals them."""

from __future__ import annotations

from typing import Any

from sse_starlette import EventSourceResponse
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from workshop.web import security
from workshop.web.forms import query_int, sentence
from workshop.web.live import event_stream
from workshop.web.rendering import Renderer
from workshop.web.views import projector_view


class ProjectorPages:
    """The projector's page, its live part, and its event stream."""

    def __init__(self, renderer: Renderer) -> None:
        self.server = renderer.server
        self.render = renderer.render

    def allowed(self, request: Request) -> bool:
        return security.same_secret(str(request.path_params["key"]), self.server.projector_key)

    def context(self, request: Request) -> dict[str, Any]:
        join_url = self.server.join_url or str(request.base_url)
        return {
            "view": projector_view(self.server.live.session, self.server.clock()),
            "join_url": join_url,
            "join_code": self.server.join_code,
            "qr_svg": self.server.qr_svg(join_url),
            "key": self.server.projector_key,
            "version": self.server.live.version,
        }

    async def page(self, request: Request) -> Response:
        if not self.allowed(request):
            return HTMLResponse(sentence("No such page."), status_code=404)
        return self.render("projector.html", **self.context(request))

    async def fragment(self, request: Request) -> Response:
        if not self.allowed(request):
            return HTMLResponse(sentence("No such page."), status_code=404)
        return self.render("projector_live.html", **self.context(request))

    async def events(self, request: Request) -> Response:
        if not self.allowed(request):
            return Response(status_code=404)
        return EventSourceResponse(
            event_stream(
                self.server.live, request.is_disconnected, "changed", query_int(request, "v")
            )
        )
