"""The benchmark's score grid: participants down, criteria across, typed like a spreadsheet.

Built on Textual's line API (a `RowView`, drawing its own lines), as IdeaList is: the grid keeps
the scores itself and draws each visible row from them, so a typed score is in its cell in the
very next frame, and changing one score repaints one line. (It was a DataTable whose render
caches had to be cleared by hand to show a changed cell; that broke on a textual change.)
The drawing is in `rating_grid_draw.py` (a base class); this module keeps the keys, the
cursor and typing.
"""

from __future__ import annotations

from time import monotonic
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from workshop.core.agenda import Criterion, Scale
from workshop.core.models import Participant
from workshop.tui.safe_text import one_line
from workshop.tui.widgets.rating_grid_draw import (
    CELL_WIDTH,
    MISSING,
    Coordinate,
    RatingGridDrawing,
)
from workshop.tui.widgets.typing_boxes import run_binding_now

LEAVE_OUT_KEYS = {"delete", "backspace", "minus", "space"}
MULTI_DIGIT_SECONDS = 1.0
"""On a scale up to 10 or more, a second digit typed this soon on one cell extends the score."""

__all__ = ["MISSING", "Coordinate", "RatingGrid"]


class RatingGrid(RatingGridDrawing, can_focus=True):
    """Digits score the cell under the cursor and move on; Delete, `-` or space leave it out."""

    DEFAULT_CSS = """
    RatingGrid {
        background: $surface;
        overflow-x: hidden;
        & > .rating-grid--header { text-style: bold; background: $panel; color: $foreground; }
        & > .rating-grid--flagged { text-style: bold reverse; }
        & > .rating-grid--even-row { background: $surface-lighten-1 50%; }
        &:dark > .rating-grid--even-row { background: $surface-darken-1 40%; }
        & > .rating-grid--detail { color: $text-muted; }
        & > .rating-grid--missing { color: $text-muted; }
        & > .rating-grid--score { text-style: bold; }
        & > .rating-grid--typed { text-style: underline; }
        & > .rating-grid--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .rating-grid--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .rating-grid--empty { color: $text-muted; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "rating-grid--header",
        "rating-grid--flagged",
        "rating-grid--even-row",
        "rating-grid--detail",
        "rating-grid--missing",
        "rating-grid--score",
        "rating-grid--typed",
        "rating-grid--cursor",
        "rating-grid--empty",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "cursor_left", "Left", show=False),
        Binding("right", "cursor_right", "Right", show=False),
        Binding("home", "first_cell", "First", show=False),
        Binding("end", "last_cell", "Last", show=False),
        Binding("tab,enter", "next_cell", "Next", show=False, id="rate.next-cell"),
        Binding("shift+tab", "previous_cell", "Previous", show=False, id="rate.previous-cell"),
    ]

    class ScoreTyped(Message):
        """A score typed (None: left out) for one participant on one criterion."""

        def __init__(self, participant: str, criterion: str, score: int | None) -> None:
            super().__init__()
            self.participant = participant
            self.criterion = criterion
            self.score = score

    class CellHighlighted(Message):
        """The cursor moved to another cell."""

        def __init__(self, grid: RatingGrid, coordinate: Coordinate) -> None:
            super().__init__()
            self.grid = grid
            self.coordinate = coordinate

        @property
        def control(self) -> RatingGrid:
            return self.grid

    def __init__(self, scale: Scale, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.scale = scale
        self.participant_ids: list[str] = []
        self.criterion_ids: list[str] = []
        self._labels: list[tuple[str, str]] = []
        """Each row's participant label and segment, made safe to show."""
        self._scores: dict[tuple[str, str], int] = {}
        self._typed: dict[tuple[str, str], int | None] = {}
        """Scores typed and not saved yet: shown at once, underlined, until saved."""
        self._flagged: set[str] = set()
        self._cursor = Coordinate(0, 0)
        self._first_column = 0
        """The leftmost criterion shown when not all fit across."""
        self._pending: tuple[Coordinate, str, float] | None = None
        self.empty_text = ""

    # --- filling ------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.participant_ids)

    def set_criteria(self, criteria: list[Criterion]) -> None:
        self.criterion_ids = [c.id for c in criteria]
        self._update_size()

    def flag_columns(self, flagged: set[str]) -> None:
        """Mark the criteria the room disagrees on in the header ("3!")."""
        if flagged != self._flagged:
            self._flagged = set(flagged)
            self.refresh_header()

    def column_label(self, criterion_id: str) -> str:
        """The header of a criterion's column as shown ("3", or "3!" when flagged)."""
        number = self.criterion_ids.index(criterion_id) + 1
        return f"{number}!" if criterion_id in self._flagged else str(number)

    def cell_text(self, participant_id: str, criterion_id: str) -> str:
        score = self._shown_score((participant_id, criterion_id))
        return MISSING if score is None else str(score)

    def forget_typed(self, participant_id: str, criterion_id: str) -> None:
        """Show the saved score again (the typed one needed no save, or was refused)."""
        if self._typed.pop((participant_id, criterion_id), 0) != 0:
            self.refresh_row(self.participant_ids.index(participant_id))

    def _send_score(self, cell: tuple[str, str], score: int | None) -> None:
        """Show the typed score in its cell at once (underlined until it is saved), and ask
        for it to be saved."""
        self._typed[cell] = score
        self.refresh_row(self.participant_ids.index(cell[0]))
        self.post_message(self.ScoreTyped(*cell, score))

    def show(self, participants: list[Participant], scores: dict[tuple[str, str], int]) -> None:
        """Show these participants and scores, repainting only the rows that changed."""
        ids = [p.id for p in participants]
        labels = [(one_line(p.label), one_line(p.segment)) for p in participants]
        if ids != self.participant_ids or labels != self._labels:
            self.participant_ids = ids
            self._labels = labels
            self._scores = dict(scores)
            self._update_size()
            self._cursor = self._valid(self._cursor)
            self.refresh()
            return
        old, self._scores = self._scores, dict(scores)
        new = self._scores
        for key in [key for key, typed in self._typed.items() if new.get(key) == typed]:
            del self._typed[key]
            old.pop(key, None)  # its row is drawn again, without the underline
        changed_rows = {key[0] for key in old.keys() | new.keys() if old.get(key) != new.get(key)}
        for row, participant_id in enumerate(ids):
            if participant_id in changed_rows:
                self.refresh_row(row)

    # --- the cursor ---------------------------------------------------------------------

    @property
    def cursor_coordinate(self) -> Coordinate:
        return self._cursor

    @cursor_coordinate.setter
    def cursor_coordinate(self, coordinate: tuple[int, int]) -> None:
        self.move_cursor(row=coordinate[0], column=coordinate[1])

    def current_cell(self) -> tuple[str, str] | None:
        if not self.participant_ids or not self.criterion_ids:
            return None
        row, column = self._cursor
        return self.participant_ids[row], self.criterion_ids[column]

    def _valid(self, coordinate: Coordinate) -> Coordinate:
        return Coordinate(
            max(0, min(coordinate.row, len(self.participant_ids) - 1)),
            max(0, min(coordinate.column, len(self.criterion_ids) - 1)),
        )

    def move_cursor(self, *, row: int | None = None, column: int | None = None) -> None:
        old = self._cursor
        new = self._valid(
            Coordinate(old.row if row is None else row, old.column if column is None else column)
        )
        if new == old:
            return
        self._cursor = new
        self.refresh_row(old.row)
        self.refresh_row(new.row)
        self._scroll_to_cursor()
        self.post_message(self.CellHighlighted(self, new))

    def _scroll_to_cursor(self) -> None:
        if not self.is_mounted:
            return
        self.scroll_to_row(self._cursor.row)
        columns_shown = self._columns_shown(self.scrollable_content_region.width)
        first = self._first_column
        column = self._cursor.column
        if column < first:
            first = column
        elif column >= first + columns_shown:
            first = column - columns_shown + 1
        if first != self._first_column:
            self._first_column = first
            self.refresh()

    @property
    def cursor_row(self) -> int:
        return self._cursor.row

    def move_to_row(self, row: int) -> None:
        self.move_cursor(row=row)

    def action_cursor_left(self) -> None:
        self._pending = None
        self.move_cursor(column=self._cursor.column - 1)

    def action_cursor_right(self) -> None:
        self._pending = None
        self.move_cursor(column=self._cursor.column + 1)

    def action_first_cell(self) -> None:
        self.move_cursor(column=0)

    def action_last_cell(self) -> None:
        self.move_cursor(column=len(self.criterion_ids) - 1)

    def action_next_cell(self) -> None:
        """Right, wrapping to the first criterion of the next participant."""
        self._pending = None
        row, column = self._cursor
        if column + 1 < len(self.criterion_ids):
            self.move_cursor(column=column + 1)
        elif row + 1 < len(self.participant_ids):
            self.move_cursor(row=row + 1, column=0)

    def action_previous_cell(self) -> None:
        self._pending = None
        row, column = self._cursor
        if column > 0:
            self.move_cursor(column=column - 1)
        elif row > 0:
            self.move_cursor(row=row - 1, column=len(self.criterion_ids) - 1)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < self.HEADER_LINES:
            return
        label_width = self._label_width(self.scrollable_content_region.width)
        if offset.x < label_width:
            return
        column = self._first_column + (offset.x - label_width) // CELL_WIDTH
        self.move_cursor(row=self.row_at(offset.y), column=column)

    def on_resize(self) -> None:
        self._first_column = 0
        self._scroll_to_cursor()

    # --- typing -------------------------------------------------------------------------

    async def on_key(self, event: events.Key) -> None:
        # Runs before Widget's own key handling, which a stopped key's prevent_default skips.
        cell = self.current_cell()
        if cell is None:
            await run_binding_now(self, event)
            return
        if event.key in LEAVE_OUT_KEYS:
            event.stop()
            event.prevent_default()
            self._pending = None
            self._send_score(cell, None)
            self.action_next_cell()
            return
        character = event.character
        if character is None or not character.isdigit() or len(character) != 1:
            # Any other key (arrows, Tab, `a`) runs its binding now, in its place among the
            # digits: left to bubble up, it would run after the digits typed behind it.
            await run_binding_now(self, event)
            return
        event.stop()
        event.prevent_default()
        self._type_digit(cell, character)

    def _type_digit(self, cell: tuple[str, str], digit: str) -> None:
        now = monotonic()
        low, high = self.scale.low, self.scale.high
        pending, self._pending = self._pending, None
        if pending is not None and self._cursor == pending[0]:
            if now - pending[2] < MULTI_DIGIT_SECONDS and low <= int(pending[1] + digit) <= high:
                self._send_score(cell, int(pending[1] + digit))
                self.action_next_cell()
                return
            # The first digit was a score of its own: this digit is for the next cell.
            self.action_next_cell()
            cell = self.current_cell() or cell
            if self._cursor == pending[0]:
                return  # the last cell of the grid
        score = int(digit)
        if not low <= score <= high:
            if digit == "0":  # 0 is not on this scale: it leaves the score out
                self._send_score(cell, None)
                self.action_next_cell()
            else:
                self.app.bell()
            return
        self._send_score(cell, score)
        if score * 10 <= high:
            # It may be the first digit of a bigger score: stay on the cell a moment.
            self._pending = (self._cursor, digit, now)
            return
        self.action_next_cell()
