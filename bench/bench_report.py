"""Time `workshop report` over a large folder: 500 sessions of 200 ideas each.

Run from the repository root: `.venv/bin/python bench/bench_report.py [--sessions N] [--profile]`.
Each session has 12 participants in 4 segments, the customer-focus benchmark fully rated, 8
actions with up to 4 reviews, and 200 ideas; 5 teams, dates spread over five years. The files
are written directly (render_session), so building the folder takes a few seconds.
Each report runs as its own process (`python -m workshop report ...`, output to /dev/null),
timed from start to exit; the in-process time of the command's handler is printed beside it,
labelled as such.
Target: the whole command (start, read the folder, build, render markdown) under 3 s.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import pstats
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from workshop.cli.followup import add_followup_commands
from workshop.core.agenda import ActionStatus, Horizon
from workshop.core.models import Action, Idea, Participant, Rating, Review, Session
from workshop.store.agendas import DEFAULT_AGENDA, find_agenda, load_agenda
from workshop.store.report_folder import report_folder
from workshop.store.session_text import render_session

TARGET_SECONDS = 3.0
TEAMS = ["Customer Service", "Billing", "Field Service", "Sales", "Operations"]
SEGMENTS = ["Contact centre", "Back office", "Field", "Management"]
AS_OF = date(2026, 1, 1)


def build_session(number: int, ideas: int) -> Session:
    """One realistic, fully filled session (deterministic for a given number)."""
    agenda = load_agenda(find_agenda(DEFAULT_AGENDA))
    day = date(2021, 1, 4) + timedelta(days=number * 3)
    start = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)
    participants = [
        Participant(id=f"p{n}", name=f"Person {n}", segment=SEGMENTS[n % len(SEGMENTS)])
        for n in range(1, 13)
    ]
    rate = next(a for a in agenda.activities() if a.kind == "rate")
    ratings = [
        Rating(
            activity=rate.id,
            participant=p.id,
            criterion=c.id,
            score=1 + (number + i + j) % 5,
        )
        for i, p in enumerate(participants)
        for j, c in enumerate(rate.criteria)
    ]
    statuses = list(ActionStatus)
    actions = []
    for n in range(1, 9):
        reviews = [
            Review(
                date=day + timedelta(days=91 * (k + 1)),
                progress=min(4, k + n % 3),
                status=statuses[(n + k) % len(statuses)],
                note=f"Review {k} of action {n}",
            )
            for k in range(n % 5)
        ]
        actions.append(
            Action(
                id=f"a{n}",
                title=f"Action {n} of session {number}",
                owner=f"Person {n}",
                horizon=list(Horizon)[n % 3],
                measure="Fewer complaints about it",
                created=start,
                status=reviews[-1].status if reviews else ActionStatus.NOT_STARTED,
                reviews=reviews,
            )
        )
    brainstorm = next(a for a in agenda.activities() if a.kind == "brainstorm")
    idea_list = [
        Idea(
            id=f"i{n}",
            text=f"Idea {n}: customers wait too long on the phone line #waiting #t{n % 9}",
            activity=brainstorm.id,
            tags=["waiting", f"t{n % 9}"],
            created=start + timedelta(seconds=n),
        )
        for n in range(1, ideas + 1)
    ]
    return Session(
        title=f"Workshop {number}",
        team=TEAMS[number % len(TEAMS)],
        facilitator="Bench",
        date=day,
        agenda=agenda,
        participants=participants,
        ratings=ratings,
        actions=actions,
        ideas=idea_list,
    )


def build_folder(folder: Path, sessions: int, ideas: int) -> None:
    for number in range(sessions):
        session = build_session(number, ideas)
        name = f"{session.date.isoformat()}-workshop-{number}.toml"
        (folder / name).write_text(render_session(session), encoding="utf-8")


def time_command(folder: Path, output_format: str = "md") -> float:
    """Wall seconds of `python -m workshop report --dir FOLDER` as a process, start to exit."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "workshop", "report", "--dir", str(folder), "--format",
         output_format, "--as-of", AS_OF.isoformat()],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=dict(os.environ),
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"workshop report failed: {done.stderr.decode()}")
    return elapsed


def time_report(folder: Path, output_format: str = "md") -> tuple[float, float, int]:
    """Wall and CPU seconds of `workshop report --dir FOLDER`, and the output's size.

    Runs the command's handler in this process, with the cyclic garbage collector off as
    `workshop.cli.main` has it, and stdout captured.
    """
    parser = argparse.ArgumentParser(prog="workshop")
    add_followup_commands(parser.add_subparsers())
    args = parser.parse_args(
        ["report", "--dir", str(folder), "--format", output_format, "--as-of", AS_OF.isoformat()]
    )
    captured = io.StringIO()
    gc.collect()
    gc.disable()
    real_stdout = sys.stdout
    sys.stdout = captured
    try:
        started, cpu_started = time.perf_counter(), time.process_time()
        exit_code = args.handler(args)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    finally:
        sys.stdout = real_stdout
        gc.enable()
    if exit_code != 0:
        raise SystemExit(f"workshop report failed with exit code {exit_code}")
    return elapsed, cpu, len(captured.getvalue())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=500)
    parser.add_argument("--ideas", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print the top of a profile")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="workshop-bench-report-") as temp:
        folder = Path(temp)
        started = time.perf_counter()
        build_folder(folder, args.sessions, args.ideas)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(
            f"built {args.sessions} sessions x {args.ideas} ideas ({size:.0f} MB) "
            f"in {time.perf_counter() - started:.1f} s"
        )
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            report_folder(folder, AS_OF)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
            print(out.getvalue())
        time_command(folder)  # a first run reads the files into the page cache: not counted
        commands = {
            output_format: min(time_command(folder, output_format) for _ in range(args.runs))
            for output_format in ("md", "json", "html")
        }
        timings = [time_report(folder) for _ in range(args.runs)]
        in_process, in_process_cpu, md_chars = min(timings)
        json_wall, json_cpu, json_chars = min(time_report(folder, "json") for _ in range(args.runs))
        best = commands["md"]
        print(f"workshop report over {args.sessions} sessions, best of {args.runs}:")
        for output_format, seconds in commands.items():
            print(f"  command     --format {output_format:<5} {seconds:6.2f} s wall")
        print(
            f"  in process  --format md    {in_process:6.2f} s wall ({in_process_cpu:.2f} s CPU), "
            f"{md_chars} chars"
        )
        print(
            f"  in process  --format json  {json_wall:6.2f} s wall ({json_cpu:.2f} s CPU), "
            f"{json_chars} chars"
        )
        verdict = "met" if best < TARGET_SECONDS else "NOT met"
        print(f"  target < {TARGET_SECONDS:.0f} s as a command: {verdict}")
    return 0 if best < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
