"""ctrl+g: a palette of the agenda's activities only, to jump to one."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual.command import Hits, Provider
from textual.screen import Screen

from workshop.tui.safe_text import clean, markup_escape
from workshop.tui.screens.palette import Command, WorkshopPalette, discovered, matching

if TYPE_CHECKING:
    from workshop.core.models import Session  # not on the first frame's path (pydantic)


@runtime_checkable
class JumpsToActivities(Protocol):
    """A screen that runs a session's agenda (the session screen)."""

    @property
    def session(self) -> Session: ...

    def go_to(self, activity_id: str) -> None: ...


def jump_commands(screen: JumpsToActivities) -> Iterator[Command]:
    agenda = screen.session.agenda
    for number, activity in enumerate(agenda.activities(), start=1):
        step = agenda.step_of(activity.id)
        name = clean(f"Jump to {number}. {activity.title}", one_line=True)
        help_text = markup_escape(f"{step.title} · {activity.kind} · {activity.minutes} min")
        yield Command(name, partial(screen.go_to, activity.id), help_text)


def _jumps(provider: Provider) -> Iterator[Command]:
    screen = provider.screen
    if isinstance(screen, JumpsToActivities):
        yield from jump_commands(screen)


class JumpCommands(Provider):
    """Only the activities of the session, for ctrl+g."""

    async def search(self, query: str) -> Hits:
        for hit in matching(self.matcher(query), _jumps(self)):
            yield hit

    async def discover(self) -> Hits:
        for hit in discovered(_jumps(self)):
            yield hit


def open_jump_palette(screen: Screen[Any]) -> None:
    screen.app.push_screen(
        WorkshopPalette(providers=[JumpCommands], placeholder="Jump to activity… (type a word)")
    )
