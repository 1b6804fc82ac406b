"""Time `workshop sessions` over a folder of 200 sessions of 200 ideas each.

Run from the repository root: `.venv/bin/python bench/bench_sessions.py [--sessions N]`.
The list shows only files that load (every idea checked), so this is the price of that check.
Each run is the real command in a fresh process; the figure to compare is the ratio to a
bare `workshop --help` measured in the same run (the machine's load moves absolute numbers).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_report import build_folder  # the same realistic sessions as the report's bench


def time_command(*argv: str, runs: int) -> list[float]:
    """Wall seconds of `python -m workshop ARGV...` in a fresh process, `runs` times."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        completed = subprocess.run(
            [sys.executable, "-m", "workshop", *argv],
            capture_output=True,
            text=True,
            env=os.environ.copy(),
        )
        timings.append(time.perf_counter() - started)
        if completed.returncode != 0:
            raise SystemExit(f"workshop {' '.join(argv)} failed: {completed.stderr}")
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--ideas", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="workshop-bench-sessions-") as temp:
        folder = Path(temp)
        build_folder(folder, args.sessions, args.ideas)
        bare = time_command("--help", runs=args.runs)
        listing = time_command("sessions", "--dir", temp, runs=args.runs)
    bare_median, listing_median = statistics.median(bare), statistics.median(listing)
    print(
        f"workshop sessions over {args.sessions} sessions x {args.ideas} ideas: median "
        f"{listing_median:.2f} s wall of {args.runs} "
        f"({', '.join(f'{t:.2f}' for t in listing)}); "
        f"workshop --help {bare_median:.2f} s; ratio {listing_median / bare_median:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
