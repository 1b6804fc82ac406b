"""Keys typed in one burst take effect in order, once, in every dialog and palette (issue #9).

One mechanism (ClosesOnce in tui/screens/closing.py, HoldsKeys in tui/widgets/typing_boxes.py): a
dialog takes the keys typed while it opens, and the keys typed after its answer wait until the
answer has taken effect, then go to what comes next. Each test sends its keys as one burst
(`send_burst`, as a terminal delivers a fast typist's keys) and checks the file and the screen.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.command import CommandPalette

from workshop.store.session_text import load_session
from workshop.tui.screens.home import HomeScreen
from workshop.tui.screens.session import SessionScreen

from .harness import open_home, open_session, wait_until
from .shell_fixtures import make_session, send_burst


async def test_keys_after_the_new_session_enter_go_to_the_session_not_the_title(
    tmp_path: Path,
) -> None:
    async with open_home(tmp_path) as (app, pilot):
        send_burst(app, "nBurst D⏎xyz⏎")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        await wait_until(pilot, lambda: not app.screen.holds_keys)  # type: ignore[attr-defined]
        await pilot.pause()
        files = list(tmp_path.glob("*.toml"))
        assert [load_session(path).title for path in files] == ["Burst D"]


async def test_f8_straight_after_the_new_session_enter_moves_the_new_session_on(
    tmp_path: Path,
) -> None:
    async with open_home(tmp_path) as (app, pilot):
        send_burst(app, "nBurst B⏎")
        app.post_message(events.Key("f8", None))
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        (path,) = tmp_path.glob("*.toml")
        await wait_until(pilot, lambda: load_session(path).current_activity == "leader-questions")
        assert load_session(path).title == "Burst B"


async def test_esc_in_the_new_session_dialog_gives_the_keys_after_it_to_the_home_screen(
    tmp_path: Path,
) -> None:
    make_session(tmp_path, "Older")
    async with open_home(tmp_path) as (app, pilot):
        send_burst(app, "nabc\x1bn")  # changed my mind, then a new session after all
        await wait_until(pilot, lambda: not isinstance(app.screen, HomeScreen))
        await pilot.pause()
        title = app.screen.query_one("#new-title")
        assert title.value == ""  # type: ignore[attr-defined]
    assert len(list(tmp_path.glob("*.toml"))) == 1


async def test_a_theme_named_in_one_burst_after_n_in_group(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="group-themes", ideas=3)
    async with open_session(path, size=(80, 24), ready="keys") as (app, pilot, _):
        send_burst(app, "nTheme B⏎")
        await wait_until(pilot, lambda: bool(load_session(path).themes))
        assert [theme.title for theme in load_session(path).themes] == ["Theme B"]
        assert isinstance(app.screen, SessionScreen)


async def test_an_action_titled_in_one_burst_after_n_in_plan(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="action-plan")
    async with open_session(path, size=(80, 24), ready="keys") as (app, pilot, _):
        send_burst(app, "nFix invoices⇥Ana⏎")
        await wait_until(pilot, lambda: bool(load_session(path).actions))
        (action,) = load_session(path).actions
        assert (action.title, action.owner) == ("Fix invoices", "Ana")


async def test_keys_after_the_enter_that_picks_a_palette_command_reach_the_next_panel(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path)
    async with open_session(path, size=(80, 24), ready="screen") as (app, pilot, _):
        app.post_message(events.Key("ctrl+g", None))
        send_burst(app, "bugs")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await app.workers.wait_for_complete()
        await pilot.pause()
        send_burst(app, "⏎Slow invoices⏎")
        await wait_until(pilot, lambda: bool(load_session(path).ideas))
        session = load_session(path)
        assert session.current_activity == "what-bugs-customers"
        assert [idea.text for idea in session.ideas] == ["Slow invoices"]


async def test_keys_after_an_enter_the_dialog_refuses_stay_in_the_dialog(tmp_path: Path) -> None:
    async with open_home(tmp_path) as (app, pilot):
        send_burst(app, "n⏎Late title⏎")  # Enter with no title: refused, then the title
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
    assert [load_session(path).title for path in tmp_path.glob("*.toml")] == ["Late title"]


async def test_the_new_session_burst_through_pilot_press(tmp_path: Path) -> None:
    async with open_home(tmp_path) as (app, pilot):
        await pilot.press("n", *"Burst D", "enter", *"xyz", "enter", "f8")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        (path,) = tmp_path.glob("*.toml")
        await wait_until(pilot, lambda: load_session(path).current_activity == "leader-questions")
        assert load_session(path).title == "Burst D"


async def test_a_digit_typed_after_naming_a_theme_puts_an_idea_in_it(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="group-themes", ideas=3)
    async with open_session(path, size=(80, 24), ready="keys") as (app, pilot, _):
        send_burst(app, "nBilling⏎1")
        await wait_until(pilot, lambda: any(idea.theme for idea in load_session(path).ideas))
    session = load_session(path)
    (theme,) = session.themes
    assert theme.title == "Billing"
    assert [idea.theme for idea in session.ideas].count(theme.id) == 1


async def test_an_open_dialog_takes_a_burst_with_its_enter_at_the_end(tmp_path: Path) -> None:
    # The form is already up; the burst reaches its title box before the Enter is handled.
    path = make_session(tmp_path, current="action-plan")
    async with open_session(path, size=(60, 20), ready="keys") as (app, pilot, _):
        await pilot.press("n")
        await wait_until(pilot, lambda: bool(app.screen.query("#plan-form-what")))
        await wait_until(pilot, lambda: not app.screen.holds_keys)  # type: ignore[attr-defined]
        send_burst(app, "Call back⇥Bo⏎")
        await wait_until(pilot, lambda: bool(load_session(path).actions))
    (action,) = load_session(path).actions
    assert (action.title, action.owner) == ("Call back", "Bo")


async def test_an_idea_typed_just_before_f8_stays_in_the_activity_it_was_typed_in(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path, current="what-bugs-customers")
    async with open_session(path, size=(80, 24), ready="keys") as (app, pilot, screen):
        send_burst(app, "Idea before F8⏎half typ")
        app.post_message(events.Key("f8", None))
        send_burst(app, "After F8⏎")
        await wait_until(pilot, lambda: len(load_session(path).ideas) == 2)
        assert screen.drafts == {"what-bugs-customers": "half typ"}
    ideas = sorted((idea.activity, idea.text) for idea in load_session(path).ideas)
    assert ideas == [
        ("getting-it-right", "After F8"),
        ("what-bugs-customers", "Idea before F8"),
    ]
