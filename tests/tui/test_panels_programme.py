"""Pilot tests of the debate, rate and plan panels: keys in, screen and saved file out."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, TextArea

from tests.tui.programme_app import PanelApp, new_session_file
from workshop.core.models import Verdict
from workshop.store import load_session

HOSTILE = "a [/b] c [bold]x[/]"


# --- debate ---------------------------------------------------------------------------------


async def test_debate_verdict_fields_and_decision_are_saved(tmp_path: Path) -> None:
    session_file = new_session_file(tmp_path)
    app = PanelApp(session_file, "debate-blocks")
    async with app.run_test(size=(100, 32)) as pilot:
        items = app.query_one("#debate-items", OptionList)
        assert app.focused is items
        await pilot.press("down")  # second item: little data
        await pilot.press("p")
        await pilot.press("e", *"Complaints stop at the team lead", "enter")
        await pilot.press("d", *HOSTILE, "enter")
        await pilot.press("escape")
        await pilot.pause()
        saved = load_session(session_file.path)
        (note,) = saved.debate
        assert note.item == "little-data"
        assert note.verdict is Verdict.PARTLY
        assert note.evidence == "Complaints stop at the team lead"
        assert note.decision == HOSTILE
        assert app.focused is items
        assert "PART" in str(items.get_option_at_index(1).prompt)
        assert app.errors == []


async def test_debate_points_are_one_per_line_and_saved_on_leaving(tmp_path: Path) -> None:
    session_file = new_session_file(tmp_path)
    app = PanelApp(session_file, "debate-blocks")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("plus", *"Reports name the agent", "enter", *"Coaching first")
        assert isinstance(app.focused, TextArea)
        await pilot.press("tab")  # leaving the box saves it
        await pilot.pause()
        (note,) = load_session(session_file.path).debate
        assert note.item == "not-segmented"
        assert note.points_for == ["Reports name the agent", "Coaching first"]


async def test_debate_moves_between_items_and_keeps_each_items_notes(tmp_path: Path) -> None:
    session_file = new_session_file(tmp_path)
    app = PanelApp(session_file, "debate-blocks")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("e", *"First evidence")
        await pilot.press("pagedown")  # typed text is saved when moving on
        await pilot.pause()
        evidence = app.query_one("#debate-evidence", Input)
        assert evidence.value == ""
        await pilot.press("pageup")
        await pilot.pause()
        assert evidence.value == "First evidence"
        (note,) = load_session(session_file.path).debate
        assert (note.item, note.evidence) == ("not-segmented", "First evidence")


async def test_debate_decision_becomes_an_action_in_one_key(tmp_path: Path) -> None:
    session_file = new_session_file(tmp_path)
    app = PanelApp(session_file, "debate-blocks")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("a")  # no decision yet: a hint, and the decision field to write it
        assert load_session(session_file.path).actions == []
        assert app.focused is app.query_one("#debate-decision")
        await pilot.press(*"Ask which step failed", "escape", "a")
        await pilot.pause()
        saved = load_session(session_file.path)
        assert [a.title for a in saved.actions] == ["Ask which step failed"]
        assert saved.debate[0].decision == "Ask which step failed"
        await pilot.press("a")  # a second press does not add it twice
        await pilot.pause()
        assert len(load_session(session_file.path).actions) == 1


async def test_debate_without_items_or_themes_says_what_to_do(tmp_path: Path) -> None:
    from datetime import date

    from workshop.core import ops
    from workshop.core.models import Activity, ActivityKind, Agenda, Step

    agenda = Agenda(
        title="T",
        steps=[
            Step(
                id="s",
                title="S",
                activities=[Activity(id="d", kind=ActivityKind.DEBATE, title="Debate")],
            )
        ],
    )
    session_file = new_session_file(
        tmp_path, ops.new_session("T", agenda, on=date(2026, 1, 1))
    )
    app = PanelApp(session_file, "d")
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Nothing to debate yet" in str(app.query_one("#debate-empty").render())
        # A theme arrives (another process grouped ideas): the panel offers it.
        session_file.change(lambda draft: ops.add_theme(draft, HOSTILE))
        app.panel.show_session(session_file.session)
        await pilot.pause()
        await pilot.pause()
        items = app.query_one("#debate-items", OptionList)
        assert HOSTILE in str(items.get_option_at_index(0).prompt)
        await pilot.press("d", *"Fix it", "escape", "a")
        await pilot.pause()
        saved = load_session(session_file.path)
        assert saved.actions[0].ideas == ["t1"]
