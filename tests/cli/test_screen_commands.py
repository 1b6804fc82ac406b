"""The commands that open the screen hand it the right session and folder (a stand-in screen)."""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path

import pytest

from tests.cli.conftest import RunCli, run_process
from workshop.cli import screen
from workshop.store.session_text import load_session

Opened = list[tuple[Path | None, Path]]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Opened:
    """Replace `workshop.tui.app` with a stand-in whose run_app records what it was asked."""
    calls: Opened = []
    stand_in = types.ModuleType("workshop.tui.app")

    def run_app(session_path: Path | None, sessions_folder: Path, **options: object) -> None:
        calls.append((session_path, sessions_folder))

    stand_in.run_app = run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "workshop.tui.app", stand_in)
    monkeypatch.setattr(screen, "on_a_terminal", lambda: True)  # pytest captures the output
    return calls


def test_no_command_opens_the_home_screen_on_the_sessions_folder(
    workshop: RunCli, opened: Opened, home: Path
) -> None:
    assert workshop().exit_code == 0
    assert opened == [(None, home / "sessions")]


def test_open_opens_the_session_in_its_folder(
    workshop: RunCli, opened: Opened, session_path: Path
) -> None:
    assert workshop("open", session_path).exit_code == 0
    assert opened == [(session_path, session_path.parent)]


def test_open_reads_the_file_before_opening_the_screen(
    workshop: RunCli, opened: Opened, tmp_path: Path
) -> None:
    missing = tmp_path / "gone.toml"
    failed = workshop("open", missing)
    assert failed.exit_code == 2
    assert failed.error_line == f"workshop: {missing}: no such file"
    assert opened == []


def test_open_without_a_terminal_names_a_broken_file_rather_than_the_terminal(
    workshop: RunCli, opened: Opened, session_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On a terminal, the TOML is parsed once the first frame is up (test_opening_terminal.py).
    monkeypatch.setattr(screen, "on_a_terminal", lambda: False)
    session_path.write_text("title = [\n", encoding="utf-8")
    failed = workshop("open", session_path)
    assert failed.exit_code == 2
    assert failed.error_line.startswith(f"workshop: {session_path}:2:")
    assert "invalid TOML" in failed.error_line
    assert opened == []


def test_demo_writes_a_session_in_a_new_folder_and_opens_it(
    workshop: RunCli, opened: Opened, home: Path
) -> None:
    demo = workshop("demo")
    assert demo.exit_code == 0
    ((path, folder),) = opened
    assert path is not None and path.parent == folder
    assert demo.err == f"Demo session: {path}\n"  # once the screen is left: where to find it
    assert folder.name.startswith("workshop-demo-")
    assert not folder.is_relative_to(home)
    assert load_session(path).team == "Northwind Customer Service"


def test_demo_print_prints_the_plan_and_the_path(workshop: RunCli, opened: Opened) -> None:
    printed = workshop("demo", "--print")
    assert printed.exit_code == 0
    assert "Northwind Customer Service" in printed.out
    assert "One owner for every complaint" in printed.out
    assert printed.err.startswith("Demo session: ")
    path = Path(printed.err.removeprefix("Demo session: ").strip())
    assert len(load_session(path).ideas) >= 20
    assert opened == []


def test_open_ends_with_the_screens_one_line_error_when_the_checks_fail(
    workshop: RunCli, monkeypatch: pytest.MonkeyPatch, session_path: Path
) -> None:
    """The models check the file after its first frame; their error ends the command."""
    from workshop.core.errors import InvalidFileError

    stand_in = types.ModuleType("workshop.tui.app")
    asked: list[dict[str, object]] = []

    def run_app(session_path: Path, sessions_folder: Path, **options: object) -> object:
        asked.append(options)
        error = InvalidFileError(f"{session_path}: ideas[0].created: Input should be a datetime")
        return types.SimpleNamespace(error=error, typed=[])  # as tui.app.NotOpened

    stand_in.run_app = run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "workshop.tui.app", stand_in)
    monkeypatch.setattr(screen, "on_a_terminal", lambda: True)

    failed = workshop("open", session_path)

    assert failed.exit_code == 2
    assert failed.error_line == (
        f"workshop: {session_path}: ideas[0].created: Input should be a datetime"
    )
    (options,) = asked
    read = options["read"]
    assert read.path == session_path  # type: ignore[attr-defined]
    assert read.text == session_path.read_text(encoding="utf-8")  # type: ignore[attr-defined]


def test_the_screen_is_drawn_at_up_to_120_frames_a_second_unless_set(
    workshop: RunCli, opened: Opened, session_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TEXTUAL_FPS", raising=False)
    assert workshop("open", session_path).exit_code == 0
    assert os.environ["TEXTUAL_FPS"] == "120"

    monkeypatch.setenv("TEXTUAL_FPS", "30")
    assert workshop("open", session_path).exit_code == 0
    assert os.environ["TEXTUAL_FPS"] == "30"


def test_the_screen_without_a_terminal_is_one_line_exit_2_not_a_hang(
    session_path: Path, home: Path
) -> None:
    # `workshop 2>log` or `workshop < /dev/null` in a script: Textual would draw into the log,
    # or wait for keys that never come, for ever. Nothing is drawn, no demo folder is made.
    for argv in ((), ("open", session_path), ("demo",)):
        refused = run_process(*argv)  # stdin, stdout and stderr are pipes here
        assert (refused.exit_code, refused.out) == (2, ""), argv
        assert refused.error_line.startswith("workshop: the screen needs a terminal"), argv
        assert "\x1b" not in refused.err


def test_open_says_what_was_typed_on_a_first_frame_that_never_became_a_session(
    workshop: RunCli, opened: Opened, session_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop.core.errors import InvalidFileError

    not_opened = types.SimpleNamespace(  # as tui.app.NotOpened (that module is stood in for)
        error=InvalidFileError(f"{session_path}:3:1: invalid TOML: Invalid value"),
        typed=["Invoices arrive late", "Hold music\x1b[2J"],
    )
    monkeypatch.setattr(sys.modules["workshop.tui.app"], "run_app", lambda *a, **k: not_opened)
    failed = workshop("open", session_path)
    assert failed.exit_code == 2
    assert failed.err.splitlines() == [
        f"workshop: {session_path}:3:1: invalid TOML: Invalid value",
        "workshop: not saved (typed while the session was opening): Invoices arrive late",
        "workshop: not saved (typed while the session was opening): Hold music␛[2J",
    ]
