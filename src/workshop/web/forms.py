"""Reading what a browser sent, and the small responses every page needs."""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import Response

from workshop.core import room
from workshop.store.editor import Rejected
from workshop.web.guards import sentence
from workshop.web.state import TOKEN_COOKIE

__all__ = [
    "Form",
    "field",
    "numbers",
    "query_int",
    "read_form",
    "refusal_status",
    "sentence",
    "set_token",
]

Form = list[tuple[str, str]]
"""A form's fields in order (a name may come more than once)."""


async def read_form(request: Request) -> Form:
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


def field(form: Form, name: str) -> str:
    return next((value for key, value in form if key == name), "")


def set_token(response: Response, token: str) -> None:
    response.set_cookie(
        TOKEN_COOKIE,
        token,
        max_age=60 * 60 * 24 * 30,
        httponly=True,
        samesite="strict",
        path="/",
    )


def query_int(request: Request, name: str) -> int:
    value = request.query_params.get(name, "")
    return int(value) if value.isascii() and value.isdigit() else -1


def numbers(form: Form, prefix: str) -> dict[str, int | None] | None:
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


def refusal_status(result: Rejected) -> int:
    """409 for what came at the wrong moment (the activity ended), 422 for what is wrong."""
    return 409 if isinstance(result.error, room.NotNowError) else 422
