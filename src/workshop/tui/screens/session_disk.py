"""The session screen's work on its file off the UI thread: another process's changes (the
file is polled, re-read in a thread, adopted by the editor) and the markdown export beside it.

A plain object the session screen holds; the re-read's thread posts `FileRead` to the screen.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from workshop.core.errors import WorkshopError
from workshop.core.models import Session
from workshop.store.session_file import ReadSession
from workshop.tui.sharing import screen_first

if TYPE_CHECKING:
    from workshop.tui.screens.session import SessionScreen


class FileRead(Message):
    """A re-read of the session file ended: what another process saved, or why not."""

    def __init__(self, read: ReadSession | None, error: str = "") -> None:
        super().__init__()
        self.read = read
        self.error = error


class SessionDisk:
    """Picks up another process's changes to the session file; exports beside it."""

    def __init__(self, screen: SessionScreen) -> None:
        self.screen = screen
        self.editor = screen.editor
        self.rereading = False
        """A re-read of the file changed by another process is under way (one at a time)."""

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
            self.screen.status_line.show_idle(f"Cannot re-read the session file: {message.error}")
        elif message.read is not None and self.editor.adopt(message.read):
            self.screen.show_session()
