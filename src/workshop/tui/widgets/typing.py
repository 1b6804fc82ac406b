"""Text boxes whose keys take effect in the order they were typed.

In textual 8.2.8 an Input or TextArea inserts a typed character as soon as it gets the key, but
a bound key (Enter, Backspace, the arrows, Tab, ctrl+f...) only runs its action once the key
has bubbled up to the app (textual issue #6605). Keys that arrive together, as they do from a
fast typist while the screen is busy saving, or from a macro, are then applied out of order:
`idea one⏎idea two⏎` became the single idea "idea oneidea two", and a Tab typed between two
fields sent the second field's text into the first. Here the bound keys run at once, through
the same bindings the app would have used a moment later, and keys handed to a box after the
focus left it go on to where the focus is.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea

from workshop.tui.safe_text import SafeLines


async def run_binding_now(widget: Widget, event: events.Key, *, priority: bool = False) -> bool:
    """Run the binding the app would run for `event` (from the focused widget up); True if run.

    `priority`: the priority bindings only, which the app checks before it hands a key on.
    """
    # App._check_bindings is what App._on_key calls when the key has bubbled up to it, and
    # App.on_event (with priority) when it reads the key.
    if await widget.app._check_bindings(event.key, priority=priority):  # noqa: SLF001
        event.stop()
        event.prevent_default()
        return True
    return False


class HoldsKeys:
    """For a screen: keep the keys typed while what should take them is not ready yet.

    A new panel or dialog takes the focus a frame or two after the key that asked for it;
    meanwhile the app hands keys to the widget that had the focus, or to the screen itself.
    Between `hold_keys` and `give_held_keys` this screen keeps them all (its typing boxes ask
    it first, see `held_by_screen`), then gives them to whatever has the focus, in order.
    """

    _held_keys: list[events.Key] | None = None

    def hold_keys(self, typed_ahead: Iterable[events.Key] = ()) -> None:
        if self._held_keys is None:
            self._held_keys = list(typed_ahead)

    def hold_key(self, event: events.Key) -> bool:
        """Keep `event` if keys are being held; False if not."""
        if self._held_keys is None:
            return False
        self._held_keys.append(events.Key(event.key, event.character))
        return True

    def on_key(self, event: events.Key) -> None:
        # A key that reached the screen itself: nothing had the focus.
        if self.hold_key(event):
            event.stop()

    async def give_held_keys(self) -> None:
        """Give the held keys to what has the focus now, and stop holding."""
        assert isinstance(self, Widget)
        held, self._held_keys = self._held_keys or [], None
        for index, event in enumerate(held):
            if self._held_keys is not None:
                # A key just given started another wait (F8 twice): the rest wait with it,
                # ahead of anything typed since.
                self._held_keys[:0] = held[index:]
                return
            await hand_on(self, event)


def held_by_screen(widget: Widget, event: events.Key) -> bool:
    """Whether the widget's screen took `event` to give on later (see HoldsKeys)."""
    screen = widget.screen
    if isinstance(screen, HoldsKeys) and screen.hold_key(event):
        event.stop()
        event.prevent_default()
        return True
    return False


async def hand_on(widget: Widget, event: events.Key) -> None:
    """Give a key to the widget that has the focus now, which `widget` lost since it got it.

    The app hands each key to the focused widget as it reads it, so the keys of a burst that
    follow a Tab (or another key that moves the focus) were all handed to the old box.
    """
    focused = widget.app.focused
    event.stop()
    event.prevent_default()
    # As the app does with a key it reads: the priority bindings of the focus first.
    if await run_binding_now(widget, event, priority=True):
        return
    if isinstance(focused, TypingInput | TypingTextArea):
        await focused.type_key(event)
    elif isinstance(focused, Input | TextArea):
        focused.post_message(events.Key(event.key, event.character))
    else:
        await run_binding_now(widget, event)  # a list or a table: its keys are bindings


class _KeysInOrder:
    """The key handling TypingInput and TypingTextArea share; `_inserts` says which keys the
    box itself turns into text (those never run a binding)."""

    def _inserts(self, event: events.Key) -> bool:
        return event.is_printable

    async def _on_key(self, event: events.Key) -> None:
        assert isinstance(self, Widget)
        if held_by_screen(self, event):
            return
        if self.app.focused is not self:
            await hand_on(self, event)
            return
        await self.type_key(event)

    async def type_key(self, event: events.Key) -> None:
        """Handle a key as the focused box: a binding now, or the box's own typing."""
        assert isinstance(self, Widget)
        if not self._inserts(event) and await run_binding_now(self, event):
            return
        await super()._on_key(event)  # type: ignore[misc]  # Input's or TextArea's own


class TypingInput(SafeLines, _KeysInOrder, Input):
    """An Input whose bound keys keep their place among the typed characters (and whose
    stored text never reaches the terminal as control characters, see SafeLines)."""


class TypingTextArea(SafeLines, _KeysInOrder, TextArea):
    """A TextArea whose bound keys keep their place among the typed characters (and whose
    stored text never reaches the terminal as control characters, see SafeLines)."""

    def _inserts(self, event: events.Key) -> bool:
        """Whether TextArea handles this key itself (as text, or its own indent keys)."""
        if self.read_only or event.is_printable or event.key == "enter":
            return True
        return self.tab_behavior == "indent" and event.key in ("tab", "escape")
