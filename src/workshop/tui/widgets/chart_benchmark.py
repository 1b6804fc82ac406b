"""The benchmark as a bar chart (textual-plotext): mean per criterion, target and previous."""

from __future__ import annotations

from textual.app import RenderResult
from textual_plotext import PlotextPlot

from workshop.core.agenda import Scale
from workshop.core.stats import CriterionResult
from workshop.tui.widgets.chart_axis import FRAME_ROWS, integer_ticks

REDRAW_SECONDS = 0.15
"""Scores typed in a burst redraw the chart once: building a plot takes ~15 ms."""


LEGEND = "█ mean  ▬ target  ◆ before"
"""Shown above the chart by the panel: plotext draws its legend over the tallest bars."""


class BenchmarkChart(PlotextPlot):
    """Bars of the room's mean per criterion (numbered as in the grid), target and previous."""

    DEFAULT_CSS = """
    BenchmarkChart { height: 1fr; min-height: 8; }
    """

    def __init__(self, scale: Scale, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.scale = scale
        self._results: list[CriterionResult] = []
        self._drawn: object = None
        self._timer_pending = False

    def show(self, results: list[CriterionResult]) -> None:
        """Redraw with these results, at most once per REDRAW_SECONDS (no flicker: one frame)."""
        self._results = results
        if not self._timer_pending:
            self._timer_pending = True
            self.set_timer(REDRAW_SECONDS, self._draw)

    def draw_now(self) -> None:
        self._draw()

    def _draw(self) -> None:
        self._timer_pending = False
        key = [(r.mean, r.target, r.previous) for r in self._results]
        if key == self._drawn:
            return
        self._drawn = key
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        numbers = list(range(1, len(self._results) + 1))
        means = [r.mean or 0.0 for r in self._results]
        if numbers:
            plt.bar([str(n) for n in numbers], means, width=0.5, color="blue+")
            targets = [(n, r.target) for n, r in zip(numbers, self._results, strict=True)
                       if r.target is not None]
            if targets:
                plt.scatter([n for n, _ in targets], [t for _, t in targets], marker="▬",
                            color="red+")
            previous = [(n, r.previous) for n, r in zip(numbers, self._results, strict=True)
                        if r.previous is not None]
            if previous:
                plt.scatter([n for n, _ in previous], [p for _, p in previous], marker="◆",
                            color="yellow")
        # The axis is the scale itself (1 to 5): its ticks are set for the size at each render.
        plt.ylim(self.scale.low, self.scale.high)
        self.refresh()

    def render(self) -> RenderResult:
        rows = self.size.height - FRAME_ROWS
        ticks = integer_ticks(self.scale.low, self.scale.high, rows)
        self.plt.yticks([float(t) for t in ticks], [str(t) for t in ticks])
        return super().render()
