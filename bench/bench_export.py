"""Time the exports on a large session: 10,000 ideas, 40 participants, 50 themes, 30 actions.

Run from the repository root: `.venv/bin/python bench/bench_export.py`.
Target: render_markdown under 1 s (in-process, 10,000 ideas); and, as a person runs it,
`workshop export SESSION --output plan.md` on a 50,000-idea session file under 1.5 s for the
whole command as a process (interpreter start, imports, reading and checking the file).
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.sample_session import at, sample_session  # noqa: E402

from workshop.core.models import (  # noqa: E402
    Action,
    Horizon,
    Idea,
    Participant,
    Rating,
    Session,
    Theme,
    Vote,
)
from workshop.export import CSV_TABLES, render_csv, render_json, render_markdown  # noqa: E402

IDEAS = 10_000
PROCESS_IDEAS = 50_000
PROCESS_TARGET_SECONDS = 1.5
PARTICIPANTS = 40
THEMES = 50
ACTIONS = 30


def big_session(ideas: int = IDEAS) -> Session:
    """The sample session scaled up, with hostile text in every tenth idea."""
    session = sample_session()
    session.participants = [
        Participant(id=f"p{n}", name=f"Person {n}", segment=("Support", "Sales", "")[n % 3])
        for n in range(1, PARTICIPANTS + 1)
    ]
    session.themes = [Theme(id=f"t{n}", title=f"Theme {n}") for n in range(1, THEMES + 1)]
    start = at(9, 0)
    session.ideas = [
        Idea(
            id=f"i{n}",
            text=(
                f"| <b>#{n}</b> `x` *y*\nline" if n % 10 == 0 else f"Idea number {n} #tag{n % 7}"
            ),
            activity=("bugs", "right")[n % 2],
            tags=[f"tag{n % 7}"],
            created=start + timedelta(seconds=n),
            hidden=n % 97 == 0,
            theme=f"t{n % (THEMES + 1)}" if n % (THEMES + 1) else "",
        )
        for n in range(1, ideas + 1)
    ]
    session.votes = [
        Vote(activity="vote", target=f"i{(p * 37 + k * 101) % ideas + 1}", count=1, voter=f"p{p}")
        for p in range(1, PARTICIPANTS + 1)
        for k in range(5)
    ]
    session.ratings = [
        Rating(activity="benchmark", participant=f"p{p}", criterion=c, score=1 + (p * 7 + i) % 5)
        for p in range(1, PARTICIPANTS + 1)
        for i, c in enumerate(("knowledge", "alignment", "attitudes", "partnership"))
    ]
    session.actions = [
        Action(
            id=f"a{n}",
            title=f"Action {n}",
            owner=f"Person {n}",
            horizon=list(Horizon)[n % 3],
            ideas=[f"i{n * 3}", f"i{n * 3 + 1}"],
        )
        for n in range(1, ACTIONS + 1)
    ]
    return session


def timed(label: str, render: Callable[[], str], repeats: int = 3) -> float:
    best = float("inf")
    size = 0
    for _ in range(repeats):
        began = time.perf_counter()
        size = len(render())
        best = min(best, time.perf_counter() - began)
    print(f"{label:<22} {best * 1000:8.1f} ms  ({size:,} characters)")
    return best


def main() -> int:
    session = big_session()
    print(f"{len(session.ideas):,} ideas, best of 3:")
    markdown_seconds = timed("render_markdown", lambda: render_markdown(session))
    for table in CSV_TABLES:
        timed(f"render_csv {table}", lambda table=table: render_csv(session, table))
    timed("render_json", lambda: render_json(session))
    within = markdown_seconds < 1.0
    print(f"render_markdown target < 1 s (in-process): {'met' if within else 'MISSED'}")
    command_seconds = time_export_command()
    within_command = command_seconds < PROCESS_TARGET_SECONDS
    print(
        f"workshop export target < {PROCESS_TARGET_SECONDS} s (whole process, "
        f"{PROCESS_IDEAS:,} ideas): {'met' if within_command else 'MISSED'}"
    )
    return 0 if within and within_command else 1


def time_export_command(runs: int = 5) -> float:
    """Median wall seconds of `workshop export FILE --output plan.md` as a fresh process."""
    from workshop.store import SessionFile

    # As installed: workshop's modules compiled once (PYTHONDONTWRITEBYTECODE may be set).
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "src"), quiet=1)
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        path = folder / "big.toml"
        SessionFile.create(path, big_session(PROCESS_IDEAS))
        size_kib = path.stat().st_size // 1024
        command = [sys.executable, "-m", "workshop", "export", str(path)]
        command += ["--output", str(folder / "plan.md")]
        times = []
        for _ in range(runs):
            began = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - began)
        interpreter = []
        for _ in range(runs):  # the floor: an interpreter that starts and ends
            began = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            interpreter.append(time.perf_counter() - began)
    median = statistics.median(times)
    print(
        f"workshop export md, whole process, {PROCESS_IDEAS:,} ideas "
        f"({size_kib:,} KiB): median {median * 1000:.0f} ms"
        f" of {runs} (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}); "
        f"python -c pass {statistics.median(interpreter) * 1000:.0f} ms"
    )
    return median


if __name__ == "__main__":
    raise SystemExit(main())
