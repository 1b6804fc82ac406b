"""Time to first paint, in one process: a minimal Textual app vs WorkshopApp opening sessions.

Run: .venv/bin/python bench/bench_tui.py   (headless, via App.run_test; prints figures only)
Imports are warm here (bench_startup.py measures from process start). Two moments of
workshop's: its first frame (OpeningScreen: what the file holds, before the models check it)
and the session screen ready, with its panel mounted and painted.
Targets (issue 3): 1,000 ideas within 1.5x of the minimal app; 10,000 ideas under 1.2 s.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static

from workshop.core import ops
from workshop.store.agendas import DEFAULT_AGENDA, find_agenda, load_agenda
from workshop.store.session_file import SessionFile

ROUNDS = 5
SIZE = (120, 40)


class MinimalApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello")
        yield Footer()


def make_session(folder: Path, ideas: int) -> Path:
    """A session at its first brainstorm holding `ideas` ideas.

    The first 1,000 are made with ops.add_idea; beyond that they are copies with new ids,
    because add_idea looks for the next free id each time (quadratic over 10,000 ideas).
    """
    session = ops.new_session(
        f"Bench {ideas}", load_agenda(find_agenda(DEFAULT_AGENDA)), team="Bench", on=date.today()
    )
    session.current_activity = "what-bugs-customers"
    for number in range(min(ideas, 1000)):
        ops.add_idea(
            session,
            f"Customers wait too long on the phone, case {number} #phone #wait{number % 13}",
            activity="what-bugs-customers",
        )
    template = session.ideas
    while len(session.ideas) < ideas:
        source = template[len(session.ideas) % len(template)]
        session.ideas.append(source.model_copy(update={"id": f"i{len(session.ideas) + 1}"}))
    path = folder / f"bench-{ideas}.toml"
    SessionFile.create(path, session)
    return path


async def first_paint(make_app) -> float:
    """Seconds from creating the app to its screen painted (for workshop: the session screen,
    its panel mounted); both apps are timed at the refresh after that moment."""
    from workshop.tui.screens.session import SessionScreen

    def ready(app: App[None]) -> bool:
        if isinstance(app, MinimalApp):
            return True
        screen = app.screen
        return isinstance(screen, SessionScreen) and bool(screen.panel and screen.panel.is_mounted)

    painted: list[float] = []
    started = time.perf_counter()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        while not ready(app):
            await asyncio.sleep(0.001)
        app.call_after_refresh(lambda: painted.append(time.perf_counter()))
        while not painted:
            await asyncio.sleep(0.001)
        await pilot.pause()
    return painted[0] - started


async def first_frame(path: Path, folder: Path) -> float:
    """Seconds from creating the app to the session's opening frame painted."""
    from workshop.tui.app import WorkshopApp
    from workshop.tui.screens.opening import OpeningScreen

    painted: list[float] = []
    mount = OpeningScreen.on_mount

    def on_mount(screen: OpeningScreen) -> None:
        screen.call_after_refresh(lambda: painted.append(time.perf_counter()))
        mount(screen)

    OpeningScreen.on_mount = on_mount  # type: ignore[method-assign]
    try:
        started = time.perf_counter()
        app = WorkshopApp(path, folder)
        async with app.run_test(size=SIZE) as pilot:
            while not painted:
                await asyncio.sleep(0.001)
            await pilot.pause()
    finally:
        OpeningScreen.on_mount = mount  # type: ignore[method-assign]
    return painted[0] - started


def median_of(make_app) -> float:
    times = [asyncio.run(first_paint(make_app)) for _ in range(ROUNDS)]
    return statistics.median(times)


def median_open(path: Path) -> float:
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        SessionFile.open(path)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    from workshop.tui.app import WorkshopApp
    from workshop.tui.panels import registry
    from workshop.tui.panels.placeholder import PlaceholderPanel

    real_panel_class = registry.panel_class

    def placeholder_panel_class(kind: object) -> type:
        return PlaceholderPanel

    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        print("generating sessions...", file=sys.stderr)
        paths = {count: make_session(folder, count) for count in (1_000, 10_000)}
        asyncio.run(first_paint(MinimalApp))  # warm imports for both
        asyncio.run(first_paint(lambda: WorkshopApp(paths[1_000], folder)))

        minimal = median_of(MinimalApp)
        print(f"Medians of {ROUNDS} runs, headless at {SIZE[0]}x{SIZE[1]}, first paint:")
        print("  (in-process, headless: bench_terminal.py times a real terminal)")
        print(f"  minimal Textual app               {minimal * 1000:6.0f} ms")
        for count, path in paths.items():
            size_kb = path.stat().st_size // 1024
            opening = median_open(path)
            registry.panel_class = placeholder_panel_class  # type: ignore[assignment]
            shell = median_of(lambda path=path: WorkshopApp(path, folder))
            registry.panel_class = real_panel_class
            opened = median_of(lambda path=path: WorkshopApp(path, folder))
            frame = statistics.median(
                asyncio.run(first_frame(path, folder)) for _ in range(ROUNDS)
            )
            target = "1.5x minimal" if count == 1_000 else "1.2 s"
            ok = frame <= 1.5 * minimal if count == 1_000 else frame < 1.2
            print(f"  {count:>6,} ideas ({size_kb:>5} KiB file)")
            print(f"    SessionFile.open alone          {opening * 1000:6.0f} ms")
            print(
                f"    shell, placeholder panel        {shell * 1000:6.0f} ms"
                f"  {shell / minimal:5.2f}x minimal"
            )
            print(
                f"    first frame (opening)           {frame * 1000:6.0f} ms"
                f"  {frame / minimal:5.2f}x minimal  (target {target}: "
                f"{'met' if ok else 'NOT met'})"
            )
            print(
                f"    session screen ready            {opened * 1000:6.0f} ms"
                f"  {opened / minimal:5.2f}x minimal"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
