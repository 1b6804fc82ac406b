"""The brainstorm's capture input: Enter hands the idea on and clears the box at once."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive

from workshop.tui.widgets.typing_boxes import TypingInput

IDEA_BOX_PLACEHOLDER = "Type an idea, Enter to capture (#word makes a tag)"
"""The brainstorm's idea box, empty (also on a session's opening frame)."""


class CaptureInput(TypingInput):
    """The idea box: keys in the order typed, cleared on Enter, and cheap to type into.

    Enter takes the idea out of the box and sends it on (`Submitted` carries its text) before
    the next key is read, so what is typed next starts a new idea even while the last one is
    still being saved; the session screen keeps an idea whose save failed, and retries it.

    An Input of fixed height and width whose keystrokes repaint only itself:

    Textual's Input sets its virtual size on every keystroke, and Widget.virtual_size asks
    for a layout of the whole screen when it changes. The capture input's size never depends
    on its text, so that layout is wasted work on every key a facilitator types.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    async def action_submit(self) -> None:
        text = self.value
        if text.strip():
            self.value = ""
        self.post_message(self.Submitted(self, text))
