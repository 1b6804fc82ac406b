"""Rows drawn with Textual's line API: a ScrollView that renders each visible line itself.

The idea list and the benchmark's score grid are both built on `RowView`: they keep their rows
(ideas, participants) and draw the visible ones, so a change repaints a line, not a widget tree.
This class keeps what they share: which row a line shows under any fixed header lines, scrolling
a row into view, repainting one row, paging, and a virtual size that lays the screen out only
when it must.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class RowView(ScrollView):
    """Rows under `HEADER_LINES` fixed lines, with a cursor on one row; subclasses draw."""

    HEADER_LINES: ClassVar[int] = 0
    """Lines at the top that do not scroll (the score grid's column numbers)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
    ]

    # --- what a subclass provides ----------------------------------------------------------

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    @property
    def cursor_row(self) -> int:
        """The row the cursor is on."""
        raise NotImplementedError

    def move_to_row(self, row: int) -> None:
        """Put the cursor on `row` (kept within the rows)."""
        raise NotImplementedError

    def render_row(self, row: int, width: int, base: Style) -> Strip:
        raise NotImplementedError

    def render_empty(self, width: int, base: Style) -> Strip:
        """The first line under the header when there are no rows."""
        return Strip.blank(width, base)

    def render_header(self, y: int, width: int) -> Strip:
        return Strip.blank(width, self.get_visual_style().rich_style)

    # --- rows and lines --------------------------------------------------------------------

    @property
    def rows_shown(self) -> int:
        """How many rows fit under the header lines."""
        return max(1, self.scrollable_content_region.height - self.HEADER_LINES)

    @property
    def rows_per_page(self) -> int:
        """How far page up and page down move: all the rows shown but one."""
        return max(1, self.rows_shown - 1)

    def row_at(self, y: int) -> int:
        """The row on line `y` of the content (below the header lines)."""
        return round(self.scroll_offset.y) + y - self.HEADER_LINES

    def refresh_row(self, row: int) -> None:
        # ScrollView.refresh_line takes the line in the scrolled content and subtracts the
        # scroll offset itself.
        self.refresh_line(row + self.HEADER_LINES)

    def refresh_header(self) -> None:
        """Repaint the header lines (at the top, whatever the scroll)."""
        width = max(self.virtual_size.width, self.size.width)
        self.refresh(Region(0, 0, width, self.HEADER_LINES))

    def scroll_to_row(self, row: int) -> None:
        """Scroll the least that shows `row` (forced: the scrollbar may not be updated yet,
        see `set_virtual_size`)."""
        if not self.is_mounted:
            return
        top = round(self.scroll_offset.y)
        if row < top:
            self.scroll_to(y=row, animate=False, force=True, immediate=True)
        elif row >= top + self.rows_shown:
            self.scroll_to(y=row - self.rows_shown + 1, animate=False, force=True, immediate=True)

    def set_virtual_size(self, size: Size) -> None:
        """Set the virtual size, without a layout of the screen when it can.

        Setting `virtual_size` lays the whole screen out again, which a row added to a long
        list (Enter in a brainstorm) does not need: the widget keeps its place and size, and
        only the scrollbar's thumb changes. A layout is still asked for when the width changes
        or the scrollbar comes or goes (the rows fill the height, or no longer do).
        """
        height = self.scrollable_content_region.height
        scrolls_now = self.virtual_size.height > height
        if (
            not self.is_mounted
            or size.width != self.virtual_size.width
            or (size.height > height) != scrolls_now
        ):
            self.virtual_size = size
            return
        self.set_reactive(RowView.virtual_size, size)
        if scrolls_now and self.show_vertical_scrollbar:
            self.vertical_scrollbar.window_virtual_size = size.height

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.get_visual_style().rich_style
        if y < self.HEADER_LINES:
            return self.render_header(y, width)
        row = self.row_at(y)
        if 0 <= row < self.row_count:
            return self.render_row(row, width, base)
        if self.row_count == 0 and y == self.HEADER_LINES:
            return self.render_empty(width, base)
        return Strip.blank(width, base)

    # --- moving the cursor -----------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self.move_to_row(self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_to_row(self.cursor_row + 1)

    def action_page_up(self) -> None:
        self.move_to_row(self.cursor_row - self.rows_per_page)

    def action_page_down(self) -> None:
        self.move_to_row(self.cursor_row + self.rows_per_page)
