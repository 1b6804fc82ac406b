"""What the screen shows after each change (issue #9, "Wrong on screen"): read from the frame."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App

from tests.tui.programme_app import PanelApp, new_session_file
from tests.tui.shell_fixtures import send_burst
from workshop.core import ops
from workshop.core.models import Session
from workshop.store import load_session


def screen_lines(app: App[Any]) -> list[str]:
    """The composed frame as plain text, one string per terminal row."""
    strips = app.screen._compositor.render_strips()  # noqa: SLF001 - test-only peek
    return [strip.text for strip in strips]


def region_lines(app: App[Any], selector: str) -> list[str]:
    """The frame's text inside one widget's region."""
    region = app.query_one(selector).region
    lines = screen_lines(app)[region.y : region.bottom]
    return [line[region.x : region.right] for line in lines]


def grid_cells(app: App[Any], label: str) -> list[str]:
    """What the rating grid's row for `label` shows in its cells, as drawn."""
    row = next(line for line in region_lines(app, "#rate-grid") if line.startswith(label))
    return row[len(label) :].split()


# --- 1: a typed score is in its cell in the next frame -----------------------------------------


async def test_rate_typed_scores_are_in_their_cells_on_screen(tmp_path: Path) -> None:
    session_file = new_session_file(tmp_path)
    app = PanelApp(session_file, "benchmark")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert grid_cells(app, "Participant 1") == ["·"] * 11
        for digit in "3425":
            await pilot.press(digit)
            await pilot.pause()
        assert grid_cells(app, "Participant 1") == ["3", "4", "2", "5"] + ["·"] * 7
        await pilot.press("shift+tab", "shift+tab", "delete")
        await pilot.pause()
        assert grid_cells(app, "Participant 1")[:5] == ["3", "4", "·", "5", "·"]


# --- 2 and 7: the vote screen; voters are the people who rated ---------------------------------


def rated_by_two(session: Session) -> None:
    for title in ["Billing letters", "Waiting on hold", "Repeating ourselves"]:
        ops.add_theme(session, title, "group-themes")
    for score in (3, 4):
        person = ops.add_participant(session)
        ops.set_rating(session, "benchmark", person.id, "basic-knowledge", score)


async def test_vote_next_voter_is_the_next_person_who_rated_and_the_line_says_so(
    tmp_path: Path,
) -> None:
    session_file = new_session_file(tmp_path)
    session_file.change(rated_by_two)
    app = PanelApp(session_file, "prioritise")
    async with app.run_test(size=(80, 24)) as pilot:
        send_burst(app, "n")
        await pilot.pause()
        assert "Voting: Participant 1 · 5 of 5 votes left" in "\n".join(screen_lines(app))
        send_burst(app, "+↓+↓+")  # Down is read in order with the dots typed around it
        await pilot.pause()
        send_burst(app, "n")
        await pilot.pause()
        send_burst(app, "++")
        await pilot.pause()
        screen = "\n".join(screen_lines(app))
        assert "Voting: Participant 2 · 3 of 5 votes left" in screen
        assert "Now voting" not in screen and "Participant 1" not in screen
        ranking = [line.split() for line in region_lines(app, "#ranking-scroll")]
        assert ranking[1][:4] == ["★", "1", "3", "Repeating"]
        assert ranking[2][:4] == ["★", "=2", "1", "Billing"]
        assert ranking[3][:4] == ["★", "=2", "1", "Waiting"]
    saved = load_session(session_file.path)
    assert [p.id for p in saved.participants] == ["p1", "p2"]
    assert ops.votes_of(saved, "prioritise", "p1") == {"t1": 1, "t2": 1, "t3": 1}
    assert ops.votes_of(saved, "prioritise", "p2") == {"t3": 2}


async def test_rate_lists_only_those_who_rated_not_every_voter(tmp_path: Path) -> None:
    session_file = new_session_file(tmp_path)
    session_file.change(rated_by_two)

    def a_third_person_votes(session: Session) -> None:
        voter = ops.next_participant(session, "prioritise", passed=["p1", "p2"])
        ops.cast_votes(session, "prioritise", voter.id, {"t1": 2})

    session_file.change(a_third_person_votes)
    app = PanelApp(session_file, "benchmark")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        grid = region_lines(app, "#rate-grid")
        assert any(line.startswith("Participant 2") for line in grid)
        assert not any("Participant 3" in line for line in grid)
        assert "Results · 2 of 2 rated" in "\n".join(screen_lines(app))
        # The voter who has not rated is the next to rate: no new participant for them.
        await pilot.press("a")
        await pilot.pause()
        assert grid_cells(app, "Participant 3") == ["·"] * 11
        await pilot.press("5")
        await pilot.pause()
        assert grid_cells(app, "Participant 3")[0] == "5"
    assert [p.id for p in load_session(session_file.path).participants] == ["p1", "p2", "p3"]
