"""The value axis of the charts: the scale's own integers, never a label between two rows."""

from __future__ import annotations

import math

FRAME_ROWS = 3
"""Rows of a plotext chart that are not the plot: the top border, the x axis, its labels."""


def integer_ticks(low: int, high: int, rows: int) -> list[int]:
    """The integers from `low` to `high`, every n-th when the plot has fewer rows than they.

    plotext puts each label on the row nearest its value, and drops a label that lands on a row
    already labelled ("5 4 3 1 0"), and its own ticks fall between integers ("2.33"). With the
    axis running exactly from `low` to `high`, and no more ticks than rows, each tick has its
    own row and the points on a tick's value sit on that tick's row.
    """
    span = high - low
    if span <= 0:
        return [low]
    step = max(1, math.ceil(span / (rows - 1))) if rows > 1 else span
    return list(range(low, high + 1, step))
