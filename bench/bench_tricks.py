"""Which speed tricks earn their keep: each A/B as a person waits, interleaved in one session.

Run from the repository root: `.venv/bin/python bench/bench_tricks.py [--before SRC]`.
Compare the ratios; absolute figures move with the machine's load. A trick stays only if
leaving it out costs more than 10% (issue #11).

Tricks still in the code, each patched out in its own process by bench/without_tricks.py:
- exit: `os._exit` after a command that opened no screen: `workshop --help` and
  `workshop idea add` as whole processes.
- quick: `SessionReader._quick`: `workshop sessions` over 200 sessions, `workshop report` over
  500 sessions, and the home screen in a pty (start to the newest session listed).
Tricks removed (gc pause + freeze, the lazy argparse builder, tomlfmt), before against after,
given `--before SRC`, a `src` folder of the version that had them (e.g. `git archive`):
- gc: `workshop open` in a pty at 1,000 and 10,000 ideas, start to the session title and to
  the idea box.
- cli: `workshop --help` and `workshop idea add` (the gc pause and the lazy parser).
- toml: Enter to the idea shown at 10,000 ideas in a pty (tomlfmt before, tomli-w after).
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

from bench_terminal import IDEA_BOX, time_enters  # noqa: E402
from terminal import Terminal, minimal_app_command, ms  # noqa: E402

Variant = tuple[str, dict[str, str]]
"""The tricks to patch out (or "-"), and the environment (PYTHONPATH picks the version)."""


def command(tricks: str, *arguments: str) -> list[str]:
    return [sys.executable, str(BENCH / "without_tricks.py"), tricks or "-", *arguments]


def process_seconds(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{argv}: {done.stderr.decode()}")
    return elapsed


def report(label: str, first: list[float], second: list[float], names: str) -> None:
    a, b = statistics.median(first), statistics.median(second)
    one, two = names.split("/")
    print(
        f"  {label:<42} {one} {ms(a)}  {two} {ms(b)}  {two}/{one} {b / a:5.2f}x"
        f"{'  (over 1.10x)' if b / a > 1.10 else ''}"
    )


def ab_processes(
    label: str,
    arguments: list[str],
    a: Variant,
    b: Variant,
    runs: int,
    names: str,
    arguments_a: list[str] | None = None,
) -> None:
    """`arguments` for both, or `arguments_a` for `a` (an older version's own copy)."""
    first: list[float] = []
    second: list[float] = []
    for _ in range(runs):  # interleaved, so a change of load hits both alike
        first.append(process_seconds(command(a[0], *(arguments_a or arguments)), a[1]))
        second.append(process_seconds(command(b[0], *arguments), b[1]))
    report(label, first, second, names)


def schema_1_copy(path: Path) -> Path:
    """The bench session as a version before schema 2 (kept timers) reads it: the same
    records with `schema_version = 1`. A bench session has no timers, all schema 2 added."""
    text = path.read_text(encoding="utf-8")
    if "[[timers]]" in text or "schema_version = 2\n" not in text:
        raise SystemExit(f"{path}: not a schema 2 bench session without timers")
    copy = path.with_name(f"{path.stem}-schema-1.toml")
    copy.write_text(text.replace("schema_version = 2\n", "schema_version = 1\n", 1), "utf-8")
    return copy


def time_screen(argv: list[str], env: dict[str, str], *texts: str) -> list[float]:
    with Terminal(argv, env=env) as terminal:
        return [terminal.wait_for(text, timeout=60) - terminal.started for text in texts]


def bench_gc(folder: Path, before: Variant, after: Variant, runs: int) -> None:
    from bench_tui import make_session

    print(f"gc pause + freeze removed: workshop open in an 80x24 pty, {runs} runs (p50):")
    minimal = [time_screen(minimal_app_command(), after[1], IDEA_BOX)[0] for _ in range(runs)]
    print(f"  minimal Textual app, its Input on screen: {ms(statistics.median(minimal))}")
    for count in (1_000, 10_000):
        path = make_session(folder, count)
        paths = (schema_1_copy(path), path)
        times: list[list[list[float]]] = [[], []]
        for _ in range(runs):
            for index, (tricks, env) in enumerate((before, after)):
                argv = command(tricks, "open", str(paths[index]))
                times[index].append(time_screen(argv, env, f"Bench {count}", IDEA_BOX))
        for index, what in enumerate(("session title", "idea box")):
            report(
                f"{count:>6,} ideas: {what}",
                [t[index] for t in times[0]],
                [t[index] for t in times[1]],
                "before/after",
            )


def bench_cli(folder: Path, before: Variant | None, after: Variant, runs: int) -> None:
    from bench_tui import make_session

    path = make_session(folder, 10)
    print(f"Commands as whole processes, {runs} runs (p50):")
    bare = [process_seconds([sys.executable, "-c", "pass"], after[1]) for _ in range(runs)]
    print(f"  minimal reference, python -c pass: {ms(statistics.median(bare))}")
    idea_add = ["idea", "add", str(path), "An idea"]
    for label, arguments in (("--help", ["--help"]), ("idea add", idea_add)):
        ab_processes(
            f"os._exit: workshop {label}",
            arguments,
            after,
            ("exit", after[1]),
            runs,
            "with/without",
        )
    if before:
        old_idea_add = ["idea", "add", str(schema_1_copy(path)), "An idea"]
        for label, arguments, old_arguments in (
            ("--help", ["--help"], ["--help"]),
            ("idea add", idea_add, old_idea_add),
        ):
            ab_processes(
                f"gc pause, lazy parser: workshop {label}",
                arguments,
                before,
                after,
                runs,
                "before/after",
                arguments_a=old_arguments,
            )


def bench_quick(folder: Path, after: Variant, runs: int) -> None:
    from bench_report import build_folder

    two_hundred = folder / "s200"
    five_hundred = folder / "s500"
    two_hundred.mkdir()
    five_hundred.mkdir()
    build_folder(two_hundred, 200, 200)
    build_folder(five_hundred, 500, 200)
    without = ("quick", after[1])
    print(f"SessionReader._quick, {runs} runs (p50):")
    sessions = ["sessions", "--dir", str(two_hundred)]
    ab_processes("workshop sessions, 200 sessions", sessions, after, without, runs, "with/without")
    report_args = ["report", "--dir", str(five_hundred), "--as-of", "2026-12-01"]
    ab_processes("workshop report, 500 sessions", report_args, after, without, runs, "with/without")
    home_env = dict(after[1], WORKSHOP_HOME=str(folder / "home"))
    (folder / "home").mkdir()
    (folder / "home" / "sessions").symlink_to(two_hundred)
    latest = sorted(two_hundred.glob("*.toml"))[-1].name.split("-workshop-")[1][:-5]
    times: list[list[float]] = [[], []]
    for _ in range(runs):
        for index, tricks in enumerate(("", "quick")):
            times[index].extend(time_screen(command(tricks), home_env, f"Workshop {latest}"))
    report("home screen, 200 sessions: newest listed", *times, "with/without")


def bench_toml(folder: Path, before: Variant, after: Variant, rounds: int, ideas: int) -> None:
    from bench_tui import make_session

    path = make_session(folder, 10_000)
    paths = (schema_1_copy(path), path)
    times: list[list[float]] = [[], []]
    for round_number in range(rounds):
        for index, (tricks, env) in enumerate((before, after)):
            with Terminal(command(tricks, "open", str(paths[index])), env=env) as terminal:
                label = f"z{round_number}v{index}"
                times[index].extend(time_enters(terminal, ideas, label, ready_timeout=60))
    print(
        f"tomlfmt (before) vs tomli-w (after): Enter to the idea shown, 10,000 ideas, pty, "
        f"{rounds} x {ideas} ideas each (p50):"
    )
    report("Enter to shown", *times, "before/after")
    for index, name in enumerate(("before", "after")):
        ordered = sorted(times[index])
        print(f"  {name} p95 {ms(ordered[int(len(ordered) * 0.95) - 1])}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="gc,cli,quick,toml", help="sections, comma-separated")
    parser.add_argument("--before", help="src folder of the version with the removed tricks")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3, help="processes per version (toml)")
    parser.add_argument("--ideas", type=int, default=10, help="ideas typed per process (toml)")
    args = parser.parse_args()
    sections = args.only.split(",")
    compileall.compile_dir(str(BENCH.parent / "src"), quiet=1)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = dict(os.environ, WORKSHOP_HOME=str(folder))
        after: Variant = ("", env)
        before: Variant | None = None
        if args.before:
            compileall.compile_dir(args.before, quiet=1)
            before = ("", dict(env, PYTHONPATH=str(Path(args.before).resolve())))
        elif {"gc", "toml"} & set(sections):
            print("(gc, toml and the before half of cli need --before SRC)", file=sys.stderr)
        for section in ("gc", "cli", "quick", "toml"):
            (folder / section).mkdir()
        if "gc" in sections and before:
            bench_gc(folder / "gc", before, after, args.runs)
        if "cli" in sections:
            bench_cli(folder / "cli", before, after, args.runs)
        if "quick" in sections:
            bench_quick(folder / "quick", after, args.runs)
        if "toml" in sections and before:
            bench_toml(folder / "toml", before, after, args.rounds, args.ideas)
    return 0


if __name__ == "__main__":
    sys.exit(main())
