"""What one run of the room's server knows: the session, the join code, the projector's key,
the limits, and who has joined."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from workshop.core import room
from workshop.core.models import Session
from workshop.web import security
from workshop.web.live import LiveSession

TOKEN_COOKIE = "workshop_token"
"""The cookie that holds a visitor's random token (HttpOnly, SameSite=Strict)."""


@dataclass
class RoomServer:
    """What one run of the server knows: the session, the code, the key, the limits."""

    live: LiveSession
    join_code: str
    projector_key: str
    clock: Callable[[], float]
    join_url: str | None
    signer: security.FormSigner = field(default_factory=security.FormSigner)
    wrong_codes: security.WrongCodeLimit = field(default_factory=security.WrongCodeLimit)
    idea_pace: security.IdeaPace = field(default_factory=security.IdeaPace)
    joined: set[str] = field(default_factory=set)
    """Token hashes of those who gave the right code in this run (the file knows the rest)."""
    qr_svgs: dict[str, str] = field(default_factory=dict)
    on_join: Callable[[int], None] | None = None
    """Told how many have joined in this run, each time one more does."""

    def is_joined(self, token: str, session: Session) -> bool:
        if not token:
            return False
        hashed = security.token_hash(token)
        return hashed in self.joined or bool(room.known_participant(session, hashed))

    def qr_svg(self, url: str) -> str:
        svg = self.qr_svgs.get(url)
        if svg is None:
            import segno

            svg = segno.make(url, error="m").svg_inline(
                scale=8, dark="#000", light="#fff", omitsize=True, svgclass="qr"
            )
            self.qr_svgs[url] = svg
        return svg
