"""The opening frame's first look at a session file: right for a good file, blank for junk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workshop.core import ops
from workshop.store.glance import SessionGlance, glance
from workshop.store.session_file import SessionFile
from workshop.store.toml_read import read_toml_file


def test_a_session_file_is_seen_as_the_session_screen_will_show_it(
    session_file: SessionFile,
) -> None:
    def two_ideas_at_the_third_activity(draft: Any) -> None:
        draft.current_activity = "what-bugs-customers"
        ops.add_idea(draft, "Invoices arrive late", activity="what-bugs-customers")
        ops.add_idea(draft, "Hold music is too loud", activity="what-bugs-customers")

    session_file.change(two_ideas_at_the_third_activity)

    seen = glance(read_toml_file(session_file.path).data)

    activities = session_file.session.agenda.activities()
    assert seen == SessionGlance(
        title="Service desk",
        team="Support",
        step_title="Awareness forum",
        activity_title="What bugs our customers?",
        activity_prompt=(
            "Think of the last time a customer was annoyed with us. What set it off?"
        ),
        activity_kind="brainstorm",
        prompt_count=len(activities[2].prompts),
        activity_number=3,
        activity_count=len(activities),
        idea_count=2,
    )
    assert activities[2].id == "what-bugs-customers"
    assert len(activities[2].prompts) > 1


def test_an_unknown_current_activity_is_seen_as_the_first(session_file: SessionFile) -> None:
    def nowhere(draft: Any) -> None:
        draft.current_activity = "no-such-activity"

    session_file.change(nowhere)

    seen = glance(read_toml_file(session_file.path).data)

    assert (seen.activity_number, seen.step_title) == (1, "Awareness forum")
    assert seen.activity_title == session_file.session.agenda.activities()[0].title


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"title": 3, "team": ["x"], "ideas": "many"},
        {"agenda": "none", "current_activity": 7},
        {"agenda": {"steps": {"not": "a list"}}},
        {"agenda": {"steps": [1, "two", {"activities": [None, {"prompts": [5]}]}]}},
        {"agenda": {"steps": [{"activities": [{"title": "Only", "prompts": "not a list"}]}]}},
    ],
    ids=["empty", "wrong types", "agenda not a table", "steps not a list", "junk records",
         "prompts not a list"],
)
def test_data_of_any_shape_is_seen_without_an_error(data: dict[str, Any]) -> None:
    seen = glance(data)

    assert seen.title == "" and seen.team == "" and seen.activity_prompt == ""
    assert seen.activity_number in (0, 1)


def test_reading_a_file_keeps_its_identity_mode_and_text(tmp_path: Path) -> None:
    path = tmp_path / "plain.toml"
    path.write_text('title = "Plain"\n')
    path.chmod(0o640)

    read = read_toml_file(path)

    file_stat = path.stat()
    assert read.signature == (file_stat.st_ino, file_stat.st_mtime_ns, file_stat.st_size)
    assert (read.mode, read.text, read.data) == (0o640, 'title = "Plain"\n', {"title": "Plain"})
