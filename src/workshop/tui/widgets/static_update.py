"""Updating a Static only when what it shows changes.

`Static.update` asks for a layout of the whole screen; the session screen shows the latest
session in its header and outline after every save, and laying the screen out again for
text that did not change cost 10-17 ms between Enter and the idea on screen.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def same_content(shown: object, content: Content) -> bool:
    """Whether `shown` is `content`, styles included (Content's == compares text only)."""
    return (
        isinstance(shown, Content) and shown.plain == content.plain and shown.spans == content.spans
    )


def update_if_changed(widget: Static, content: Content, *, layout: bool = True) -> bool:
    """Show `content` in `widget` unless it shows it already; True if it was updated."""
    if same_content(widget.content, content):
        return False
    widget.update(content, layout=layout)
    return True
