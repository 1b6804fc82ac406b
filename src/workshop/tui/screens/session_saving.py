"""Saving a live session in the terminal: the front end's side of its `SessionEditor`.

Changes go to the editor, which saves them under the file's lock (on disk before anything
says "saved") and keeps what failed for the retries scheduled here. Each outcome is shown
(the status line, the new session); ctrl+z undoes. Panels save through `save`, handed to them
in their `PanelContext`, and act on what it returns.

`SessionSaving` needs no screen, only a `SavingHost`: the session screen is one, and so is
the test app that runs a single panel over the same editor and the same save path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, Literal, Protocol

from textual.timer import Timer

from workshop.core import ops
from workshop.store.editor import Change, Outcome, Rejected, Saved, SessionEditor, Undo
from workshop.tui.safe_text import clean

RETRY_SECONDS = 2.0


class StatusLine(Protocol):
    """Where the host says how saving goes (the session screen's `SaveStatus`)."""

    def show_idle(self, text: str) -> None: ...

    def show_saved(self, clock_text: str, what: str = "", *, undoable: bool = False) -> None: ...

    def show_error(self, problem: str, waiting: int, retry_seconds: float) -> None: ...


class SavingHost(Protocol):
    """What `SessionSaving` needs from the front end that shows the session."""

    @property
    def editor(self) -> SessionEditor: ...

    @property
    def shown_activity(self) -> str:
        """The id of the activity shown now: an undo step made here says it belongs there."""
        ...

    @property
    def status_line(self) -> StatusLine: ...

    @property
    def is_running(self) -> bool:
        """False once the host is closing (a panel may still save what it holds as it goes)."""
        ...

    def wall_clock(self) -> datetime: ...

    def show_session(self) -> None:
        """Show the editor's session everywhere (it has just changed)."""

    def show_refused(self, message: str) -> None:
        """Say that the session's rules refused a change, and why."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Literal["information", "warning", "error"] = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def set_interval(
        self, interval: float, callback: Callable[[], Any], *, name: str | None = None
    ) -> Timer: ...


class SessionSaving:
    """Hands changes to the editor and shows what became of them."""

    def __init__(self, host: SavingHost) -> None:
        self.host = host
        self.editor = host.editor
        self._retry_timer: Timer | None = None
        self._undo_across: Undo | None = None
        """The undo of another activity's change that ctrl+z has warned about once."""

    def save(self, change: Change) -> Saved | Rejected | None:
        """Save a change now, or after the changes already waiting for a retry, and show the
        outcome. What became of it: saved, refused, or None (kept for a retry)."""
        placed = self._placed(change)
        outcome = self.editor.request(placed)
        if self.host.is_running:  # a closing host has nothing left to show it on
            self.show_outcome(outcome)
        result = outcome.result_of(placed)
        return None if result is None else replace(result, change=change)

    def _placed(self, change: Change) -> Change:
        """The change with its undo step belonging to the activity shown now (where ctrl+z
        will say it reaches), unless the step says where itself."""
        make_undo = change.make_undo
        if make_undo is None:
            return change
        activity = self.host.shown_activity

        def undo_here(result: Any) -> Undo:
            step = make_undo(result)
            return step if step.where else replace(step, where=activity)

        return replace(change, make_undo=undo_here)

    def _retry(self) -> None:
        self.show_outcome(self.editor.retry())

    def show_outcome(self, outcome: Outcome) -> None:
        """Say what became of the changes tried: refused, saved, or kept for a retry."""
        host = self.host
        for rejected in outcome.rejected:
            host.show_refused(rejected.message)
        if outcome.failure:
            host.status_line.show_error(outcome.failure, outcome.pending, RETRY_SECONDS)
            if self._retry_timer is None:
                self._retry_timer = host.set_interval(
                    RETRY_SECONDS, self._retry, name="retry-save"
                )
            return
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None
        if not outcome.saved:
            return
        if any(saved.change.make_undo is not None for saved in outcome.saved):
            self._undo_across = None
        # Every change names itself; one that can be undone says how, so a single letter
        # typed by mistake (d, h, a digit) is seen and can be taken back.
        last = outcome.saved[-1].change
        host.status_line.show_saved(
            host.wall_clock().strftime("%H:%M:%S"),
            last.description,
            undoable=last.make_undo is not None,
        )
        host.show_session()

    def undo(self) -> None:
        """Undo the last change, naming it and where it was made; a change made in another
        activity is undone only on a second ctrl+z, after saying so."""
        host = self.host
        step = self.editor.next_undo
        if step is None:
            host.notify("Nothing to undo.", markup=False)
            return
        where = self._activity_title(step.where)
        elsewhere = bool(step.where) and step.where != host.shown_activity
        if elsewhere and self._undo_across is not step:
            self._undo_across = step
            host.notify(
                clean(
                    f"The last change was made in {where}: {step.label}. "
                    "Press ctrl+z again to undo it there.",
                    one_line=True,
                ),
                title="Undo in another activity",
                severity="warning",
                markup=False,
            )
            return
        self._undo_across = None
        label = f"Undo: {step.label} in {where}" if where else f"Undo: {step.label}"
        outcome = self.editor.undo(description=label)
        if outcome is None:
            return
        self.show_outcome(outcome)
        if outcome.saved:
            host.notify(clean(label, one_line=True), title="Undone", markup=False)

    def _activity_title(self, activity_id: str) -> str:
        try:
            return self.editor.session.agenda.activity(activity_id).title
        except KeyError:
            return ""

    def close_log(self, waiting: Sequence[Change], ended_at: datetime) -> bool:
        """Save the changes a panel still holds, then end the running activity in the log
        before leaving; False if a save is failing (the change is kept and retried)."""
        # Asked for in the same burst of keys as the quit: saved now, before the log.
        for change in waiting:
            self.save(change)
        if self.editor.pending:
            return False
        if any(entry.ended is None for entry in self.editor.session.log):
            outcome = self.editor.request(
                Change(lambda draft: ops.end_activity(draft, ended_at), "Log closed")
            )
            if outcome.failure:
                self.show_outcome(outcome)  # kept and retried, like any change
                return False
        return True
