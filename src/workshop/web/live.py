"""The web server's one writer: submissions queued, saved together, and changes announced.

All of the server's work on the session file goes through one `SessionEditor`, driven by one
asyncio task (`LiveSession.run`): it takes every submission queued since it last looked,
saves them in one locked write (`request_many`: group commit), retries while the disk
refuses, picks up what other processes saved (the facilitator's screen, `workshop idea add`),
and wakes the pages' event streams. The editor's blocking calls run in a worker thread, one
at a time, which is how the editor wants to be used. Request handlers only read `session`, a
snapshot that is replaced, never changed, so they need no lock.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

import anyio.to_thread

from workshop.core.models import Session
from workshop.core.visible import visible
from workshop.store.editor import Change, Outcome, Rejected, Saved, SessionEditor

ResultT = TypeVar("ResultT")

POLL_SECONDS = 0.25
"""How often the file is looked at for another process's change (a stat when nothing did)."""
RETRY_SECONDS = 2.0
"""How often a failed save is tried again."""
EVENT_WAIT_SECONDS = 15.0
"""How long an event stream waits before it checks that its page is still there."""

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pending:
    """A change the disk did not take yet: kept by the editor and retried until it does."""

    failure: str


Result = Saved | Rejected | Pending


class LiveSession:
    """One session, as the web server sees it and changes it."""

    def __init__(self, editor: SessionEditor, *, save_wait: float = 5.0) -> None:
        self.editor = editor
        self.save_wait = save_wait
        """How long a submission waits for its save before it is told "not saved yet"."""
        self.session: Session = editor.session
        self.version = 0
        """Goes up by one each time `session` is replaced."""
        self.activity_key = self._activity_key(self.session)
        """Changes when participants' pages must show another activity (or a restarted one)."""
        self.closed = False
        self._queue: list[tuple[Change, asyncio.Future[Result]]] = []
        self._waiting: dict[Change, asyncio.Future[Result]] = {}
        self._wake: asyncio.Event | None = None
        self._updated: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._editor_lock: asyncio.Lock | None = None

    @staticmethod
    def _activity_key(session: Session) -> str:
        started = next(
            (
                str(e.started)
                for e in reversed(session.log)
                if e.activity == session.current_activity
            ),
            "",
        )
        return f"{session.current_activity}@{started}"

    def _events(self) -> tuple[asyncio.Event, asyncio.Event]:
        if self._wake is None or self._updated is None:
            self._wake, self._updated = asyncio.Event(), asyncio.Event()
        return self._wake, self._updated

    # --- submissions -------------------------------------------------------------------------

    async def submit(self, change: Change, timeout: float | None = None) -> Result:
        """Queue a change for the next group commit and wait for what became of it.

        A change the disk did not take within `timeout` (default `save_wait`) is `Pending`:
        the editor keeps it and saves it at a later retry, so it is not lost, but the sender is
        told it is not saved yet.
        """
        wake, _ = self._events()
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._queue.append((change, future))
        wake.set()
        try:
            return await asyncio.wait_for(asyncio.shield(future), timeout or self.save_wait)
        except TimeoutError:
            return Pending(self.editor.last_failure or "the save is taking too long")

    # --- the writer task ---------------------------------------------------------------------

    async def run(self, clock: Callable[[], float]) -> None:
        """Save, retry, poll and announce until `close`; then one last try at anything the
        disk has refused so far, and what still cannot be saved is written to the log (stderr),
        word for word, rather than lost without a trace."""
        wake, _ = self._events()
        self._loop = asyncio.get_running_loop()
        next_retry = 0.0
        while not self.closed:
            try:
                await asyncio.wait_for(wake.wait(), POLL_SECONDS)
            except TimeoutError:
                pass
            wake.clear()
            batch, self._queue = self._queue, []
            try:
                if batch:
                    for change, future in batch:
                        self._waiting[change] = future
                    changes = [change for change, _ in batch]
                    self._settle(await self._call(partial(self.editor.request_many, changes)))
                    next_retry = clock() + RETRY_SECONDS
                elif self.editor.pending:
                    if clock() >= next_retry:
                        self._settle(await self._call(self.editor.retry))
                        next_retry = clock() + RETRY_SECONDS
                else:
                    await self._call(self._refresh)
            except Exception as error:  # a bug in one change must not stop the room's server
                log.exception("saving the room's changes failed")
                self._fail_dropped(error)
            self._publish()
        await self._last_try()

    async def _last_try(self) -> None:
        if not self.editor.pending:
            return
        self._settle(await self._call(self.editor.retry))
        for change in self.editor.pending_changes:
            log.error(
                "not saved (%s): %s", visible(self.editor.last_failure), visible(change.description)
            )

    async def _call(self, work: Callable[[], ResultT]) -> ResultT:
        """Run a blocking editor call in a worker thread, one at a time."""
        if self._editor_lock is None:
            self._editor_lock = asyncio.Lock()
        async with self._editor_lock:
            return await anyio.to_thread.run_sync(work)

    async def refresh_now(self) -> None:
        """Look at the file for another process's change now, and announce it (tests; the
        writer task does this by itself every POLL_SECONDS)."""
        if not self.editor.pending:
            await self._call(self._refresh)
        self._publish()

    def _refresh(self) -> None:
        try:
            self.editor.refresh()
        except Exception as error:  # noqa: BLE001 - a broken file: keep serving what we had
            log.warning("cannot re-read the session file: %s", error)

    def _settle(self, outcome: Outcome) -> None:
        results: list[Saved | Rejected] = [*outcome.saved, *outcome.rejected]
        for result in results:
            future = self._waiting.pop(result.change, None)
            if future is not None and not future.done():
                future.set_result(result)

    def _fail_dropped(self, error: Exception) -> None:
        still = set(self.editor.pending_changes)
        for change in [c for c in self._waiting if c not in still]:
            future = self._waiting.pop(change)
            if not future.done():
                future.set_exception(error)

    def _publish(self) -> None:
        session = self.editor.session
        if session is self.session:
            return
        self.session = session
        self.version += 1
        self.activity_key = self._activity_key(session)
        _, updated = self._events()
        updated.set()
        self._updated = asyncio.Event()

    async def wait_for_change(self, version: int, timeout: float) -> bool:
        """Wait until `version` is out of date (True) or `timeout` passes (False)."""
        if self.version != version:
            return True
        _, updated = self._events()
        try:
            await asyncio.wait_for(updated.wait(), timeout)
        except TimeoutError:
            return self.version != version
        return True

    def close(self) -> None:
        """Stop the writer and end every event stream; callable from any thread."""
        loop = self._loop
        if loop is None or loop.is_closed():
            self.closed = True
            return
        try:
            loop.call_soon_threadsafe(self._close)
        except RuntimeError:  # the loop has just closed
            self.closed = True

    def _close(self) -> None:
        self.closed = True
        wake, updated = self._events()
        wake.set()
        updated.set()


async def event_stream(
    live: LiveSession, is_disconnected: Callable[[], Awaitable[bool]], kind: str, version: int
) -> AsyncIterator[dict[str, str]]:
    """Server-sent events for one page, which was rendered at `version`: `activity` when
    participants' pages should show another activity (or the same one restarted), `changed`
    on every change (the projector's counts). A page rendered before a change gets its event
    at once. Ends when the server stops or the page goes away."""
    activity_key = live.activity_key if version == live.version else ""
    while not live.closed:
        if not await live.wait_for_change(version, EVENT_WAIT_SECONDS):
            if await is_disconnected():
                return
            continue
        if live.closed:
            return
        version = live.version
        if kind == "changed":
            yield {"event": "changed", "data": str(version)}
        elif live.activity_key != activity_key:
            activity_key = live.activity_key
            yield {"event": "activity", "data": str(version)}
