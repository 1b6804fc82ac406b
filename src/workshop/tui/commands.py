"""The app's own commands in the command palette (ctrl+p), and the jump-to-activity picker."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from workshop.tui.safe_text import clean, highlight, markup_escape
from workshop.tui.screens.closing import WorkshopPalette

if TYPE_CHECKING:
    from workshop.tui.screens.session import SessionScreen


@dataclass
class Command:
    name: str
    """Plain text: shown literally (may hold an agenda's titles)."""
    run: Callable[[], object]
    help: str = ""


def _session_screen(provider: Provider) -> SessionScreen | None:
    from workshop.tui.screens.session import SessionScreen

    screen = provider.screen
    return screen if isinstance(screen, SessionScreen) else None


def jump_commands(screen: SessionScreen) -> Iterator[Command]:
    agenda = screen.session.agenda
    for number, activity in enumerate(agenda.activities(), start=1):
        step = agenda.step_of(activity.id)
        name = clean(f"Jump to {number}. {activity.title}", one_line=True)
        help_text = markup_escape(f"{step.title} · {activity.kind} · {activity.minutes} min")
        yield Command(name, partial(screen.go_to, activity.id), help_text)


def workshop_commands(provider: Provider) -> Iterator[Command]:
    app = provider.app
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


def _open_report(app: App[object], team: str | None) -> None:
    from workshop.tui.screens.report import ReportScreen

    app.push_screen(ReportScreen(app.sessions_folder, team))  # type: ignore[attr-defined]


def matching(matcher: Matcher, commands: Iterable[Command]) -> Iterator[Hit]:
    """The commands whose names match, each shown literally with the match highlighted."""
    for command in commands:
        score = matcher.match(command.name)
        if score > 0:
            yield Hit(
                score,
                highlight(matcher, command.name),
                command.run,
                text=command.name,
                help=command.help or None,
            )


class WorkshopCommands(Provider):
    """Commands for the session and the app; names are shown literally, never as markup."""

    async def search(self, query: str) -> Hits:
        for hit in matching(self.matcher(query), workshop_commands(self)):
            yield hit

    async def discover(self) -> Hits:
        for command in workshop_commands(self):
            yield DiscoveryHit(
                Content(command.name), command.run, text=command.name, help=command.help or None
            )


class JumpCommands(Provider):
    """Only the activities of the session, for ctrl+g."""

    async def search(self, query: str) -> Hits:
        screen = _session_screen(self)
        if screen is None:
            return
        for hit in matching(self.matcher(query), jump_commands(screen)):
            yield hit

    async def discover(self) -> Hits:
        screen = _session_screen(self)
        if screen is None:
            return
        for command in jump_commands(screen):
            yield DiscoveryHit(
                Content(command.name), command.run, text=command.name, help=command.help
            )


def open_jump_palette(screen: SessionScreen) -> None:
    screen.app.push_screen(
        WorkshopPalette(providers=[JumpCommands], placeholder="Jump to activity… (type a word)")
    )
