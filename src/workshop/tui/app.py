"""The Textual app: wiring only. Screens own the state; see screens/ and widgets/."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.content import Content

from workshop.core import ops
from workshop.files import WorkshopError
from workshop.settings import Settings, load_settings, save_settings
from workshop.store import SessionFile
from workshop.tui.commands import WorkshopCommands
from workshop.tui.safe_text import clean
from workshop.tui.screens.home import HomeScreen
from workshop.tui.screens.session import SessionScreen
from workshop.tui.widgets.timer import Clock

LIGHT_THEME = "textual-light"
DARK_THEME = "textual-dark"


class WorkshopApp(App[None]):
    """Home screen, or straight into one session when given its file."""

    TITLE = "workshop"
    CSS_PATH = "workshop.tcss"
    COMMANDS = App.COMMANDS | {WorkshopCommands}
    BINDINGS = [
        Binding("f4", "toggle_light", "Light/dark", id="app.toggle_light"),
    ]

    def __init__(
        self,
        session_path: Path | None = None,
        sessions_folder: Path | None = None,
        *,
        clock: Clock = time.monotonic,
        wall_clock: Callable[[], datetime] = ops.now,
        theme: str | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings if settings is not None else load_settings()
        self.session_path = session_path
        self.sessions_folder = sessions_folder or (
            session_path.parent if session_path else Path.cwd()
        )
        self.clock = clock
        self.wall_clock = wall_clock
        self.dark_theme = DARK_THEME
        self._collecting = True
        # An explicit theme (tests, snapshots) is used as it is, and not remembered.
        self._remembering_theme = theme is None
        chosen = theme or self.settings.theme
        if chosen in self.available_themes:
            self.theme = chosen

    def on_load(self) -> None:
        # Building the first screen allocates objects in a burst, and the cyclic collector's
        # passes over them (and over every record of a large session) took about a third of
        # the time to first paint. It is paused until then.
        self._collecting = gc.isenabled()
        gc.disable()

    def on_ready(self) -> None:
        # What exists now lives as long as the app: later collections need not scan it, which
        # keeps them short while the facilitator types.
        gc.freeze()
        if self._collecting:
            gc.enable()

    def on_unmount(self) -> None:
        gc.unfreeze()

    def on_mount(self) -> None:
        if not self.current_theme.dark:
            self.dark_theme = DARK_THEME
        elif self.theme != DARK_THEME:
            self.dark_theme = self.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.session_path is None or not self.open_session(self.session_path):
            self.push_screen(HomeScreen(self.sessions_folder))

    def open_session(self, path: Path) -> bool:
        """Show the session in `path` where it was left; False (and a message) if unreadable."""
        try:
            session_file = SessionFile.open(path)
        except WorkshopError as error:
            self.notify(str(error), title="Cannot open", severity="error", markup=False)
            return False
        screen = SessionScreen(session_file, clock=self.clock, wall_clock=self.wall_clock)
        # The stack is [default, current]: switching keeps one of ours, so a left session
        # stops polling its file.
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        return True

    def on_home_screen_open_session(self, message: HomeScreen.OpenSession) -> None:
        self.open_session(message.path)

    def action_go_home(self) -> None:
        screen = self.screen
        if isinstance(screen, SessionScreen) and not screen.close_log():
            self.notify("Not leaving: a change is still waiting to be saved.", markup=False)
            return
        self.switch_screen(HomeScreen(self.sessions_folder))

    async def action_quit(self) -> None:
        session_screen = next((s for s in self.screen_stack if isinstance(s, SessionScreen)), None)
        if session_screen is None:
            self.exit()
            return
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

    def _confirm_quit(
        self, question: Content, *, title: str, then: Callable[[], object] | None = None
    ) -> None:
        from workshop.tui.screens.confirm import ConfirmScreen

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:
                if then is not None:
                    then()
                self.exit()

        self.push_screen(
            ConfirmScreen(question, yes="Quit and lose it", no="Stay", title=title), answered
        )

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
        self.settings = self.settings.model_copy(update={"theme": self.theme})
        try:
            save_settings(self.settings)
        except WorkshopError as error:
            self.notify(f"Theme not remembered: {error}", severity="warning", markup=False)


def run_app(session_path: Path | None, sessions_folder: Path) -> None:
    """Run the facilitator's screen (the CLI calls this)."""
    WorkshopApp(session_path=session_path, sessions_folder=sessions_folder).run()
