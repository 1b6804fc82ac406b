"""The first frame of a session: what its file holds, shown while the file is checked.

Painting this needs neither the models nor pydantic, nor the whole file parsed (only its
head, see store/glance.py), so it is on screen in about the time a bare Textual app takes to
start, whatever the size of the session. Once it has
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

from workshop.store.glance import SessionGlance, glance_file
from workshop.store.toml_read import TomlFile
from workshop.tui.safe_text import literal, plain
from workshop.tui.widgets.footer import QuietFooter
from workshop.tui.widgets.header_lines import activity_line, title_line
from workshop.tui.widgets.idea_input import IDEA_BOX_PLACEHOLDER, CaptureInput
from workshop.tui.widgets.status import SaveStatus
from workshop.tui.widgets.typing_boxes import HoldsKeys

BRAINSTORM = "brainstorm"
"""The activity kind whose opening frame shows the idea box."""


class OpeningIdeaBox(CaptureInput, can_focus=False):
    """The idea box on the opening frame: it shows the keys held for the session's own box."""


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
        self.glance: SessionGlance = glance_file(read)
        self.hold_keys(typed_ahead)  # all typed here goes to the session screen's first panel

    @property
    def typed_ahead(self) -> list[events.Key]:
        return list(self._held_keys or [])

    def compose(self) -> ComposeResult:
        seen = self.glance
        if seen.activity_kind == BRAINSTORM:
            yield from self._compose_brainstorm()
            return
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

    def _compose_brainstorm(self) -> ComposeResult:
        """A brainstorm comes up as it will look, its idea box first: what is typed shows there
        at once, and is given to the session's own box (key by key, in order) once it is up."""
        seen = self.glance
        yield self._header()
        position = f"  (1/{seen.prompt_count})" if seen.prompt_count > 1 else ""
        with Vertical(id="opening-brainstorm"):
            yield Static(
                Content.assemble(
                    literal(seen.activity_prompt or seen.activity_title),
                    (position, "not bold $text-muted"),
                ),
                id="opening-prompt",
            )
            # On the app's first frame the box is mounted just after the frame is drawn (see
            # `_after_first_frame`): the app's first Input brings its styles to parse, which
            # put the whole frame tens of milliseconds later.
            with Vertical(id="opening-idea-slot"):
                if self.announce_on_mount:
                    yield OpeningIdeaBox(placeholder=IDEA_BOX_PLACEHOLDER, id="opening-idea")
            yield Static(self._ideas_line(), id="opening-ideas")
        yield SaveStatus(plain(f"Opening {self.read.path.name}…", "$text-muted"), id="save-status")
        yield QuietFooter()

    def _header(self) -> Vertical:
        seen = self.glance
        return Vertical(
            Static(title_line(seen.title, seen.team), id="session-title"),
            Static(
                activity_line(
                    seen.activity_number, seen.activity_count, seen.step_title, seen.activity_title
                )
                if seen.activity_number
                else Content(""),
                id="activity-title",
            ),
            id="session-header",
        )

    def hold_key(self, event: events.Key) -> bool:
        held = super().hold_key(event)
        if held:
            self._show_typed()
        return held

    def _show_typed(self) -> None:
        """Show in the idea box what the keys held so far will type into the session's box."""
        boxes = self.query(OpeningIdeaBox)
        if not boxes:
            return
        text = typed_lines(self.typed_ahead)[-1]
        box = boxes.first()
        box.value = text
        box.cursor_position = len(text)

    def typed_text(self) -> list[str]:
        """What was typed here for the session's idea box, a line per Enter (blank lines left
        out): said when the session cannot be opened, so that it is not lost unseen."""
        return [line for line in typed_lines(self.typed_ahead) if line.strip()]

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
        self.call_after_refresh(self._after_first_frame)

    async def _after_first_frame(self) -> None:
        slots = self.query("#opening-idea-slot")
        if slots and not slots.first().children:
            await slots.first().mount(
                OpeningIdeaBox(placeholder=IDEA_BOX_PLACEHOLDER, id="opening-idea")
            )
            self._show_typed()
        self.call_after_refresh(self.post_message, self.Painted(self))


def typed_lines(keys: Sequence[events.Key]) -> list[str]:
    """The lines `keys` type into an idea box: one per Enter, the last one still in the box.
    Up to the first key that is neither text, Enter nor Backspace (F8...): what follows it
    goes elsewhere."""
    lines = [""]
    for key in keys:
        if key.key == "enter":
            lines.append("")  # captured as soon as the session is up
        elif key.key == "backspace":
            lines[-1] = lines[-1][:-1]
        elif key.is_printable and key.character:
            lines[-1] += key.character
        else:
            break
    return lines
