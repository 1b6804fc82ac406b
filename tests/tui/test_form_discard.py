"""Esc on the action form asks before it throws typed text away (issue #9).

Only a form whose text differs from what it opened with asks ("Discard this action?", Keep
editing the default, as quit asks); an untouched form, new or edited, still closes at once.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Input

from workshop.core import ops
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session
from workshop.tui.screens.dialogs.confirm import ConfirmScreen
from workshop.tui.screens.dialogs.plan_action_form import PlanActionForm
from workshop.tui.screens.session import SessionScreen

from .harness import Shell, open_session, wait_until
from .shell_fixtures import make_session, send_burst


def with_an_action(tmp_path: Path) -> Path:
    path = make_session(tmp_path, current="action-plan")
    SessionFile.open(path).change(
        lambda session: ops.add_action(session, "Call back within a day", owner="Ana")
    )
    return path


async def open_form(shell: Shell, key: str) -> PlanActionForm:
    app, pilot, _ = shell
    await pilot.press(key)
    await wait_until(pilot, lambda: isinstance(app.screen, PlanActionForm))
    form = app.screen
    assert isinstance(form, PlanActionForm)
    await wait_until(pilot, lambda: not form.holds_keys)
    return form


def field(form: PlanActionForm, name: str) -> str:
    return form.query_one(f"#plan-form-{name}", Input).value


async def test_esc_on_an_untouched_new_action_form_closes_it_at_once(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="action-plan")
    async with open_session(path, size=(80, 24), ready="keys") as shell:
        await open_form(shell, "n")
        await shell.pilot.press("escape")
        await wait_until(shell.pilot, lambda: isinstance(shell.app.screen, SessionScreen))
    assert load_session(path).actions == []


async def test_esc_on_a_typed_new_action_asks_and_keep_editing_is_the_default(
    tmp_path: Path,
) -> None:
    path = make_session(tmp_path, current="action-plan")
    async with open_session(path, size=(80, 24), ready="keys") as shell:
        app, pilot, _ = shell
        form = await open_form(shell, "n")
        send_burst(app, "Open web chat⇥Lena\x1b")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        confirm = app.screen
        assert "Discard this action?" in str(confirm.query_one("#confirm-question").render())
        await wait_until(pilot, lambda: not confirm.holds_keys)  # type: ignore[attr-defined]
        assert app.focused is confirm.query_one("#confirm-no", Button)
        assert str(app.focused.label) == "Keep editing"
        send_burst(app, "⏎")  # the default: back to the form, the text all there
        await wait_until(pilot, lambda: app.screen is form)
        assert (field(form, "what"), field(form, "owner")) == ("Open web chat", "Lena")
        send_burst(app, " Kowalski⏎")  # and the keys after go on into the form, in order
        await wait_until(pilot, lambda: bool(load_session(path).actions))
    (action,) = load_session(path).actions
    assert (action.title, action.owner) == ("Open web chat", "Lena Kowalski")


async def test_esc_then_yes_discards_the_typed_action(tmp_path: Path) -> None:
    path = make_session(tmp_path, current="action-plan")
    async with open_session(path, size=(80, 24), ready="keys") as shell:
        app, pilot, _ = shell
        await open_form(shell, "n")
        send_burst(app, "Half an idea\x1by")  # typed in one burst: the y answers the question
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        await pilot.pause()
        assert not app.screen.query(PlanActionForm)
    assert load_session(path).actions == []


async def test_esc_on_an_edited_action_asks_only_once_its_text_changed(tmp_path: Path) -> None:
    path = with_an_action(tmp_path)
    async with open_session(path, size=(80, 24), ready="keys") as shell:
        app, pilot, _ = shell
        await open_form(shell, "e")  # opened with the action's own text: unchanged
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))

        form = await open_form(shell, "e")
        await pilot.press("tab", *"Bo")  # the owner "Ana" replaced by "Bo"
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")  # keep editing
        await wait_until(pilot, lambda: app.screen is form)
        assert field(form, "owner") == "Bo"

        await pilot.press("backspace", "backspace", *"Ana")  # back to what it was
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
    (action,) = load_session(path).actions
    assert (action.title, action.owner) == ("Call back within a day", "Ana")
