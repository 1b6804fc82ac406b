"""Who may do what on the room's web server: join codes, tokens, form signatures, rate limits.

Plain Python (no web framework): the app in `app.py` asks these questions of each request.
Every limit takes its clock from the caller, so tests move time instead of sleeping.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections import deque
from dataclasses import dataclass, field

JOIN_CODE_DIGITS = 6
WRONG_CODES_PER_ADDRESS = 20
WRONG_CODES_IN_ALL = 200
WRONG_CODE_WINDOW_SECONDS = 60.0
IDEAS_AT_ONCE = 5
SECONDS_PER_IDEA = 2.0


def new_join_code() -> str:
    """Six random digits, new for each run of the server."""
    return f"{secrets.randbelow(10**JOIN_CODE_DIGITS):0{JOIN_CODE_DIGITS}d}"


def new_token() -> str:
    """A participant's random token (kept in their cookie; the file keeps only its hash)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """The SHA-256 (hex) of a token: the token is 256 random bits, so a fast hash is enough."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same_secret(given: str, expected: str) -> bool:
    """Compare a code or key in constant time (its length is no secret)."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


class FormSigner:
    """Signs forms for one visitor's token: a form from another site cannot carry it."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def sign(self, token: str) -> str:
        return hmac.new(self._secret, b"form:" + token.encode("utf-8"), "sha256").hexdigest()

    def verify(self, token: str, signature: str) -> bool:
        return bool(token) and same_secret(signature, self.sign(token))


@dataclass
class WrongCodeLimit:
    """Counts wrong join codes only: 20 a minute per address, 200 a minute in all.

    A right code never counts, so a room behind one address is not locked out by its own
    people joining; while a limit is reached, every try from there is refused unchecked.
    """

    per_address: int = WRONG_CODES_PER_ADDRESS
    in_all: int = WRONG_CODES_IN_ALL
    window: float = WRONG_CODE_WINDOW_SECONDS
    _by_address: dict[str, deque[float]] = field(default_factory=dict)
    _all: deque[float] = field(default_factory=deque)

    def _forget_old(self, times: deque[float], now: float) -> None:
        while times and times[0] <= now - self.window:
            times.popleft()

    def blocked(self, address: str, now: float) -> bool:
        """Whether a try from `address` is refused unchecked now."""
        self._forget_old(self._all, now)
        times = self._by_address.get(address)
        if times is not None:
            self._forget_old(times, now)
            if not times:
                del self._by_address[address]
                times = None
        return len(self._all) >= self.in_all or (
            times is not None and len(times) >= self.per_address
        )

    def wrong(self, address: str, now: float) -> None:
        self._all.append(now)
        self._by_address.setdefault(address, deque()).append(now)


@dataclass
class IdeaPace:
    """At most 5 ideas at once per participant, then one every 2 seconds (a token bucket)."""

    at_once: int = IDEAS_AT_ONCE
    seconds_per_idea: float = SECONDS_PER_IDEA
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)

    def take(self, participant: str, now: float) -> float:
        """Take one idea's turn: 0.0 if allowed, else the seconds until the next is."""
        available, since = self._buckets.get(participant, (float(self.at_once), now))
        available = min(float(self.at_once), available + (now - since) / self.seconds_per_idea)
        if available < 1.0:
            self._buckets[participant] = (available, now)
            return (1.0 - available) * self.seconds_per_idea
        self._buckets[participant] = (available - 1.0, now)
        return 0.0

    def give_back(self, participant: str) -> None:
        """Return a turn taken for an idea that was not sent (refused, or not saved)."""
        available, since = self._buckets.get(participant, (float(self.at_once), 0.0))
        self._buckets[participant] = (min(float(self.at_once), available + 1.0), since)
