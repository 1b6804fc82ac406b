"""The room's line on the session screen, while participants can join from their devices:
where they join, the code, how many have joined, how many took part in this activity, and
whether its results are on the projector. Counts only, never names."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widgets import Static

from workshop.core import room
from workshop.core.agenda import Activity, ActivityKind
from workshop.core.models import Session
from workshop.tui.room_process import RoomAddresses
from workshop.tui.widgets.static_update import update_if_changed

TOOK_PART = {
    ActivityKind.BRAINSTORM: "sent ideas",
    ActivityKind.VOTE: "voted",
    ActivityKind.RATE: "rated",
}
"""What taking part in an activity is called, for the activities the room can take part in."""


@dataclass(frozen=True)
class RoomCounts:
    joined: int
    took_part: int | None
    """How many took part in the current activity from their devices; None where the room
    has nothing to send (a presentation, a debate)."""
    took_part_as: str
    revealed: bool


def room_counts(session: Session, activity: Activity, joined: int) -> RoomCounts:
    """The counts the facilitator sees, from the session file and the server's joins."""
    doing = TOOK_PART.get(activity.kind, "")
    took_part = room.took_part_from_devices(session, activity.id) if doing else None
    # Someone who joined in an earlier run of the server and sends again is known to the file.
    joined = max(joined, room.joined_from_devices(session))
    return RoomCounts(joined, took_part, doing, activity.id in session.revealed)


class RoomLine(Static):
    """'http://… · code 123456 · 12 joined · 5 voted · hidden ^r' (results on the projector:
    hidden or shown; ctrl+r changes it)."""

    HELP = """\
## The room

While the room is open (F9), participants join from their own phones or laptops at the
address shown, with the code. This line counts how many have joined and how many have taken
part in the current activity from their devices: counts, never names.

**ctrl+r** reveals the current activity's results on the projector page (its ideas, the vote's
tally, the benchmark's means and spread), or hides them again. **F9** shows the address, the
code and a QR code to scan, and stops serving.
"""

    def show_room(self, addresses: RoomAddresses, counts: RoomCounts) -> None:
        # Most needed first, so that a narrow screen cuts the least needed: where to join.
        parts: list[str | tuple[str, str]] = [
            (addresses.participants, "bold $text-accent"),
            (" · code ", "$text-muted"),
            (addresses.code, "bold"),
            (" · ", "$text-muted"),
            f"{counts.joined} joined",
        ]
        if counts.took_part is not None:
            parts += [(" · ", "$text-muted"), f"{counts.took_part} {counts.took_part_as}"]
            if counts.revealed:
                parts += [(" · ", "$text-muted"), ("shown", "bold $text-warning")]
            else:
                parts += [(" · hidden", "$text-muted")]
            parts += [(" ^r", "$text-muted")]
        update_if_changed(self, Content.assemble(*parts))
