"""Single keys that change data say what they changed, and undo names what it undoes and where
(issue #9, items 13 and 14). Driven on the real session screen with bursts of keys."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input, Static

from workshop.core import ops
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session
from workshop.tui.widgets.status import SaveStatus

from .harness import notices, open_session, wait_until
from .shell_fixtures import make_session, send_burst


def with_ideas(path: Path, *texts: str) -> None:
    def add(draft: object) -> None:
        for text in texts:
            ops.add_idea(draft, text, activity="what-bugs-customers")  # type: ignore[arg-type]

    SessionFile.open(path).change(add)


async def test_esc_from_the_filter_goes_back_to_the_idea_box(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    with_ideas(path, "Invoices arrive late #billing", "Hold music loops")
    async with open_session(path, size=(80, 24), ready="keys") as (app, pilot, _):
        app.post_message(events.Key("ctrl+f", None))
        send_burst(app, "bil\x1bhd")  # then h and d, meant as the start of an idea
        await wait_until(pilot, lambda: app.screen.query_one("#idea", Input).value == "hd")
        assert app.focused is app.screen.query_one("#idea", Input)
        await pilot.pause()
    assert [idea.hidden for idea in load_session(path).ideas] == [False, False]


async def test_h_names_the_idea_it_hides_and_says_ctrl_z_undoes(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    with_ideas(path, "Invoices arrive after the due date", "Hold music loops")
    async with open_session(path, size=(80, 24), ready="keys") as (app, pilot, screen):
        await pilot.press("down", "h")  # the newest idea first: i2 "Hold music loops"
        await wait_until(pilot, lambda: load_session(path).ideas[1].hidden)
        assert any("Hid idea i2 “Hold music loops”" in notice for notice in notices(app))
        status = str(screen.query_one(SaveStatus).content)
        assert "Hide idea i2 “Hold music loops”" in status and "ctrl+z undoes" in status
        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: not load_session(path).ideas[1].hidden)
        assert any(
            "Undo: show idea i2 “Hold music loops” again in What bugs our customers?" in notice
            for notice in notices(app)
        )


async def test_a_burst_of_d_deletes_without_stacking_errors(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    with_ideas(path, "One", "Two", "Three")
    async with open_session(path, size=(80, 24), ready="keys") as (app, pilot, _):
        await pilot.press("down")
        send_burst(app, "ddd")
        await wait_until(pilot, lambda: len(load_session(path).ideas) < 3)
        await pilot.pause(0.2)
        assert not any("no idea with id" in notice for notice in notices(app))
        assert any(notice.startswith("Deleted idea i") for notice in notices(app))


async def test_a_stray_a_on_the_benchmark_says_who_it_added_and_undo_removes_them(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path, current="benchmark")
    async with open_session(path, size=(80, 24), ready="keys") as (app, pilot, _):
        await pilot.press("a")
        await wait_until(pilot, lambda: len(load_session(path).participants) == 1)
        assert "Added Participant 1: ctrl+z removes them." in notices(app)
        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: not load_session(path).participants)


async def test_undo_names_the_idea_and_the_activity(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_session(path, size=(80, 24), ready="keys") as (app, pilot, _):
        send_burst(app, "Invoices arrive after the due date⏎")
        await wait_until(pilot, lambda: bool(load_session(path).ideas))
        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: not load_session(path).ideas)
        assert (
            "Undo: remove idea i1 “Invoices arrive after…” in What bugs our customers?"
            in notices(app)
        )


async def test_undo_across_activities_says_so_and_waits_for_a_second_ctrl_z(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_session(path, size=(80, 24), ready="keys") as (app, pilot, screen):
        send_burst(app, "Slow invoices⏎")
        await wait_until(pilot, lambda: bool(load_session(path).ideas))
        app.post_message(events.Key("f8", None))
        await wait_until(pilot, lambda: screen.session.current_activity == "getting-it-right")
        await wait_until(pilot, lambda: not screen.holds_keys)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(load_session(path).ideas) == 1  # not yet
        assert any(
            "The last change was made in What bugs our customers?: remove idea i1 “Slow invoices”"
            in notice
            for notice in notices(app)
        )
        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: not load_session(path).ideas)


async def test_an_idea_typed_with_spaces_at_either_end_is_stored_as_typed(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_session(path, size=(80, 24), ready="keys") as (app, pilot, _):
        send_burst(app, "  =SUM(A1) ⏎")
        await wait_until(pilot, lambda: bool(load_session(path).ideas))
    assert [idea.text for idea in load_session(path).ideas] == ["  =SUM(A1) "]


async def test_f3_shows_the_agendas_notes_for_the_facilitator_and_hides_them(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_session(path, size=(80, 24), ready="keys") as (app, pilot, screen):
        box = screen.query_one("#facilitator-notes")
        assert not box.display  # off at first: the laptop is often the projector
        await pilot.press("f3")
        await pilot.pause()
        assert box.display and box.region.height >= 3
        assert "Ask for what the customer experiences" in str(
            screen.query_one("#notes-text", Static).content
        )
        app.post_message(events.Key("f8", None))  # the notes follow the activity
        await wait_until(
            pilot,
            lambda: (
                "already knows how to delight"
                in str(screen.query_one("#notes-text", Static).content)
            ),
        )
        await wait_until(pilot, lambda: isinstance(app.focused, Input))  # the panel has it
        await pilot.press("f3")
        await pilot.pause()
        assert not box.display
        assert "F3" in screen.panels.help_markdown()
