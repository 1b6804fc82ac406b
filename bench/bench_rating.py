"""How long a score takes to land: 40 participants, 12 criteria, typed into the rate panel.

Run from the repository root: `.venv/bin/python bench/bench_rating.py [--keys N]`.
Headless. For each digit typed it measures:

- app side: from the key reaching the grid to the saved session shown back by the panel
  (the grid's message, the change saved through the store with fsync, `show_session`);
- end to end: `pilot.press` until the app is idle again (adds the pilot's own overhead and the
  screen update).

- on screen, in a real terminal (`workshop open` on a pseudo-terminal read by pyte, see
  terminal.py): from the digit written to the terminal to the score in its cell on the
  emulated screen, next to a minimal Textual app's key echo timed the same way.

Target: app side p50 <= 10 ms per keystroke, and the cell on screen within one frame (1/60 s)
after that.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from textual import events  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402

from workshop.core import ops  # noqa: E402
from workshop.core.agenda import Activity, ActivityKind, Agenda, Criterion, Scale, Step  # noqa: E402
from workshop.store.editor import Change, Saved  # noqa: E402
from workshop.store.session_file import SessionFile  # noqa: E402
from workshop.tui.panels.context import PanelContext  # noqa: E402
from workshop.tui.panels.registry import panel_for  # noqa: E402
from workshop.tui.widgets.rating_grid import RatingGrid  # noqa: E402

PARTICIPANTS = 40
CRITERIA = 12


def make_session_file(folder: Path) -> SessionFile:
    criteria = [
        Criterion(id=f"c{n}", title=f"Criterion {n}", target=4.0) for n in range(1, CRITERIA + 1)
    ]
    agenda = Agenda(
        title="Bench",
        steps=[
            Step(
                id="s",
                title="S",
                activities=[
                    Activity(
                        id="rate",
                        kind=ActivityKind.RATE,
                        title="Rate",
                        scale=Scale(low=1, high=5),
                        criteria=criteria,
                    )
                ],
            )
        ],
    )
    session = ops.new_session("Bench", agenda, team="Bench team", on=date(2026, 11, 23))
    for n in range(PARTICIPANTS):
        ops.add_participant(session, segment=["Sales", "Billing", "Field"][n % 3])
    return SessionFile.create(folder / "bench.toml", session)


class TimedGrid(RatingGrid):
    """The grid, noting when each key arrives."""

    key_times: list[float] = []

    async def _on_key(self, event: events.Key) -> None:
        TimedGrid.key_times.append(time.perf_counter())
        await super()._on_key(event)


class BenchApp(App[None]):
    def __init__(self, session_file: SessionFile) -> None:
        super().__init__()
        self.session_file = session_file
        self.app_side: list[float] = []
        self.saving: list[float] = []
        self.showing: list[float] = []

    def compose(self) -> ComposeResult:
        activity = self.session_file.session.agenda.activity("rate")
        yield panel_for(activity, self.session_file.session, PanelContext(save=self.save))

    def save(self, change: Change) -> Saved:
        started = time.perf_counter()
        result: Any = self.session_file.change(change.edit)
        saved = time.perf_counter()
        self.query_one("#panel-rate").show_session(self.session_file.session)  # type: ignore[attr-defined]
        done = time.perf_counter()
        self.saving.append(saved - started)
        self.showing.append(done - saved)
        self.app_side.append(done - TimedGrid.key_times[-1])
        return Saved(change, result)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def run(keys: int) -> None:
    import workshop.tui.panels.rate as rate_module

    rate_module.RatingGrid = TimedGrid  # type: ignore[misc]
    with tempfile.TemporaryDirectory() as folder:
        session_file = make_session_file(Path(folder))
        app = BenchApp(session_file)
        end_to_end: list[float] = []
        arrows: list[float] = []
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for n in range(40):
                started = time.perf_counter()
                await pilot.press("right" if n % 2 else "left")
                await pilot.pause()
                arrows.append(time.perf_counter() - started)
            for n in range(keys):
                digit = str(1 + (n * 7) % 5)
                started = time.perf_counter()
                await pilot.press(digit)
                await pilot.pause()
                end_to_end.append(time.perf_counter() - started)
        typed = len(session_file.session.ratings)
    ms = 1000
    app_side = app.app_side
    print(
        f"{PARTICIPANTS} participants x {CRITERIA} criteria, {keys} scores typed "
        f"({typed} ratings saved)"
    )
    rows = [
        ("app side (key -> saved -> shown)", app_side),
        ("  of which the store's save (fsync)", app.saving),
        ("  of which the panel's show_session", app.showing),
        ("end to end (pilot press + idle)", end_to_end),
        ("  baseline: an arrow key, no save", arrows),
    ]
    for label, values in rows:
        print(
            f"{label:<38} p50 {statistics.median(values) * ms:7.2f} ms   "
            f"p95 {percentile(values, 0.95) * ms:7.2f} ms"
        )
    verdict = "met" if statistics.median(app_side) * ms <= 10 else "NOT met"
    print(f"target p50 <= 10 ms per keystroke (app side): {verdict}")


def _cells(screen: str, participant: int) -> list[str]:
    """The score cells of a participant's row as shown on the emulated screen."""
    for line in screen.splitlines():
        cells = line.split()[-CRITERIA:]
        if line.lstrip().startswith(f"Participant {participant} ·") and all(
            cell == "·" or cell.isdigit() for cell in cells
        ):
            return cells
    return []


def bench_rating_terminal(folder: Path, env: dict[str, str], keys: int = 60) -> None:
    """Digits typed on the benchmark grid in a real terminal, timed to their cell on screen."""
    import os
    import tempfile as temp

    from terminal import Terminal, minimal_app_command, ms, percentile

    with temp.TemporaryDirectory(dir=folder) as rate_folder:
        session_file = make_session_file(Path(rate_folder))
        command = [sys.executable, "-m", "workshop", "open", str(session_file.path)]
        to_cell: list[float] = []
        with Terminal(command, env=env) as terminal:
            terminal.wait_for("Participant 1 ·", timeout=30)
            terminal.drain(quiet=0.3)
            for n in range(keys):
                participant, criterion = divmod(n, CRITERIA)
                digit = str(1 + (n * 7) % 5)

                def in_cell(
                    screen: str, row: int = participant + 1, column: int = criterion, d: str = digit
                ) -> bool:
                    cells = _cells(screen, row)
                    return len(cells) == CRITERIA and cells[column] == d

                sent = terminal.send(digit)
                to_cell.append(terminal.wait_for(in_cell) - sent)
                terminal.drain(quiet=0.05, limit=0.5)
        echo: list[float] = []
        with Terminal(minimal_app_command(), env={**os.environ, **env}) as terminal:
            terminal.wait_for("Type an idea", timeout=30)
            terminal.drain(quiet=0.3)
            typed = ""
            for n in range(min(keys, 30)):
                typed += "abcdefghijklmnopqrstuvwxyz"[n % 26]
                sent = terminal.send(typed[-1])
                echo.append(terminal.wait_for(lambda screen, t=typed: t in screen) - sent)
                terminal.drain(quiet=0.05, limit=0.5)
    print(f"On screen, 80x24 pty: {keys} digits typed on the grid, to the score in its cell:")
    print(
        f"  digit to its cell on screen            p50 {ms(statistics.median(to_cell))}  "
        f"p95 {ms(percentile(to_cell, 0.95))}"
    )
    print(
        f"  minimal Textual app, key to its echo   p50 {ms(statistics.median(echo))}  "
        f"p95 {ms(percentile(echo, 0.95))}"
    )


def main() -> None:
    import os
    import tempfile as temp

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=PARTICIPANTS * CRITERIA)
    parser.add_argument("--terminal-keys", type=int, default=60)
    args = parser.parse_args()
    asyncio.run(run(args.keys))
    with temp.TemporaryDirectory() as folder:
        bench_rating_terminal(
            Path(folder), {**os.environ, "WORKSHOP_HOME": folder}, args.terminal_keys
        )


if __name__ == "__main__":
    main()
