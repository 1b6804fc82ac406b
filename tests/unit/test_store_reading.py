"""Re-reading a session another process changed: only what changed is parsed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workshop.core import ops
from workshop.core.agenda import Horizon
from workshop.core.errors import InvalidFileError
from workshop.core.models import Session
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session, parse_session, parse_session_reusing


@pytest.fixture
def with_ideas(session_file: SessionFile) -> SessionFile:
    session_file.change(
        lambda s: [
            ops.add_idea(s, f"Idea {n} #tag{n % 3}", activity="what-bugs-customers")
            for n in range(30)
        ]
    )
    return session_file


OUTSIDE_CHANGES: dict[str, Callable[[Session], Any]] = {
    "an idea added": lambda s: ops.add_idea(s, "From another terminal #phone"),
    "an idea edited": lambda s: ops.edit_idea(s, "i7", "Edited elsewhere #billing"),
    "an idea deleted": lambda s: ops.delete_idea(s, "i3"),
    "an idea hidden": lambda s: ops.set_hidden(s, "i12", True),
    "an action added": lambda s: ops.add_action(
        s, "Call back within a day", owner="Ana", horizon=Horizon.THREE_MONTHS
    ),
}


@pytest.mark.parametrize("change", OUTSIDE_CHANGES.values(), ids=OUTSIDE_CHANGES.keys())
def test_a_change_from_another_process_reads_as_a_whole_read_would(
    with_ideas: SessionFile, change: Callable[[Session], Any]
) -> None:
    SessionFile.open(with_ideas.path).change(change)

    read = with_ideas.read_if_changed()

    assert read is not None
    assert read.session == load_session(with_ideas.path)
    assert with_ideas.adopt(read) is True
    assert with_ideas.session == load_session(with_ideas.path)
    # The next save writes what a fresh render would: the cached idea texts are right.
    with_ideas.change(lambda s: ops.add_idea(s, "After adopting"))
    reopened = load_session(with_ideas.path)
    assert [i.text for i in reopened.ideas][-1] == "After adopting"
    assert len(reopened.ideas) == len(read.session.ideas) + 1


def test_only_the_outside_idea_is_parsed_the_others_are_the_same_objects(
    with_ideas: SessionFile,
) -> None:
    known = list(with_ideas.session.ideas)
    SessionFile.open(with_ideas.path).change(lambda s: ops.add_idea(s, "One more"))
    text = with_ideas.path.read_text(encoding="utf-8")

    parsed = parse_session_reusing(with_ideas.path, text, with_ideas._texts.known_ideas())  # noqa: SLF001

    assert parsed.ideas_reused == 30
    assert all(new is old for new, old in zip(parsed.session.ideas, known, strict=False))
    assert parsed.session.ideas[-1].text == "One more"
    assert parsed.session == parse_session(with_ideas.path, text)


def test_a_bad_outside_idea_gives_the_whole_read_error(with_ideas: SessionFile) -> None:
    SessionFile.open(with_ideas.path).change(lambda s: ops.add_idea(s, "One more"))
    text = with_ideas.path.read_text(encoding="utf-8")
    broken = text.replace('text = "One more"', 'text = 12', 1)
    with_ideas.path.write_text(broken, encoding="utf-8")

    with pytest.raises(InvalidFileError) as whole:
        parse_session(with_ideas.path, broken)
    with pytest.raises(InvalidFileError) as reusing:
        with_ideas.read_if_changed()

    assert str(reusing.value) == str(whole.value)
    assert "ideas[30].text" in str(reusing.value)


def test_a_change_saved_after_an_outside_idea_keeps_both(with_ideas: SessionFile) -> None:
    SessionFile.open(with_ideas.path).change(lambda s: ops.add_idea(s, "Outside"))

    with_ideas.change(lambda s: ops.add_idea(s, "Inside"))

    texts = [i.text for i in load_session(with_ideas.path).ideas]
    assert texts[-2:] == ["Outside", "Inside"]
