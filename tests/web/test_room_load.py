"""A room at once on a real server: 60 phones and a command-line writer, nothing lost.

Not timed (bench/bench_room.py prints the figures): this checks that every submission made at
the same moment, from the web and from `workshop idea add` in another process, is in the file
exactly once, with one anonymous participant record per phone.
"""

from __future__ import annotations

import asyncio
import re
import sys

import httpx

from tests.web.conftest import CODE, KEY
from workshop.core import ops
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session
from workshop.web.app import create_app
from workshop.web.server import serve_in_thread

PHONES = 60
IDEAS_EACH = 3
CLI_IDEAS = 4
_FORM_TOKEN = re.compile(r'name="form_token" value="([^"]*)"')


async def phone_sends(base: str, number: int) -> list[int]:
    """One phone: its own cookies; joins with the code, then sends its ideas at once."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        page = (await client.get("/")).text
        token = _FORM_TOKEN.search(page)
        assert token
        joined = await client.post("/join", data={"form_token": token.group(1), "code": CODE})
        assert joined.status_code == 303
        token = _FORM_TOKEN.search((await client.get("/")).text)
        assert token
        responses = await asyncio.gather(
            *(
                client.post(
                    "/idea",
                    data={
                        "form_token": token.group(1),
                        "activity": "what-bugs-customers",
                        "text": f"Phone {number} idea {n}",
                    },
                )
                for n in range(IDEAS_EACH)
            )
        )
        return [response.status_code for response in responses]


async def cli_adds(path: str, number: int) -> int:
    """`workshop idea add` from another process."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "workshop",
        "idea",
        "add",
        path,
        f"From the command line {number}",
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    _, error = await process.communicate()
    assert process.returncode == 0, error.decode()
    return process.returncode


async def test_sixty_phones_and_a_command_line_writer_at_once_lose_nothing(
    session_file: SessionFile,
) -> None:
    session_file.change(lambda d: ops.start_activity(d, "what-bugs-customers"))
    app = create_app(session_file.path, join_code=CODE, projector_key=KEY)
    with serve_in_thread(app) as running:
        base = running.addresses.participants
        phones = asyncio.gather(*(phone_sends(base, n) for n in range(PHONES)))
        writer = asyncio.gather(*(cli_adds(str(session_file.path), n) for n in range(CLI_IDEAS)))
        by_phone_statuses, _ = await asyncio.gather(phones, writer)

    statuses = [status for phone in by_phone_statuses for status in phone]
    assert statuses == [303] * (PHONES * IDEAS_EACH)  # every one acknowledged as saved
    session = load_session(session_file.path)
    texts = [idea.text for idea in session.ideas]
    expected = [f"Phone {p} idea {n}" for p in range(PHONES) for n in range(IDEAS_EACH)]
    expected += [f"From the command line {n}" for n in range(CLI_IDEAS)]
    assert sorted(texts) == sorted(expected)  # all there, none twice
    from_devices = [p for p in session.participants if p.token_hash]
    assert len(from_devices) == PHONES and all(not p.name for p in from_devices)
    by_phone = {idea.participant for idea in session.ideas if idea.participant}
    assert len(by_phone) == PHONES
