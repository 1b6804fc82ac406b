"""How the room joins, shown big on the facilitator's screen: the address, the code, a QR code
to scan, and the projector's page. From here serving can be stopped."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from workshop.tui.room_process import RoomAddresses
from workshop.tui.screens.closing import ClosesOnce
from workshop.tui.widgets.qr_code import QrCode


class RoomScreen(ClosesOnce, ModalScreen[bool]):
    """The join information. Dismisses with True when the facilitator asks to stop serving."""

    BINDINGS = [
        Binding("escape,f9", "close", "Close", id="room.close"),
        Binding("x", "stop", "Stop serving", id="room.stop"),
    ]

    def __init__(self, addresses: RoomAddresses) -> None:
        super().__init__()
        self.addresses = addresses

    def compose(self) -> ComposeResult:
        code = self.addresses.code
        spaced = f"{code[:3]} {code[3:]}" if len(code) == 6 else code
        with VerticalScroll(id="room-box", classes="dialog"):
            yield Static(Content("The room joins"), classes="dialog-title")
            with Horizontal(classes="room-field"):
                yield Static(Content("Open"), classes="room-label")
                yield Static(
                    Content.styled(self.addresses.participants, "bold"), id="room-address"
                )
            with Horizontal(classes="room-field"):
                yield Static(Content("Code"), classes="room-label")
                yield Static(Content.styled(spaced, "bold $text-accent"), id="room-code")
            yield QrCode(self.addresses.participants, id="room-qr")
            yield Static(
                Content.assemble(
                    ("For the projector, open ", "$text-muted"),
                    self.addresses.projector,
                    ("\n(keep its key to yourself: it shows results once you reveal them)",
                     "$text-muted"),
                ),
                id="room-projector",
            )
            yield Static(
                Content("Escape closes · x stops serving · ctrl+r on the session reveals results"),
                classes="room-keys",
            )

    def on_mount(self) -> None:
        self.query_one("#room-box").focus()

    def action_close(self) -> None:
        self.dismiss(False)

    def action_stop(self) -> None:
        self.dismiss(True)
