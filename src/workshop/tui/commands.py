"""The app's own commands in the command palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import Hits, Provider

from workshop.tui.screens.jump_palette import jump_commands
from workshop.tui.screens.palette import Command, discovered, matching

if TYPE_CHECKING:
    from workshop.tui.app import WorkshopApp
    from workshop.tui.screens.session import SessionScreen


def _session_screen(provider: Provider) -> SessionScreen | None:
    from workshop.tui.screens.session import SessionScreen

    screen = provider.screen
    return screen if isinstance(screen, SessionScreen) else None


def workshop_commands(provider: Provider) -> Iterator[Command]:
    from workshop.tui.app import WorkshopApp

    app = provider.app
    if not isinstance(app, WorkshopApp):
        return  # the palette is the app's: a test's bare App has none of these
    screen = _session_screen(provider)
    if screen is not None:
        yield Command("Timer: start or pause", screen.action_toggle_timer, "ctrl+t")
        yield Command("Timer: add a minute", screen.action_add_minute, "F6")
        yield Command("Timer: large digits", screen.action_toggle_big_timer, "F2")
        yield Command("Next activity", screen.action_next_activity, "F8")
        yield Command("Previous activity", screen.action_previous_activity, "F7")
        yield Command(
            "Export markdown", screen.action_export_markdown, "Write the plan beside the session"
        )
        yield Command("Show the session folder", screen.action_show_folder, "Its path")
        yield Command("Agenda outline: show or hide", screen.action_toggle_outline, "ctrl+b")
        yield Command("Undo", screen.action_undo, "ctrl+z")
        if screen.room is None:
            yield Command(
                "Room: let participants join from their devices",
                screen.action_room,
                "F9 · serve this session on the room's network",
            )
        else:
            yield Command("Room: show how to join (QR code)", screen.action_room, "F9")
            yield Command(
                "Room: stop serving", screen.action_stop_room, "Phones can no longer send"
            )
        yield Command(
            "Room: reveal or hide this activity's results",
            screen.action_reveal,
            "ctrl+r · on the projector page",
        )
        yield Command("Home: all sessions", app.action_go_home, "Leave this session")
        yield from jump_commands(screen)
    team = screen.session.team or None if screen is not None else None
    yield Command(
        "Report: follow-through across sessions",
        partial(_open_report, app, team),
        "Benchmarks, actions and the success index over time",
    )
    yield Command(
        "Theme: light, for projectors", partial(app.action_set_theme, "textual-light"), "F4"
    )
    yield Command("Theme: dark", partial(app.action_set_theme, "textual-dark"), "F4")
    yield Command("Theme: choose any", app.action_change_theme, "All built-in themes")


def _open_report(app: WorkshopApp, team: str | None) -> None:
    from workshop.tui.screens.report import ReportScreen

    app.push_screen(ReportScreen(app.sessions_folder, team, as_of=app.wall_clock().date()))


class WorkshopCommands(Provider):
    """Commands for the session and the app; names are shown literally, never as markup."""

    async def search(self, query: str) -> Hits:
        for hit in matching(self.matcher(query), workshop_commands(self)):
            yield hit

    async def discover(self) -> Hits:
        for hit in discovered(workshop_commands(self)):
            yield hit
