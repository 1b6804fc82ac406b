"""How long a score takes to land: 40 participants, 12 criteria, typed into the rate panel.

Run from the repository root: `.venv/bin/python bench/bench_rating.py [--keys N]`.
Headless. For each digit typed it measures:

- app side: from the key reaching the grid to the saved session shown back by the panel
  (the grid's message, the change saved through the store with fsync, `show_session`);
- end to end: `pilot.press` until the app is idle again (adds the pilot's own overhead and the
  screen update).

Target: app side p50 <= 10 ms per keystroke.
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

from textual import events  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402

from workshop.core import ops  # noqa: E402
from workshop.core.models import Activity, ActivityKind, Agenda, Criterion, Scale, Step  # noqa: E402
from workshop.store import SessionFile  # noqa: E402
from workshop.tui.messages import ChangeRequested  # noqa: E402
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
        yield panel_for(activity, self.session_file.session)

    def on_change_requested(self, message: ChangeRequested) -> None:
        started = time.perf_counter()
        result: Any = self.session_file.change(message.edit)
        saved = time.perf_counter()
        if message.on_saved:
            message.on_saved(result)
        self.query_one("#panel-rate").show_session(self.session_file.session)  # type: ignore[attr-defined]
        done = time.perf_counter()
        self.saving.append(saved - started)
        self.showing.append(done - saved)
        self.app_side.append(done - TimedGrid.key_times[-1])


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
    print(f"{PARTICIPANTS} participants x {CRITERIA} criteria, {keys} scores typed "
          f"({typed} ratings saved)")
    rows = [
        ("app side (key -> saved -> shown)", app_side),
        ("  of which the store's save (fsync)", app.saving),
        ("  of which the panel's show_session", app.showing),
        ("end to end (pilot press + idle)", end_to_end),
        ("  baseline: an arrow key, no save", arrows),
    ]
    for label, values in rows:
        print(f"{label:<38} p50 {statistics.median(values) * ms:7.2f} ms   "
              f"p95 {percentile(values, 0.95) * ms:7.2f} ms")
    verdict = "met" if statistics.median(app_side) * ms <= 10 else "NOT met"
    print(f"target p50 <= 10 ms per keystroke (app side): {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=PARTICIPANTS * CRITERIA)
    asyncio.run(run(parser.parse_args().keys))


if __name__ == "__main__":
    main()
