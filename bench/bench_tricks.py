"""Which speed tricks earn their keep: each A/B, with and without, as a person waits.

Run from the repository root: `.venv/bin/python bench/bench_tricks.py [--only gc,exit,...]`.
"Without" runs workshop through bench/without_tricks.py, which patches the trick out in that
process only; "with" runs the same launcher with nothing patched. Runs are interleaved in one
session, so a change of load hits both alike; compare the ratios (without / with).

- gc: `workshop open` in a pty (bench/terminal.py) at 1,000 and 10,000 ideas, process start to
  the session title and to the idea box.
- exit, lazy: `workshop --help` and `workshop idea add` as whole processes.
- quick: `workshop sessions` over 200 sessions, `workshop report` over 500 sessions, and the
  home screen in a pty (start to the last-dated session's title on screen) over 200 sessions.
- tomliw: Enter to the idea shown at 10,000 ideas in a pty (tomlfmt vs tomli-w), and whether
  the bytes of a saved session differ.
A trick is worth keeping if "without" is more than 1.10x "with" (issue #11).
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
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from terminal import Terminal, minimal_app_command, ms  # noqa: E402

IDEA_BOX = "Type an idea, Enter to capture"
TRICKS = ("gc", "exit", "lazy", "quick", "tomliw")


def command(tricks: str, *arguments: str) -> list[str]:
    return [sys.executable, str(BENCH / "without_tricks.py"), tricks or "-", *arguments]


def process_seconds(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{argv}: {done.stderr.decode()}")
    return elapsed


def report(label: str, with_trick: list[float], without: list[float]) -> None:
    a, b = statistics.median(with_trick), statistics.median(without)
    print(
        f"  {label:<44} with {ms(a)}  without {ms(b)}  without/with {b / a:5.2f}x"
        f"  ({'keep' if b / a > 1.10 else 'drop'})"
    )


def ab_processes(
    trick: str, label: str, arguments: list[str], env: dict[str, str], runs: int
) -> None:
    with_trick: list[float] = []
    without: list[float] = []
    for _ in range(runs):
        with_trick.append(process_seconds(command("", *arguments), env))
        without.append(process_seconds(command(trick, *arguments), env))
    report(label, with_trick, without)


def time_screen(argv: list[str], env: dict[str, str], *texts: str) -> list[float]:
    with Terminal(argv, env=env) as terminal:
        return [terminal.wait_for(text, timeout=60) - terminal.started for text in texts]


def bench_gc(folder: Path, env: dict[str, str], runs: int) -> None:
    from bench_tui import make_session

    print(f"gc pause + freeze: workshop open in an 80x24 pty, {runs} runs each (p50):")
    minimal = [time_screen(minimal_app_command(), env, IDEA_BOX)[0] for _ in range(runs)]
    print(f"  minimal Textual app, its Input on screen: {ms(statistics.median(minimal))}")
    for count in (1_000, 10_000):
        path = make_session(folder, count)
        times: dict[str, list[list[float]]] = {"": [], "gc": []}
        for _ in range(runs):
            for tricks in times:
                argv = command(tricks, "open", str(path))
                times[tricks].append(time_screen(argv, env, f"Bench {count}", IDEA_BOX))
        for index, what in enumerate(("session title", "idea box")):
            report(
                f"{count:>6,} ideas: {what}",
                [t[index] for t in times[""]],
                [t[index] for t in times["gc"]],
            )


def bench_cli(folder: Path, env: dict[str, str], runs: int, tricks: list[str]) -> None:
    from bench_tui import make_session

    path = make_session(folder, 10)
    print(f"Commands as whole processes, {runs} runs each (p50):")
    bare = [process_seconds([sys.executable, "-c", "pass"], env) for _ in range(runs)]
    print(f"  minimal reference, python -c pass: {ms(statistics.median(bare))}")
    for trick in tricks:
        ab_processes(trick, f"{trick}: workshop --help", ["--help"], env, runs)
        ab_processes(
            trick, f"{trick}: workshop idea add", ["idea", "add", str(path), "An idea"], env, runs
        )


def bench_quick(folder: Path, env: dict[str, str], runs: int) -> None:
    from bench_report import build_folder

    two_hundred = folder / "s200"
    five_hundred = folder / "s500"
    two_hundred.mkdir()
    five_hundred.mkdir()
    build_folder(two_hundred, 200, 200)
    build_folder(five_hundred, 500, 200)
    print(f"SessionReader._quick, {runs} runs each (p50):")
    ab_processes(
        "quick",
        "workshop sessions, 200 sessions",
        ["sessions", "--dir", str(two_hundred)],
        env,
        runs,
    )
    ab_processes(
        "quick",
        "workshop report, 500 sessions",
        ["report", "--dir", str(five_hundred), "--as-of", "2026-12-01"],
        env,
        runs,
    )
    home_env = dict(env, WORKSHOP_HOME=str(folder / "home"))
    (folder / "home").mkdir()
    (folder / "home" / "sessions").symlink_to(two_hundred)
    latest = sorted(two_hundred.glob("*.toml"))[-1].name.split("-workshop-")[1][:-5]
    marker = f"Workshop {latest}"
    times: dict[str, list[float]] = {"": [], "quick": []}
    for _ in range(runs):
        for tricks in times:
            times[tricks].extend(time_screen(command(tricks), home_env, marker))
    report("home screen, 200 sessions: newest listed", times[""], times["quick"])


def time_enters(terminal: Terminal, ideas: int, label: str) -> list[float]:
    times: list[float] = []
    terminal.wait_for(IDEA_BOX, timeout=60)
    terminal.drain(quiet=0.3)
    for number in range(ideas):
        marker = f"{label}{number:03d}q"
        terminal.type_text(f"Idea {marker}")
        terminal.wait_for(marker)
        terminal.drain(quiet=0.15)
        sent = terminal.send("enter")
        shown = terminal.wait_for(lambda screen, m=marker: m in screen and IDEA_BOX in screen)
        times.append(shown - sent)
        terminal.drain(quiet=0.15)
    return times


def bench_tomliw(folder: Path, env: dict[str, str], rounds: int, ideas: int) -> None:
    from bench_tui import make_session

    path = make_session(folder, 10_000)
    times: dict[str, list[float]] = {"": [], "tomliw": []}
    for round_number in range(rounds):
        for tricks in times:
            with Terminal(command(tricks, "open", str(path)), env=env) as terminal:
                label = f"z{round_number}{'t' if tricks else 'f'}"
                times[tricks].extend(time_enters(terminal, ideas, label))
    print(
        f"tomlfmt vs tomli-w: Enter to the idea shown, 10,000 ideas, pty, "
        f"{rounds} x {ideas} ideas each (p50):"
    )
    report("Enter to shown (with = tomlfmt, without = tomli-w)", times[""], times["tomliw"])
    print(
        f"  p95: tomlfmt {ms(sorted(times[''])[int(len(times['']) * 0.95) - 1])}"
        f"  tomli-w {ms(sorted(times['tomliw'])[int(len(times['tomliw']) * 0.95) - 1])}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="gc,cli,quick,tomliw", help="gc,cli,quick,tomliw")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3, help="processes per variant (tomliw)")
    parser.add_argument("--ideas", type=int, default=10, help="ideas typed per process (tomliw)")
    args = parser.parse_args()
    sections = args.only.split(",")
    compileall.compile_dir(str(BENCH.parent / "src"), quiet=1)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = dict(os.environ, WORKSHOP_HOME=str(folder))
        for section in ("gc", "cli", "quick", "tomliw"):
            (folder / section).mkdir()
        if "gc" in sections:
            bench_gc(folder / "gc", env, args.runs)
        if "cli" in sections:
            bench_cli(folder / "cli", env, args.runs, ["exit", "lazy", "gc"])
        if "quick" in sections:
            bench_quick(folder / "quick", env, args.runs)
        if "tomliw" in sections:
            bench_tomliw(folder / "tomliw", env, args.rounds, args.ideas)
    return 0


if __name__ == "__main__":
    sys.exit(main())
