"""The README's "A whole workflow" block runs as written (issue 10, item 15)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).parents[2] / "README.md"
SCREEN_MARKER = "needs a screen: the README's test leaves this line out"
"""The comment on each line of the block that needs a terminal screen (`workshop open`)."""


def sh_block(text: str, where: str) -> str:
    """The first ```sh block in `text` (the part of the README `where` names)."""
    match = re.search(r"^```sh\n(.*?)^```$", text, re.MULTILINE | re.DOTALL)
    assert match, f"no ```sh block {where}"
    return match.group(1)


def workflow_block() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## A whole workflow\n", 1)[1].split("\n## ", 1)[0]
    return sh_block(section, "under 'A whole workflow'")


def runnable(block: str) -> str:
    """The block without the lines marked as needing a screen (which must be single lines)."""
    kept = [line for line in block.splitlines() if SCREEN_MARKER not in line]
    assert len(kept) == len(block.splitlines()) - 1, "expected one line marked for a screen"
    return "\n".join(kept) + "\n"


def workshop_on_path(folder: Path) -> str:
    """The venv's bin (where `workshop` is installed), or a stand-in that runs this Python's."""
    venv_bin = Path(sys.executable).parent
    if (venv_bin / "workshop").is_file():
        return str(venv_bin)
    folder.mkdir()
    stand_in = folder / "workshop"
    stand_in.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m workshop "$@"\n')
    stand_in.chmod(0o755)
    return str(folder)


def with_workshop_on_path(tmp_path: Path, **variables: str) -> dict[str, str]:
    """This process's environment with `variables` set and `workshop` first on the PATH."""
    path = f"{workshop_on_path(tmp_path / 'bin')}{os.pathsep}{os.environ['PATH']}"
    return {**os.environ, **variables, "PATH": path}


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash to run the README's block")
def test_the_readme_workflow_runs_as_written(tmp_path: Path) -> None:
    block = workflow_block()
    assert "workshop open" in block and SCREEN_MARKER in block  # the README says so
    home = tmp_path / "home"
    work = tmp_path / "work"
    work.mkdir()
    env = with_workshop_on_path(tmp_path, WORKSHOP_HOME=str(home))

    ran = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", runnable(block)],
        cwd=work,
        env=env,
        stdin=subprocess.DEVNULL,  # `workshop review` stops at the end of its input
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert ran.returncode == 0, f"stdout:\n{ran.stdout}\nstderr:\n{ran.stderr}"
    sessions = sorted((home / "sessions").glob("*.toml"))
    assert [path.name.split("-", 3)[3] for path in sessions] == [
        "customer-focus-service-desk.toml",
        "q1-review.toml",
    ]
    assert f"{sessions[0]}\n" in ran.stdout  # echo "$S"
    assert "Send invoices on day one" in (work / "plan.md").read_text(encoding="utf-8")
    assert "Invoices arrive after the due date #billing" in ran.stdout  # the CSV
    assert "Carried 1 open action(s)" in ran.stderr


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash to run the README's block")
def test_the_readme_completion_lines_run_as_written_in_a_new_home(tmp_path: Path) -> None:
    # A newcomer's home has neither ~/.local/share/bash-completion/completions nor ~/.zfunc.
    text = README.read_text(encoding="utf-8")
    section = text.split("\nTab completion for bash and zsh", 1)[1]
    block = sh_block(section, "after 'Tab completion for bash and zsh'")
    home = tmp_path / "home"
    home.mkdir()
    env = with_workshop_on_path(tmp_path, HOME=str(home))

    ran = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", block],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert ran.returncode == 0, ran.stderr
    bash_script = home / ".local/share/bash-completion/completions/workshop"
    assert "complete -o bashdefault -F _shtab_workshop workshop" in bash_script.read_text()
    assert (home / ".zfunc/_workshop").read_text().startswith("#compdef workshop")
