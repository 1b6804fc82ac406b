"""Panels save through the `PanelContext` they are made with, and act on what `save` returns.

No screen and no message queue stand between a panel and its context: a brainstorm's Enter
reaches `save` in the same call, and a change that a retry saves after the panel has gone
never reaches the panel.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from tests.conftest import shipped_agenda
from tests.tui.harness import wait_until
from tests.tui.programme_app import PanelApp, new_session_file
from workshop.core import ops
from workshop.core.models import Session
from workshop.store.editor import Change, Rejected, Saved
from workshop.store.session_text import load_session
from workshop.tui.panels.brainstorm import BrainstormPanel
from workshop.tui.panels.context import PanelContext
from workshop.tui.panels.registry import panel_for

BRAINSTORM = "what-bugs-customers"


def new_session() -> Session:
    return ops.new_session("Service desk", shipped_agenda(), team="Support", on=date(2026, 11, 23))


class PanelAlone(App[None]):
    """One panel made with a context whose `save` the test gives: nothing else saves."""

    def __init__(
        self, session: Session, save: Callable[[Change], Saved | Rejected | None]
    ) -> None:
        super().__init__()
        self.session = session
        self.save = save

    def compose(self) -> ComposeResult:
        activity = self.session.agenda.activity(BRAINSTORM)
        yield panel_for(activity, self.session, PanelContext(save=self.save))


async def test_enter_in_a_brainstorm_reaches_the_context_in_the_same_call() -> None:
    session = new_session()
    given: list[Change] = []

    def record(change: Change) -> None:
        given.append(change)  # kept, as a full disk would keep it: None

    app = PanelAlone(session, record)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(BrainstormPanel)
        panel.capture("Invoices are late")
        assert len(given) == 1  # no message posted and waited for: the context has it now
        await pilot.press(*"On hold", "enter")
        assert len(given) == 2
        assert panel.idea_input.value == ""  # kept for a retry: the box is ready for the next

    draft = session.draft()
    added = [change.edit(draft) for change in given]
    assert [(idea.text, idea.activity) for idea in added] == [
        ("Invoices are late", BRAINSTORM),
        ("On hold", BRAINSTORM),
    ]
    assert [change.description for change in given] == ["Add an idea", "Add an idea"]
    make_undo = given[0].make_undo
    assert make_undo is not None
    step = make_undo(added[0])
    assert step.label == "remove " + ops.label("idea", added[0].id, "Invoices are late")
    assert step.where == ""  # the screen's side says which activity it belongs to
    step.edit(draft)
    assert [idea.text for idea in draft.ideas] == ["On hold"]


async def test_a_panel_follows_the_idea_its_save_returns() -> None:
    session = new_session()
    ops.add_idea(session, "Already there", activity=BRAINSTORM)
    shown: list[Session] = [session]

    def save_and_show(change: Change) -> Saved:
        draft = shown[-1].draft()
        result = change.edit(draft)
        shown.append(draft)
        app.query_one(BrainstormPanel).show_session(draft)  # as the screen does, before returning
        return Saved(change, result)

    app = PanelAlone(session, save_and_show)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(BrainstormPanel)
        assert panel.idea_list.highlighted_idea is not None
        assert panel.idea_list.highlighted_idea.text == "Already there"
        await pilot.press(*"New one", "enter")
        highlighted = panel.idea_list.highlighted_idea
        assert highlighted is not None and highlighted.text == "New one"


async def test_a_change_saved_by_a_retry_after_its_panel_has_gone_does_not_reach_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("workshop.tui.screens.session_saving.RETRY_SECONDS", 0.1)
    session_file = new_session_file(tmp_path)
    path = session_file.path
    app = PanelApp(session_file, BRAINSTORM)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.panel
        assert isinstance(panel, BrainstormPanel)
        path.chmod(0o400)  # read-only: the save fails and is kept for the retries
        try:
            await pilot.press(*"Kept through it all", "enter")
            assert app.editor.pending == 1
            assert any("read-only" in error for error in app.errors)
            await panel.remove()
        finally:
            path.chmod(0o600)
        await wait_until(pilot, lambda: not app.editor.pending)  # the retry saved it
        await pilot.pause()
        assert app.is_running  # nothing raised on the way
        assert panel.session.ideas == []  # the panel that had gone was not shown it
        assert [idea.text for idea in app.editor.session.ideas] == ["Kept through it all"]
    assert [idea.text for idea in load_session(path).ideas] == ["Kept through it all"]
