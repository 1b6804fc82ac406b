"""How fast the brainstorm panel is with many ideas: a keystroke, and Enter to idea saved.

Headless. Prints p50/p95 in milliseconds at 1,000 and 10,000 ideas. Targets (issue 3):
keystroke p50 <= 8 ms at 10,000 ideas; Enter to idea shown and durably saved p50 <= 30 ms at
1,000 ideas and <= 60 ms at 10,000.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input

from workshop.core import ops
from workshop.core.agenda import Agenda
from workshop.core.models import Idea
from workshop.store.editor import Change, Saved
from workshop.store.session_file import SessionFile
from workshop.store.toml_read import read_toml, validate
from workshop.tui.panels.brainstorm import BrainstormPanel
from workshop.tui.panels.context import PanelContext
from workshop.tui.panels.registry import panel_for
from workshop.tui.widgets.idea_list import IdeaList

AGENDA = Path(__file__).parents[1] / "src/workshop/agendas/customer-focus.toml"
ACTIVITY = "what-bugs-customers"
KEYSTROKES = 200
ENTERS = 40


class BenchApp(App[None]):
    """Owns the session file the way the session screen does: save, then show."""

    def __init__(self, session_file: SessionFile) -> None:
        super().__init__()
        self.session_file = session_file

    def compose(self) -> ComposeResult:
        session = self.session_file.session
        yield panel_for(session.agenda.activity(ACTIVITY), session, PanelContext(save=self.save))

    def save(self, change: Change) -> Saved:
        result = self.session_file.change(change.edit)
        self.query_one(BrainstormPanel).show_session(self.session_file.session)
        return Saved(change, result)


class BareInputApp(App[None]):
    """The baseline: one Input and nothing else, measured in the same run."""

    def compose(self) -> ComposeResult:
        yield Input(id="idea")


async def keystrokes_in(app: App[None]) -> list[float]:
    idea_input = app.screen.query_one("#idea", Input)
    idea_input.focus()
    samples = []
    for n in range(KEYSTROKES):
        character = "abcdefghij"[n % 10]
        length = len(idea_input.value)
        samples.append(
            await timed(app, character, character, lambda: len(idea_input.value) > length)  # noqa: B023
        )
    return samples


def session_file_with(idea_count: int, folder: Path) -> SessionFile:
    agenda = validate(Agenda, read_toml(AGENDA), AGENDA)
    session = ops.new_session("Bench", agenda)
    session.current_activity = ACTIVITY
    created = datetime(2025, 1, 1, 9, 0).astimezone()
    session.ideas = [
        Idea(
            id=f"i{n}",
            text=f"Idea number {n} about #topic{n % 40}",
            activity=ACTIVITY,
            tags=[f"topic{n % 40}"],
            created=created,
        )
        for n in range(1, idea_count + 1)
    ]
    path = folder / f"bench-{idea_count}.toml"
    SessionFile.create(path, session)
    return SessionFile.open(path)


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p50 = statistics.median(ordered) * 1000
    p95 = ordered[int(len(ordered) * 0.95) - 1] * 1000
    return f"p50 {p50:6.2f} ms   p95 {p95:6.2f} ms"


async def timed(app: App[None], key: str, character: str | None, done: Any) -> float:
    """Seconds from a key arriving to its effect painted: the key is posted as the terminal
    driver would, the app processes it (and any save it asks for), then the changed parts of
    the screen are rendered at once rather than at the next frame tick."""
    started = time.perf_counter()
    app.post_message(events.Key(key, character))
    while not done():
        await asyncio.sleep(0)
    app.screen._on_timer_update()  # noqa: SLF001 - paint now, as the next frame would
    return time.perf_counter() - started


async def measure(idea_count: int, folder: Path, *, whole_app: bool) -> dict[str, Any]:
    """In the panel alone (BenchApp), or in the whole app a facilitator runs (WorkshopApp)."""
    from workshop.tui.app import WorkshopApp

    session_file = session_file_with(idea_count, folder / ("app" if whole_app else "panel"))
    app: App[None] = (
        WorkshopApp(session_file.path, session_file.path.parent)
        if whole_app
        else BenchApp(session_file)
    )
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        while not app.screen.query("#idea"):
            await pilot.pause()
        idea_input = app.screen.query_one("#idea", Input)
        idea_list = app.screen.query_one(IdeaList)
        await pilot.pause()
        keystrokes = await keystrokes_in(app)
        idea_input.value = "warm-up idea"  # the first save writes every record once
        await pilot.press("enter")
        await pilot.pause()
        enters = []
        for n in range(ENTERS):
            idea_input.value = f"A new idea {n} #bench"
            before = idea_list.row_count
            enters.append(
                await timed(
                    app,
                    "enter",
                    "\r",
                    lambda: idea_list.row_count > before and not idea_input.value,  # noqa: B023
                )
            )
        saved = len(SessionFile.open(session_file.path).session.ideas)
        assert saved == idea_count + 1 + ENTERS, saved
    return {"keystroke": keystrokes, "enter": enters}


async def main() -> None:
    print("In-process, headless (no terminal): bench_terminal.py times what a person sees.")
    bare = BareInputApp()
    async with bare.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        print(f"  bare Textual Input  keystroke           {percentiles(await keystrokes_in(bare))}")
    with tempfile.TemporaryDirectory() as folder:
        for where, whole_app in (("panel alone", False), ("whole app", True)):
            (Path(folder) / ("app" if whole_app else "panel")).mkdir()
            for idea_count in (1_000, 10_000):
                figures = await measure(idea_count, Path(folder), whole_app=whole_app)
                keystroke = percentiles(figures["keystroke"])
                enter = percentiles(figures["enter"])
                label = f"{where:<12}{idea_count:>6,} ideas"
                print(f"{label}  keystroke in the input    {keystroke}")
                print(f"{label}  Enter to shown and saved  {enter}")


if __name__ == "__main__":
    asyncio.run(main())
