"""The brainstorm's capture input: an Input whose typing never re-lays-out the screen."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class CaptureInput(Input):
    """An Input of fixed height and width whose keystrokes repaint only itself.

    Textual's Input sets its virtual size on every keystroke, and Widget.virtual_size asks
    for a layout of the whole screen when it changes. The capture input's size never depends
    on its text, so that layout is wasted work on every key a facilitator types.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
