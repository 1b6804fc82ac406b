"""A QR code drawn in the terminal so that phones' cameras read it.

Each module is two cells wide and one high (a cell is about twice as high as wide, so a module
is square), drawn as spaces on a black or white background: background colours decode with
common terminal fonts, where half-block characters (two modules a cell) did not decode in a
real xterm. The colours are fixed, black on white, whatever the theme, with a quiet zone of
white around the code. segno gives the matrix.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

QUIET_MODULES = 2
"""The white margin around the code, in modules (the standard asks 4; 2 decodes and fits)."""
CELLS_PER_MODULE = 2
DARK = Style(bgcolor="#000000")
LIGHT = Style(bgcolor="#ffffff")


def qr_matrix(text: str) -> list[list[bool]]:
    """The code's modules, True for dark, row by row, with the quiet zone."""
    import segno  # only when a code is drawn (segno is small, but the screen starts without it)

    code = segno.make(text, error="m", boost_error=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(border=QUIET_MODULES)]


class QrCode(Widget):
    """The QR code of `text`, black on white, two cells a module."""

    DEFAULT_CSS = """
    QrCode {
        width: auto;
        height: auto;
    }
    """

    def __init__(self, text: str, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.text = text
        self.matrix = qr_matrix(text)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return len(self.matrix[0]) * CELLS_PER_MODULE

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.matrix)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y >= len(self.matrix):
            return Strip.blank(width)
        cells = " " * CELLS_PER_MODULE
        strip = Strip([Segment(cells, DARK if dark else LIGHT) for dark in self.matrix[y]])
        return strip.simplify().crop_extend(0, width, None)
