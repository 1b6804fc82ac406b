"""A per-item timer for the debate: time spent on the current item against its share.

The time on each item is kept in the session file (`TimerState` with the item's id): the panel
writes it when an item is taken up, left, or restarted, never on a tick, so the debate's
timers reopen where they were and can be read from the file alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from time import monotonic

from textual.content import Content
from textual.widgets import Static

from workshop.core.clock import now
from workshop.core.models import TimerState


def clock(seconds: float) -> str:
    """12:05 for 725 seconds."""
    whole = max(0, int(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


class DebateTimer(Static):
    """Counts the time spent on each debate item; time on an item adds up across visits."""

    DEFAULT_CSS = """
    DebateTimer {
        width: auto;
        height: 1;
    }
    DebateTimer.-over {
        color: $warning;
        text-style: bold;
    }
    """

    def __init__(
        self,
        budget_seconds: float,
        *,
        activity: str = "",
        kept: Iterable[TimerState] = (),
        keep: Callable[[list[TimerState]], None] | None = None,
        wall_clock: Callable[[], datetime] = now,
        **kwargs: object,
    ) -> None:
        """`kept`: the items' timer states from the session file; `keep` writes new ones
        there (called at once, even while the panel is being removed)."""
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.budget_seconds = budget_seconds
        self.activity = activity
        self.keep = keep
        self.wall_clock = wall_clock
        at = wall_clock()
        self._spent: dict[str, float] = {state.item: state.seconds_run(at) for state in kept}
        self._item = ""
        self._since: float | None = None

    def on_mount(self) -> None:
        self._since = monotonic()
        self.set_interval(1.0, self._show)
        self._show()

    def elapsed(self, item: str | None = None) -> float:
        """Seconds spent on `item` (the current one by default)."""
        item = self._item if item is None else item
        spent = self._spent.get(item, 0.0)
        if item == self._item and self._since is not None:
            spent += monotonic() - self._since
        return spent

    def switch_to(self, item: str) -> None:
        """Stop counting for the current item and start (or resume) counting for `item`."""
        if item == self._item:
            return
        left = self._item
        self._bank()
        self._item = item
        self._show()
        if left:  # not when the debate comes up: opening a session writes nothing
            self._keep(left, running=item)

    def restart(self) -> None:
        """Count the current item from zero again."""
        self._spent[self._item] = 0.0
        self._since = monotonic()
        self._show()
        self._keep(running=self._item)

    def leave(self) -> None:
        """The debate is being left: the current item's time stops, and is kept."""
        if self._item:
            self._bank()
            self._keep(self._item)

    def state_of(self, item: str, *, running: bool, at: datetime) -> TimerState:
        return TimerState(
            activity=self.activity,
            item=item,
            planned_seconds=round(self.budget_seconds),
            elapsed_seconds=self.elapsed(item),
            running_since=at if running else None,
        )

    def _keep(self, *paused: str, running: str = "") -> None:
        if self.keep is None:
            return
        at = self.wall_clock()
        states = [self.state_of(item, running=False, at=at) for item in paused]
        if running:
            states.append(self.state_of(running, running=True, at=at))
        self.keep(states)

    def _bank(self) -> None:
        now_seconds = monotonic()
        if self._since is not None:
            self._spent[self._item] = self._spent.get(self._item, 0.0) + now_seconds - self._since
        self._since = now_seconds

    def _show(self) -> None:
        spent = self.elapsed()
        over = self.budget_seconds > 0 and spent > self.budget_seconds
        self.set_class(over, "-over")
        if self.budget_seconds > 0:
            text = f"{clock(spent)} of {clock(self.budget_seconds)}"
        else:
            text = f"{clock(spent)}"
        self.update(Content(text))
