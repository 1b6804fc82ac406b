"""Keys typed in a burst right after Tab land in the field the Tab moved to (issue #9, 12).

A terminal hands the app a fast typist's keys in chunks. A chunk ending just after a Tab and the
first letters of the next field ("⇥Le") used to lose those letters: the field's Focus event came
after them and selected them, and the next chunk replaced the selection ("na Kowalski"). A Tab
read while the horizon's Select had the focus ran only once it had bubbled up to the app, and
the letters read meanwhile went to the Select, which drops them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.store.session_text import load_session

from .harness import open_home, open_session, wait_until
from .shell_fixtures import make_session, send_burst

WHAT = "Open web chat until 8pm"
OWNER = "Lena Kowalski"
MEASURE = "Chats missed after 5pm: none by March"
BURST = f"{WHAT}⇥{OWNER}⇥⇥{MEASURE}⏎"


def chunks(*ends: str) -> list[str]:
    """BURST cut just after each of `ends` (each found after the previous cut)."""
    parts, rest = [], BURST
    for end in ends:
        cut = rest.index(end) + len(end)
        parts.append(rest[:cut])
        rest = rest[cut:]
    return [*parts, rest]


@pytest.mark.parametrize(
    "parts",
    [
        pytest.param([BURST], id="one-burst"),
        pytest.param(chunks("⇥Le"), id="cut-after-tab-and-two-letters"),
        pytest.param(chunks("⇥⇥Chats"), id="cut-after-two-tabs-and-a-word"),
        pytest.param(chunks(f"{OWNER}⇥"), id="cut-with-the-focus-on-the-select"),
        pytest.param(chunks("⇥L", "⇥", "⇥C", "hats m"), id="cut-everywhere"),
    ],
)
async def test_the_new_action_form_keeps_every_key_typed_after_a_tab(
    tmp_path: Path, parts: list[str]
) -> None:
    path = make_session(tmp_path, current="action-plan")
    async with open_session(path, size=(80, 24), ready="keys") as (app, pilot, _):
        await pilot.press("n")
        await wait_until(pilot, lambda: bool(app.screen.query("#plan-form-what")))
        await wait_until(pilot, lambda: not app.screen.holds_keys)  # type: ignore[attr-defined]
        await pilot.pause(0.1)  # the newcomer waited before typing
        for part in parts:
            send_burst(app, part)
            await pilot.pause()  # the next chunk is read once this one has been handled
        await wait_until(pilot, lambda: bool(load_session(path).actions))
    (action,) = load_session(path).actions
    assert (action.title, action.owner, action.measure) == (WHAT, OWNER, MEASURE)


async def test_a_tab_into_a_filled_field_still_replaces_its_text_however_fast(
    tmp_path: Path,
) -> None:
    # What the Focus event does (select the whole text, so typing replaces it) is done at the
    # Tab, as for a slow typist, and not again when the event comes.
    path = make_session(tmp_path, current="action-plan")
    async with open_session(path, size=(80, 24), ready="keys") as (app, pilot, _):
        await pilot.press("n")
        await wait_until(pilot, lambda: not app.screen.holds_keys)  # type: ignore[attr-defined]
        await pilot.press(*"Ana", "tab", *"Bo")  # slowly: What "Ana", Owner "Bo"
        await pilot.press("shift+tab")  # back to What, its "Ana" selected
        for part in ["Fix it⇥Ca", "rl⏎"]:  # the owner "Bo" is replaced by "Carl"
            send_burst(app, part)
            await pilot.pause()
        await wait_until(pilot, lambda: bool(load_session(path).actions))
    (action,) = load_session(path).actions
    assert (action.title, action.owner) == ("Fix it", "Carl")


async def test_the_new_session_dialog_keeps_the_team_typed_after_a_tab(tmp_path: Path) -> None:
    async with open_home(tmp_path) as (app, pilot):
        for part in ["nWinter review⇥Cu", "stomer care⏎"]:
            send_burst(app, part)
            await pilot.pause()
        await wait_until(pilot, lambda: bool(list(tmp_path.glob("*.toml"))))
        await pilot.pause()
    (path,) = tmp_path.glob("*.toml")
    session = load_session(path)
    assert (session.title, session.team) == ("Winter review", "Customer care")
