"""The benchmark's score grid: participants down, criteria across, typed like a spreadsheet."""

from __future__ import annotations

from time import monotonic

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

from workshop.core.models import Criterion, Participant, Scale

MISSING = Text("·", style="dim", justify="center")
LEAVE_OUT_KEYS = {"delete", "backspace", "minus", "space"}
MULTI_DIGIT_SECONDS = 1.0
"""On a scale up to 10 or more, a second digit typed this soon on one cell extends the score."""


def participant_label(participant: Participant) -> Text:
    label = Text(participant.label, no_wrap=True, overflow="ellipsis", end="")
    if participant.segment:
        label.append(f" · {participant.segment}", style="dim")
    return label


def score_text(score: int | None) -> Text:
    return MISSING if score is None else Text(str(score), justify="center", style="bold")


class RatingGrid(DataTable[Text]):
    """Digits score the cell under the cursor and move on; Delete, `-` or space leave it out."""

    BINDINGS = [
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

    def __init__(self, scale: Scale, **kwargs: object) -> None:
        super().__init__(
            cursor_type="cell", zebra_stripes=True, cell_padding=0, **kwargs
        )  # type: ignore[arg-type]
        self.scale = scale
        self.participant_ids: list[str] = []
        self.criterion_ids: list[str] = []
        self._shown: dict[tuple[str, str], int | None] = {}
        self._pending: tuple[Coordinate, str, float] | None = None
        self._flagged: set[str] = set()

    # --- filling ------------------------------------------------------------------------

    def set_criteria(self, criteria: list[Criterion]) -> None:
        self.criterion_ids = [c.id for c in criteria]
        for number, criterion in enumerate(criteria, start=1):
            self.add_column(Text(str(number), justify="center"), key=criterion.id, width=3)

    def flag_columns(self, flagged: set[str]) -> None:
        """Mark the criteria the room disagrees on in the header ("3!")."""
        if flagged == self._flagged:
            return
        self._flagged = set(flagged)
        for number, criterion_id in enumerate(self.criterion_ids, start=1):
            column = self.columns[ColumnKey(criterion_id)]
            if criterion_id in flagged:
                column.label = Text(f"{number}!", style="bold reverse", justify="center")
            else:
                column.label = Text(str(number), justify="center")
        self._clear_caches()
        self.refresh()

    def show(self, participants: list[Participant], scores: dict[tuple[str, str], int]) -> None:
        """Show these participants and scores, touching only the cells that changed."""
        ids = [p.id for p in participants]
        if ids[: len(self.participant_ids)] != self.participant_ids:
            self.clear()
            self.participant_ids = []
            self._shown = {}
        for participant in participants[len(self.participant_ids) :]:
            self.add_row(
                *[score_text(scores.get((participant.id, c))) for c in self.criterion_ids],
                key=participant.id,
                label=participant_label(participant),
            )
            self.participant_ids.append(participant.id)
            for criterion_id in self.criterion_ids:
                self._shown[(participant.id, criterion_id)] = scores.get(
                    (participant.id, criterion_id)
                )
        for participant in participants:
            row = self.rows[participant.id]  # type: ignore[index]
            label = participant_label(participant)
            if row.label is None or row.label.plain != label.plain:
                row.label = label
                self.refresh()
        for key, shown in self._shown.items():
            score = scores.get(key)
            if score != shown:
                self._shown[key] = score
                self._set_cell(key[0], key[1], score_text(score))

    def _set_cell(self, participant_id: str, criterion_id: str, value: Text) -> None:
        """Change one cell and re-render only its row.

        `DataTable.update_cell` bumps a counter that is part of every render cache key, so one
        score re-rendered all 480 cells of a 40 x 12 grid (~150 ms a frame). Score cells never
        change width, so dropping the cached renders of the one row is enough. This reaches
        into DataTable's caches (textual is pinned; a bump must re-check it, see the bench).
        """
        row_key, column_key = RowKey(participant_id), ColumnKey(criterion_id)
        self._data[row_key][column_key] = value
        row_index = self._row_locations.get(row_key)
        for cache in (self._cell_render_cache, self._row_render_cache):
            for cache_key in [k for k in cache.keys() if k[0] == row_key]:
                cache.discard(cache_key)
        for renderable_key in [k for k in self._row_renderable_cache.keys() if k[0] == row_index]:
            self._row_renderable_cache.discard(renderable_key)
        self._line_cache.clear()
        if row_index is not None:
            self.refresh_row(row_index)

    # --- typing -------------------------------------------------------------------------

    def current_cell(self) -> tuple[str, str] | None:
        if not self.participant_ids or not self.criterion_ids:
            return None
        row, column = self.cursor_coordinate
        return self.participant_ids[row], self.criterion_ids[column]

    async def _on_key(self, event: events.Key) -> None:
        cell = self.current_cell()
        if cell is None:
            return
        if event.key in LEAVE_OUT_KEYS:
            event.stop()
            event.prevent_default()
            self._pending = None
            self.post_message(self.ScoreTyped(*cell, None))
            self.action_next_cell()
            return
        character = event.character
        if character is None or not character.isdigit() or len(character) != 1:
            return
        event.stop()
        event.prevent_default()
        self._type_digit(cell, character)

    def _type_digit(self, cell: tuple[str, str], digit: str) -> None:
        now = monotonic()
        low, high = self.scale.low, self.scale.high
        pending, self._pending = self._pending, None
        if pending is not None and self.cursor_coordinate == pending[0]:
            if now - pending[2] < MULTI_DIGIT_SECONDS and low <= int(pending[1] + digit) <= high:
                self.post_message(self.ScoreTyped(*cell, int(pending[1] + digit)))
                self.action_next_cell()
                return
            # The first digit was a score of its own: this digit is for the next cell.
            self.action_next_cell()
            cell = self.current_cell() or cell
            if self.cursor_coordinate == pending[0]:
                return  # the last cell of the grid
        score = int(digit)
        if not low <= score <= high:
            if digit == "0":  # 0 is not on this scale: it leaves the score out
                self.post_message(self.ScoreTyped(*cell, None))
                self.action_next_cell()
            else:
                self.app.bell()
            return
        self.post_message(self.ScoreTyped(*cell, score))
        if score * 10 <= high:
            # It may be the first digit of a bigger score: stay on the cell a moment.
            self._pending = (self.cursor_coordinate, digit, now)
            return
        self.action_next_cell()

    def action_next_cell(self) -> None:
        """Right, wrapping to the first criterion of the next participant."""
        self._pending = None
        row, column = self.cursor_coordinate
        if column + 1 < len(self.criterion_ids):
            self.cursor_coordinate = Coordinate(row, column + 1)
        elif row + 1 < len(self.participant_ids):
            self.cursor_coordinate = Coordinate(row + 1, 0)

    def action_previous_cell(self) -> None:
        self._pending = None
        row, column = self.cursor_coordinate
        if column > 0:
            self.cursor_coordinate = Coordinate(row, column - 1)
        elif row > 0:
            self.cursor_coordinate = Coordinate(row - 1, len(self.criterion_ids) - 1)
