"""The session screen: runs the agenda and drives the session's `SessionEditor`.

Panels save a change through the `save` of the `PanelContext` they are made with: the screen's
`SessionSaving` (session_saving.py) hands it to the editor (saved under the file's lock,
refused, or kept and retried), shows the new session to the panel, the outline and the header,
and returns what became of the change to the panel. The screen keeps the layout, showing the
session and moving through the agenda; it delegates the current panel (session_panels.py),
the timers (session_timers.py), the room (session_room.py) and the file's re-reads and export
(session_disk.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from workshop.core import ops
from workshop.core.agenda import Activity
from workshop.core.models import Session
from workshop.store.editor import Change, SessionEditor
from workshop.store.session_file import SessionFile
from workshop.tui.panels.base import ActivityPanel
from workshop.tui.panels.context import PanelContext
from workshop.tui.panels.registry import panel_class, panel_for
from workshop.tui.room_process import RoomOptions, RoomProcess
from workshop.tui.safe_text import plain
from workshop.tui.screens.session_disk import FileRead, SessionDisk
from workshop.tui.screens.session_panels import SessionPanels
from workshop.tui.screens.session_room import RoomJoined, RoomStarted, SessionRoom
from workshop.tui.screens.session_saving import SessionSaving
from workshop.tui.screens.session_timers import SessionTimers
from workshop.tui.widgets.footer import QuietFooter
from workshop.tui.widgets.header_lines import activity_line, title_line
from workshop.tui.widgets.outline import AgendaOutline
from workshop.tui.widgets.room_line import RoomLine
from workshop.tui.widgets.static_update import update_if_changed
from workshop.tui.widgets.status import SaveStatus
from workshop.tui.widgets.timer import BigTimer, Clock, TimerLine
from workshop.tui.widgets.typing_boxes import HoldsKeys

POLL_SECONDS = 0.5
TICK_SECONDS = 0.5
NARROW_COLUMNS = 100


class FacilitatorNotes(VerticalScroll, can_focus=False):
    """The agenda's notes for the current activity (F3); scrolls with the mouse wheel when
    long, and never takes the focus from the panel."""


class SessionScreen(HoldsKeys, Screen[None]):
    """Run one session: header, outline, the current activity's panel, timer, save status."""

    AUTO_FOCUS = "#panel-area *"

    # Moving to another activity is a priority binding: it acts as the app reads the key, so
    # the keys typed after it are held for the next panel (HoldsKeys) whatever has the focus.
    # Left to bubble up from a list or a table, it ran after them: "F8 3" scored the benchmark
    # being left instead of the vote that came next.
    BINDINGS = [
        Binding("f8", "next_activity", "Next", priority=True, id="session.next_activity"),
        Binding(
            "alt+right",
            "next_activity",
            show=False,
            priority=True,
            id="session.next_activity_alt",
        ),
        Binding("f7", "previous_activity", "Prev", priority=True, id="session.previous_activity"),
        Binding(
            "alt+left",
            "previous_activity",
            show=False,
            priority=True,
            id="session.previous_activity_alt",
        ),
        Binding("ctrl+g", "jump", "Jump", priority=True, id="session.jump"),
        Binding("ctrl+t", "toggle_timer", "Timer", id="session.toggle_timer"),
        Binding("f5", "toggle_timer", "Timer", id="session.toggle_timer_f5"),
        Binding("f6", "add_minute", "+1 min", show=False, id="session.add_minute"),
        Binding("f2", "toggle_big_timer", "Big timer", show=False, id="session.big_timer"),
        Binding("f3", "toggle_notes", "Notes", show=False, id="session.toggle_notes"),
        Binding("ctrl+b", "toggle_outline", "Outline", show=False, id="session.toggle_outline"),
        Binding("ctrl+z", "undo", "Undo", show=False, id="session.undo"),
        Binding("f9", "room", "Room", show=False, id="session.room"),
        Binding("ctrl+r", "reveal", "Reveal", show=False, id="session.reveal"),
        Binding("f1", "help", "Help", id="session.help"),
        Binding("question_mark", "help", show=False, id="session.help_question"),
    ]

    def __init__(
        self,
        session_file: SessionFile,
        *,
        clock: Clock,
        wall_clock: Callable[[], datetime],
        typed_ahead: Sequence[events.Key] = (),
        room_options: RoomOptions | None = None,
    ) -> None:
        """`typed_ahead`: keys typed on the opening frame, given to the first panel in order;
        `room_options`: where F9 serves the room (default: the network, port 8000)."""
        super().__init__()
        self.room_control = SessionRoom(self, room_options or RoomOptions())
        """The room: serving this session to participants' devices (F9)."""
        self.editor = SessionEditor(session_file)
        """The session's rules: its queue of changes, saving, retry, undo, adopting."""
        self.wall_clock = wall_clock
        self.saving = SessionSaving(self)
        """Hands changes to the editor, shows the outcome, retries, undoes."""
        self.disk = SessionDisk(self)
        """Picks up another process's changes to the file; exports beside it."""
        self.panel_context = PanelContext(
            save=self.saving.save, session_path=session_file.path, wall_clock=wall_clock
        )
        """Handed to each panel as it is made."""
        self.timers = SessionTimers(self, clock, wall_clock)
        """The activities' timers (session_timers.py)."""
        self.panel: ActivityPanel | None = None
        self.drafts: dict[str, str] = {}
        """Text typed in an activity's panel but not captured, kept while away from it."""
        self.outline_choice: bool | None = None
        """The person's ctrl+b choice; None follows the terminal's width."""
        self.panels = SessionPanels(self)
        """Swaps the current activity's panel as the session moves on (session_panels.py)."""
        self.shown_activity = ""
        # Keys are held from the start until the first panel has the focus (see HoldsKeys).
        self.hold_keys(typed_ahead)

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="session-header"):
            with Horizontal(id="header-top"):
                yield Static(id="session-title")
                yield TimerLine(id="timer-line")
            yield Static(id="activity-title")
            yield Static(id="activity-prompt")
        with Horizontal(id="session-body"):
            yield AgendaOutline(id="outline")
            with Vertical(id="session-main"):
                yield BigTimer(id="big-timer")
                yield FacilitatorNotes(Static(id="notes-text"), id="facilitator-notes")
                with Vertical(id="panel-area"):
                    activity = self.current_activity
                    self.panel = panel_for(activity, self.session, self.panel_context)
                    self.shown_activity = activity.id
                    yield self.panel
        yield RoomLine(id="room-line")
        yield SaveStatus(id="save-status")
        yield QuietFooter()

    @property
    def session_file(self) -> SessionFile:
        return self.editor.session_file

    @property
    def session(self) -> Session:
        return self.editor.session

    @property
    def pending(self) -> int:
        """How many changes are waiting to be saved (after a failed save)."""
        return self.editor.pending

    @property
    def current_activity(self) -> Activity:
        session = self.session
        try:
            return session.agenda.activity(session.current_activity)
        except KeyError:
            return session.agenda.activities()[0]

    @property
    def status_line(self) -> SaveStatus:
        return self.query_one(SaveStatus)

    def on_mount(self) -> None:
        self.status_line.show_idle(f"Opened {self.session_file.path.name}")
        self._apply_outline_visibility()
        self.show_session()
        if self.panel is not None:
            self.call_after_refresh(self.panels.in_place, self.panel)
        self.set_interval(POLL_SECONDS, self.disk.poll_file, name="poll-session-file")
        self.set_interval(TICK_SECONDS, self.timers.tick, name="timer-tick")

    def on_resize(self, event: events.Resize) -> None:
        self._apply_outline_visibility()

    def _apply_outline_visibility(self) -> None:
        visible = self.outline_choice
        if visible is None:
            visible = self.app.size.width >= NARROW_COLUMNS
        # display, not a class on the screen: a screen class restyles every widget
        outline = self.query_one(AgendaOutline)
        outline.display = visible
        outline.set_class(self.app.size.width < NARROW_COLUMNS, "-narrow")

    # --- showing the session --------------------------------------------------------------

    def show_session(self) -> None:
        """Show the latest session everywhere: header, outline, panels, timer."""
        session = self.session
        activity = self.current_activity
        step = session.agenda.step_of(activity.id)
        # Only what changed is updated: each update lays the whole screen out again, and this
        # runs after every save (Enter in a brainstorm).
        update_if_changed(
            self.query_one("#session-title", Static), title_line(session.title, session.team)
        )
        activities = session.agenda.activities()
        update_if_changed(
            self.query_one("#activity-title", Static),
            activity_line(
                activities.index(activity) + 1, len(activities), step.title, activity.title
            ),
        )
        prompt = activity.prompts[0] if activity.prompts else ""
        header_prompt = self.query_one("#activity-prompt", Static)
        update_if_changed(header_prompt, plain(prompt, "italic", one_line=True))
        # A panel that shows the prompt large needs no second copy in the header.
        header_prompt.display = bool(prompt) and not panel_class(activity.kind).SHOWS_PROMPT
        self.query_one(AgendaOutline).show_session(session, self.wall_clock())
        self._show_notes(activity)
        self.panels.show(activity)
        self.timers.show()
        self.room_control.show()

    # --- saving changes -------------------------------------------------------------------

    def request_change(self, change: Change) -> None:
        """Save a change now, or after the changes already waiting for a retry."""
        self.saving.save(change)

    def show_refused(self, message: str) -> None:
        self.app.notify(message, severity="warning", markup=False)

    @on(FileRead)
    def _file_read(self, message: FileRead) -> None:
        self.disk.file_read(message)

    # --- moving through the agenda --------------------------------------------------------

    def go_to(self, activity_id: str) -> None:
        """Make an activity current; the log records when the last one ended and this began."""
        if activity_id == self.session.current_activity and self.has_open_entry(activity_id):
            self.panels.show(self.current_activity)
            return
        title = self.session.agenda.activity(activity_id).title
        self.request_change(
            Change(
                lambda draft: ops.start_activity(draft, activity_id, self.wall_clock_now()),
                f"Now: {title}",
            )
        )

    def wall_clock_now(self) -> datetime:
        return self.wall_clock().astimezone().replace(microsecond=0)

    def has_open_entry(self, activity_id: str) -> bool:
        log = self.session.log
        return bool(log) and log[-1].activity == activity_id and log[-1].ended is None

    def _step(self, offset: int) -> None:
        activities = self.session.agenda.activities()
        index = activities.index(self.current_activity) + offset
        if 0 <= index < len(activities):
            self.go_to(activities[index].id)
        else:
            self.app.notify(
                "This is the last activity." if offset > 0 else "This is the first activity.",
                markup=False,
            )

    def action_next_activity(self) -> None:
        self._step(1)

    def action_previous_activity(self) -> None:
        self._step(-1)

    @on(AgendaOutline.ActivityChosen)
    def _outline_chosen(self, message: AgendaOutline.ActivityChosen) -> None:
        self.go_to(message.activity_id)

    def action_jump(self) -> None:
        from workshop.tui.screens.jump_palette import open_jump_palette

        open_jump_palette(self)

    # --- the timer (session_timers.py) and the notes ------------------------------------

    def action_toggle_timer(self) -> None:
        self.timers.toggle()

    def action_add_minute(self) -> None:
        self.timers.add_minute()

    def _show_notes(self, activity: Activity) -> None:
        """The agenda's notes on running this activity, for the facilitator's eyes (F3)."""
        box = self.query_one("#facilitator-notes")
        if not box.has_class("-shown"):
            return
        box.border_title = "Your notes (F3 hides)"
        text = activity.notes or "The agenda has no notes for this activity."
        self.query_one("#notes-text", Static).update(plain(text))

    def action_toggle_notes(self) -> None:
        box = self.query_one("#facilitator-notes")
        box.toggle_class("-shown")
        self._show_notes(self.current_activity)

    def action_toggle_big_timer(self) -> None:
        self.timers.toggle_big_timer()

    # --- the room: participants join from their devices (session_room.py) -----------------

    @property
    def room(self) -> RoomProcess | None:
        """The room's server while participants can join (a child process), else None."""
        return self.room_control.process

    @room.setter
    def room(self, room_process: RoomProcess | None) -> None:
        self.room_control.process = room_process

    def action_room(self) -> None:
        """Open the room, or, while it is open, show how to join and offer to stop."""
        self.room_control.open()

    def action_stop_room(self) -> None:
        self.room_control.stop()

    def action_reveal(self) -> None:
        self.room_control.reveal()

    @on(RoomStarted)
    def _room_started(self, message: RoomStarted) -> None:
        self.room_control.started(message)

    @on(RoomJoined)
    def _room_joined(self, message: RoomJoined) -> None:
        self.room_control.show()

    def on_unmount(self) -> None:
        # Leaving the session (home, quit) closes its room: nothing is served unseen.
        self.room_control.stop_now()

    # --- other keys -----------------------------------------------------------------------

    def action_toggle_outline(self) -> None:
        """Show or hide the agenda beside the panel. The focus stays where the facilitator is
        typing: the agenda is read, and used with the mouse or ctrl+g. Moving the focus to it
        left nothing focused (the list was not displayed yet), and the idea typed next was lost."""
        outline = self.query_one(AgendaOutline)
        focused = self.focused
        self.outline_choice = not outline.display
        self._apply_outline_visibility()
        in_outline = focused is not None and (focused is outline or outline in focused.ancestors)
        if focused is not None and not in_outline:
            self.set_focus(focused)
        elif self.panel is not None:
            self.panels.focus(self.panel)

    def action_undo(self) -> None:
        self.saving.undo()

    def action_help(self) -> None:
        from workshop.tui.screens.dialogs.help import HelpScreen

        self.app.push_screen(HelpScreen(self.panels.help_markdown()))

    def action_export_markdown(self) -> None:
        """Write the session as markdown to `<session file stem>.md` beside the session."""
        self.disk.export_markdown()

    def action_show_folder(self) -> None:
        folder = self.session_file.path.parent
        self.app.notify(str(folder), title="Session folder", timeout=15, markup=False)

    # --- leaving --------------------------------------------------------------------------

    def uncaptured_text(self) -> str:
        """Text typed somewhere in this session but not captured yet ("" if none)."""
        current = self.panel.unsaved_text() if self.panel is not None else ""
        return next((text for text in [current, *self.drafts.values()] if text.strip()), "")

    def close_log(self) -> bool:
        """End the running activity in the log before leaving; False if a save is failing."""
        waiting = self.panel.take_waiting_changes() if self.panel is not None else []
        return self.saving.close_log(waiting, self.wall_clock_now())
