"""The brainstorm's capture input: Enter hands the idea on and clears the box at once."""

from __future__ import annotations

from collections.abc import Callable

from textual.geometry import Size
from textual.reactive import Reactive

from workshop.tui.widgets.typing_boxes import TypingInput

IDEA_BOX_PLACEHOLDER = "Type an idea, Enter to capture (#word makes a tag)"
"""The brainstorm's idea box, empty (also on a session's opening frame)."""


class CaptureInput(TypingInput):
    """The idea box: keys in the order typed, cleared on Enter, and cheap to type into.

    Enter takes the idea out of the box and hands it to `capture` (or, without one, sends it
    on in `Submitted`) before the next key is read, so what is typed next starts a new idea;
    the session keeps an idea whose save failed, and retries it.

    `capture` is called at once, in the Enter's own handling, rather than by a message: the
    cleared box and the saved idea are then drawn in one frame. Through a message the box's
    frame went out first, and Textual's screen draws its next frame one to two frame periods
    after the one before, so the idea showed 10-15 ms later (Enter to the idea on screen, in a
    real terminal: p50 26 ms through a message, 10 ms called at once, 1,000 ideas).

    An Input of fixed height and width whose keystrokes repaint only itself:

    Textual's Input sets its virtual size on every keystroke, and Widget.virtual_size asks
    for a layout of the whole screen when it changes. The capture input's size never depends
    on its text, so that layout is wasted work on every key a facilitator types.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *, capture: Callable[[str], None] | None = None, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.capture = capture
        """What takes the text on Enter (the brainstorm panel's `capture`)."""

    async def action_submit(self) -> None:
        text = self.value
        if text.strip():
            self.value = ""
        if self.capture is not None:
            self.capture(text)
        else:
            self.post_message(self.Submitted(self, text))
