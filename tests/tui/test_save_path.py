"""After a save the screen shows the idea without laying the whole screen out again."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Static

from workshop.core import ops
from workshop.store.session_file import ReadSession, SessionFile
from workshop.store.session_text import load_session
from workshop.tui.widgets.idea_list import IdeaList
from workshop.tui.widgets.static_update import update_if_changed
from workshop.tui.widgets.status import SaveStatus

from .harness import open_session, wait_until
from .shell_fixtures import make_session, send_burst


def brainstorm(tmp_path: Path, ideas: int) -> Path:
    return make_session(tmp_path, current="what-bugs-customers", ideas=ideas)


async def test_an_idea_saved_in_a_long_list_needs_no_layout_of_the_screen(
    tmp_path: Path,
) -> None:
    path = brainstorm(tmp_path, ideas=40)
    async with open_session(path, size=(80, 24), ready="panel") as (app, pilot, screen):
        layouts: list[object] = []
        screen.screen_layout_refresh_signal.subscribe(screen, layouts.append)
        # Let the opening's own layouts finish (a loaded machine runs them later): only a
        # layout caused by the save counts.
        for _ in range(50):
            layouts.clear()
            await pilot.pause()
            await pilot.pause()
            if not layouts:
                break
        assert layouts == [], "the screen never settled"
        send_burst(app, "Hold music loops forever⏎")
        await wait_until(pilot, lambda: len(load_session(path).ideas) == 41)
        idea_list = screen.query_one(IdeaList)
        await wait_until(pilot, lambda: idea_list.row_count == 41)
        await pilot.pause()
        assert idea_list.highlighted_idea is not None
        assert idea_list.highlighted_idea.text == "Hold music loops forever"
        assert idea_list.virtual_size.height == 41
        assert idea_list.max_scroll_y == 41 - idea_list.scrollable_content_region.height
        assert idea_list.vertical_scrollbar.window_virtual_size == 41
        assert layouts == []


async def test_the_list_gets_its_scrollbar_when_ideas_fill_it(tmp_path: Path) -> None:
    path = brainstorm(tmp_path, ideas=3)
    async with open_session(path, size=(80, 24), ready="panel") as (app, pilot, screen):
        idea_list = screen.query_one(IdeaList)
        await pilot.pause()
        assert not idea_list.show_vertical_scrollbar
        height = idea_list.scrollable_content_region.height
        send_burst(app, "".join(f"Idea {number}⏎" for number in range(height)))
        await wait_until(pilot, lambda: idea_list.row_count == 3 + height)
        await pilot.pause()
        assert idea_list.show_vertical_scrollbar
        assert idea_list.vertical_scrollbar.window_virtual_size == 3 + height


async def test_a_static_is_updated_only_when_its_text_or_style_changes(
    tmp_path: Path,
) -> None:
    path = brainstorm(tmp_path, ideas=0)
    async with open_session(path, size=(80, 24), ready="screen") as (_, pilot, screen):
        title = screen.query_one("#session-title", Static)
        await pilot.pause()
        shown = title.content
        assert isinstance(shown, Content)
        assert not update_if_changed(title, Content(shown.plain, list(shown.spans)))
        assert update_if_changed(title, Content.styled(shown.plain, "italic"))
        assert update_if_changed(title, Content("Another title"))
        assert str(title.content) == "Another title"


# --- ideas from another process -------------------------------------------------------------


async def test_only_one_re_read_of_the_file_runs_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = brainstorm(tmp_path, ideas=5)
    async with open_session(path, size=(80, 24), ready="panel") as (app, pilot, screen):
        session_file = screen.session_file
        release = threading.Event()
        reads: list[int] = []
        read_if_changed = session_file.read_if_changed

        def slow_read() -> ReadSession | None:
            reads.append(1)
            release.wait(timeout=10)
            return read_if_changed()

        monkeypatch.setattr(session_file, "read_if_changed", slow_read)
        SessionFile.open(path).change(lambda s: ops.add_idea(s, "From another terminal"))
        await wait_until(pilot, lambda: len(reads) == 1)
        for _ in range(5):  # polls while the slow read is still running
            screen.disk.poll_file()
        await pilot.pause()
        assert reads == [1]
        assert screen.disk.rereading

        release.set()
        idea_list = screen.query_one(IdeaList)
        await wait_until(pilot, lambda: idea_list.row_count == 6)
        assert idea_list.idea_at(0) is not None
        assert idea_list.idea_at(0).text == "From another terminal"  # type: ignore[union-attr]
        assert not screen.disk.rereading
        screen.disk.poll_file()  # nothing changed since: no read
        await pilot.pause()
        assert reads == [1]


async def test_a_re_read_hands_the_interpreter_back_to_the_keys_sooner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = brainstorm(tmp_path, ideas=5)
    async with open_session(path, size=(80, 24), ready="panel") as (app, pilot, screen):
        session_file = screen.session_file
        intervals: list[float] = []
        read_if_changed = session_file.read_if_changed

        def read() -> ReadSession | None:
            intervals.append(sys.getswitchinterval())
            return read_if_changed()

        monkeypatch.setattr(session_file, "read_if_changed", read)
        usual = sys.getswitchinterval()
        SessionFile.open(path).change(lambda s: ops.add_idea(s, "From another terminal"))
        idea_list = screen.query_one(IdeaList)
        await wait_until(pilot, lambda: idea_list.row_count == 6)
        assert intervals and intervals[0] <= 0.001 < usual  # while reading: 0.5 ms, not 5
        assert sys.getswitchinterval() == usual  # and back once the read is done


async def test_a_re_read_that_fails_is_a_warning_and_the_screen_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = brainstorm(tmp_path, ideas=1)
    async with open_session(path, size=(80, 24), ready="panel") as (app, pilot, screen):

        def no_permission() -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(screen.session_file, "read_if_changed", no_permission)
        SessionFile.open(path).change(lambda s: ops.add_idea(s, "From another terminal"))
        status = screen.query_one(SaveStatus)
        await wait_until(pilot, lambda: "Cannot re-read" in str(status.content))
        assert "Permission denied" in str(status.content)
        assert app.is_running
        assert not screen.disk.rereading  # and the next poll tries again
        send_burst(app, "Still typing⏎")
        await wait_until(
            pilot, lambda: "Still typing" in [idea.text for idea in load_session(path).ideas]
        )


async def test_a_typed_score_needs_no_layout_of_the_screen(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="benchmark")
    SessionFile.open(path).change(
        lambda s: [ops.add_participant(s, segment=segment) for segment in ("Sales", "Field")]
    )
    async with open_session(path, size=(80, 24), ready="panel") as (app, pilot, screen):
        await pilot.pause()
        layouts: list[object] = []
        screen.screen_layout_refresh_signal.subscribe(screen, layouts.append)
        send_burst(app, "3")
        await wait_until(pilot, lambda: len(load_session(path).ratings) == 1)
        await pilot.pause()
        assert "1 of 2 rated" in str(screen.query_one("#rate-results-title", Static).content)
        assert layouts == []
