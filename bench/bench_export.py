"""Time the exports on a large session: 10,000 ideas, 40 participants, 50 themes, 30 actions.

Run from the repository root: `.venv/bin/python bench/bench_export.py`.
Target: render_markdown under 1 s.
"""

from __future__ import annotations

import sys
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
PARTICIPANTS = 40
THEMES = 50
ACTIONS = 30


def big_session() -> Session:
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
        for n in range(1, IDEAS + 1)
    ]
    session.votes = [
        Vote(activity="vote", target=f"i{(p * 37 + k * 101) % IDEAS + 1}", count=1, voter=f"p{p}")
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
    print(f"render_markdown target < 1 s: {'met' if within else 'MISSED'}")
    return 0 if within else 1


if __name__ == "__main__":
    raise SystemExit(main())
