"""The app's command palette (Textual's, closing once and keeping keys in order), and the
commands it lists, named literally."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from textual.command import CommandPalette, DiscoveryHit, Hit, Matcher
from textual.content import Content

from workshop.tui.safe_text import highlight
from workshop.tui.screens.closing import ClosesOnce


class WorkshopPalette(ClosesOnce, CommandPalette):
    """Textual's command palette, closing once and keeping keys in order (see ClosesOnce)."""

    SETTLES_ON_SUBMIT = False


@dataclass
class Command:
    name: str
    """Plain text: shown literally (may hold an agenda's titles)."""
    run: Callable[[], object]
    help: str = ""


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


def discovered(commands: Iterable[Command]) -> Iterator[DiscoveryHit]:
    """All the commands, for the palette opened with nothing typed yet."""
    for command in commands:
        yield DiscoveryHit(
            Content(command.name), command.run, text=command.name, help=command.help or None
        )
