"""Saving from the session screen: the screen's side of its `SessionEditor`.

Changes go to the editor, which saves them under the file's lock (on disk before the screen
says "saved") and keeps what failed for the retries scheduled here. Each outcome is shown on
the status line; ctrl+z undoes; another process's changes are picked up by polling the file.
The markdown export beside the session file is written from here too, in a thread.
A plain object the session screen holds; the re-read's thread posts `FileRead` to the screen.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.css.query import NoMatches
from textual.message import Message
from textual.timer import Timer

from workshop.core import ops
from workshop.core.errors import WorkshopError
from workshop.core.models import Session
from workshop.store.editor import Change, Outcome
from workshop.store.editor import Undo as UndoStep
from workshop.store.session_file import ReadSession
from workshop.tui.messages import Undo
from workshop.tui.safe_text import clean
from workshop.tui.sharing import screen_first
from workshop.tui.widgets.status import SaveStatus

if TYPE_CHECKING:
    from workshop.tui.screens.session import SessionScreen

RETRY_SECONDS = 2.0


class FileRead(Message):
    """A re-read of the session file ended: what another process saved, or why not."""

    def __init__(self, read: ReadSession | None, error: str = "") -> None:
        super().__init__()
        self.read = read
        self.error = error


class SessionSaving:
    """Hands the screen's changes to the editor and shows what became of them."""

    def __init__(self, screen: SessionScreen) -> None:
        self.screen = screen
        self.editor = screen.editor
        self._retry_timer: Timer | None = None
        self._undo_across: UndoStep | None = None
        """The undo of another activity's change that ctrl+z has warned about once."""
        self.rereading = False
        """A re-read of the file changed by another process is under way (one at a time)."""

    def change_from(
        self,
        edit: Callable[[Session], Any],
        description: str,
        on_saved: Callable[[Any], None] | None = None,
        make_undo: Callable[[Any], Undo] | None = None,
    ) -> Change:
        """The editor's change for a panel's request; its undo step belongs to the activity
        shown now (where ctrl+z will say it reaches)."""
        activity = self.screen.shown_activity
        undo_step: Callable[[Any], UndoStep] | None = None
        if make_undo is not None:
            make = make_undo

            def undo_step(result: Any) -> UndoStep:
                undo = make(result)
                return UndoStep(undo.edit, undo.description, where=undo.activity or activity)

        return Change(edit, description, on_saved=_if_still_shown(on_saved), make_undo=undo_step)

    def request(self, change: Change) -> None:
        """Save a change now, or after the changes already waiting for a retry."""
        self.show_outcome(self.editor.request(change))

    def _retry(self) -> None:
        self.show_outcome(self.editor.retry())

    def show_outcome(self, outcome: Outcome) -> None:
        """Say what became of the changes tried: refused, saved, or kept for a retry."""
        screen = self.screen
        for rejected in outcome.rejected:
            screen.app.notify(rejected.message, severity="warning", markup=False)
        status = screen.query_one(SaveStatus)
        if outcome.failure:
            status.show_error(outcome.failure, outcome.pending, RETRY_SECONDS)
            if self._retry_timer is None:
                self._retry_timer = screen.set_interval(
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
        status.show_saved(
            screen.wall_clock().strftime("%H:%M:%S"),
            last.description,
            undoable=last.make_undo is not None,
        )
        screen.show_session()

    def undo(self) -> None:
        """Undo the last change, naming it and where it was made; a change made in another
        activity is undone only on a second ctrl+z, after saying so."""
        app = self.screen.app
        step = self.editor.next_undo
        if step is None:
            app.notify("Nothing to undo.", markup=False)
            return
        where = self._activity_title(step.where)
        elsewhere = bool(step.where) and step.where != self.screen.shown_activity
        if elsewhere and self._undo_across is not step:
            self._undo_across = step
            app.notify(
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

        def done(_: object) -> None:
            app.notify(clean(label, one_line=True), title="Undone", markup=False)

        outcome = self.editor.undo(on_saved=done, description=label)
        if outcome is not None:
            self.show_outcome(outcome)

    def _activity_title(self, activity_id: str) -> str:
        try:
            return self.screen.session.agenda.activity(activity_id).title
        except KeyError:
            return ""

    def close_log(self) -> bool:
        """End the running activity in the log before leaving; False if a save is failing."""
        panel = self.screen.panel
        if panel is not None:
            # Asked for in the same burst of keys as the quit: saved now, before the log.
            for waiting in panel.take_waiting_changes():
                self.request(
                    self.change_from(
                        waiting.edit, waiting.description, waiting.on_saved, waiting.make_undo
                    )
                )
        if self.editor.pending:
            return False
        if any(entry.ended is None for entry in self.screen.session.log):
            screen = self.screen
            outcome = self.editor.request(
                Change(lambda draft: ops.end_activity(draft, screen.wall_clock_now()), "Log closed")
            )
            if outcome.failure:
                self.show_outcome(outcome)  # kept and retried, like any change
                return False
        return True

    def export_markdown(self) -> None:
        """Write the session as markdown to `<session file stem>.md` beside the session."""
        screen = self.screen
        work = partial(self._export_markdown, screen.session_file.path, screen.session)
        screen.run_worker(work, thread=True, exclusive=True, group="export-markdown")

    def _export_markdown(self, session_path: Path, session: Session) -> None:
        # Reads the team's earlier sessions for the benchmark's "previous" column: a thread.
        from workshop.export.beside import export_markdown_beside

        app = self.screen.app
        try:
            target = export_markdown_beside(session_path, session)
        except (WorkshopError, OSError) as error:
            app.call_from_thread(
                app.notify, f"Export failed: {error}", severity="error", markup=False
            )
            return
        app.call_from_thread(app.notify, f"Exported to {target}", markup=False)

    # --- another process's changes ----------------------------------------------------------

    def poll_file(self) -> None:
        """Look for another process's change (`workshop idea add` in another terminal)."""
        # A stat here is cheap; a worker is started only to read a file that changed, and
        # only one at a time: a thread cannot be cancelled, and re-reads started every poll
        # while a slow one ran piled up and starved the keys. A pending retry reloads the
        # file under the lock anyway.
        if self.rereading:
            return
        if self.editor.changed_on_disk():
            self.rereading = True
            self.screen.run_worker(self._read_changed_file, thread=True, group="read-session-file")

    def _read_changed_file(self) -> None:
        # In a thread. Only what changed is parsed (parse_session_reusing); adopted on the UI
        # thread.
        try:
            with screen_first():  # the keys typed meanwhile get the interpreter back sooner
                read = self.editor.read_if_changed()
        except Exception as error:  # noqa: BLE001 - shown on the status line, never a crash
            self.screen.post_message(FileRead(None, str(error) or error.__class__.__name__))
        else:
            self.screen.post_message(FileRead(read))

    def file_read(self, message: FileRead) -> None:
        """Adopt what the re-read found, or say why it failed."""
        self.rereading = False
        if message.error:
            self.screen.query_one(SaveStatus).show_idle(
                f"Cannot re-read the session file: {message.error}"
            )
        elif message.read is not None and self.editor.adopt(message.read):
            self.screen.show_session()


def _if_still_shown(on_saved: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
    """A panel's `on_saved`, which does nothing if the panel has gone since (the change was
    saved by a retry after the facilitator moved on: the panel shown next reads the session)."""
    if on_saved is None:
        return None
    callback = on_saved

    def guarded(result: Any) -> None:
        with contextlib.suppress(NoMatches):
            callback(result)

    return guarded
