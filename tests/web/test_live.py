"""The web server's writer: group commit, a failing disk, and live updates on a real server."""

from __future__ import annotations

import asyncio
import os
from typing import Any

import httpx
import pytest

from tests.web.conftest import CODE, KEY
from workshop.core import ops, room
from workshop.store.editor import Change, Rejected, Saved, SessionEditor
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session
from workshop.web.app import create_app
from workshop.web.live import LiveSession, Pending
from workshop.web.server import serve_in_thread

ANA = "a" * 64


def idea(text: str) -> Change:
    return Change(lambda d: room.send_idea(d, ANA, "what-bugs-customers", text), text)


@pytest.fixture
def live(session_file: SessionFile) -> LiveSession:
    session_file.change(lambda d: ops.start_activity(d, "what-bugs-customers"))
    return LiveSession(SessionEditor(SessionFile.open(session_file.path)))


async def test_submissions_arriving_together_are_saved_in_one_write(
    live: LiveSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes: list[int] = []
    real_change = live.editor.session_file.change

    def counted(edit: Any) -> Any:
        writes.append(1)
        return real_change(edit)

    monkeypatch.setattr(live.editor.session_file, "change", counted)
    writer = asyncio.create_task(live.run(clock=lambda: 0.0))
    texts = [f"idea {n}" for n in range(30)]
    results = await asyncio.gather(*(live.submit(idea(t)) for t in [*texts, "x" * 600]))
    live.close()
    await writer

    assert all(isinstance(result, Saved) for result in results[:30])
    assert isinstance(results[30], Rejected)  # one bad submission refused alone
    assert len(writes) == 1
    assert sorted(i.text for i in load_session(live.editor.path).ideas) == sorted(texts)
    assert live.version == 1 and len(live.session.ideas) == 30


async def test_a_failing_disk_keeps_submissions_and_saves_them_on_retry(
    live: LiveSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write
    full = True

    def write(descriptor: int, data: Any) -> int:
        if full:
            raise OSError(28, "No space left on device")
        return real_write(descriptor, data)

    monkeypatch.setattr(os, "write", write)
    now = [0.0]
    writer = asyncio.create_task(live.run(clock=lambda: now[0]))

    result = await live.submit(idea("kept while the disk is full"), timeout=1.0)
    assert isinstance(result, Pending) and "No space left" in result.failure
    assert live.editor.pending == 1

    assert load_session(live.editor.path).ideas == []

    full = False
    now[0] += 5  # past the retry interval: the writer tries again by itself
    assert await live.wait_for_change(live.version, timeout=10)
    live.close()
    await writer
    assert live.editor.pending == 0
    assert [i.text for i in load_session(live.editor.path).ideas] == ["kept while the disk is full"]


def test_a_real_server_announces_the_next_activity_to_participants(
    session_file: SessionFile,
) -> None:
    session_file.change(lambda d: ops.start_activity(d, "what-bugs-customers"))
    app = create_app(session_file.path, join_code=CODE, projector_key=KEY)
    with serve_in_thread(app) as running:
        base = running.addresses.participants
        assert running.addresses.lines()[1] == f"code: {CODE}"
        with httpx.Client(base_url=base, timeout=10, follow_redirects=True) as client:
            page = client.get("/").text
            token = page.split('name="form_token" value="')[1].split('"')[0]
            joined = client.post("/join", data={"form_token": token, "code": CODE})
            assert joined.status_code == 200 and "Your idea" in joined.text  # redirected
            version = joined.text.split("/events?v=")[1].split('"')[0]

            with client.stream("GET", f"/events?v={version}") as events:
                assert events.headers["content-type"].startswith("text/event-stream")
                # The facilitator moves on (another process writes the file).
                SessionFile.open(session_file.path).change(
                    lambda d: ops.start_activity(d, "getting-it-right")
                )
                lines = events.iter_lines()
                assert next(line for line in lines if line.startswith("event:")) == (
                    "event: activity"
                )
            fragment = client.get("/activity").text
            assert "Where we already get it right" in fragment or "getting" in fragment
            projector = client.get(f"/projector/{KEY}")
            assert projector.status_code == 200 and base in projector.text


async def test_what_the_disk_still_refuses_at_shutdown_is_logged_word_for_word(
    live: LiveSession, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def disk_full(descriptor: int, data: Any) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", disk_full)
    writer = asyncio.create_task(live.run(clock=lambda: 0.0))
    text = "Never lost \x1b[2J even now"
    result = await live.submit(
        Change(lambda d: room.send_idea(d, ANA, "what-bugs-customers", text), f"Idea: {text}"),
        timeout=0.5,
    )
    assert isinstance(result, Pending)
    live.close()
    await writer

    [record] = [r for r in caplog.records if r.levelname == "ERROR"]
    assert "No space left on device" in record.getMessage()
    assert "Idea: Never lost ␛[2J even now" in record.getMessage()  # no escape reaches stderr
