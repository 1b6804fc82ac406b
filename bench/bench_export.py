"""Time `workshop export` as a whole command on a large session: 50,000 ideas by default.

Run from the repository root: `.venv/bin/python bench/bench_export.py [--ideas N] [--runs N]`.
The session (40 participants, 50 themes, 30 actions, hostile text in every tenth idea) is
written to a temporary folder; each export runs as its own process (`python -m workshop export
...`, output to /dev/null), timed from start to exit, best of --runs. The in-process time of
the render function alone is printed beside it, labelled as such.
Target: `workshop export --format md` of 50,000 ideas under 1.5 s as a whole command.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.sample_session import at, sample_session  # noqa: E402

from workshop.core.agenda import Horizon
from workshop.core.models import Action, Idea, Participant, Rating, Session, Theme, Vote
from workshop.export import render_csv, render_json, render_markdown  # noqa: E402
from workshop.export.html import render_html  # noqa: E402
from workshop.store.session_file import SessionFile  # noqa: E402

IDEAS = 50_000
TARGET_SECONDS = 1.5
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


def timed(label: str, render: Callable[[], str], repeats: int) -> float:
    best = float("inf")
    size = 0
    for _ in range(repeats):
        began = time.perf_counter()
        size = len(render())
        best = min(best, time.perf_counter() - began)
    print(f"  in process  {label:<24} {best * 1000:8.1f} ms  ({size:,} characters)")
    return best


def timed_command(label: str, argv: list[str], repeats: int) -> float:
    """Best wall time of `python -m workshop ARGV` from start to exit, output to /dev/null."""
    best = float("inf")
    for _ in range(repeats):
        began = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "workshop", *argv],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "0"},
            check=False,
        )
        elapsed = time.perf_counter() - began
        if done.returncode != 0:
            raise SystemExit(f"{label} failed: {done.stderr.decode()}")
        best = min(best, elapsed)
    print(f"  command     {label:<24} {best * 1000:8.1f} ms")
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ideas", type=int, default=IDEAS)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    session = big_session(args.ideas)
    with tempfile.TemporaryDirectory(prefix="workshop-bench-export-") as temp:
        path = Path(temp) / "2025-03-04-big.toml"
        SessionFile.create(path, session)
        size = path.stat().st_size / 1e6
        print(f"{len(session.ideas):,} ideas ({size:.1f} MB session file), best of {args.runs}:")
        command_seconds = timed_command("export --format md", ["export", str(path)], args.runs)
        timed("render_markdown", lambda: render_markdown(session), args.runs)
        for table in ("ideas", "themes"):
            timed_command(
                f"export --table {table}", ["export", str(path), "--table", table], args.runs
            )
            timed(f"render_csv {table}", lambda t=table: render_csv(session, t), args.runs)
        timed_command("export --format json", ["export", str(path), "--format", "json"], args.runs)
        timed("render_json", lambda: render_json(session), args.runs)
        timed_command("export --format html", ["export", str(path), "--format", "html"], args.runs)
        timed("render_html", lambda: render_html(session), args.runs)
        timed_command("--help (start-up alone)", ["--help"], args.runs)
    within = command_seconds < TARGET_SECONDS
    print(
        f"workshop export --format md target < {TARGET_SECONDS} s as a command: "
        f"{'met' if within else 'MISSED'}"
    )
    return 0 if within else 1


if __name__ == "__main__":
    raise SystemExit(main())
