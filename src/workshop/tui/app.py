"""The Textual app: wiring only. Screens own the state; see screens/ and widgets/.

A session opens in two frames: `OpeningScreen` paints what the file holds, then the file is
checked and the session screen takes its place. Nothing imported here at the top loads the
models (pydantic): the first frame comes up in about the time a bare Textual app takes.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import App
from textual.binding import Binding
from textual.command import CommandPalette, Provider
from textual.content import Content
from textual.message_pump import MessagePump
from textual.screen import Screen

from workshop.core.clock import now
from workshop.core.errors import WorkshopError
from workshop.store.settings import Settings, load_settings, save_settings
from workshop.store.toml_read import TomlFile, read_toml_file
from workshop.tui.safe_text import SafeNotifications, clean
from workshop.tui.screens.opening import OpeningScreen
from workshop.tui.widgets.typing_boxes import HoldsKeys, key_in_hand

if TYPE_CHECKING:
    from workshop.tui.room_process import RoomOptions
    from workshop.tui.screens.home import HomeScreen
    from workshop.tui.screens.session import SessionScreen
    from workshop.tui.widgets.timer import Clock

LIGHT_THEME = "textual-light"
DARK_THEME = "textual-dark"
QUIT_ROUNDS = 3
"""Hops a typed key takes to become a saved change: the box, its panel, the screen."""
QUIT_WAIT_SECONDS = 1.0


def workshop_commands() -> type[Provider]:
    """The palette's commands (Textual takes a provider or a function that returns one):
    imported when the palette first opens, not before the first frame."""
    from workshop.tui.commands import WorkshopCommands

    return WorkshopCommands


class WorkshopApp(SafeNotifications, App[None]):
    """Home screen, or straight into one session when given its file."""

    TITLE = "workshop"
    CSS_PATH = "workshop.tcss"
    COMMANDS = App.COMMANDS | {workshop_commands}
    BINDINGS = [
        Binding("f4", "toggle_light", "Light/dark", id="app.toggle_light"),
    ]

    def __init__(
        self,
        session_path: Path | None = None,
        sessions_folder: Path | None = None,
        *,
        clock: Clock = time.monotonic,
        wall_clock: Callable[[], datetime] = now,
        theme: str | None = None,
        settings: Settings | None = None,
        read: TomlFile | None = None,
        leave_if_unopenable: bool = False,
        room_options: RoomOptions | None = None,
    ) -> None:
        """`read`: the session file, already read (the command line checks it first).
        `leave_if_unopenable`: a session that does not pass its checks ends the app, with the
        reason in `open_error`, instead of landing on the home screen. `room_options`: where
        the session screen serves the room (F9)."""
        super().__init__()
        self.room_options = room_options
        self.settings = settings if settings is not None else load_settings()
        self.session_path = session_path
        self.sessions_folder = sessions_folder or (
            session_path.parent if session_path else Path.cwd()
        )
        self.read = read
        self.leave_if_unopenable = leave_if_unopenable
        self.open_error: WorkshopError | None = None
        """Why the session given at the start could not be opened (with leave_if_unopenable)."""
        self.typed_not_saved: list[str] = []
        """What was typed on its first frame, then (never saved: the command line says it)."""
        self.clock = clock
        self.wall_clock = wall_clock
        self.dark_theme = DARK_THEME
        self._started = False
        """Whether the app is ready: screens pushed before cannot be drawn until then."""
        # An explicit theme (tests, snapshots) is used as it is, and not remembered.
        self._remembering_theme = theme is None
        chosen = theme or self.settings.theme
        if chosen in self.available_themes:
            self.theme = chosen

    async def on_event(self, event: events.Event) -> None:
        # A screen putting a new panel or dialog in place keeps the keys read meanwhile, whatever
        # widget has the focus (a table's or a list's keys would otherwise act on the old panel).
        if isinstance(event, events.Key) and not event.is_forwarded:
            key_in_hand(event)
            screen = self.screen
            if isinstance(screen, HoldsKeys):
                if screen.hold_key(event):
                    return
                await super().on_event(event)
                screen.key_given(event)  # an answer to a dialog holds the keys after it
                return
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        # A key handed to a widget just before a dialog covered it, or before a panel was
        # replaced, bubbles up here: it waits with the keys typed after it.
        screen = self.screen
        if isinstance(screen, HoldsKeys) and screen.hold_key(event):
            event.prevent_default()
        else:
            key_in_hand(event)  # its binding runs next, and may start a hold

    def on_ready(self) -> None:
        self._started = True
        if isinstance(self.screen, OpeningScreen) and not self.screen.announce_on_mount:
            self.screen.announce_when_painted()  # now that it can be drawn

    def on_mount(self) -> None:
        if not self.current_theme.dark:
            self.dark_theme = DARK_THEME
        elif self.theme != DARK_THEME:
            self.dark_theme = self.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.read is not None:
            self._show_opening(self.read)
        elif self.session_path is None or not self.open_session(self.session_path):
            self._show_home()

    def _show_home(self) -> None:
        from workshop.tui.screens.home import HomeScreen

        # The stack is [default, current]: switching keeps one of ours, so a left session
        # stops polling its file.
        if len(self.screen_stack) > 1:
            self.switch_screen(HomeScreen(self.sessions_folder, wall_clock=self.wall_clock))
        else:
            self.push_screen(HomeScreen(self.sessions_folder, wall_clock=self.wall_clock))

    def open_session(self, path: Path) -> bool:
        """Show the session in `path` where it was left; False (and a message) if unreadable."""
        try:
            read = read_toml_file(path)
        except WorkshopError as error:
            self.notify(str(error), title="Cannot open", severity="error", markup=False)
            screen = self.screen
            if isinstance(screen, HoldsKeys):
                screen.call_later(screen.give_held_keys, "opening")
            return False
        self._show_opening(read)
        return True

    def _show_opening(self, read: TomlFile) -> None:
        # Keys typed ahead on the screen being left (after the new-session dialog's Enter) go
        # to the session.
        screen = self.screen
        typed_ahead = screen.take_held_keys() if isinstance(screen, HoldsKeys) else []
        # Headless (tests, snapshots) nothing is drawn at all: no draw to wait for.
        opening = OpeningScreen(
            read, typed_ahead, announce_on_mount=self._started or self.is_headless
        )
        if len(self.screen_stack) > 1:
            self.switch_screen(opening)
        else:
            self.push_screen(opening)

    @on(OpeningScreen.Painted)
    def _finish_opening(self, message: OpeningScreen.Painted) -> None:
        """Check the file whose first frame is on screen, and show its session."""
        from workshop.store.session_file import SessionFile
        from workshop.tui.screens.session import SessionScreen

        if message.opening not in self.screen_stack:
            return  # left before it was painted
        # Only the session the app was started with ends it when it cannot be opened.
        leave_if_unopenable, self.leave_if_unopenable = self.leave_if_unopenable, False
        # Keys pressed on the first frame may have opened the palette or help over it.
        while self.screen is not message.opening:
            self.pop_screen()
        try:
            session_file = SessionFile.from_toml_file(message.read)
        except WorkshopError as error:
            if leave_if_unopenable:
                self.open_error = error
                self.typed_not_saved = message.opening.typed_text()
                self.exit(return_code=error.exit_code)
                return
            self.notify(str(error), title="Cannot open", severity="error", markup=False)
            self._show_home()
        else:
            self.switch_screen(
                SessionScreen(
                    session_file,
                    clock=self.clock,
                    wall_clock=self.wall_clock,
                    typed_ahead=message.opening.typed_ahead,
                    room_options=self.room_options,
                )
            )

    def on_home_screen_open_session(self, message: HomeScreen.OpenSession) -> None:
        self.open_session(message.path)

    def action_go_home(self) -> None:
        screen = self._session_screen()
        if screen is not None and not screen.close_log():
            self.notify("Not leaving: a change is still waiting to be saved.", markup=False)
            return
        self._show_home()

    def _session_screen(self) -> SessionScreen | None:
        from workshop.tui.screens.session import SessionScreen

        return next((s for s in self.screen_stack if isinstance(s, SessionScreen)), None)

    async def action_quit(self) -> None:
        session_screen = self._session_screen()
        if session_screen is None:
            self.exit()
            return
        await self._let_typed_keys_land(session_screen)
        typed = clean(session_screen.uncaptured_text(), one_line=True)
        if typed:
            self._confirm_quit(
                Content.assemble(
                    "Typed but not captured yet: “",
                    (typed if len(typed) <= 60 else typed[:59] + "…"),
                    "”.\nQuit anyway and lose it?",
                ),
                title="Text not captured",
                then=session_screen.close_log,
            )
        elif session_screen.close_log():
            self.exit()
        else:
            self._confirm_quit(
                Content(
                    "A change is not saved yet (see the red bar); workshop keeps retrying.\n"
                    "Quit anyway and lose it?"
                ),
                title="Unsaved change",
            )

    async def _let_typed_keys_land(self, screen: Screen[None]) -> None:
        """Let the keys typed before the quit take effect first. ctrl+q acts as the app reads
        it, while an Enter or a score typed just before it may still be on its way from the
        focused box up to the screen (key, then the box's message, then the screen's change):
        each round lets every queue on that way finish what it holds."""
        focused = screen.focused
        nodes = [*(focused.ancestors_with_self if focused else []), screen]
        # Not the app itself: this runs in the app's own queue.
        way: list[MessagePump] = [node for node in dict.fromkeys(nodes) if node is not self]
        loop = asyncio.get_running_loop()
        for _ in range(QUIT_ROUNDS):
            for pump in way:
                if not pump.is_running:
                    continue
                reached = loop.create_future()
                pump.call_later(reached.set_result, None)
                with contextlib.suppress(TimeoutError):  # a busy widget does not stop the quit
                    await asyncio.wait_for(reached, QUIT_WAIT_SECONDS)

    def _confirm_quit(
        self, question: Content, *, title: str, then: Callable[[], object] | None = None
    ) -> None:
        from workshop.tui.screens.dialogs.confirm import ConfirmScreen

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:
                if then is not None:
                    then()
                self.exit()

        self.push_screen(
            ConfirmScreen(question, yes="Quit and lose it", no="Stay", title=title), answered
        )

    def action_command_palette(self) -> None:
        """Textual's palette, but one that closes once (see screens/palette.py)."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            from workshop.tui.screens.palette import WorkshopPalette

            self.push_screen(WorkshopPalette())

    def action_set_theme(self, name: str) -> None:
        self.theme = name
        if not self.current_theme.dark:
            return
        self.dark_theme = name

    def action_toggle_light(self) -> None:
        if self.current_theme.dark:
            self.dark_theme = self.theme
            self.theme = self.settings.light_theme or LIGHT_THEME
        else:
            self.theme = self.dark_theme

    def _remember_theme(self, theme: object) -> None:
        """Open with the same theme next time (a projector room stays light)."""
        if not self._remembering_theme or self.settings.theme == self.theme:
            return
        self.settings = dataclasses.replace(self.settings, theme=self.theme)
        try:
            save_settings(self.settings)
        except WorkshopError as error:
            self.notify(f"Theme not remembered: {error}", severity="warning", markup=False)


@dataclasses.dataclass(frozen=True)
class NotOpened:
    """Why the session given at the start could not be opened, and what was typed on its
    first frame meanwhile (not saved anywhere)."""

    error: WorkshopError
    typed: list[str]


def run_app(
    session_path: Path | None, sessions_folder: Path, *, read: TomlFile | None = None
) -> NotOpened | None:
    """Run the facilitator's screen (the CLI calls this); why the session did not open, if so."""
    app = WorkshopApp(
        session_path=session_path,
        sessions_folder=sessions_folder,
        read=read,
        leave_if_unopenable=session_path is not None,
    )
    app.run()
    if app.open_error is None:
        return None
    return NotOpened(app.open_error, app.typed_not_saved)
