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
from weakref import WeakSet

from rich.cells import cell_len
from textual import events
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

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


_HANDED_ON: WeakSet[events.Key] = WeakSet()
"""Keys given to a plain Input or TextArea as messages, which may come back up unhandled."""

_KEY_IN_HAND: list[events.Key | None] = [None]
"""The key being handled now (see `key_in_hand`): a hold it starts holds the keys typed after
it, and lets those typed before it go where they were going."""


def key_in_hand(event: events.Key) -> None:
    """Note the key about to be handled (the app, and every typing box, call this first)."""
    _KEY_IN_HAND[0] = event


class HoldsKeys:
    """For a screen: keep the keys typed while what should take them is not ready yet.

    A new panel or dialog takes the focus a frame or two after the key that asked for it, and
    a dialog's answer (Enter, Esc) takes effect a few messages after the key; meanwhile the app
    hands keys to the widget that had the focus, or to the screen itself. Between `hold_keys`
    and `give_held_keys` this screen keeps them all (the app asks it first, and so do its
    typing boxes, see `held_by_screen`), then gives them to whatever has the focus, in order.
    Each hold has a reason; the keys are given when the last reason is done.
    """

    _held_keys: list[events.Key] | None = None
    _hold_reasons: frozenset[str] = frozenset()
    _answer_key: events.Key | None = None
    _hold_trigger: events.Key | None = None
    _giving = False

    def hold_keys(
        self,
        typed_ahead: Iterable[events.Key] = (),
        *,
        reason: str = "ready",
        trigger: events.Key | None = None,
    ) -> None:
        """Hold the keys typed after `trigger` (by default the key being handled, which asked
        for what is coming), after `typed_ahead` (keys typed earlier that wait here too).

        Keys typed before the trigger, still on their way to a box (the idea typed just
        before F8), are not held: they go where they were going.
        """
        self._hold_reasons = self._hold_reasons | {reason}
        if self._held_keys is None:
            self._held_keys = list(typed_ahead)
            self._hold_trigger = trigger or _KEY_IN_HAND[0]
        else:
            self.put_back(list(typed_ahead))

    @property
    def holds_keys(self) -> bool:
        return self._held_keys is not None

    def hold_key(self, event: events.Key) -> bool:
        """Keep `event` if keys are being held; False if not."""
        if self._held_keys is None or event is self._answer_key or event in _HANDED_ON:
            # The answer itself, bubbling up to run its binding (Enter in a plain Input),
            # is not held: the keys after it are. Nor is a key already given from here.
            return False
        trigger = self._hold_trigger
        if trigger is not None and (event is trigger or event.time < trigger.time):
            # Typed before the key that started the hold, still on its way to a box (a fast
            # "title⇥owner⏎", an idea just before F8): it goes where it was going.
            return False
        self._held_keys.append(events.Key(event.key, event.character))
        return True

    def take_held_keys(self) -> list[events.Key]:
        """Stop holding, and hand the keys held so far to the caller (who gives them on)."""
        held, self._held_keys = self._held_keys or [], None
        self._hold_reasons = frozenset()
        self._hold_trigger = None
        return held

    def on_key(self, event: events.Key) -> None:
        # A key that reached the screen itself: nothing had the focus.
        if self.hold_key(event):
            event.stop()

    async def give_held_keys(self, reason: str = "ready") -> None:
        """`reason` is done: if no other reason is left, give the held keys to what has the
        focus now (or to the screen now on top, if it is holding keys itself), and stop holding.

        Keys read while they are being given are held too, and given after them in turn: a
        key let through meanwhile would overtake the ones still being given.
        """
        assert isinstance(self, Screen)
        if self._held_keys is None:
            return
        self._hold_reasons = self._hold_reasons - {reason}
        if self._hold_reasons or self._giving:
            return
        self._giving = True
        try:
            while self._held_keys:
                if self._hold_reasons:
                    return  # a key just given started another wait (F8, a dialog's Enter)
                top = self.app.screen
                if top is not self and isinstance(top, HoldsKeys) and top.holds_keys:
                    # What is on top now waits for keys itself (a key just given closed this
                    # dialog, or opened another): the rest wait there, ahead of any since.
                    top.put_back(self.take_held_keys())
                    return
                event = self._held_keys.pop(0)
                await hand_on(self, event)
                self.key_given(event)
            if not self._hold_reasons:
                self._held_keys = None
        finally:
            self._giving = False

    def put_back(self, keys: list[events.Key]) -> None:
        """Keys typed before those held now: they wait here too, first."""
        if self._held_keys is not None:
            self._held_keys[:0] = keys

    ANSWER_KEYS: frozenset[str] = frozenset()
    """Keys that answer this screen (a dialog's Enter): what is typed after one waits until
    the answer has taken effect (the dialog closed, or said what is missing)."""

    ANSWER_SECONDS = 0.5
    """How long an answer that posts no message (a key nothing is bound to) holds the keys."""

    def key_given(self, event: events.Key) -> None:
        """A key has been handed to this screen's focus (the app calls this as it reads one)."""
        assert isinstance(self, Screen)
        if event.key in self.ANSWER_KEYS and self.is_current:  # not closed by it already
            self._answer_key = event
            self.hold_keys(reason="answer", trigger=event)
            if not self.answer_will_follow(event):
                # The answer's handler calls answer_handled; this is for a key that may
                # answer nothing (Enter in a list with nothing chosen), so no key waits for
                # ever. An answer sure to come is waited for, however slow the machine.
                self.set_timer(self.ANSWER_SECONDS, self.answer_handled)

    def answer_will_follow(self, event: events.Key) -> bool:
        """Whether `event` is sure to bring a message whose handler calls answer_handled."""
        return False

    def answer_handled(self) -> None:
        """The answer (a Submitted, a choice, a button) has been handled: if this screen is
        still up, what was typed after it is for this screen (a title was missing...)."""
        assert isinstance(self, Widget)
        if self._held_keys is not None and "answer" in self._hold_reasons:
            self.call_next(self.give_held_keys, "answer")


def focus_now(widget: Widget) -> None:
    """Give `widget` the focus now. `Widget.focus` waits for a later turn, so the keys typed
    straight after the key that moved the focus (ctrl+f, then the filter's words) went to the
    box being left."""
    widget.screen.set_focus(widget)


def held_by_screen(widget: Widget, event: events.Key) -> bool:
    """Whether the widget's screen, or the screen now on top of it, took `event` to give on
    later (see HoldsKeys): a key handed to a box just before a dialog covered it."""
    for screen in (widget.screen, widget.app.screen):
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
    key_in_hand(event)
    event.stop()
    event.prevent_default()
    # As the app does with a key it reads: the priority bindings of the focus first.
    if await run_binding_now(widget, event, priority=True):
        return
    # Imported only where a panel has notes or fields (typing_text_area.py): not before the
    # first frame.
    from textual.widgets import TextArea

    if isinstance(focused, KeysInOrder):
        await focused.type_key(event)
    elif isinstance(focused, Input | TextArea) or (
        focused is not None and focused.check_consume_key(event.key, event.character)
    ):
        # A box's own typing, or a list's type-to-search.
        given = events.Key(event.key, event.character)
        _HANDED_ON.add(given)  # if it bubbles back up unhandled, it is not held again
        focused.post_message(given)
    else:
        await run_binding_now(widget, event)  # a list or a table: its keys are bindings


class KeysInOrder:
    """The key handling TypingInput and TypingTextArea share; `_inserts` says which keys the
    box itself turns into text (those never run a binding)."""

    def _inserts(self, event: events.Key) -> bool:
        return event.is_printable

    async def _on_key(self, event: events.Key) -> None:
        assert isinstance(self, Widget)
        key_in_hand(event)
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


class TypingInput(SafeLines, KeysInOrder, Input):
    """An Input whose bound keys keep their place among the typed characters (and whose
    stored text never reaches the terminal as control characters, see SafeLines).

    A box that is left shows its text from the first character (Input keeps it scrolled to
    where the cursor was, so a long decision read "…sign two invoice letters"); back in the
    box, the view goes to the cursor again.
    """

    _selected_ahead = False

    async def type_key(self, event: events.Key) -> None:
        if not self.has_focus and self.select_on_focus:
            # The focus came here (a Tab just now) but its Focus event is still on its way:
            # when it comes, Input selects the whole value, and the next key typed replaces
            # the selection. So the keys typed in between ("Le" of "Lena" right after a Tab)
            # were lost. What the event will do is done now, as it would be for a slow typist,
            # and not again when it comes.
            self.select_all()
            self.select_on_focus = False
            self._selected_ahead = True
        await super().type_key(event)

    def on_blur(self) -> None:
        self.scroll_to(x=0, animate=False, immediate=True)

    def on_focus(self) -> None:
        if self._selected_ahead:
            # Input's own Focus handler runs after this one, for the same event.
            self._selected_ahead = False
            self.call_next(setattr, self, "select_on_focus", True)
        cursor_x = cell_len(self.value[: self.cursor_position])
        self.scroll_to_region(Region(cursor_x, 0, 1, 1), animate=False, force=True, immediate=True)
