"""Dialogs and palettes that close once, however many Enter or Esc keys were queued for them."""

from __future__ import annotations

from typing import Any

from textual.await_complete import AwaitComplete
from textual.command import CommandPalette
from textual.screen import Screen


class ClosesOnce:
    """For a screen pushed over another: a second dismiss does nothing.

    In textual 8.2.8 `Screen.dismiss` runs the result callback and pops whatever screen is on
    top. A second Enter (or Esc) already queued for a dialog when the first closed it closed
    the screen under it too: the session screen went, leaving a blank screen, and a palette
    command then ran on a screen no longer there, which ended the app.
    """

    def dismiss(self, result: Any = None) -> AwaitComplete:
        assert isinstance(self, Screen)
        if not self.is_current:
            return AwaitComplete.nothing()
        return super().dismiss(result)  # type: ignore[misc]


class WorkshopPalette(ClosesOnce, CommandPalette):
    """Textual's command palette, closing once (see ClosesOnce)."""
