"""The rules of a live session, for any front end: the screen, a web server, a script.

A `SessionEditor` owns one `SessionFile` and the changes waiting to be saved to it:

- `request(change)` queues a change and saves it (with any queued before it) under the file's
  lock. A change the session's rules refuse (`RuleError`, `ValueError`) is rejected alone, with
  its message; the ones after it are still saved. A change that cannot be made durable (a full
  disk, a read-only folder, a lock held too long: `OSError`, `WorkshopError`) stays queued, with
  every change after it, until `retry()` saves them. Nothing is lost and the order is kept.
- `request_many(changes)` does the same for several changes in ONE locked write (group commit):
  a web server's burst of submissions costs one fsync, and each is still accepted or rejected
  on its own.
- `undo()` takes back the last change that gave an undo step, newest first; each step has a
  label that says what it takes back and where.
- `changed_on_disk()`, `read_if_changed()` and `adopt(read)` pick up what another process
  saved (`workshop idea add`, another front end); nothing is adopted while changes are queued
  (a retry reloads the file under the lock anyway).

The editor has no timers and no threads: the front end calls `retry()` while `pending` is not
zero (every couple of seconds) and polls `changed_on_disk()` (a Textual interval, an asyncio
task). It is meant for one thread at a time: call everything from the same thread (or from one
at a time, serialised by the front end), except `read_if_changed`, which only reads the file and
may run in a worker thread while the owning thread goes on. Nothing here imports Textual or a
web framework.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workshop.core.errors import RuleError, WorkshopError
from workshop.core.models import Session
from workshop.store.session_file import ReadSession, SessionFile

UNDO_DEPTH = 200
"""How many undo steps are kept; the oldest go first."""


@dataclass(frozen=True)
class Undo:
    """How to take a change back: an edit of the session, and a label naming what and where
    ("Idea i4 added in 'What bugs our customers'"), shown when it is undone."""

    edit: Callable[[Session], Any]
    label: str
    where: str = ""
    """Where the change was made, for a front end to say so (the screen: an activity's id)."""


@dataclass(eq=False)
class Change:
    """A change to a session, waiting to be saved.

    `edit` receives a draft of the latest session on disk and may return a value (the
    `Saved.result` of the outcome); `make_undo(value)` builds the undo step pushed when it is
    saved, if the change can be undone. Compared by identity: the same words sent twice are
    two changes.
    """

    edit: Callable[[Session], Any]
    description: str
    make_undo: Callable[[Any], Undo] | None = None


@dataclass(frozen=True)
class Saved:
    change: Change
    result: Any


@dataclass(frozen=True)
class Rejected:
    change: Change
    message: str
    error: Exception | None = None
    """What the rules raised (a front end may tell kinds of refusal apart)."""


@dataclass
class Outcome:
    """What became of the changes a call tried to save, for the front end to show."""

    saved: list[Saved] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    failure: str = ""
    """Why the save failed ("" if it did not); the changes left are in `pending`."""
    pending: int = 0
    """How many changes are still waiting to be saved (a retry will try them)."""

    @property
    def saved_descriptions(self) -> list[str]:
        return [saved.change.description for saved in self.saved]

    @property
    def rejected_messages(self) -> list[str]:
        return [rejected.message for rejected in self.rejected]

    def result_of(self, change: Change) -> Saved | Rejected | None:
        """What happened to one change: saved, rejected, or None (still pending, or not tried)."""
        outcomes: list[Saved | Rejected] = [*self.saved, *self.rejected]
        return next((outcome for outcome in outcomes if outcome.change is change), None)


class _NothingToSave(Exception):
    """Every change of a group was rejected: leave the file as it is."""


class SessionEditor:
    """One session's pending changes, saved in order with retry, undo and adopting."""

    def __init__(self, session_file: SessionFile, *, undo_depth: int = UNDO_DEPTH) -> None:
        self.session_file = session_file
        self._pending: deque[Change] = deque()
        self._undo_stack: list[Undo] = []
        self._undo_depth = undo_depth
        self.last_failure = ""
        """The message of the last failed save, until a save succeeds."""

    @classmethod
    def open(cls, path: Path | str) -> SessionEditor:
        """An editor on an existing session file (InvalidFileError if it does not load)."""
        return cls(SessionFile.open(path))

    @property
    def session(self) -> Session:
        """The session as last saved or adopted (without the changes still pending)."""
        return self.session_file.session

    @property
    def path(self) -> Path:
        return self.session_file.path

    @property
    def pending(self) -> int:
        """How many changes are waiting to be saved."""
        return len(self._pending)

    @property
    def pending_changes(self) -> list[Change]:
        return list(self._pending)

    # --- saving -----------------------------------------------------------------------------

    def request(self, change: Change) -> Outcome:
        """Save a change now or, if earlier changes are waiting for a retry, queue it after
        them (it is saved by the next `retry()`, in order)."""
        return self.request_many([change])

    def request_many(self, changes: Iterable[Change]) -> Outcome:
        """Queue several changes and save them in one locked write, each accepted or rejected
        on its own. While earlier changes wait for a retry, these wait behind them."""
        waiting_before = bool(self._pending)
        self._pending.extend(changes)
        if not self._pending:
            return Outcome()  # nothing to save: no lock taken, nothing written
        if waiting_before:
            return Outcome(failure=self.last_failure, pending=len(self._pending))
        return self._save_pending()

    def retry(self) -> Outcome:
        """Try again to save every change waiting (one locked write for all of them)."""
        if not self._pending:
            return Outcome()
        return self._save_pending()

    def _save_pending(self) -> Outcome:
        batch = list(self._pending)
        accepted: list[tuple[Change, Any]] = []
        rejected: list[Rejected] = []
        crashed: list[Change] = []

        def apply_all(draft: Session) -> None:
            accepted.clear()
            rejected.clear()
            current = draft
            for change in batch:
                trial = current.draft()  # a rejected change leaves no half of itself behind
                try:
                    result = change.edit(trial)
                except (RuleError, ValueError) as error:
                    rejected.append(Rejected(change, str(error) or error.__class__.__name__, error))
                    continue
                except Exception:
                    crashed.append(change)
                    raise
                accepted.append((change, result))
                current = trial
            if not accepted:
                raise _NothingToSave
            if current is not draft:
                for name in Session.model_fields:
                    setattr(draft, name, getattr(current, name))

        try:
            self.session_file.change(apply_all)
        except _NothingToSave:
            pass
        except (WorkshopError, OSError) as error:
            # Not durable: everything in the batch stays queued, in order, for `retry`.
            self.last_failure = str(error) or error.__class__.__name__
            return Outcome(failure=self.last_failure, pending=len(self._pending))
        except Exception:
            # A bug in an edit: drop that change (retrying it would fail again) and let the
            # error through; the others of the batch stay queued.
            for change in crashed:
                self._pending.remove(change)
            raise
        for _ in batch:
            self._pending.popleft()
        self.last_failure = ""
        outcome = Outcome(
            saved=[Saved(change, result) for change, result in accepted],
            rejected=list(rejected),
            pending=len(self._pending),
        )
        for change, result in accepted:
            if change.make_undo is not None:
                self._undo_stack.append(change.make_undo(result))
        del self._undo_stack[: max(0, len(self._undo_stack) - self._undo_depth)]
        return outcome

    # --- undo -------------------------------------------------------------------------------

    @property
    def undo_labels(self) -> list[str]:
        """The labels of the undo steps, newest first."""
        return [undo.label for undo in reversed(self._undo_stack)]

    @property
    def next_undo(self) -> Undo | None:
        """The step `undo()` would take back now (None if there is none)."""
        return self._undo_stack[-1] if self._undo_stack else None

    def undo(self, *, description: str | None = None) -> Outcome | None:
        """Take back the newest change that has an undo step (None if there is none).

        The undo is itself a change: saved like any other, described by `description` or
        else by the step's label.
        """
        if not self._undo_stack:
            return None
        step = self._undo_stack.pop()
        return self.request(Change(step.edit, description or step.label))

    # --- what other processes saved ---------------------------------------------------------

    def changed_on_disk(self) -> bool:
        """Whether another process saved the file since this editor read or wrote it, and
        there is nothing pending (a pending change will reload it under the lock anyway)."""
        return not self._pending and self.session_file.changed_on_disk()

    def read_if_changed(self) -> ReadSession | None:
        """Read and parse the file if it changed; touches nothing of the editor, so it may
        run in a worker thread. Raises InvalidFileError if the file no longer loads."""
        return self.session_file.read_if_changed()

    def adopt(self, read: ReadSession) -> bool:
        """Take on what `read_if_changed` read, unless changes are pending or the file has
        moved on since. True if the session changed."""
        if self._pending:
            return False
        return self.session_file.adopt(read)

    def refresh(self) -> bool:
        """Read and adopt another process's change now, on this thread. True if adopted."""
        if not self.changed_on_disk():
            return False
        read = self.read_if_changed()
        return read is not None and self.adopt(read)
