"""The opening frame's first look at a session file: right for a good file, blank for junk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workshop.core import ops
from workshop.core.errors import InvalidFileError
from workshop.store.glance import SessionGlance, glance, glance_file
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


def _with_ideas(session_file: SessionFile, count: int) -> Path:
    def add(draft: Any) -> None:
        draft.current_activity = "what-bugs-customers"
        for number in range(count):
            ops.add_idea(draft, f"Idea {number}", activity="what-bugs-customers")

    session_file.change(add)
    return session_file.path


def test_the_head_of_a_file_is_glanced_as_the_whole_file_is(session_file: SessionFile) -> None:
    path = _with_ideas(session_file, 3)
    read = read_toml_file(path, parse_now=False)

    assert glance_file(read) == glance(read_toml_file(path).data)
    assert glance_file(read).idea_count == 3


def test_records_broken_after_the_head_leave_the_glance_and_the_error_for_later(
    session_file: SessionFile,
) -> None:
    path = _with_ideas(session_file, 2)
    path.write_text(path.read_text().replace("[[ideas]]", "[[ideas]]\ntext = [", 1))
    read = read_toml_file(path, parse_now=False)

    seen = glance_file(read)

    assert (seen.title, seen.activity_number, seen.idea_count) == ("Service desk", 3, 2)
    with pytest.raises(InvalidFileError, match=r"invalid TOML"):
        read.data  # noqa: B018


def test_a_head_cut_inside_a_multiline_string_is_glanced_as_blank(tmp_path: Path) -> None:
    path = tmp_path / "odd.toml"
    path.write_text('title = """Odd\n[[ideas]]\nstill the title"""\n')
    read = read_toml_file(path, parse_now=False)

    assert glance_file(read) == SessionGlance()
    assert read.data["title"] == "Odd\n[[ideas]]\nstill the title"


def test_a_file_with_no_records_is_glanced_whole(tmp_path: Path) -> None:
    path = tmp_path / "small.toml"
    path.write_text('title = "Small"\n[agenda]\ntitle = "A"\n')

    assert glance_file(read_toml_file(path, parse_now=False)).title == "Small"
