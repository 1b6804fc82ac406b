"""Keeping the screen's keys quick while a worker thread holds the interpreter.

A thread doing Python work (re-reading a session file another process changed) keeps the
interpreter for up to `sys.getswitchinterval()` (5 ms) each time the screen's thread asks for
it back, and the screen asks several times per key (each turn of the event loop waits on the
terminal, then takes the interpreter again): a key typed during a 10,000-idea re-read waited
tens of milliseconds. A shorter interval while such a worker runs hands the interpreter back
sooner; the worker takes a little longer, which nobody waits for.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

WORKER_SWITCH_INTERVAL = 0.0005
"""Seconds a worker keeps the interpreter when the screen's thread wants it (5 ms by default)."""

_lock = threading.Lock()
_workers = 0
_interval_before = sys.getswitchinterval()


@contextmanager
def screen_first() -> Iterator[None]:
    """While inside, threads switch every `WORKER_SWITCH_INTERVAL`; the interval is restored
    when the last worker inside leaves."""
    global _workers, _interval_before  # one setting for the whole process
    with _lock:
        if _workers == 0:
            _interval_before = sys.getswitchinterval()
            sys.setswitchinterval(min(_interval_before, WORKER_SWITCH_INTERVAL))
        _workers += 1
    try:
        yield
    finally:
        with _lock:
            _workers -= 1
            if _workers == 0:
                sys.setswitchinterval(_interval_before)
