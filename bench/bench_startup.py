"""Process start to first paint: a minimal Textual app vs workshop opening a session.

What a facilitator waits for after pressing Enter on `workshop open SESSION`: the
interpreter, the imports, reading the session and the first frame. Each figure is the median
wall time of fresh processes, headless, all measured in the same run (compare the ratios).
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

WORKSHOP = """
import gc
gc.disable()  # as workshop.cli.main does before it imports anything heavy

import sys
from pathlib import Path
from workshop.tui.app import WorkshopApp

path = Path(sys.argv[1])
app = WorkshopApp(path, path.parent)

def exit_once_painted():
    panel = getattr(app.screen, "panel", None)
    if panel is not None and panel.is_mounted:
        app.call_after_refresh(app.exit)
    else:
        app.set_timer(0.001, exit_once_painted)

app.call_later(exit_once_painted)
app.run(headless=True, size=(120, 40))
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
                f"workshop, {count:,} ideas": [sys.executable, "-c", WORKSHOP, str(path)]
                for count, path in paths.items()
            },
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(RUNS):  # interleaved, so load changes hit every command alike
            for name, arguments in commands.items():
                times[name].append(wall_time(arguments))
        minimal = statistics.median(times["minimal Textual app"])
        print(f"Process start to first paint, median of {RUNS} runs, headless 120x40:")
        for name, runs in times.items():
            median = statistics.median(runs)
            print(f"  {name:<26} {median * 1000:6.0f} ms  {median / minimal:5.2f}x minimal")


if __name__ == "__main__":
    main()
