"""The shell driven as a facilitator drives it: keys in, screen and saved file checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.command import CommandPalette
from textual.widgets import DataTable, Input, Static

from tests.conftest import shipped_agenda
from tests.hostile import HOSTILE_TEXTS
from workshop.core import ops
from workshop.core.agenda import Agenda
from workshop.store import session_file as session_file_module
from workshop.store.atomic import SaveError
from workshop.store.editor import Change, Rejected, Undo
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.dialogs.help import HelpScreen
from workshop.tui.screens.home import HomeScreen
from workshop.tui.screens.session import SessionScreen
from workshop.tui.widgets.footer import FOOTER_KEY
from workshop.tui.widgets.status import SaveStatus
from workshop.tui.widgets.timer import TimerLine

from .harness import open_home, open_session, retry_saves_soon, session_screen, wait_until
from .shell_fixtures import (
    FakeClock,
    fixed_wall_clock,
    make_session,
    send_burst,
)


def text_of(screen: object, selector: str) -> str:
    widget = screen.query_one(selector, Static)  # type: ignore[attr-defined]
    return str(widget.content)


# --- opening ----------------------------------------------------------------------------


async def test_opens_the_session_where_it_was_left(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_session(path) as (app, pilot, screen):
        assert "Spring review" in text_of(screen, "#session-title")
        assert "Customer service" in text_of(screen, "#session-title")
        assert "What bugs our customers?" in text_of(screen, "#activity-title")
        assert "annoyed" in text_of(screen, "#activity-prompt")
        await wait_until(pilot, lambda: bool(screen.query("#panel-what-bugs-customers")))


async def test_an_unreadable_session_file_lands_on_home_with_a_message(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("title = [unclosed\n")
    app = WorkshopApp(session_path=broken, sessions_folder=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Skipped 1 file" in text_of(app.screen, "#home-skipped")


async def test_home_new_session_to_first_idea_without_a_mouse(tmp_path: Path) -> None:
    async with open_home(tmp_path) as (app, pilot):
        assert isinstance(app.screen, HomeScreen)
        assert "No sessions here yet" in text_of(app.screen, "#home-empty")
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Team day", "enter")
        await pilot.pause()
        screen = session_screen(app)
        files = list(tmp_path.glob("*.toml"))
        assert len(files) == 1
        assert load_session(files[0]).title == "Team day"
        assert screen.session_file.path == files[0]
        # Jump to the first brainstorm by name: ctrl+g, a word, Enter.
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"bugs")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.session.current_activity == "what-bugs-customers")
        await wait_until(pilot, lambda: isinstance(app.focused, Input))
        await pilot.press(*"Nobody calls back", "enter")
        await wait_until(pilot, lambda: len(load_session(files[0]).ideas) == 1)
        assert load_session(files[0]).ideas[0].text == "Nobody calls back"


async def test_a_title_tab_and_team_typed_in_one_burst_land_in_their_fields(
    tmp_path: Path,
) -> None:
    async with open_home(tmp_path) as (app, pilot):
        send_burst(app, "nTeam dax⌫y⇥Service desk⏎")  # straight after n, as a fast typist does
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
    (path,) = tmp_path.glob("*.toml")
    session = load_session(path)
    assert (session.title, session.team) == ("Team day", "Service desk")


async def test_home_lists_sessions_and_enter_resumes(tmp_path: Path) -> None:
    make_session(tmp_path, "Older", current="touch-points")
    make_session(tmp_path, "Newer", ideas=3)
    async with open_home(tmp_path) as (app, pilot):
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        titles = {str(table.get_row_at(row)[0]) for row in range(2)}
        assert titles == {"Older", "Newer"}
        row = next(r for r in range(2) if str(table.get_row_at(r)[0]) == "Older")
        table.move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        assert session_screen(app).session.current_activity == "touch-points"


async def test_r_on_home_opens_the_report_and_escape_comes_back(tmp_path: Path) -> None:
    from workshop.tui.screens.report import ReportScreen

    make_session(tmp_path, "Older", ideas=2)
    async with open_home(tmp_path) as (app, pilot):
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, ReportScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_the_palette_offers_the_report_from_a_session(tmp_path: Path) -> None:
    from workshop.tui.screens.report import ReportScreen

    path = make_session(tmp_path, "Team session")
    async with open_session(path) as (app, pilot, _):
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"Report: follow")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReportScreen))


# --- user text is never markup ------------------------------------------------------------


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS)
async def test_markup_in_titles_shows_literally(tmp_path: Path, hostile: str) -> None:
    data = shipped_agenda().model_dump()
    data["steps"][0]["title"] = hostile
    data["steps"][0]["activities"][0]["title"] = hostile
    data["steps"][0]["activities"][0]["prompts"] = [hostile]
    agenda = Agenda.model_validate(data)
    path = make_session(tmp_path, hostile, hostile, agenda=agenda)
    visible = hostile.replace("\t", " ")
    async with open_session(path) as (app, pilot, screen):
        if "\x1b" not in hostile:
            assert text_of(screen, "#session-title") == f"{visible} · {visible}"
            assert visible in text_of(screen, "#activity-title")
            assert text_of(screen, "#activity-prompt") == visible
        else:
            assert "␛[31m" in text_of(screen, "#session-title")
            assert "\x1b" not in text_of(screen, "#session-title")
        # The jump palette and the command palette list the agenda's titles literally too.
        await pilot.press("ctrl+g")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*"jump", "backspace")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        app.action_go_home()
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert str(table.get_row_at(0)[0]) == hostile.replace("\t", " ").replace(
            "\x1b", "␛"
        ).replace("\x07", "␇")
        assert app.is_running


# --- moving through the agenda ------------------------------------------------------------


async def test_next_and_previous_record_the_log(tmp_path: Path) -> None:
    path = make_session(tmp_path)
    async with open_session(path) as (app, pilot, screen):
        await pilot.press("f8")
        await pilot.pause()
        assert screen.session.current_activity == "leader-questions"
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        saved = load_session(path)
        assert saved.current_activity == "leader-questions"
        assert [entry.activity for entry in saved.log] == [
            "leader-questions",
            "what-bugs-customers",
            "leader-questions",
        ]
        assert all(entry.ended is not None for entry in saved.log[:-1])
        assert saved.log[-1].ended is None
        assert "Questions every leader" in text_of(screen, "#activity-title")
        await wait_until(pilot, lambda: bool(screen.query("#panel-leader-questions")))
        assert not screen.query("#panel-what-bugs-customers")
        assert "Saved" in str(screen.query_one(SaveStatus).content)
        await pilot.press("ctrl+q")
    # Quitting closes the running activity in the log.
    assert all(entry.ended is not None for entry in load_session(path).log)


async def test_enter_in_the_outline_goes_to_that_activity(tmp_path: Path) -> None:
    path = make_session(tmp_path)
    async with open_session(path) as (app, pilot, screen):
        outline = screen.query_one("#outline-list")
        outline.focus()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert load_session(path).current_activity == "what-bugs-customers"
        assert "What bugs" in text_of(screen, "#activity-title")


async def test_outline_hidden_when_narrow_and_toggled_with_ctrl_b(tmp_path: Path) -> None:
    path = make_session(tmp_path)
    async with open_session(path, size=(80, 24)) as (app, pilot, screen):
        outline = screen.query_one("#outline")
        assert not outline.display or outline.region.width == 0
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert outline.region.width > 0
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert outline.region.width == 0
    async with open_session(path) as wide:
        assert wide.screen.query_one("#outline").region.width > 0


async def test_showing_and_hiding_the_agenda_keeps_the_typing_where_it_was(
    tmp_path: Path,
) -> None:
    # ctrl+b moved the focus to the agenda before it was displayed: nothing had the focus,
    # and the idea typed next was lost without a word.
    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_session(path, size=(80, 24), ready="keys") as (app, pilot, screen):
        await wait_until(pilot, lambda: isinstance(app.focused, Input))
        box = app.focused
        for idea in ("Typed with the agenda shown", "Typed with it hidden again"):
            await pilot.press("ctrl+b")
            await pilot.pause()
            assert app.focused is box
            send_burst(app, f"{idea}⏎")
            await wait_until(
                pilot, lambda idea=idea: idea in [i.text for i in load_session(path).ideas]
            )
        assert screen.query_one("#outline").region.width == 0


# --- the timer ----------------------------------------------------------------------------


async def test_timer_start_pause_add_minute_and_overrun(tmp_path: Path) -> None:
    path = make_session(tmp_path)  # the first activity is planned for 15 minutes
    clock = FakeClock()
    async with open_session(path, clock=clock) as (app, pilot, screen):
        line = screen.query_one(TimerLine)
        assert str(line.content) == "⏸ 15:00"
        await pilot.press("ctrl+t")
        await pilot.pause()
        # Starting the timer records that the activity began.
        assert [e.activity for e in load_session(path).log] == ["the-case"]
        clock.advance(65)
        await pilot.press("ctrl+t")  # pause
        await pilot.pause()
        assert str(line.content) == "⏸ 13:55 left"
        clock.advance(600)  # paused: no time passes
        await pilot.press("f6")
        await pilot.pause()
        assert str(line.content) == "⏸ 14:55 left"
        await pilot.press("ctrl+t")
        clock.advance(14 * 60 + 55 + 133)
        await pilot.press("f2")
        await pilot.pause()
        assert str(line.content) == "▶ +02:13 over"
        assert line.has_class("-overrun")
        big = screen.query_one("#big-timer")
        assert big.display and big.region.height >= 3
        assert big.value == "+02:13"  # type: ignore[attr-defined]
        # Each activity has its own timer.
        await pilot.press("f8")
        await pilot.pause()
        assert str(line.content) == "⏸ 20:00"
        await pilot.press("f7")
        await pilot.pause()
        assert str(line.content) == "▶ +02:13 over"


# --- saving -------------------------------------------------------------------------------


async def test_a_failed_save_stays_on_screen_and_retries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    real_write = session_file_module.write_atomically
    disk_full = True
    attempts: list[bool] = []

    def write_unless_full(*args: object, **kwargs: object) -> object:
        attempts.append(disk_full)
        if disk_full:
            raise SaveError(f"{path}: cannot save: No space left on device")
        return real_write(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(session_file_module, "write_atomically", write_unless_full)
    monkeypatch.setattr("workshop.tui.screens.session_saving.RETRY_SECONDS", 0.2)
    async with open_session(path) as (app, pilot, screen):
        # The way a panel saves: through the context it is made with.
        kept = screen.panel_context.save(
            Change(lambda draft: ops.add_idea(draft, "Keep me"), "Added an idea")
        )
        assert kept is None  # not durable: kept for a retry
        await pilot.pause()
        status = screen.query_one(SaveStatus)
        assert status.has_class("-error")
        assert "NOT SAVED" in str(status.content)
        assert "No space left" in str(status.content)
        assert screen.pending == 1
        assert load_session(path).ideas == []
        await wait_until(pilot, lambda: len(attempts) >= 3)  # it keeps retrying
        assert status.has_class("-error")
        disk_full = False
        await wait_until(pilot, lambda: not screen.pending)
        assert not status.has_class("-error")
        assert "Saved" in str(status.content)
        assert [idea.text for idea in load_session(path).ideas] == ["Keep me"]
        assert [idea.text for idea in screen.session.ideas] == ["Keep me"]


async def test_an_idea_whose_save_fails_is_kept_while_the_room_types_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    real_write = session_file_module.write_atomically
    disk_full = True

    def write_unless_full(*args: object, **kwargs: object) -> object:
        if disk_full:
            raise SaveError(f"{path}: cannot save: No space left on device")
        return real_write(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(session_file_module, "write_atomically", write_unless_full)
    retry_saves_soon(monkeypatch)
    async with open_session(path) as (app, pilot, screen):
        await wait_until(pilot, lambda: isinstance(app.focused, Input))
        send_burst(app, "Never lose this⏎and this")
        await pilot.pause()
        status = screen.query_one(SaveStatus)
        assert status.has_class("-error")
        assert "1 change kept" in str(status.content)
        assert screen.uncaptured_text() == "and this"
        assert load_session(path).ideas == []
        disk_full = False
        await wait_until(pilot, lambda: not status.has_class("-error"))
        assert [idea.text for idea in load_session(path).ideas] == ["Never lose this"]
        assert app.focused is not None and app.focused.value == "and this"  # type: ignore[attr-defined]


async def test_what_is_typed_right_after_f8_goes_to_the_next_activity(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_session(path) as (app, pilot, screen):
        await wait_until(pilot, lambda: isinstance(app.focused, Input))
        app.post_message(events.Key("f8", None))
        send_burst(app, "Told us thanks⏎and then")
        await wait_until(pilot, lambda: bool(load_session(path).ideas))
        await pilot.pause()
        assert screen.session.current_activity == "getting-it-right"
        assert [(idea.text, idea.activity) for idea in load_session(path).ideas] == [
            ("Told us thanks", "getting-it-right")
        ]
        assert screen.uncaptured_text() == "and then"


async def test_keys_typed_across_several_moves_follow_each_move(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_session(path) as (app, pilot, screen):
        await wait_until(pilot, lambda: isinstance(app.focused, Input))
        for key in ("f8", "f7", "f8", "f8"):
            app.post_message(events.Key(key, None))
        send_burst(app, "The help desk⏎")
        await wait_until(pilot, lambda: bool(load_session(path).ideas))
        await pilot.pause()
        assert screen.session.current_activity == "touch-points"
        assert [(idea.text, idea.activity) for idea in load_session(path).ideas] == [
            ("The help desk", "touch-points")
        ]


async def test_vote_keys_typed_right_after_moving_there_count(tmp_path: Path) -> None:
    def with_themes(draft: object) -> None:
        for title in ("Billing", "Phone"):
            ops.add_theme(draft, title, "group-themes")  # type: ignore[arg-type]

    path = make_session(tmp_path, current="benchmark")
    SessionFile.open(path).change(with_themes)
    async with open_session(path) as (app, pilot, screen):
        app.post_message(events.Key("f8", None))  # benchmark -> prioritise
        send_burst(app, "t3⏎")
        await wait_until(pilot, lambda: bool(load_session(path).votes))
        assert screen.session.current_activity == "prioritise"
    assert [(v.target, v.count) for v in load_session(path).votes] == [("t1", 3)]


async def test_undo_goes_through_the_store(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_session(path) as (app, pilot, screen):
        screen.panel_context.save(
            Change(
                lambda draft: ops.add_idea(draft, "Oops"),
                "Added an idea",
                make_undo=lambda idea: Undo(
                    lambda draft: ops.delete_idea(draft, idea.id), "Removed “Oops”"
                ),
            )
        )
        await pilot.pause()
        assert len(load_session(path).ideas) == 1
        screen.query_one("#outline-list").focus()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert load_session(path).ideas == []
        assert screen.session.ideas == []


async def test_a_rule_error_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    path = make_session(tmp_path)
    async with open_session(path) as (app, pilot, screen):
        refused = screen.panel_context.save(Change(lambda d: ops.edit_idea(d, "i9", "x"), "Edit"))
        assert isinstance(refused, Rejected) and "no idea with id" in refused.message
        await pilot.pause()
        assert not screen.query_one(SaveStatus).has_class("-error")
        assert any("no idea with id" in n.message for n in app._notifications)  # noqa: SLF001
        assert not screen.pending


async def test_another_process_change_appears_without_losing_typed_text(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_session(path) as (app, pilot, screen):
        await wait_until(pilot, lambda: isinstance(app.focused, Input))
        panel = screen.query_one("#panel-what-bugs-customers")
        await pilot.press(*"half a sente")
        other = SessionFile.open(path)
        other.change(lambda draft: ops.add_idea(draft, "From the other terminal"))
        await wait_until(pilot, lambda: len(screen.session.ideas) == 1, seconds=2.0)
        assert panel.session.ideas[0].text == "From the other terminal"  # type: ignore[attr-defined]
        focused = app.focused
        assert isinstance(focused, Input)
        assert focused.value == "half a sente"


async def test_palette_exports_markdown_beside_the_session(tmp_path: Path) -> None:
    path = make_session(tmp_path, ideas=2)
    async with open_session(path) as (app, pilot, _):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"export markdown")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: path.with_suffix(".md").exists())
    assert "Spring review" in path.with_suffix(".md").read_text()


async def test_f4_switches_to_the_light_theme_and_back(tmp_path: Path) -> None:
    path = make_session(tmp_path)
    async with open_session(path, size=(80, 24), wall_clock=fixed_wall_clock) as (app, pilot, _):
        await pilot.press("f4")
        assert app.theme == "textual-light"
        await pilot.press("f4")
        assert app.theme == "textual-dark"


async def test_f1_shows_help_for_the_focused_part(tmp_path: Path) -> None:
    path = make_session(tmp_path)
    async with open_session(path) as (app, pilot, screen):
        screen.query_one("#outline-list").focus()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Agenda outline" in app.screen.markdown
        box = app.screen.query_one("#help-box")
        # The box says how it closes (a newcomer scrolled to its end looking for it).
        assert "Esc closes" in str(box.border_subtitle)
        assert box.region.bottom <= app.size.height  # its border, with that line, is on screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_a_second_escape_queued_for_help_leaves_the_session_screen_alone(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path)
    async with open_session(path) as (app, pilot, screen):
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        help_screen.dismiss()
        help_screen.dismiss()  # as a second Esc handled before the first had closed it
        await pilot.pause()
        assert app.screen is screen
        assert app.screen_stack[1:] == [screen]


async def test_enter_twice_in_the_jump_palette_jumps_once_and_keeps_the_session(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path)
    async with open_session(path) as (app, pilot, screen):
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press(*"bugs")
        await app.workers.wait_for_complete()
        await pilot.pause()
        send_burst(app, "⏎⏎")
        await wait_until(pilot, lambda: screen.session.current_activity == "what-bugs-customers")
        await pilot.pause()
        assert app.screen is screen
        assert app.screen_stack[1:] == [screen]


async def test_quitting_with_an_unsaved_change_asks_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")

    def disk_full(*args: object, **kwargs: object) -> object:
        raise SaveError(f"{path}: cannot save: No space left on device")

    monkeypatch.setattr(session_file_module, "write_atomically", disk_full)
    async with open_session(path) as (app, pilot, screen):
        screen.panel_context.save(Change(lambda d: ops.add_idea(d, "Unsaved"), "Add"))
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        from workshop.tui.screens.dialogs.confirm import ConfirmScreen

        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert app.is_running
        assert screen.pending


async def test_half_typed_text_survives_leaving_the_activity_and_coming_back(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_session(path, ready="screen") as (app, pilot, screen):
        await wait_until(pilot, lambda: isinstance(app.focused, Input))
        await pilot.press(*"Hold music loo")
        await pilot.press("f8")
        await wait_until(pilot, lambda: screen.session.current_activity == "getting-it-right")
        await wait_until(pilot, lambda: isinstance(app.focused, Input))
        assert app.focused.value == ""  # type: ignore[union-attr]

        await pilot.press("f7")
        await wait_until(pilot, lambda: screen.session.current_activity == "what-bugs-customers")
        await wait_until(
            pilot, lambda: screen.panel is not None and screen.panel.activity.id == ACTIVITY_BUGS
        )
        idea_input = screen.query_one("#idea", Input)
        assert idea_input.value == "Hold music loo"
        await pilot.press(*"ps #phone", "enter")
        await wait_until(pilot, lambda: len(load_session(path).ideas) == 1)
        assert load_session(path).ideas[0].text == "Hold music loops #phone"


async def test_quitting_with_text_typed_but_not_captured_asks_first(tmp_path: Path) -> None:
    from workshop.tui.screens.dialogs.confirm import ConfirmScreen

    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_session(path, ready="screen") as (app, pilot, screen):
        await wait_until(pilot, lambda: isinstance(app.focused, Input))
        await pilot.press(*"Nobody calls [/b] back")
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "Nobody calls [/b] back" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is screen)
        assert app.is_running
        assert screen.query_one("#idea", Input).value == "Nobody calls [/b] back"


ACTIVITY_BUGS = "what-bugs-customers"


async def test_debate_notes_typed_and_not_entered_are_saved_on_leaving(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="debate-blocks")
    async with open_session(path, ready="panel") as (app, pilot, screen):
        await pilot.pause()
        await pilot.press("e")  # the evidence field of the first block
        await wait_until(pilot, lambda: isinstance(app.focused, Input))
        await pilot.press(*"Three complaints last week")
        assert screen.uncaptured_text() == "Three complaints last week"

        await pilot.press("f8")

        await wait_until(pilot, lambda: bool(load_session(path).debate))
        note = load_session(path).debate[0]
        assert (note.item, note.evidence) == ("not-segmented", "Three complaints last week")


async def test_the_light_theme_is_remembered_for_next_time(tmp_path: Path) -> None:
    from workshop.store.settings import load_settings

    async with open_home(tmp_path) as (app, pilot):
        assert app.theme == "textual-dark"
        await pilot.press("f4")
        await wait_until(pilot, lambda: load_settings().theme == "textual-light")

    async with open_home(tmp_path) as (reopened, pilot):
        assert reopened.theme == "textual-light"
        await pilot.press("f4")
        await wait_until(pilot, lambda: reopened.theme == "textual-dark")
        await wait_until(pilot, lambda: load_settings().theme == "textual-dark")


async def test_the_footer_follows_the_keys_of_the_focused_part(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    SessionFile.open(path).change(lambda d: ops.add_idea(d, "An idea to highlight"))
    async with open_session(path, ready="screen") as (app, pilot, _):

        def footer_keys() -> set[str]:
            return {key.description for key in app.screen.query(FOOTER_KEY)}

        await wait_until(pilot, lambda: isinstance(app.focused, Input))
        await wait_until(pilot, lambda: "Next prompt" in footer_keys())
        assert "Edit" not in footer_keys()

        await pilot.press("down")  # from the idea box to the list
        await wait_until(pilot, lambda: "Edit" in footer_keys())
        await pilot.press("f8")  # another activity: its own keys
        await wait_until(
            pilot, lambda: "Next prompt" in footer_keys() and "Edit" not in footer_keys()
        )
