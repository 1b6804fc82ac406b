"""The session screen's current panel: only the current activity's panel is mounted, so moving
to another activity swaps it, keeping what was typed in the old one (its draft) and giving the
new one the keys typed meanwhile.

A plain object the session screen holds; the panel, the drafts and the shown activity are the
screen's state (`SessionScreen.panel`, `.drafts`, `.shown_activity`).
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.widget import Widget

from workshop.core.agenda import Activity
from workshop.tui.panels.base import ActivityPanel
from workshop.tui.panels.registry import panel_for
from workshop.tui.widgets.outline import AgendaOutline

if TYPE_CHECKING:
    from workshop.tui.screens.session import SessionScreen

ARRIVE_SECONDS = 2.0
"""At most this long for the keys queued for a panel's box to arrive before the panel goes."""


class SessionPanels:
    """Swaps the current activity's panel in and out, and gives it the focus."""

    def __init__(self, screen: SessionScreen) -> None:
        self.screen = screen

    def show(self, activity: Activity) -> None:
        """Show the session in the current panel, or swap in the panel for a new activity.

        Only the current activity's panel is mounted: hidden panels would still be restyled
        on every focus change, which made moving between activities several times slower.
        """
        if self.screen.shown_activity == activity.id:
            panel = self.screen.panel
            # None: the swap to this activity is under way (the panel going saves what was
            # typed in it), and the panel it makes reads the latest session.
            if panel is not None and panel.session is not self.screen.session:
                panel.show_session(self.screen.session)
            return
        self.screen.shown_activity = activity.id
        self.screen.query_one(AgendaOutline).highlight_activity(activity.id)
        # What is typed from now until the new panel has the focus belongs to it (F8, then the
        # first idea of the next brainstorm), not to the panel on its way out.
        self.screen.hold_keys()
        self.screen.call_later(self._swap, activity.id)

    async def _swap(self, activity_id: str) -> None:
        if activity_id != self.screen.shown_activity:
            return  # moved on again before this swap ran
        area = self.screen.query_one("#panel-area")
        if self.screen.panel is not None:
            old, self.screen.panel = self.screen.panel, None
            await self._typed_keys_arrive(old)
            old.save_typed()
            # Half-typed text is kept for when the facilitator comes back to this activity.
            self.screen.drafts[old.activity.id] = old.draft_to_keep()
            await old.remove()
        activity = self.screen.session.agenda.activity(activity_id)
        panel = panel_for(activity, self.screen.session, self.screen.panel_context)
        self.screen.panel = panel
        await area.mount(panel)
        draft = self.screen.drafts.pop(activity_id, "")
        if draft:
            panel.restore_draft(draft)
        self.screen.call_after_refresh(self.in_place, panel)

    async def _typed_keys_arrive(self, panel: ActivityPanel) -> None:
        """Let the keys typed before the move, still queued for the panel's box, reach it
        before the panel goes: "an idea⏎F8" keeps the idea in the activity it was typed in,
        and half-typed words are kept as its draft (a removed box drops what it had queued)."""
        focused = self.screen.focused
        if focused is None or (focused is not panel and panel not in focused.ancestors):
            return
        arrived = asyncio.Event()
        # A callback queued behind those keys: it runs once the box has handled them.
        if focused.call_later(arrived.set):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(arrived.wait(), ARRIVE_SECONDS)

    async def in_place(self, panel: ActivityPanel) -> None:
        if panel is not self.screen.panel:
            return  # moved on again: the next panel takes the keys held meanwhile
        self.focus(panel)
        await self.screen.give_held_keys()

    def focus(self, panel: ActivityPanel) -> None:
        """Focus the panel's first focusable widget now (Widget.focus waits for a later turn,
        and the keys held meanwhile are given to whatever has the focus right after this)."""
        focused = self.screen.focused
        if focused is not None and (focused is panel or panel in focused.ancestors):
            return
        # The focus chain leaves out what is not displayed: the first focusable widget of a
        # brainstorm is its hidden author box, which took the keys typed on the opening frame.
        target = next(
            (widget for widget in self.screen.focus_chain if panel in widget.ancestors), None
        )
        if target is None and panel.focusable:
            target = panel
        if target is not None:
            self.screen.set_focus(target)

    def help_markdown(self) -> str:
        """The help of the focused part (panel, outline, timer), then the screen's keys."""
        from workshop.tui.screens.dialogs.help import SESSION_KEYS

        node: Widget | None = self.screen.focused
        while node is not None and not isinstance(node, Screen):
            text = getattr(type(node), "HELP", None)
            if isinstance(text, str) and text:
                return f"{text}\n\n{SESSION_KEYS}"
            node = node.parent if isinstance(node.parent, Widget) else None
        if self.screen.panel is not None:
            return f"{self.screen.panel.HELP}\n\n{SESSION_KEYS}"
        return SESSION_KEYS
