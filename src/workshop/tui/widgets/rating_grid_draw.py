"""How the benchmark's score grid draws itself: the header, each participant's row, styles.

The keys, the cursor and typing are in `rating_grid.py`; this base class only reads the state
they keep (participants, criteria, scores, the cursor) and turns it into lines.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip

from workshop.tui.widgets.row_view import RowView
from workshop.tui.widgets.styles import foreground_of

MISSING = "·"
CELL_WIDTH = 3
"""A score cell: two digits right-aligned and a space (or `!` in a flagged column's header)."""
MIN_LABEL_WIDTH = 6
MAX_LABEL_WIDTH = 28


class Coordinate(NamedTuple):
    """A cell of the grid: the participant's row and the criterion's column."""

    row: int
    column: int


class RatingGridDrawing(RowView):
    """The drawing half of `RatingGrid`: one line of the grid from the scores it keeps."""

    HEADER_LINES: ClassVar[int] = 1
    """The criteria's numbers stay at the top."""

    participant_ids: list[str]
    criterion_ids: list[str]
    _labels: list[tuple[str, str]]
    """Each row's participant label and segment, made safe to show."""
    _scores: dict[tuple[str, str], int]
    _typed: dict[tuple[str, str], int | None]
    """Scores typed and not saved yet: shown at once, underlined, until saved."""
    _flagged: set[str]
    _cursor: Coordinate
    _first_column: int
    """The leftmost criterion shown when not all fit across."""
    empty_text: str

    def _update_size(self) -> None:
        self.set_virtual_size(
            Size(
                self._natural_label_width() + CELL_WIDTH * len(self.criterion_ids) + 2,
                len(self.participant_ids) + self.HEADER_LINES,
            )
        )

    def _natural_label_width(self) -> int:
        widths = [
            len(name) + (len(segment) + 3 if segment else 0) for name, segment in self._labels
        ]
        return min(MAX_LABEL_WIDTH, max([MIN_LABEL_WIDTH, *widths]) + 1)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    def _label_width(self, width: int) -> int:
        room_for_cells = CELL_WIDTH * len(self.criterion_ids)
        return max(MIN_LABEL_WIDTH, min(self._natural_label_width(), width - room_for_cells))

    def _columns_shown(self, width: int) -> int:
        return max(1, (width - self._label_width(width)) // CELL_WIDTH)

    def _visible_columns(self, width: int) -> range:
        first = min(self._first_column, max(0, len(self.criterion_ids) - 1))
        return range(first, min(len(self.criterion_ids), first + self._columns_shown(width)))

    def render_empty(self, width: int, base: Style) -> Strip:
        if not self.empty_text:
            return Strip.blank(width, base)
        style = base + self.get_visual_style("rating-grid--empty").rich_style
        return Strip([Segment(" " + self.empty_text, style)]).crop_extend(0, width, base)

    def render_header(self, y: int, width: int) -> Strip:
        header = self.get_visual_style("rating-grid--header").rich_style
        flagged = header + self.get_visual_style("rating-grid--flagged").rich_style
        segments = [Segment(" " * self._label_width(width), header)]
        for column in self._visible_columns(width):
            criterion_id = self.criterion_ids[column]
            if criterion_id in self._flagged:
                segments.append(Segment(f"{column + 1:>2}!", flagged))
            else:
                segments.append(Segment(f"{column + 1:>2} ", header))
        return Strip(segments).crop_extend(0, width, header)

    def _foreground(self, component: str) -> Style:
        return foreground_of(self.get_visual_style(component, partial=True).rich_style)

    def render_row(self, row: int, width: int, base: Style) -> Strip:
        style = base
        if row % 2:
            style = base + self.get_visual_style("rating-grid--even-row").rich_style
        detail = style + self._foreground("rating-grid--detail")
        missing = style + self._foreground("rating-grid--missing")
        score_style = style + self._foreground("rating-grid--score")
        cursor = self.get_visual_style("rating-grid--cursor").rich_style
        typed = self.get_visual_style("rating-grid--typed", partial=True).rich_style
        label_width = self._label_width(width)
        name, segment = self._labels[row]
        label = Strip(
            [Segment(name, style), *([Segment(f" · {segment}", detail)] if segment else [])]
        )
        if label.cell_length > label_width - 1:
            label = Strip([*label.crop(0, label_width - 2), Segment("…", style)])
        segments = [*label.crop_extend(0, label_width, style)]
        participant_id = self.participant_ids[row]
        for column in self._visible_columns(width):
            key = (participant_id, self.criterion_ids[column])
            score = self._shown_score(key)
            text = f"{MISSING if score is None else score:>2} "
            if (row, column) == self._cursor:
                cell_style = cursor
            else:
                cell_style = missing if score is None else score_style
            if key in self._typed:
                cell_style += typed
            segments.append(Segment(text, cell_style))
        return Strip(segments).crop_extend(0, width, style)

    def _shown_score(self, key: tuple[str, str]) -> int | None:
        """The score typed in a cell while it is being saved, else the saved one."""
        return self._typed[key] if key in self._typed else self._scores.get(key)
