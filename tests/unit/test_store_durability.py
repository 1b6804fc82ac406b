"""Killed writers, concurrent writers and hostile text: nothing reported saved is ever lost."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
import tomllib
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.core import ops
from workshop.core.agenda import Agenda
from workshop.store import toml_write
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session, render_session

WRITER = """
import sys
from workshop.core import ops
from workshop.store.session_file import SessionFile

path, label, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
session_file = SessionFile.open(path)
for number in range(count):
    text = f"{label} {number}"
    session_file.change(lambda s: ops.add_idea(s, text))
    print(text, flush=True)
"""


def start_writer(path: Path, label: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), label, str(count)],
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_writer_killed_at_random_moments_never_loses_a_reported_change(
    session_file: SessionFile,
) -> None:
    # A big file makes each write long, so kills land mid-write as well as between writes.
    session_file.change(lambda s: [ops.add_idea(s, f"filler {n} " * 200) for n in range(300)])
    randomness = random.Random(20261123)
    reported: list[str] = []
    for round_number in range(12):
        writer = start_writer(session_file.path, f"round{round_number}", 10_000)
        assert writer.stdout is not None
        # Let it get going (a process start is ~0.2 s), then kill it mid-stream.
        first = writer.stdout.readline().strip()
        reported.append(first)
        time.sleep(randomness.uniform(0, 0.05))
        writer.send_signal(signal.SIGKILL)
        remaining, _ = writer.communicate()
        reported.extend(line for line in remaining.splitlines() if line)

        saved = {idea.text for idea in load_session(session_file.path).ideas}
        missing = [text for text in reported if text not in saved]
        assert not missing, f"round {round_number}: reported but not on disk: {missing[:3]}"
    assert len(reported) > 12


def test_four_processes_adding_ideas_at_once_lose_none(session_file: SessionFile) -> None:
    writers = [start_writer(session_file.path, f"writer{n}", 25) for n in range(4)]
    for writer in writers:
        writer.communicate(timeout=120)
        assert writer.returncode == 0

    ideas = load_session(session_file.path).ideas
    expected = {f"writer{n} {k}" for n in range(4) for k in range(25)}
    assert {idea.text for idea in ideas} == expected
    assert len({idea.id for idea in ideas}) == 100


# --- hostile text ---------------------------------------------------------------------------

HOSTILE = [
    'quote " and \\ backslash',
    '"""triple""" and \'\'\'',
    "new\nline\r\nand\ttab",
    "control \x00\x01\x1b[31m\x7f chars",
    "emoji 🧑🏽‍💻 and 🇳🇴",
    "right-to-left שלום مرحبا",
    "[bold]markup[/] [@click=app.quit]x[/]",
    "x" * 10_000,
    "#heading | pipe <script>alert(1)</script> `tick`",
    "trailing backslash \\",
]

# Text a person could type or paste: anything but lone surrogates (not storable as UTF-8).
typed_text = st.text(
    alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=300
).filter(lambda text: text.strip() != "")


def test_known_hostile_strings_round_trip_exactly(session_file: SessionFile) -> None:
    def add_all(session: object) -> None:
        for text in HOSTILE:
            ops.add_idea(session, text.strip(), author=text[:50])  # type: ignore[arg-type]
        ops.add_action(session, HOSTILE[1], owner=HOSTILE[4], measure=HOSTILE[2])  # type: ignore[arg-type]

    session_file.change(add_all)

    loaded = load_session(session_file.path)
    assert [i.text for i in loaded.ideas] == [t.strip() for t in HOSTILE]
    assert loaded.actions[0].owner == HOSTILE[4]
    assert loaded.actions[0].measure == HOSTILE[2].strip()
    assert loaded == session_file.session


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(texts=st.lists(typed_text, min_size=1, max_size=5), title=typed_text)
def test_any_typed_text_round_trips(texts: list[str], title: str, agenda: Agenda) -> None:
    session = ops.new_session(title, agenda, team=title, on=date(2026, 1, 1))
    for text in texts:
        ops.add_idea(session, text, tags=[text[:20]])

    reloaded = type(session).model_validate(tomllib.loads(render_session(session)))

    assert reloaded == session


scalar = st.one_of(
    typed_text,
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.booleans(),
    st.dates(),
)


@settings(max_examples=200, deadline=None)
@given(
    data=st.dictionaries(
        st.text(min_size=1, max_size=12),
        st.one_of(scalar, st.lists(scalar, max_size=4)),
        max_size=6,
    )
)
def test_the_toml_writer_agrees_with_tomllib(data: dict[str, object]) -> None:
    text = toml_write.table("record", data, array=True)
    assert tomllib.loads(text) == {"record": [data]}


def test_a_key_ending_in_a_newline_is_quoted() -> None:
    # Found by the property test above: `$` in a regex also matches before a final newline.
    assert tomllib.loads(toml_write.table("record", {"0\n": "0"}, array=True)) == {
        "record": [{"0\n": "0"}]
    }
