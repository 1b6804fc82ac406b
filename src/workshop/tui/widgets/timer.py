"""The activity timer: a countdown from the planned minutes, and its large-digit view.

`ActivityTimer` is plain state: the session screen keeps one per activity, and writes it to
the session file (`TimerState`) when it starts, pauses or gets minutes, so that it reopens as
it was left. `TimerLine` and `BigTimer` only show it. The clocks are passed in, so tests can
freeze them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from textual.content import Content
from textual.widgets import Digits, Static

from workshop.core.models import TimerState

Clock = Callable[[], float]


@dataclass
class ActivityTimer:
    """A countdown that can be paused, resumed and given extra minutes."""

    planned_seconds: int
    clock: Clock = field(default=time.monotonic, repr=False)
    elapsed_before: float = 0.0
    """Seconds run before the current run started (or all of them, when paused)."""
    running_since: float | None = None
    extra_seconds: int = 0

    @property
    def running(self) -> bool:
        return self.running_since is not None

    @property
    def started(self) -> bool:
        return self.running or self.elapsed_before > 0

    @property
    def elapsed(self) -> float:
        if self.running_since is None:
            return self.elapsed_before
        return self.elapsed_before + max(0.0, self.clock() - self.running_since)

    @property
    def total_seconds(self) -> int:
        return self.planned_seconds + self.extra_seconds

    @property
    def remaining(self) -> int:
        """Whole seconds left; negative once the time is over."""
        left = self.total_seconds - self.elapsed
        # Count down like a wall clock: 10:00 shows until a full second has gone.
        return int(left) if left <= 0 else -int(-left // 1)

    @property
    def overrun(self) -> bool:
        return self.remaining < 0

    def start(self) -> None:
        if self.running_since is None:
            self.running_since = self.clock()

    def pause(self) -> None:
        if self.running_since is not None:
            self.elapsed_before = self.elapsed
            self.running_since = None

    def toggle(self) -> bool:
        """Start or pause; True if now running."""
        if self.running:
            self.pause()
        else:
            self.start()
        return self.running

    def add_minute(self) -> None:
        self.extra_seconds += 60

    @classmethod
    def from_state(
        cls, state: TimerState, planned_seconds: int, *, clock: Clock, at: datetime
    ) -> ActivityTimer:
        """The timer as it was saved (`at` is the wall-clock time now)."""
        timer = cls(
            planned_seconds,
            clock=clock,
            elapsed_before=state.seconds_run(at),
            extra_seconds=state.added_seconds,
        )
        if state.running_since is not None:
            timer.running_since = clock()
        return timer

    def saved_state(self, activity: str, *, at: datetime, item: str = "") -> TimerState:
        """What to keep in the session file (`at` is the wall-clock time now)."""
        return TimerState(
            activity=activity,
            item=item,
            planned_seconds=self.planned_seconds,
            added_seconds=self.extra_seconds,
            elapsed_seconds=self.elapsed,
            running_since=at if self.running else None,
        )


def clock_text(seconds: int) -> str:
    """12:05, or 1:02:05 past an hour."""
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def timer_label(timer: ActivityTimer) -> Content:
    """The one-line view: '▶ 12:05 left', '⏸ 15:00', '▶ +02:13 over'."""
    state = "▶" if timer.running else "⏸"
    remaining = timer.remaining
    if remaining < 0:
        return Content.assemble(f"{state} ", (f"+{clock_text(remaining)} over", "bold $text-error"))
    suffix = " left" if timer.started else ""
    return Content.assemble(f"{state} ", (clock_text(remaining), "bold"), suffix)


class TimerLine(Static):
    """The timer on one line, in the session header."""

    HELP = """\
## Timer

Counts down from the activity's planned minutes; each activity has its own timer.

- **ctrl+t** start or pause
- **F6** add a minute
- **F2** the large-digit view, for the back of the room

Past zero it shows how far over the activity has run, in red.
"""

    _shown: Content | None = None

    def show_timer(self, timer: ActivityTimer) -> None:
        label = timer_label(timer)
        if label != self._shown:
            self._shown = label
            self.update(label)
        self.set_class(timer.overrun, "-overrun")
        self.set_class(timer.running, "-running")


class BigTimer(Digits):
    """The timer in large digits (F2)."""

    HELP = TimerLine.HELP

    def show_timer(self, timer: ActivityTimer) -> None:
        remaining = timer.remaining
        text = f"+{clock_text(remaining)}" if remaining < 0 else clock_text(remaining)
        if self.value != text:
            self.update(text)
        self.set_class(timer.overrun, "-overrun")
        self.set_class(not timer.running, "-paused")
