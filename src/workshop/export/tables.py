"""The one aligned markdown table every export uses (the session's plan and the report)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

LEFT, RIGHT, CENTER = "left", "right", "center"


def display_width(text: str) -> int:
    """How many columns `text` takes in a monospaced editor (wide East Asian characters: 2)."""
    if text.isascii():
        return len(text)
    columns = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        columns += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return columns


def _pad(text: str, width: int, align: str) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if align == RIGHT else text + gap


def markdown_table(
    headers: Sequence[str], aligns: Sequence[str], rows: Sequence[Sequence[str]]
) -> str:
    """A pipe table with padded columns, so it reads in a text editor too.

    Cells (and headers) must already be escaped for a table cell (`escape_cell`).
    """
    widths = [max(3, display_width(h)) for h in headers]
    for row in rows:
        widths = [max(w, display_width(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = [
        "| " + " | ".join(_pad(h, w, LEFT) for h, w in zip(headers, widths, strict=True)) + " |"
    ]
    rules = []
    for align, width in zip(aligns, widths, strict=True):
        if align == RIGHT:
            rules.append("-" * (width - 1) + ":")
        elif align == CENTER:
            rules.append(":" + "-" * (width - 2) + ":")
        else:
            rules.append("-" * width)
    lines.append("| " + " | ".join(rules) + " |")
    for row in rows:
        cells = [_pad(c, w, a) for c, w, a in zip(row, widths, aligns, strict=True)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
