"""The numbers under the report's charts, as DataTable columns and rows of literal rich Text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.color import Color
from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable

from workshop.core.report import CriterionTrend, OwnerRow, QuarterRow, TeamReport
from workshop.tui.safe_text import plain_text
from workshop.tui.widgets.report_charts import series_colour

NO_VALUE = "–"
TITLE_CELLS = 20
"""Criterion titles are cut to this width, so a few dates fit beside them at 80 columns."""


@dataclass(frozen=True)
class TableData:
    columns: list[Text]
    rows: list[list[Text]]


def number(value: float | None, digits: int = 1) -> Text:
    return Text(NO_VALUE if value is None else f"{value:.{digits}f}", justify="right")


def count(value: int) -> Text:
    return Text(str(value), justify="right")


def fill(table: DataTable[Text], data: TableData) -> None:
    """Replace the table's columns and rows.

    Each column is given the width of its widest cell. Left to fit its content, a column is
    widened on the table's next idle, and a row painted before then (seen under load, on the
    highlighted row) kept the narrower width in the table's line cache.
    """
    table.clear(columns=True)
    for index, column in enumerate(data.columns):
        cells = [row[index] for row in data.rows if index < len(row)]
        table.add_column(column, width=max(text.cell_len for text in [column, *cells]))
    for row in data.rows:
        table.add_row(*row)


def benchmark_table(trends: Sequence[CriterionTrend]) -> TableData:
    """Criteria (numbered and coloured as in the chart) x session dates: mean (scores)."""
    dates: list[date] = sorted({point.on for trend in trends for point in trend.points})
    columns = [Text("#"), Text("Criterion"), Text("Target", justify="right")]
    columns += [Text(day.isoformat(), justify="right") for day in dates]
    rows: list[list[Text]] = []
    for position, trend in enumerate(trends, start=1):
        by_date = {point.on: point for point in trend.points}
        colour = Style(color=Color.from_rgb(*series_colour(position)), bold=True)
        title = plain_text(trend.title)
        title.truncate(TITLE_CELLS, overflow="ellipsis")
        cells = [Text(f"● {position}", style=colour), title, number(trend.target)]
        for day in dates:
            point = by_date.get(day)
            cells.append(
                Text(NO_VALUE, justify="right")
                if point is None
                else Text(f"{point.mean:.2f} ({point.count})", justify="right")
            )
        rows.append(cells)
    return TableData(columns, rows)


def quarters_table(rows: Sequence[QuarterRow]) -> TableData:
    return TableData(
        [
            Text("Quarter"),
            Text("Opened", justify="right"),
            Text("Done", justify="right"),
            Text("Index", justify="right"),
            Text("At"),
        ],
        [
            [Text(row.quarter), count(row.opened), count(row.done), number(row.index),
             Text(row.on.isoformat())]
            for row in rows
        ],
    )


def index_table(rows: Sequence[QuarterRow]) -> TableData:
    """The success index at the end of each quarter (the last one: at the report's date)."""
    return TableData(
        [Text("Quarter"), Text("Index", justify="right")],
        [[Text(row.quarter), number(row.index)] for row in rows],
    )


def owners_table(rows: Sequence[OwnerRow]) -> TableData:
    return TableData(
        [
            Text("Owner"),
            Text("Actions", justify="right"),
            Text("Done", justify="right"),
            Text("Index now", justify="right"),
        ],
        [[plain_text(row.owner), count(row.actions), count(row.done), number(row.index)]
         for row in rows],
    )


def teams_table(teams: Sequence[TeamReport]) -> TableData:
    return TableData(
        [
            Text("Team"),
            Text("Sessions", justify="right"),
            Text("Index now", justify="right"),
        ],
        [[plain_text(team.team), count(len(team.sessions)), number(team.index)]
         for team in teams],
    )
