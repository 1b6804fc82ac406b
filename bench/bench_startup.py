"""Process start to first paint: a minimal Textual app vs `workshop open SESSION`.

What a facilitator waits for after pressing Enter on `workshop open SESSION`: the
interpreter, the imports, reading the session and the first frame. Each figure is the median
wall time of fresh processes, headless, all measured in the same run (compare the ratios).
Two moments of workshop's: its first frame (the session's title, activity and idea count,
painted before the models are loaded) and the session screen ready to take ideas.
Target (issue 3): 1,000 ideas within 1.5x of the minimal app; 10,000 ideas under 1.2 s.
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_tui import make_session  # noqa: E402

RUNS = 7

MINIMAL = """
from textual.app import App
from textual.widgets import Footer, Static

class MinimalApp(App):
    def compose(self):
        yield Static("Hello")
        yield Footer()

    def on_ready(self):
        self.exit()

MinimalApp().run(headless=True, size=(120, 40))
"""

# `workshop open SESSION` as a person runs it (the command line reads the file, the app opens
# it), headless at the minimal app's size, leaving at one of two moments:
OPEN_SESSION = """
import sys
from workshop import cli
from workshop.cli import screen
from workshop.tui.app import WorkshopApp

run = WorkshopApp.run
WorkshopApp.run = lambda app, **options: run(app, headless=True, size=(120, 40))
screen.on_a_terminal = lambda: True  # headless: no terminal needed, as for the minimal app
LEAVE_AT = sys.argv[2]

if LEAVE_AT == "first-paint":
    # The session's first frame is on screen (title, activity, idea count): what the
    # minimal app's on_ready is to it.
    from workshop.tui.screens.opening import OpeningScreen

    OpeningScreen.on_mount = lambda screen: screen.call_after_refresh(screen.app.exit)
else:
    # The session screen is up with its panel mounted and painted: typing is captured.
    def leave_once_ready(app):
        panel = getattr(app.screen, "panel", None)
        if panel is not None and panel.is_mounted:
            app.call_after_refresh(app.exit)
        else:
            app.set_timer(0.001, lambda: leave_once_ready(app))

    mount = WorkshopApp.on_mount
    def on_mount(app):
        mount(app)
        app.call_later(leave_once_ready, app)
    WorkshopApp.on_mount = on_mount

sys.exit(cli.main(["open", sys.argv[1]]))
"""


def wall_time(arguments: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(arguments, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    # As for a person who installed workshop: its modules compiled to bytecode once (this
    # environment sets PYTHONDONTWRITEBYTECODE, which would recompile them in every run
    # while textual's and pydantic's, compiled by pip, are not).
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "src"), quiet=1)
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        paths = {count: make_session(folder, count) for count in (1_000, 10_000)}
        commands = {
            "minimal Textual app": [sys.executable, "-c", MINIMAL],
            **{
                f"{count:,} ideas, {moment}": [
                    sys.executable, "-c", OPEN_SESSION, str(path), moment
                ]
                for count, path in paths.items()
                for moment in ("first-paint", "ready")
            },
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(RUNS):  # interleaved, so load changes hit every command alike
            for name, arguments in commands.items():
                times[name].append(wall_time(arguments))
        minimal = statistics.median(times["minimal Textual app"])
        print(f"Process start to first paint, median of {RUNS} runs, headless 120x40:")
        print("  (headless: nothing is drawn; bench_terminal.py times a real terminal)")
        print("  (first-paint: the session's opening frame; ready: its screen, taking ideas)")
        for name, runs in times.items():
            median = statistics.median(runs)
            print(f"  {name:<26} {median * 1000:6.0f} ms  {median / minimal:5.2f}x minimal")
        first_paint = statistics.median(times["1,000 ideas, first-paint"]) / minimal
        big_first_paint = statistics.median(times["10,000 ideas, first-paint"])
        print(
            f"Targets: 1,000 ideas within 1.5x minimal: {first_paint:.2f}x "
            f"({'met' if first_paint <= 1.5 else 'NOT met'}); 10,000 ideas under 1.2 s: "
            f"{big_first_paint:.2f} s ({'met' if big_first_paint < 1.2 else 'NOT met'})"
        )


if __name__ == "__main__":
    main()
