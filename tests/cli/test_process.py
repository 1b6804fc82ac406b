"""Where the process boundary matters: real exit codes, and what a command imports."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.cli.conftest import run_process
from workshop.store.session_text import load_session


def test_a_real_process_adds_an_idea_and_reports_errors_in_one_line(tmp_path: Path) -> None:
    created = run_process("new", "Process test", "--dir", tmp_path)
    assert created.exit_code == 0, created.err
    path = Path(created.out.strip())

    added = run_process("idea", "add", path, "Customers repeat their story #handoffs")
    assert (added.exit_code, added.out, added.err) == (0, "i1\n", "")
    assert load_session(path).ideas[0].tags == ["handoffs"]

    bad_horizon = run_process("action", "add", path, "Do it", "--owner", "Al", "--horizon", "1y")
    assert bad_horizon.exit_code == 2
    assert bad_horizon.error_line.startswith("workshop: action add: argument --horizon:")

    missing = run_process("export", tmp_path / "gone.toml")
    assert (missing.exit_code, missing.error_line) == (
        2,
        f"workshop: {tmp_path / 'gone.toml'}: no such file",
    )


NO_TEXTUAL_SCRIPT = """
import sys
from workshop import cli

def run(*argv):
    code = cli.main([str(a) for a in argv])
    assert code == 0, (argv, code)

run("--help")
assert "pydantic" not in sys.modules, "--help should not import pydantic"
run("new", "No textual", "--dir", FOLDER)
(path,) = sorted(__import__("pathlib").Path(FOLDER).glob("*.toml"))
run("idea", "add", path, "An idea")
run("action", "add", path, "An action", "--owner", "Al", "--horizon", "3m", "--idea", "i1")
for export_format in ("md", "csv", "json"):
    run("export", path, "--format", export_format)
run("export", path, "--output", path.with_suffix(".md"))
run("sessions", "--dir", FOLDER)
run("agendas")
run("agenda", "check", *cli_agendas())
loaded = sorted(name for name in sys.modules if name == "textual" or name.startswith(
    ("textual.", "workshop.tui")))
assert not loaded, loaded
"""


def test_scripted_commands_never_import_textual(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        FOLDER = {str(tmp_path)!r}
        def cli_agendas():
            from workshop.store.agendas import shipped_agendas
            return shipped_agendas()
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", script + NO_TEXTUAL_SCRIPT],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr


def test_a_reader_that_stops_early_gets_no_error_from_any_command(session_path: Path) -> None:
    # `workshop review S | head -3`: the reader leaves; like `cat`, workshop stops quietly.
    # The pipe's reading end is closed before the command starts, so every write fails.
    for argv in (
        ["review", str(session_path)],
        ["report"],
        ["export", str(session_path)],
        ["sessions"],
    ):
        reading, writing = os.pipe()
        os.close(reading)
        try:
            completed = subprocess.run(
                [sys.executable, "-m", "workshop", *argv],
                stdin=subprocess.DEVNULL,
                stdout=writing,
                stderr=subprocess.PIPE,
                text=True,
                timeout=60,
            )
        finally:
            os.close(writing)
        assert completed.stderr == "", argv
        assert completed.returncode == 1, argv
