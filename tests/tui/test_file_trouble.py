"""A session folder or file that loses its permissions while open (issue #9, item 4).

Tests run as root here, and root is not stopped by permission bits, so the folder's lost
search permission is simulated at the boundary the store uses: `os.stat` and `os.open` on
anything inside the session's folder raise PermissionError, as they do for an ordinary user
after `chmod 0600 folder`. A read-only session file needs no simulation: the store's rule is
the file's own mode bits, which hold for root too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from tests.tui.harness import open_session, retry_saves_soon, wait_until
from tests.tui.shell_fixtures import make_session, send_burst
from workshop.store.atomic import SaveError
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session
from workshop.tui.widgets.status import SaveStatus


@contextmanager
def folder_without_search_permission(
    monkeypatch: pytest.MonkeyPatch, folder: Path
) -> Iterator[None]:
    real_stat, real_open = os.stat, os.open
    locked = str(folder.resolve())

    def inside(path: Any) -> bool:
        try:
            return os.path.dirname(os.path.abspath(os.fspath(path))) == locked
        except TypeError:  # a file descriptor
            return False

    def stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if inside(path):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    def open_(path: Any, *args: Any, **kwargs: Any) -> int:
        if inside(path):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(os, "stat", stat)
        patch.setattr(os, "open", open_)
        yield


async def test_a_folder_that_loses_its_permissions_is_a_warning_and_a_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    path = make_session(folder, current="what-bugs-customers")
    retry_saves_soon(monkeypatch)
    async with open_session(path) as (app, pilot, screen):
        await wait_until(pilot, lambda: isinstance(app.focused, Input))
        status = screen.query_one(SaveStatus)
        with folder_without_search_permission(monkeypatch, folder):
            # The file poll (every half second) meets the PermissionError.
            await wait_until(pilot, lambda: "Permission denied" in str(status.content))
            assert "Cannot re-read the session file" in str(status.content)
            send_burst(app, "Keep this idea⏎")
            await pilot.pause()
            assert status.has_class("-error") and "NOT SAVED" in str(status.content)
            await wait_until(pilot, lambda: "Permission denied" in str(status.content))
            assert app.is_running
        await wait_until(pilot, lambda: not status.has_class("-error"))
        assert "Saved" in str(status.content)
    assert [idea.text for idea in load_session(path).ideas] == ["Keep this idea"]


def test_a_read_only_session_file_is_not_saved_over(tmp_path: Path) -> None:
    path = make_session(tmp_path)
    session_file = SessionFile.open(path)
    before = path.read_bytes()
    path.chmod(0o400)
    try:
        with pytest.raises(SaveError, match="read-only"):
            session_file.change(lambda draft: draft.ideas.clear())
        assert path.read_bytes() == before
        assert path.stat().st_mode & 0o777 == 0o400  # not replaced by a writable copy
    finally:
        path.chmod(0o600)
    session_file.change(lambda draft: setattr(draft, "team", "Billing"))
    assert load_session(path).team == "Billing"


async def test_a_read_only_session_file_gets_the_red_bar_until_it_is_writable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    retry_saves_soon(monkeypatch)
    async with open_session(path) as (app, pilot, screen):
        await wait_until(pilot, lambda: isinstance(app.focused, Input))
        status = screen.query_one(SaveStatus)
        path.chmod(0o400)
        send_burst(app, "Invoices arrive late⏎")
        await pilot.pause()
        assert status.has_class("-error")
        assert "read-only" in str(status.content)
        assert load_session(path).ideas == []
        path.chmod(0o600)
        await wait_until(pilot, lambda: not status.has_class("-error"))
    assert [idea.text for idea in load_session(path).ideas] == ["Invoices arrive late"]
