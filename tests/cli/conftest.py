"""Running the command line in this process (fast), or in a fresh one where that matters."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from workshop import cli


@dataclass
class Outcome:
    exit_code: int
    out: str
    err: str

    @property
    def error_line(self) -> str:
        """The one line a failed command writes on stderr."""
        lines = self.err.splitlines()
        assert len(lines) == 1, f"expected one line on stderr, got: {self.err!r}"
        assert lines[0].startswith("workshop: "), lines[0]
        assert "Traceback" not in self.err
        return lines[0]


RunCli = Callable[..., Outcome]


@pytest.fixture
def home() -> Path:
    """The WORKSHOP_HOME the shared conftest points every test at."""
    return Path(os.environ["WORKSHOP_HOME"])


@pytest.fixture
def workshop(capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run `workshop ARGS...` in this process."""

    def run(*argv: str | Path) -> Outcome:
        capsys.readouterr()
        exit_code = cli.main([str(arg) for arg in argv])
        captured = capsys.readouterr()
        return Outcome(exit_code, captured.out, captured.err)

    return run


def run_process(*argv: str | Path, cwd: Path | None = None, seconds: float = 60) -> Outcome:
    """Run `python -m workshop ARGS...` in a fresh process, with this test's WORKSHOP_HOME; a
    hang fails the test after `seconds`, not the suite."""
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "workshop", *map(str, argv)],
            capture_output=True,
            text=True,
            env=os.environ.copy(),
            cwd=cwd,
            timeout=seconds,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"workshop {' '.join(map(str, argv))} hung for {seconds} s")
    return Outcome(completed.returncode, completed.stdout, completed.stderr)


@pytest.fixture
def session_path(workshop: RunCli) -> Path:
    """A new customer-focus session in the sessions folder."""
    created = workshop("new", "Spring workshop", "--team", "Service desk", "--facilitator", "Ana")
    assert created.exit_code == 0, created.err
    return Path(created.out.strip())
