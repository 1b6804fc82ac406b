"""A per-item timer for the debate: time spent on the current item against its share."""

from __future__ import annotations

from time import monotonic

from textual.content import Content
from textual.widgets import Static


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

    def __init__(self, budget_seconds: float, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.budget_seconds = budget_seconds
        self._spent: dict[str, float] = {}
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
        self._bank()
        self._item = item
        self._show()

    def restart(self) -> None:
        """Count the current item from zero again."""
        self._spent[self._item] = 0.0
        self._since = monotonic()
        self._show()

    def _bank(self) -> None:
        now = monotonic()
        if self._since is not None:
            self._spent[self._item] = self._spent.get(self._item, 0.0) + now - self._since
        self._since = now

    def _show(self) -> None:
        spent = self.elapsed()
        over = self.budget_seconds > 0 and spent > self.budget_seconds
        self.set_class(over, "-over")
        if self.budget_seconds > 0:
            text = f"{clock(spent)} of {clock(self.budget_seconds)}"
        else:
            text = f"{clock(spent)}"
        self.update(Content(text))
