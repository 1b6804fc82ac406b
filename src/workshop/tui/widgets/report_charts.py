"""The report's charts (textual-plotext): benchmark means, actions per quarter, the index.

Each chart is given plain numbers and draws them; labels inside the plot are numbers, dates and
quarters, never user text (criteria are numbered as in the table under the chart).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from textual.app import RenderResult
from textual_plotext import PlotextPlot
from textual_plotext.plot import Plot

from workshop.core.report import CriterionTrend, QuarterRow
from workshop.tui.widgets.chart_axis import FRAME_ROWS, integer_ticks

SERIES_COLOURS: list[tuple[int, int, int]] = [
    (0, 130, 200),
    (230, 25, 75),
    (60, 180, 75),
    (245, 130, 48),
    (145, 30, 180),
    (70, 240, 240),
    (240, 50, 230),
    (180, 225, 40),
    (170, 110, 40),
    (128, 128, 128),
]
"""One colour per criterion, in table order; the table marks each row with its colour."""

OPENED_COLOUR = (0, 130, 200)
DONE_COLOUR = (60, 180, 75)
INDEX_COLOUR = (245, 130, 48)
MOST_TICK_LABELS = 6
"""More x labels than this overlap at 80 columns: label every n-th point instead."""


def series_colour(number: int) -> tuple[int, int, int]:
    """The colour of criterion `number` (1-based), as in the chart."""
    return SERIES_COLOURS[(number - 1) % len(SERIES_COLOURS)]


def _ticks(labels: Sequence[str]) -> tuple[list[int], list[str]]:
    step = max(1, math.ceil(len(labels) / MOST_TICK_LABELS))
    positions = list(range(1, len(labels) + 1, step))
    return positions, [labels[position - 1] for position in positions]


def _line_with_points(
    plt: Plot, xs: list[int], ys: list[float], label: str, colour: tuple[int, int, int]
) -> None:
    """A thin line through the points, and a dot on each (a lone point is just the dot)."""
    if len(xs) > 1:
        plt.plot(xs, ys, color=colour, marker="braille")
    plt.scatter(xs, ys, label=label, color=colour, marker="●")


class ReportChart(PlotextPlot):
    """A plot that starts blank and is redrawn whole by `show_*`."""

    DEFAULT_CSS = """
    ReportChart { height: 1fr; min-height: 8; }
    """

    def _begin(self) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()

    def _empty(self, message: str) -> None:
        self._begin()
        self.plt.title(message)
        self.refresh()


class BenchmarkTrendChart(ReportChart):
    """One line per criterion: its mean at each session date."""

    def show_trends(self, trends: Sequence[CriterionTrend]) -> None:
        dates: list[date] = sorted({point.on for trend in trends for point in trend.points})
        if not dates:
            self._empty("No benchmark scores yet")
            return
        self._begin()
        plt = self.plt
        position = {day: number for number, day in enumerate(dates, start=1)}
        values: list[float] = []
        for number, trend in enumerate(trends, start=1):
            points = sorted(trend.points, key=lambda point: point.on)
            xs = [position[point.on] for point in points]
            ys = [point.mean for point in points]
            values += ys
            if trend.target is not None:
                values.append(trend.target)
            _line_with_points(plt, xs, ys, str(number), series_colour(number))
        plt.xticks(*_ticks([day.isoformat() for day in dates]))
        plt.xlim(0.5, len(dates) + 0.5)
        low = 0 if min(values) < 1 else 1
        self._scale = (low, max(5, math.ceil(max(values))))
        plt.ylim(*self._scale)
        self.refresh()

    _scale: tuple[int, int] | None = None
    """The value axis (the rating scale's ends); its integer ticks are set at each render."""

    def _empty(self, message: str) -> None:
        self._scale = None
        super()._empty(message)

    def render(self) -> RenderResult:
        if self._scale is not None:
            rows = self.size.height - FRAME_ROWS
            ticks = integer_ticks(*self._scale, rows)
            self.plt.yticks([float(t) for t in ticks], [str(t) for t in ticks])
        return super().render()


class ActionsPerQuarterChart(ReportChart):
    """Bars of actions opened and done in each quarter."""

    def show_quarters(self, rows: Sequence[QuarterRow]) -> None:
        if not rows:
            self._empty("No actions yet")
            return
        self._begin()
        plt = self.plt
        quarters = [row.quarter for row in rows]
        plt.multiple_bar(
            quarters,
            [[row.opened for row in rows], [row.done for row in rows]],
            labels=["opened", "done"],
            color=[OPENED_COLOUR, DONE_COLOUR],
        )
        highest = max(max(row.opened, row.done) for row in rows)
        plt.ylim(0, max(1, highest))
        plt.yticks(list(range(0, max(1, highest) + 1, max(1, math.ceil(highest / 5)))))
        self.refresh()


class IndexOverTimeChart(ReportChart):
    """The success index (0-100) at the end of each quarter."""

    def show_quarters(self, rows: Sequence[QuarterRow]) -> None:
        points = [(n, row.index) for n, row in enumerate(rows, start=1) if row.index is not None]
        if not points:
            self._empty("No success index yet")
            return
        self._begin()
        plt = self.plt
        xs = [n for n, _ in points]
        ys = [value for _, value in points if value is not None]
        _line_with_points(plt, xs, ys, "success index", INDEX_COLOUR)
        plt.xticks(*_ticks([row.quarter for row in rows]))
        plt.xlim(0.5, len(rows) + 0.5)
        plt.ylim(0, 100)
        plt.yticks([0, 25, 50, 75, 100])
        self.refresh()
