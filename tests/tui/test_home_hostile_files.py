"""The home screen facing hostile files in the sessions folder (issue 10, items 3-5)."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import DataTable, Static

from workshop.tui.app import WorkshopApp
from workshop.tui.screens.home import HomeScreen

from .shell_fixtures import make_session


def skipped_note(app: WorkshopApp) -> str:
    return str(app.screen.query_one("#home-skipped", Static).content)


async def test_home_lists_the_good_session_and_names_each_file_it_skipped(tmp_path: Path) -> None:
    make_session(tmp_path)
    os.mkfifo(tmp_path / "pipe.toml")
    (tmp_path / "deep.toml").write_text(f"x = {'[' * 5000}{']' * 5000}\n", encoding="utf-8")

    app = WorkshopApp(sessions_folder=tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#sessions", DataTable).row_count == 1
        note = skipped_note(app)
        assert "Skipped 2 file(s)" in note
        assert "deep.toml: invalid TOML: arrays or inline tables nested too deeply" in note
        assert "pipe.toml: is a named pipe (FIFO), not a regular file" in note


async def test_opening_a_deeply_nested_file_stays_on_home_with_the_error(tmp_path: Path) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text(f"x = {'[' * 5000}{']' * 5000}\n", encoding="utf-8")

    app = WorkshopApp(sessions_folder=tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        app.screen.post_message(HomeScreen.OpenSession(deep))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.is_running
