"""How fast the command line starts, next to the cost of importing textual.

Run: `python bench/bench_cli.py [--runs N]`. Prints the median wall time of each command over N
runs (each in a fresh process), and the ratios to `import textual.app`, measured in the same run.
Targets: `workshop idea add` on a 1,000-idea session below the textual import; `--help` below
half of it.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

IDEAS_IN_SESSION = 1000


def make_session(folder: Path) -> Path:
    """A session file holding IDEAS_IN_SESSION ideas."""
    from workshop.core import ops
    from workshop.store.agendas import DEFAULT_AGENDA, find_agenda, load_agenda
    from workshop.store.session_file import SessionFile

    agenda = load_agenda(find_agenda(DEFAULT_AGENDA))
    session = ops.new_session("Benchmark", agenda, team="Bench", on=date(2025, 1, 6))
    start = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
    for number in range(IDEAS_IN_SESSION):
        ops.add_idea(
            session,
            f"Idea {number}: customers wait too long on the phone line #waiting #t{number % 9}",
            at=start + timedelta(seconds=number),
        )
    path = folder / "benchmark.toml"
    SessionFile.create(path, session)
    return path


def median_seconds(
    commands: dict[str, list[str]], runs: int, env: dict[str, str]
) -> dict[str, float]:
    """The median wall time of each command over `runs` fresh processes, after one warm-up.

    The commands take turns, run by run, so a change in the machine's load touches them alike.
    """
    times: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(runs + 1):
        for name, command in commands.items():
            started = time.perf_counter()
            subprocess.run(command, env=env, check=True, capture_output=True)
            if run:
                times[name].append(time.perf_counter() - started)
    return {name: statistics.median(measured) for name, measured in times.items()}


def main() -> None:
    # As for a person who installed workshop: its modules compiled to bytecode once (this
    # environment sets PYTHONDONTWRITEBYTECODE, which would recompile them in every run
    # while textual's and pydantic's, compiled by pip, are not).
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "src"), quiet=1)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "WORKSHOP_HOME": folder}
        session_path = make_session(Path(folder))
        # The console script, as a person types it (`python -m` would add runpy's import).
        script = Path(sys.executable).with_name("workshop")
        workshop = [str(script)] if script.exists() else [sys.executable, "-m", "workshop"]
        medians = median_seconds(
            {
                "textual": [sys.executable, "-c", "import textual.app"],
                "idea add": [*workshop, "idea", "add", str(session_path), "Bench"],
                "help": [*workshop, "--help"],
            },
            runs,
            env,
        )
    textual_import, idea_add, help_text = medians["textual"], medians["idea add"], medians["help"]
    print(f"median of {runs} runs each, Python {sys.version.split()[0]}")
    print(f"  python -c 'import textual.app'      {textual_import * 1000:7.1f} ms")
    print(
        f"  workshop idea add ({IDEAS_IN_SESSION:,} ideas)     {idea_add * 1000:7.1f} ms"
        f"  = {idea_add / textual_import:.2f} x textual import (target < 1)"
    )
    print(
        f"  workshop --help                     {help_text * 1000:7.1f} ms"
        f"  = {help_text / textual_import:.2f} x textual import (target < 0.5)"
    )


if __name__ == "__main__":
    main()
