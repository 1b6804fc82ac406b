"""Timers are kept in the session file and reopen as they were left (issue #9, item 17)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from workshop.core import ops
from workshop.store.session_text import load_session
from workshop.tui.widgets.debate_timer import DebateTimer
from workshop.tui.widgets.timer import TimerLine

from .harness import open_session, wait_until
from .shell_fixtures import FIXED_WALL_TIME, FakeClock, fixed_wall_clock, make_session


async def test_a_paused_timer_reopens_as_it_was_left(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="debate-blocks")  # planned for 45 minutes
    clock = FakeClock()
    async with open_session(path, clock=clock, wall_clock=fixed_wall_clock) as (_, pilot, screen):
        await pilot.press("ctrl+t")
        clock.advance(5)
        await pilot.press("f6")  # a minute more: 46:00 in all
        clock.advance(4)
        await pilot.press("ctrl+t")  # pause after 9 seconds: 45:51 left
        await pilot.pause()
        assert str(screen.query_one(TimerLine).content) == "⏸ 45:51 left"
    kept = ops.timer_state(load_session(path), "debate-blocks")
    assert kept is not None
    assert (kept.elapsed_seconds, kept.added_seconds, kept.running_since) == (9.0, 60, None)

    async with open_session(path, clock=FakeClock()) as reopened:
        assert str(reopened.screen.query_one(TimerLine).content) == "⏸ 45:51 left"


async def test_a_running_timer_is_in_the_file_with_the_time_it_started(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")  # 15 minutes
    async with open_session(path, clock=FakeClock(), wall_clock=fixed_wall_clock) as (_, pilot, _):
        await pilot.press("ctrl+t")
        await wait_until(
            pilot, lambda: ops.timer_state(load_session(path), "what-bugs-customers") is not None
        )
    kept = ops.timer_state(load_session(path), "what-bugs-customers")
    assert kept is not None and kept.running_since == FIXED_WALL_TIME
    assert kept.planned_seconds == 15 * 60
    # Read from the file alone, ten minutes later: 5 minutes left.
    ten_later = FIXED_WALL_TIME + timedelta(minutes=10)
    assert kept.planned_seconds + kept.added_seconds - kept.seconds_run(ten_later) == 300


async def test_the_debate_blocks_time_is_kept_when_moving_on_and_reopens(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="debate-blocks")
    async with open_session(path) as (app, pilot, screen):
        await wait_until(pilot, lambda: bool(screen.query(DebateTimer)))
        timer = screen.query_one(DebateTimer)
        first = timer._item  # noqa: SLF001 - which block it counts
        await pilot.press("pagedown")  # on to the next block: the first one's time is kept
        await wait_until(
            pilot,
            lambda: ops.timer_state(load_session(path), "debate-blocks", first) is not None,
        )
        kept = ops.timer_state(load_session(path), "debate-blocks", first)
        assert kept is not None and kept.running_since is None
    # Pretend the first block had run 4:05 (the file is what the screen reads back).
    kept_longer = kept.model_copy(update={"elapsed_seconds": 245.0})
    from workshop.store.session_file import SessionFile

    SessionFile.open(path).change(lambda s: ops.set_timer(s, kept_longer))
    async with open_session(path) as (app, pilot, screen):
        await wait_until(pilot, lambda: bool(screen.query(DebateTimer)))
        assert int(screen.query_one(DebateTimer).elapsed(first)) == 245
