"""A footer that rebuilds its keys only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

KeysShown = tuple[tuple[str, str, str, bool, str], ...]


class QuietFooter(Footer):
    """Textual's Footer, without the rebuilds that would show the same keys again.

    The Footer rebuilds all its keys whenever the screen's bindings may have changed, which
    is every focus change: five times while the session screen first paints, and again each
    time the facilitator moves between the idea box and the list. Most of those rebuilds
    show exactly the keys already shown.
    """

    _keys_shown: KeysShown | None = None
    _key_widths: dict[tuple[str, str], int] | None = None

    @staticmethod
    def keys_to_show(screen: Screen[object]) -> KeysShown:
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for (_node, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show or binding.key == screen.app.COMMAND_PALETTE_BINDING
        )

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._keys_shown = self.keys_to_show(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # A FooterKey starts compact, and the footer's data binding then makes it not:
                # two restyles of every key as it mounts (a fifth of the session screen's first
                # paint). Set before mounting, the same values cost nothing. The palette's key
                # is not bound to the footer and stays compact, as in Footer itself.
                compact = self.compact or widget.has_class("-command-palette")
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget
        self.call_after_refresh(self._fit_keys)

    def on_resize(self) -> None:
        self._fit_keys()

    def _fit_keys(self) -> None:
        """Show the keys that fit whole, in order, beside the palette's key; leave out the rest
        rather than cut the last one mid-word (F1 lists them all)."""
        keys = list(self.query(FooterKey))
        room = self.size.width - sum(
            self._width_of(key) for key in keys if key.has_class("-command-palette")
        )
        used = 0
        for key in keys:
            if not key.has_class("-command-palette"):
                used += self._width_of(key)
                key.display = used <= room

    def _width_of(self, key: FooterKey) -> int:
        """A key's width as laid out (text, padding, margin), known before it is laid out."""
        if self._key_widths is None:
            self._key_widths = {}
        name = (key.key, key.description)
        width = self._key_widths.get(name)
        if width is None:
            size = self.size
            width = key.get_content_width(size, size) + key.styles.gutter.width
            width += key.styles.margin.width
            self._key_widths[name] = width
        return width
