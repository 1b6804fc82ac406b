"""Messages that activity panels post to the screen that owns the session.

Panels never save: they describe a change as a function of the session draft and post it.
The session screen applies it through the store (on disk before anything says "saved"),
then calls `show_session` on every panel with the new session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.message import Message

from workshop.core.models import Session


@dataclass
class Undo:
    """How to take a change back: an edit of the session, and what it does, naming the record
    ("remove idea i12 “Invoices…”"). `activity` is where the change was made (the session
    screen fills it in), so that ctrl+z can say where it reaches."""

    edit: Callable[[Session], Any]
    description: str
    activity: str = ""


class ChangeRequested(Message):
    """A panel asks for a change to the session.

    `edit` receives a draft of the latest session (see `SessionFile.change`) and may return a
    value; `on_saved(value)` is called once the change is durable (a brainstorm input clears
    itself there, so a failed save keeps the typed text); `make_undo(value)` builds the undo
    step pushed on the screen's undo stack, if the change can be undone.
    """

    def __init__(
        self,
        edit: Callable[[Session], Any],
        description: str,
        *,
        on_saved: Callable[[Any], None] | None = None,
        make_undo: Callable[[Any], Undo] | None = None,
    ) -> None:
        super().__init__()
        self.edit = edit
        self.description = description
        self.on_saved = on_saved
        self.make_undo = make_undo
