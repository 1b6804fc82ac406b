"""Dialogs and palettes: they take the keys typed as they open, answer once, and hand the keys
typed after the answer on to what comes next.

This is the one mechanism behind "keys take effect in the order typed" for every pushed screen
(see HoldsKeys in widgets/typing.py for the keys themselves).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.await_complete import AwaitComplete
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widgets import Button, Input

from workshop.tui.widgets.typing import HoldsKeys


class ClosesOnce(HoldsKeys):
    """For a screen pushed over another (a dialog, a palette, help).

    - Keys typed while it opens (the title typed straight after `n`) are held until its first
      box has the focus, then given to it in order.
    - Keys typed after an answer (Enter, Esc: ANSWER_KEYS) wait until the answer has taken
      effect. If the dialog closed, they go to the screen under it, which holds them until the
      answer's result has been handled (a theme created, a session opened), so `n Theme B ⏎ 1`
      and `n Burst D ⏎ xyz ⏎` do what they say once, in order.
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
            return AwaitComplete.nothing()
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
        return super().dismiss(result)  # type: ignore[misc]


class WorkshopPalette(ClosesOnce, CommandPalette):
    """Textual's command palette, closing once and keeping keys in order (see ClosesOnce)."""

    SETTLES_ON_SUBMIT = False
