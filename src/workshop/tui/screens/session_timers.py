"""The activities' timers on the session screen: kept in the session file, shown in the header
and the big timer (F2), started and paused (ctrl+t, F5), a minute added (F6), ticking.

A plain object the session screen holds and delegates its timer keys to.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from workshop.core import ops
from workshop.core.agenda import Activity
from workshop.store.editor import Change
from workshop.tui.widgets.outline import AgendaOutline
from workshop.tui.widgets.timer import ActivityTimer, BigTimer, Clock, TimerLine, clock_text

if TYPE_CHECKING:
    from workshop.tui.screens.session import SessionScreen


class SessionTimers:
    """One timer per activity, made from the session file's state the first time it is shown."""

    def __init__(
        self, screen: SessionScreen, clock: Clock, wall_clock: Callable[[], datetime]
    ) -> None:
        self.screen = screen
        self.clock = clock
        self.wall_clock = wall_clock
        self.timers: dict[str, ActivityTimer] = {}

    def timer_for(self, activity: Activity) -> ActivityTimer:
        """The activity's timer: as the session file keeps it, or new."""
        timer = self.timers.get(activity.id)
        if timer is None:
            planned = activity.minutes * 60
            kept = ops.timer_state(self.screen.session, activity.id)
            if kept is None:
                timer = ActivityTimer(planned, clock=self.clock)
            else:
                timer = ActivityTimer.from_state(
                    kept, planned, clock=self.clock, at=self.wall_clock()
                )
            self.timers[activity.id] = timer
        return timer

    def toggle(self) -> None:
        """Start or pause the current activity's timer; starting it begins the activity."""
        screen = self.screen
        activity = screen.current_activity
        timer = self.timer_for(activity)
        running = timer.toggle()
        if running and not screen.has_open_entry(activity.id):
            screen.go_to(activity.id)  # the log records that this activity has begun
        self.show()
        self._keep(activity, "started" if running else f"paused at {clock_text(timer.remaining)}")

    def add_minute(self) -> None:
        activity = self.screen.current_activity
        self.timer_for(activity).add_minute()
        self.show()
        self._keep(activity, "+1 minute")

    def toggle_big_timer(self) -> None:
        big_timer = self.screen.query_one(BigTimer)
        big_timer.display = not big_timer.display
        self.show()

    def _keep(self, activity: Activity, what: str) -> None:
        """Write the timer's state to the session file (on start, pause, added minutes only:
        a running timer's file state says since when, so nothing is written as it ticks)."""
        state = self.timer_for(activity).saved_state(activity.id, at=self.wall_clock())
        self.screen.request_change(
            Change(lambda draft: ops.set_timer(draft, state), f"Timer {what}")
        )

    def show(self) -> None:
        """Show the current activity's timer in the header and the big timer."""
        timer = self.timer_for(self.screen.current_activity)
        self.screen.query_one(TimerLine).show_timer(timer)
        self.screen.query_one(BigTimer).show_timer(timer)

    def tick(self) -> None:
        self.show()
        self.screen.query_one(AgendaOutline).show_session(self.screen.session, self.wall_clock())
