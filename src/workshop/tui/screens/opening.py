"""The first frame of a session: what its file holds, shown while the file is checked.

Reading and painting this needs neither the models nor pydantic, so it is on screen in about
the time a bare Textual app takes to start, whatever the size of the session. Once it has
been painted it posts `Painted`, and the app checks the file and puts the session screen in
its place (or says why it cannot).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from workshop.files import TomlFile
from workshop.glance import SessionGlance, glance
from workshop.tui.safe_text import plain
from workshop.tui.widgets.footer import QuietFooter
from workshop.tui.widgets.header_lines import activity_line, title_line
from workshop.tui.widgets.status import SaveStatus
from workshop.tui.widgets.typing import HoldsKeys


class OpeningScreen(HoldsKeys, Screen[None]):
    """The session's header and a line saying it is opening, until the session screen is up."""

    class Painted(Message):
        """The opening frame is on screen: time to check the file and show the session."""

        def __init__(self, opening: OpeningScreen) -> None:
            super().__init__()
            self.opening = opening
            self.read = opening.read

    def __init__(
        self,
        read: TomlFile,
        typed_ahead: Sequence[events.Key] = (),
        *,
        announce_on_mount: bool = True,
    ) -> None:
        """`typed_ahead`: keys typed before this frame (after the new-session dialog's Enter).
        `announce_on_mount`: False for the app's first screen, which Textual cannot draw
        until the app has started (see `announce_when_painted`); the app calls it then."""
        super().__init__()
        self.read = read
        self.announce_on_mount = announce_on_mount
        self.glance: SessionGlance = glance(read.data)
        self.hold_keys(typed_ahead)  # all typed here goes to the session screen's first panel

    @property
    def typed_ahead(self) -> list[events.Key]:
        return list(self._held_keys or [])

    def compose(self) -> ComposeResult:
        seen = self.glance
        with Vertical(id="session-header"):
            yield Static(title_line(seen.title, seen.team), id="session-title")
            yield Static(
                activity_line(
                    seen.activity_number, seen.activity_count, seen.step_title, seen.activity_title
                )
                if seen.activity_number
                else Content(""),
                id="activity-title",
            )
        with Vertical(id="opening-body"):
            yield Static(plain(seen.activity_prompt, "italic"), id="opening-prompt")
            yield Static(self._ideas_line(), id="opening-ideas")
        yield SaveStatus(plain(f"Opening {self.read.path.name}…", "$text-muted"), id="save-status")
        yield QuietFooter()

    def _ideas_line(self) -> Content:
        count = self.glance.idea_count
        ideas = "no ideas yet" if count == 0 else "1 idea" if count == 1 else f"{count:,} ideas"
        return Content.styled(f"Opening the session · {ideas}", "$text-muted")

    def on_mount(self) -> None:
        if self.announce_on_mount:
            self.announce_when_painted()

    def announce_when_painted(self) -> None:
        """Post `Painted` once this frame has been drawn.

        Textual draws nothing while the app is starting (its mount runs in a batch update, and
        a screen refreshed meanwhile runs its after-refresh callbacks without drawing), so an
        opening frame mounted then was never written to the terminal: the file was checked
        first, and the session screen was the first thing a person saw. The app calls this
        from its `on_ready`, after the batch, for the frame it started with.
        """
        self.refresh()
        self.call_after_refresh(self.post_message, self.Painted(self))
