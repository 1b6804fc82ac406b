"""A room server on a session file, driven by Starlette's test client, with a clock tests move."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from workshop.core import ops
from workshop.core.models import Session
from workshop.store.session_file import SessionFile
from workshop.web.app import create_app

CODE = "123456"
KEY = "projector-key-for-tests"
_FORM_TOKEN = re.compile(r'name="form_token" value="([^"]*)"')


class Clock:
    """Epoch seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


class Person:
    """One participant's browser: their own cookies, on the room's one test client."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.cookies = httpx.Cookies()

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        self.client.cookies = self.cookies
        try:
            kwargs.setdefault("follow_redirects", False)
            return self.client.request(method, url, **kwargs)
        finally:
            self.cookies = httpx.Cookies(self.client.cookies)

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def page(self) -> str:
        return self.get("/").text


@dataclass
class Room:
    path: Path
    clock: Clock
    client: TestClient

    def person(self) -> Person:
        return Person(self.client)

    def change(self, edit: Callable[[Session], object]) -> None:
        """Another process (the facilitator's screen, `workshop idea add`) changes the file,
        and the server picks it up (as its poll would)."""
        SessionFile.open(self.path).change(edit)
        self.settle()

    def settle(self) -> None:
        """Wait until the server has looked at the file since now (no sleeping: ask it)."""
        self.client.get("/static/workshop.css")  # any request lets the writer task run
        live = self.client.app.state.room.live  # type: ignore[attr-defined]
        self.client.portal.call(live.refresh_now)  # type: ignore[union-attr]


@pytest.fixture
def room(session_file: SessionFile) -> Iterator[Room]:
    session_file.change(lambda d: ops.start_activity(d, "what-bugs-customers"))
    clock = Clock()
    app = create_app(session_file.path, join_code=CODE, projector_key=KEY, clock=clock)
    with TestClient(app, client=("192.0.2.10", 50000)) as client:
        yield Room(session_file.path, clock, client)


def form_token(html: str) -> str:
    found = _FORM_TOKEN.search(html)
    assert found, "the page has no form"
    return found.group(1)


def join(person: Person, code: str = CODE) -> httpx.Response:
    """Give a code on the join page; returns the response to it."""
    return person.post("/join", data={"form_token": form_token(person.page()), "code": code})


def joined(room: Room) -> Person:
    person = room.person()
    assert join(person).status_code == 303
    return person


def send_idea(person: Person, text: str, activity: str = "what-bugs-customers") -> httpx.Response:
    return person.post(
        "/idea", data={"form_token": form_token(person.page()), "activity": activity, "text": text}
    )
