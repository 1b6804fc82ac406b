"""A list of ideas that stays instant at 10,000 ideas: only the visible rows are rendered.

Built on Textual's line API (a `RowView`, drawing its own lines), so giving it a new list of
ideas costs a list copy and a repaint of the rows on screen, not a rebuild of 10,000 widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from workshop.core.models import Idea
from workshop.tui.widgets.idea_text import one_line
from workshop.tui.widgets.row_view import RowView
from workshop.tui.widgets.styles import foreground_of

HIDDEN_MARKER = "⊘ "
"""Shown before a hidden (moderated) idea."""


class IdeaList(RowView, can_focus=True):
    """Ideas, one per line; a cursor picks one. Newest first unless told otherwise."""

    DEFAULT_CSS = """
    IdeaList {
        height: 1fr;
        background: $surface;
        overflow-x: hidden;
        & > .idea-list--cursor {
            background: $block-cursor-blurred-background;
        }
        &:focus > .idea-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .idea-list--hidden {
            color: $text-disabled;
            text-style: italic;
        }
        & > .idea-list--detail {
            color: $text-muted;
        }
        & > .idea-list--empty {
            color: $text-muted;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "idea-list--cursor",
        "idea-list--hidden",
        "idea-list--detail",
        "idea-list--empty",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """Row of the highlighted idea (row 0 is at the top)."""

    class Highlighted(Message):
        """The highlighted idea changed (None when the list is empty)."""

        def __init__(self, idea_list: IdeaList, idea: Idea | None) -> None:
            super().__init__()
            self.idea_list = idea_list
            self.idea = idea

        @property
        def control(self) -> IdeaList:
            return self.idea_list

    class LeftTop(Message):
        """`up` was pressed on the first row (a panel may move focus to its input)."""

        def __init__(self, idea_list: IdeaList) -> None:
            super().__init__()
            self.idea_list = idea_list

        @property
        def control(self) -> IdeaList:
            return self.idea_list

    def __init__(
        self,
        *,
        empty_text: str = "No ideas yet.",
        newest_first: bool = True,
        detail: Callable[[Idea], str] | None = None,
        id: str | None = None,  # noqa: A002 - Textual's own name for it
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.empty_text = empty_text
        self.newest_first = newest_first
        self.detail = detail
        """Extra text shown dimmed after an idea (its author, its theme...)."""
        self._ideas: Sequence[Idea] = ()
        self._row_cache: dict[tuple[int, bool, int, bool], tuple[Idea, Strip]] = {}
        """Rendered rows, kept while the idea object is the same (records are frozen)."""

    # --- the data -------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._ideas)

    def idea_at(self, row: int) -> Idea | None:
        if not 0 <= row < len(self._ideas):
            return None
        return self._ideas[len(self._ideas) - 1 - row] if self.newest_first else self._ideas[row]

    def row_of(self, idea_id: str) -> int | None:
        for row in range(len(self._ideas)):
            idea = self.idea_at(row)
            if idea is not None and idea.id == idea_id:
                return row
        return None

    @property
    def highlighted_idea(self) -> Idea | None:
        return self.idea_at(self.cursor)

    def set_ideas(self, ideas: Sequence[Idea], *, follow: str | None = None) -> None:
        """Show `ideas` (in capture order). The cursor stays on the same idea if it is still
        listed, else on the same row; `follow` names an idea to put the cursor on instead."""
        previous = self.highlighted_idea
        previous_row = self.cursor
        self._ideas = ideas
        self._set_height(len(ideas))
        target_id = follow or (previous.id if previous is not None else None)
        row = previous_row
        if target_id is not None:
            current = self.idea_at(previous_row)
            if current is None or current.id != target_id:
                found = self._find_near(target_id, previous_row)
                row = found if found is not None else previous_row
        self.cursor = max(0, min(row, len(ideas) - 1))
        self.refresh()

    def follow(self, idea_id: str) -> None:
        """Put the cursor on an idea if it is listed (one just added: newest first, at the
        top); looked for next to the cursor first."""
        row = self._find_near(idea_id, self.cursor)
        if row is not None and row != self.cursor:
            self.cursor = row

    def _set_height(self, rows: int) -> None:
        """Make the list `rows` lines long, without a layout of the screen when it can."""
        self.set_virtual_size(Size(self.size.width, rows))

    def _find_near(self, idea_id: str, row: int) -> int | None:
        """The row of `idea_id`, looking first next to `row` (where it usually is)."""
        for candidate in (row - 1, row + 1, 0):
            idea = self.idea_at(candidate)
            if idea is not None and idea.id == idea_id:
                return candidate
        return self.row_of(idea_id)

    # --- the cursor ---------------------------------------------------------------------------

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self._ideas) - 1))

    def watch_cursor(self, old_cursor: int, new_cursor: int) -> None:
        self.refresh_row(old_cursor)
        self.refresh_row(new_cursor)
        self.scroll_to_cursor()
        self.post_message(self.Highlighted(self, self.highlighted_idea))

    def scroll_to_cursor(self) -> None:
        if self._ideas:
            self.scroll_to_row(self.cursor)

    @property
    def cursor_row(self) -> int:
        return self.cursor

    def move_to_row(self, row: int) -> None:
        self.cursor = row

    def action_cursor_up(self) -> None:
        if self.cursor == 0:
            self.post_message(self.LeftTop(self))
        else:
            super().action_cursor_up()

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._ideas) - 1

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            self.cursor = self.row_at(offset.y)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._ideas))

    # --- rendering ----------------------------------------------------------------------------

    def clear_row_cache(self) -> None:
        """Forget rendered rows (call when what `detail` returns may have changed)."""
        self._row_cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        self._row_cache.clear()
        super().notify_style_update()

    def render_empty(self, width: int, base: Style) -> Strip:
        style = self.get_visual_style("idea-list--empty").rich_style
        return self._fit([Segment(" " + one_line(self.empty_text), style)], width, base)

    def render_row(self, row: int, width: int, base: Style) -> Strip:
        idea = self.idea_at(row)
        if idea is None:
            return Strip.blank(width, base)
        key = (id(idea), row == self.cursor, width, self.has_focus)
        cached = self._row_cache.get(key)
        if cached is not None and cached[0] is idea:
            return cached[1]
        if len(self._row_cache) > 1000:
            self._row_cache.clear()
        strip = self._render_row(idea, row, width, base)
        self._row_cache[key] = (idea, strip)
        return strip

    def _render_row(self, idea: Idea, row: int, width: int, base: Style) -> Strip:
        classes = ["idea-list--hidden"] if idea.hidden else []
        if row == self.cursor:
            classes.append("idea-list--cursor")
        style = self.get_visual_style(*classes).rich_style if classes else base
        segments = [Segment(" " + (HIDDEN_MARKER if idea.hidden else ""), style)]
        segments.append(Segment(one_line(idea.text), style))
        detail = self.detail(idea) if self.detail is not None else ""
        if detail:
            # Muted beside the idea; on the cursor's row, in the cursor's own colours (a muted
            # grey on the cursor's background could not be read).
            detail_style = style
            if row != self.cursor:
                dim = self.get_visual_style("idea-list--detail", partial=True).rich_style
                detail_style = style + foreground_of(dim)
            segments.append(Segment("  " + one_line(detail), detail_style))
        return self._fit(segments, width, style)

    @staticmethod
    def _fit(segments: list[Segment], width: int, style: object) -> Strip:
        strip = Strip(segments)
        if strip.cell_length > width > 1:
            strip = strip.crop(0, width - 1)
            last_style = segments[-1].style
            strip = Strip([*strip, Segment("…", last_style)]).crop_extend(0, width, None)
        return strip.extend_cell_length(width, style)  # type: ignore[arg-type]
