"""Dialogs and palettes: they take the keys typed as they open, answer once, and hand the keys
typed after the answer on to what comes next.

This is the one mechanism behind "keys take effect in the order typed" for every pushed screen
(see HoldsKeys in widgets/typing_boxes.py for the keys themselves). The command palette that
closes once is in screens/palette.py.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.await_complete import AwaitComplete
from textual.screen import Screen
from textual.widgets import Button, Input

from workshop.tui.widgets.typing_boxes import HoldsKeys, KeysInOrder


class ClosesOnce(HoldsKeys):
    """For a screen pushed over another (a dialog, a palette, help).

    - Keys typed while it opens (the title typed straight after `n`) are held until its first
      box has the focus, then given to it in order.
    - Keys typed after an answer (Enter, Esc: ANSWER_KEYS) wait until the answer has taken
      effect. If the dialog closed, they go to the screen under it, which holds them until the
      answer's result has been handled (a theme created, a session opened), so `n Theme B ⏎ 1`
      and `n Burst D ⏎ xyz ⏎` do what they say once, in order.
    - A bound key read while a widget that is not a typing box has the focus (Tab on a Select,
      a list, a button) runs its binding at once, and the keys read after it wait for it. The
      app runs such a binding only once the key has bubbled up to it from the widget, and
      meanwhile hands the keys read after it to that widget: the start of the measure typed
      after `⇥⇥` in the action form went to the horizon's Select, which drops letters.
    - A second dismiss does nothing. In textual 8.2.8 `Screen.dismiss` runs the result callback
      and pops whatever screen is on top: a second Enter already queued for a dialog when the
      first closed it closed the screen under it too.
    """

    ANSWER_KEYS = frozenset({"enter", "escape"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hold_keys()

    def on_mount(self) -> None:
        assert isinstance(self, Screen)
        self.call_after_refresh(self._ready_for_keys)

    async def _ready_for_keys(self) -> None:
        assert isinstance(self, Screen)
        if self.focused is None:
            target = next((widget for widget in self.query("*") if widget.focusable), None)
            if target is not None:
                self.set_focus(target)
        await self.give_held_keys()

    def hold_key(self, event: events.Key) -> bool:
        if super().hold_key(event):
            return True
        if event.is_forwarded or self.holds_keys or not self.binds_late(event):
            return False
        # Read by the app just now (a forwarded key has been handed to a widget already): its
        # binding runs through the held keys, first, and the keys read after it are held
        # until it has run (give_held_keys hands each to where the focus is then).
        self.hold_keys([event], reason="binding", trigger=event)
        assert isinstance(self, Screen)
        self.call_next(self.give_held_keys, "binding")
        return True

    def binds_late(self, event: events.Key) -> bool:
        """Whether `event` is bound, and what has the focus leaves it to the app's bindings
        (a Select, a list, a button: not a typing box, which runs its bindings itself)."""
        assert isinstance(self, Screen)
        focused = self.focused
        if focused is None or not self.is_current or isinstance(focused, KeysInOrder | Input):
            return False
        if focused.check_consume_key(event.key, event.character):
            return False  # a list's type-to-search, a text area's Tab
        return event.key in self.active_bindings

    SETTLES_ON_SUBMIT = True
    """Whether an Input's Submitted is this dialog's whole answer (the palette's is not: it
    goes on to choose a command from its list)."""

    def answer_will_follow(self, event: events.Key) -> bool:
        # Enter in a box posts Submitted, and on a button Pressed, every time.
        assert isinstance(self, Screen)
        focused = self.focused
        if event.key != "enter" or focused is None:
            return False
        return isinstance(focused, Button) or (
            self.SETTLES_ON_SUBMIT and isinstance(focused, Input)
        )

    # Handlers by name, since a mixin's @on handlers are not collected. They run after the
    # dialog's own handlers of the same message (the MRO's order); call_next runs after all.
    def on_input_submitted(self) -> None:
        if self.SETTLES_ON_SUBMIT:
            self.answer_handled()

    def on_option_list_option_selected(self) -> None:
        self.answer_handled()

    def on_button_pressed(self) -> None:
        self.answer_handled()

    def dismiss(self, result: Any = None) -> AwaitComplete:
        assert isinstance(self, Screen)
        if not self.is_current:
            already_done: AwaitComplete = AwaitComplete.nothing()  # type: ignore[no-untyped-call]
            return already_done
        typed_after = self.take_held_keys()
        stack = self.app.screen_stack
        below = stack[-2] if len(stack) > 1 else None
        if isinstance(below, HoldsKeys):
            # Held until what the answer asked for has been done: the result callback runs
            # next, on the screen that asked; the palette queues its command on the app just
            # after dismissing. Going round the app's queue twice puts the release after both;
            # a command that brings up something new (a jump) holds the keys for it meanwhile.
            below.hold_keys(typed_after, reason="dialog")
            self.app.call_later(
                self.app.call_later, below.call_after_refresh, below.give_held_keys, "dialog"
            )
        # A mixin: the Screen it is mixed into (asserted above) has dismiss.
        dismissed: AwaitComplete = super().dismiss(result)  # type: ignore[misc]
        return dismissed
