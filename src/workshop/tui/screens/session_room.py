"""The room on the session screen: participants join from their devices (F9), the room's line,
the join box with its QR code, stopping, and revealing results on the projector (ctrl+r).

A plain object the session screen holds and delegates its room keys to; the server itself is
a child process (`RoomProcess`). Its threads post messages to the screen, which hands them here.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.message import Message

from workshop.core import ops
from workshop.store.editor import Change
from workshop.tui.room_process import RoomAddresses, RoomError, RoomOptions, RoomProcess
from workshop.tui.safe_text import clean
from workshop.tui.widgets.room_line import RoomLine, room_counts
from workshop.tui.widgets.status import SaveStatus

if TYPE_CHECKING:
    from workshop.tui.screens.session import SessionScreen


class RoomStarted(Message):
    """The room's server listens (addresses), or could not start (error)."""

    def __init__(
        self, room_process: RoomProcess, addresses: RoomAddresses | None, error: str = ""
    ) -> None:
        super().__init__()
        self.room_process = room_process
        self.addresses = addresses
        self.error = error


class RoomJoined(Message):
    """One more participant has joined (how many in all, in this run of the server)."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count


class SessionRoom:
    """Serves the screen's session to participants' devices while the facilitator wants it."""

    def __init__(self, screen: SessionScreen, options: RoomOptions) -> None:
        self.screen = screen
        self.options = options
        self.process: RoomProcess | None = None
        """The room's server while participants can join (a child process), else None."""

    def open(self) -> None:
        """Open the room (serve this session to participants' devices), or, while it is open,
        show how to join (with a QR code) and offer to stop."""
        room_process = self.process
        if room_process is not None and room_process.running and room_process.addresses is not None:
            self._show_join_info(room_process.addresses)
            return
        if self.process is not None:
            return  # starting: its address comes shortly
        self.process = RoomProcess(
            self.screen.session_file.path,
            lan=self.options.lan,
            port=self.options.port,
            on_joined=self._report_joined,
        )
        self.screen.query_one(SaveStatus).show_idle("Opening the room…")
        self.screen.run_worker(partial(self._start, self.process), thread=True, group="room")

    def _report_joined(self, count: int) -> None:
        """Called from the room's reader thread; post_message is thread-safe."""
        self.screen.post_message(RoomJoined(count))

    def _start(self, room_process: RoomProcess) -> None:
        """In a thread: start the server and say how it went."""
        try:
            addresses = room_process.start()
        except (RoomError, OSError) as error:
            self.screen.post_message(RoomStarted(room_process, None, str(error)))
        else:
            self.screen.post_message(RoomStarted(room_process, addresses))

    def started(self, message: RoomStarted) -> None:
        """The server listens, or could not start: say so."""
        if message.room_process is not self.process:
            message.room_process.stop()  # stopped while it was starting
            return
        status = self.screen.query_one(SaveStatus)
        if message.addresses is None:
            self.process = None
            status.show_idle("The room is not open.")
            self.screen.app.notify(
                clean(message.error, one_line=True),
                title="Cannot open the room",
                severity="error",
                markup=False,
            )
            return
        status.show_idle(f"Room open at {message.addresses.participants}")
        self.show()
        self._show_join_info(message.addresses)

    def show(self) -> None:
        """The room's line: where to join and how many took part, or hidden while closed."""
        line = self.screen.query_one(RoomLine)
        room_process = self.process
        if room_process is None or room_process.addresses is None:
            line.remove_class("-open")
            return
        counts = room_counts(self.screen.session, self.screen.current_activity, room_process.joined)
        line.show_room(room_process.addresses, counts)
        line.add_class("-open")

    def _show_join_info(self, addresses: RoomAddresses) -> None:
        from workshop.tui.screens.dialogs.room import RoomScreen

        def closed(stop: bool | None) -> None:
            if stop:
                self.stop()

        self.screen.app.push_screen(RoomScreen(addresses), closed)

    def stop(self) -> None:
        """Stop serving: phones can no longer send (what they sent is in the file)."""
        room_process, self.process = self.process, None
        if room_process is None:
            self.screen.app.notify("The room is not open.", markup=False)
            return
        self.screen.run_worker(room_process.stop, thread=True, group="room-stop")
        self.show()
        self.screen.query_one(SaveStatus).show_idle(
            "The room is closed: phones can no longer send."
        )

    def stop_now(self) -> None:
        """Stop serving as the screen goes (home, quit): nothing is served unseen."""
        if self.process is not None:
            self.process.stop()
            self.process = None

    def reveal(self) -> None:
        """Show the current activity's results on the projector page, or hide them again."""
        activity = self.screen.current_activity
        reveal = activity.id not in self.screen.session.revealed
        title = activity.title
        self.screen.request_change(
            Change(
                lambda draft: ops.set_revealed(draft, activity.id, reveal),
                f"Results of {title} {'shown on' if reveal else 'hidden from'} the projector",
            )
        )
