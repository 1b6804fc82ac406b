"""The session screen: runs the agenda and drives the session's `SessionEditor`.

Panels post `ChangeRequested`; this screen queues it in the editor, which saves it under the
file's lock (on disk before the screen says "saved") and keeps what failed to save for the
retries this screen schedules. The screen shows each outcome and the new session to the
panel, the outline and the header. Another process's changes are picked up by polling.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from workshop.core import ops
from workshop.core.agenda import Activity
from workshop.core.errors import WorkshopError
from workshop.core.models import Session
from workshop.store.editor import Change, SessionEditor
from workshop.store.session_file import SessionFile
from workshop.tui.messages import ChangeRequested
from workshop.tui.panels.base import ActivityPanel
from workshop.tui.panels.context import PanelContext
from workshop.tui.panels.registry import panel_class, panel_for
from workshop.tui.room_process import RoomOptions, RoomProcess
from workshop.tui.safe_text import plain
from workshop.tui.screens.session_room import RoomJoined, RoomStarted, SessionRoom
from workshop.tui.screens.session_saving import FileRead, SessionSaving
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
ARRIVE_SECONDS = 2.0
"""At most this long for the keys queued for a panel's box to arrive before the panel goes."""


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
        self.panel_context = PanelContext(session_file.path, wall_clock)
        """Handed to each panel as it is made."""
        self.timers = SessionTimers(self, clock, wall_clock)
        """The activities' timers (session_timers.py)."""
        self.panel: ActivityPanel | None = None
        self.drafts: dict[str, str] = {}
        """Text typed in an activity's panel but not captured, kept while away from it."""
        self.outline_choice: bool | None = None
        """The person's ctrl+b choice; None follows the terminal's width."""
        self.saving = SessionSaving(self)
        """Hands changes to the editor, shows the outcome, retries, undoes, polls the file."""
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

    def on_mount(self) -> None:
        self.query_one(SaveStatus).show_idle(f"Opened {self.session_file.path.name}")
        self._apply_outline_visibility()
        self.show_session()
        if self.panel is not None:
            self.call_after_refresh(self._panel_in_place, self.panel)
        self.set_interval(POLL_SECONDS, self.saving.poll_file, name="poll-session-file")
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
        self._show_panel(activity)
        self.timers.show()
        self.room_control.show()

    def _show_panel(self, activity: Activity) -> None:
        """Show the session in the current panel, or swap in the panel for a new activity.

        Only the current activity's panel is mounted: hidden panels would still be restyled
        on every focus change, which made moving between activities several times slower.
        """
        if self.panel is not None and self.shown_activity == activity.id:
            if self.panel.session is not self.session:
                self.panel.show_session(self.session)
            return
        self.shown_activity = activity.id
        self.query_one(AgendaOutline).highlight_activity(activity.id)
        # What is typed from now until the new panel has the focus belongs to it (F8, then the
        # first idea of the next brainstorm), not to the panel on its way out.
        self.hold_keys()
        self.call_later(self._swap_panel, activity.id)

    async def _swap_panel(self, activity_id: str) -> None:
        if activity_id != self.shown_activity:
            return  # moved on again before this swap ran
        area = self.query_one("#panel-area")
        if self.panel is not None:
            old, self.panel = self.panel, None
            await self._typed_keys_arrive(old)
            old.save_typed()
            # Half-typed text is kept for when the facilitator comes back to this activity.
            self.drafts[old.activity.id] = old.draft_to_keep()
            await old.remove()
        activity = self.session.agenda.activity(activity_id)
        panel = panel_for(activity, self.session, self.panel_context)
        self.panel = panel
        await area.mount(panel)
        draft = self.drafts.pop(activity_id, "")
        if draft:
            panel.restore_draft(draft)
        self.call_after_refresh(self._panel_in_place, panel)

    async def _typed_keys_arrive(self, panel: ActivityPanel) -> None:
        """Let the keys typed before the move, still queued for the panel's box, reach it
        before the panel goes: "an idea⏎F8" keeps the idea in the activity it was typed in,
        and half-typed words are kept as its draft (a removed box drops what it had queued)."""
        focused = self.focused
        if focused is None or (focused is not panel and panel not in focused.ancestors):
            return
        arrived = asyncio.Event()
        # A callback queued behind those keys: it runs once the box has handled them.
        if focused.call_later(arrived.set):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(arrived.wait(), ARRIVE_SECONDS)

    async def _panel_in_place(self, panel: ActivityPanel) -> None:
        if panel is not self.panel:
            return  # moved on again: the next panel takes the keys held meanwhile
        self._focus_panel(panel)
        await self.give_held_keys()

    def _focus_panel(self, panel: ActivityPanel) -> None:
        """Focus the panel's first focusable widget now (Widget.focus waits for a later turn,
        and the keys held meanwhile are given to whatever has the focus right after this)."""
        focused = self.focused
        if focused is not None and (focused is panel or panel in focused.ancestors):
            return
        # The focus chain leaves out what is not displayed: the first focusable widget of a
        # brainstorm is its hidden author box, which took the keys typed on the opening frame.
        target = next((widget for widget in self.focus_chain if panel in widget.ancestors), None)
        if target is None and panel.focusable:
            target = panel
        if target is not None:
            self.set_focus(target)

    # --- saving changes -------------------------------------------------------------------

    @on(ChangeRequested)
    def _change_requested(self, message: ChangeRequested) -> None:
        message.stop()
        saving = self.saving
        saving.request(
            saving.change_from(
                message.edit, message.description, message.on_saved, message.make_undo
            )
        )

    def request_change(self, change: Change) -> None:
        """Save a change now, or after the changes already waiting for a retry."""
        self.saving.request(change)

    @on(FileRead)
    def _file_read(self, message: FileRead) -> None:
        self.saving.file_read(message)

    # --- moving through the agenda --------------------------------------------------------

    def go_to(self, activity_id: str) -> None:
        """Make an activity current; the log records when the last one ended and this began."""
        if activity_id == self.session.current_activity and self.has_open_entry(activity_id):
            self._show_panel(self.current_activity)
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
        self.outline_choice = not self.query_one(AgendaOutline).display
        self._apply_outline_visibility()
        if self.outline_choice:
            self.query_one(AgendaOutline).option_list.focus()
        else:
            if self.panel is not None:
                self._focus_panel(self.panel)

    def action_undo(self) -> None:
        self.saving.undo()

    def help_markdown(self) -> str:
        """The help of the focused part (panel, outline, timer), then the screen's keys."""
        from workshop.tui.screens.dialogs.help import SESSION_KEYS

        node: Widget | None = self.focused
        while node is not None and not isinstance(node, Screen):
            text = getattr(type(node), "HELP", None)
            if isinstance(text, str) and text:
                return f"{text}\n\n{SESSION_KEYS}"
            node = node.parent if isinstance(node.parent, Widget) else None
        if self.panel is not None:
            return f"{self.panel.HELP}\n\n{SESSION_KEYS}"
        return SESSION_KEYS

    def action_help(self) -> None:
        from workshop.tui.screens.dialogs.help import HelpScreen

        self.app.push_screen(HelpScreen(self.help_markdown()))

    def action_export_markdown(self) -> None:
        """Write the session as markdown to `<session file stem>.md` beside the session."""
        self._export_markdown(self.session_file.path, self.session)

    @work(thread=True, exclusive=True, group="export-markdown")
    def _export_markdown(self, session_path: Path, session: Session) -> None:
        # Reads the team's earlier sessions for the benchmark's "previous" column: a thread.
        from workshop.export.beside import export_markdown_beside

        try:
            target = export_markdown_beside(session_path, session)
        except (WorkshopError, OSError) as error:
            self.app.call_from_thread(
                self.app.notify, f"Export failed: {error}", severity="error", markup=False
            )
            return
        self.app.call_from_thread(self.app.notify, f"Exported to {target}", markup=False)

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
        return self.saving.close_log()
