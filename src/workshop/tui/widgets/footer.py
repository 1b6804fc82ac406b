"""A footer whose keys mount at their final size and never show cut mid-word."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

FOOTER_KEY = "FooterKey"
"""The type of Footer's key widgets, as a selector: Textual documents it for styling but
exports no public name for the class (it lives in the private `textual.widgets._footer`)."""


class QuietFooter(Footer):
    """Textual's Footer, with two changes: each key mounts already compact or not (Footer
    mounts it compact and its data binding then changes it: two restyles per key on the
    session screen's first paint), and only the keys that fit whole are shown."""

    _key_widths: dict[tuple[str, str], int] | None = None

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if type(widget).__name__ == FOOTER_KEY:
                # A FooterKey starts compact, and the footer's data binding then makes it not:
                # two restyles of every key as it mounts (a fifth of the session screen's first
                # paint). Set before mounting, the same values cost nothing. The palette's key
                # is not bound to the footer and stays compact, as in Footer itself.
                compact = self.compact or widget.has_class("-command-palette")
                key: Any = widget  # a FooterKey: its `compact` reactive is public
                widget.set_reactive(type(key).compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget
        self.call_after_refresh(self._fit_keys)

    def on_resize(self) -> None:
        self._fit_keys()

    def _fit_keys(self) -> None:
        """Show the keys that fit whole, in order, beside the palette's key; leave out the rest
        rather than cut the last one mid-word (F1 lists them all)."""
        keys = list(self.query(FOOTER_KEY))
        room = self.size.width - sum(
            self._width_of(key) for key in keys if key.has_class("-command-palette")
        )
        used = 0
        for key in keys:
            if not key.has_class("-command-palette"):
                used += self._width_of(key)
                key.display = used <= room

    def _width_of(self, key: Widget) -> int:
        """A key's width as laid out (text, padding, margin), known before it is laid out."""
        if self._key_widths is None:
            self._key_widths = {}
        footer_key: Any = key
        name = (footer_key.key, footer_key.description)
        width = self._key_widths.get(name)
        if width is None:
            size = self.size
            width = key.get_content_width(size, size) + key.styles.gutter.width
            width += key.styles.margin.width
            self._key_widths[name] = width
        return width
