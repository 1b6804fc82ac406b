"""The TextArea whose bound keys keep their place among the typed characters (see
typing_boxes.py); apart, because TextArea brings its document model, which the first frame of a
session does not need."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from workshop.tui.safe_text import SafeLines
from workshop.tui.widgets.typing_boxes import KeysInOrder


class TypingTextArea(SafeLines, KeysInOrder, TextArea):
    """A TextArea whose bound keys keep their place among the typed characters (and whose
    stored text never reaches the terminal as control characters, see SafeLines)."""

    def _inserts(self, event: events.Key) -> bool:
        """Whether TextArea handles this key itself (as text, or its own indent keys)."""
        if self.read_only or event.is_printable or event.key == "enter":
            return True
        return self.tab_behavior == "indent" and event.key in ("tab", "escape")
