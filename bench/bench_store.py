"""Enter-to-durable for one idea at 100, 1,000 and 10,000 ideas.

Prints the median and p95 of `SessionFile.change(add_idea)` (lock, check the file, write,
fsync, rename), next to a full re-serialisation with pydantic + tomli-w, in the same run.
Targets (issue 2): <= 15 ms at 1,000 ideas and <= 40 ms at 10,000.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import tomli_w

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from workshop.core import ops  # noqa: E402
from workshop.core.agenda import Agenda  # noqa: E402
from workshop.store.locations import shipped_agendas_dir  # noqa: E402
from workshop.store.session_file import SessionFile  # noqa: E402
from workshop.store.toml_read import read_toml, validate  # noqa: E402

SAVES = 40


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    agenda_path = shipped_agendas_dir() / "customer-focus.toml"
    agenda = validate(Agenda, read_toml(agenda_path), agenda_path)
    print(f"{'ideas':>7} {'change p50':>11} {'change p95':>11} {'first save':>11} "
          f"{'tomli-w full':>13}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (100, 1_000, 10_000):
            session = ops.new_session("Bench", agenda, on=date(2026, 1, 1))
            for number in range(size):
                text = f"Idea {number}: the invoice arrives after the due date #billing"
                ops.add_idea(session, text)
            path = Path(folder) / f"bench-{size}.toml"
            SessionFile.create(path, session)
            opened = SessionFile.open(path)
            started = time.perf_counter()
            opened.change(lambda s: ops.add_idea(s, "first change after opening"))
            first_save = time.perf_counter() - started
            timings = []
            for number in range(SAVES):
                started = time.perf_counter()
                opened.change(lambda s, n=number: ops.add_idea(s, f"typed idea {n}"))
                timings.append(time.perf_counter() - started)
            started = time.perf_counter()
            tomli_w.dumps(opened.session.model_dump(exclude_defaults=True))
            full = time.perf_counter() - started
            print(
                f"{size:>7} {statistics.median(timings) * 1000:>9.1f}ms "
                f"{percentile(timings, 0.95) * 1000:>9.1f}ms {first_save * 1000:>9.1f}ms "
                f"{full * 1000:>11.1f}ms"
            )


if __name__ == "__main__":
    main()
