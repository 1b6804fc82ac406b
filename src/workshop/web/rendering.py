"""Pages from templates: Jinja2 with every value escaped, and each form signed for its visitor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from starlette.responses import HTMLResponse

from workshop.web.forms import set_token
from workshop.web.state import RoomServer

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every value is escaped unless a template marks it safe
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


class Renderer:
    """Renders one server's pages."""

    def __init__(self, server: RoomServer) -> None:
        self.server = server
        self.environment = environment()

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
            set_token(response, new_token)
        return response
