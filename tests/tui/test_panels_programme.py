"""Pilot tests of the debate, rate and plan panels: keys in, screen and saved file out."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, TextArea

from tests.hostile import TYPED_MARKUP as HOSTILE
from tests.tui.programme_app import PanelApp, new_session_file
from workshop.core.agenda import Verdict
from workshop.store.session_text import load_session

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
    from workshop.core.agenda import Activity, ActivityKind, Agenda, Step

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


# --- plan -----------------------------------------------------------------------------------


def demo_file(tmp_path: Path):
    from datetime import date

    from tests.conftest import shipped_agenda
    from workshop.core.demo import demo_session

    return new_session_file(tmp_path, demo_session(shipped_agenda(), date(2026, 11, 23)))


async def test_plan_action_written_edited_moved_deleted_and_undone(tmp_path: Path) -> None:
    session_file = new_session_file(tmp_path)
    app = PanelApp(session_file, "action-plan")
    async with app.run_test(size=(100, 32)) as pilot:
        assert app.query_one("#plan-empty").display
        await pilot.press("n", *HOSTILE, "tab", *"Sam", "enter")
        await pilot.pause()
        await pilot.press("n", *"Call back within a day", "enter")
        await pilot.pause()
        saved = load_session(session_file.path)
        assert [(a.title, a.owner) for a in saved.actions] == [
            (HOSTILE, "Sam"),
            ("Call back within a day", ""),
        ]
        listing = app.query_one("#plan-actions", OptionList)
        assert app.focused is listing and listing.highlighted == 1
        summary = str(app.query_one("#plan-summary").render())
        assert "2 actions" in summary and "1 without owner, 2 without measure" in summary
        # Edit: owner, measure and a due date.
        await pilot.press("e", "tab", *"Priya", "tab", "tab", *"Callbacks kept: 95%", "tab")
        await pilot.press(*"2027-02-01", "enter")
        await pilot.pause()
        edited = load_session(session_file.path).actions[1]
        assert (edited.owner, edited.measure, str(edited.due)) == (
            "Priya", "Callbacks kept: 95%", "2027-02-01"
        )
        # Move it to the top, delete it, undo.
        await pilot.press("shift+up")
        await pilot.pause()
        assert [a.id for a in load_session(session_file.path).actions] == ["a2", "a1"]
        assert listing.highlighted == 0
        await pilot.press("delete")
        await pilot.pause()
        assert [a.id for a in load_session(session_file.path).actions] == ["a1"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        restored = load_session(session_file.path).actions
        assert [a.id for a in restored] == ["a2", "a1"]
        assert restored[0].owner == "Priya"
        assert app.errors == []


async def test_plan_form_refuses_a_bad_due_date_and_cancels_cleanly(tmp_path: Path) -> None:
    session_file = new_session_file(tmp_path)
    app = PanelApp(session_file, "action-plan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *"Title", "tab", "tab", "tab", "tab", *"next week", "enter")
        await pilot.pause()
        assert "YYYY-MM-DD" in str(app.screen.query_one("#plan-form-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert load_session(session_file.path).actions == []


async def test_plan_starting_point_becomes_an_action_in_one_key(tmp_path: Path) -> None:
    session_file = demo_file(tmp_path)
    before = len(session_file.session.actions)
    app = PanelApp(session_file, "action-plan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")
        starts = app.query_one("#plan-starts", OptionList)
        assert app.focused is starts
        first = str(starts.get_option_at_index(0).prompt)
        assert "Nobody owns the problem" in first
        await pilot.press("enter")
        await pilot.pause()
        saved = load_session(session_file.path)
        assert len(saved.actions) == before + 1
        new = saved.actions[-1]
        assert new.title == "Nobody owns the problem" and new.ideas == ["t1"]
        # Used starting points leave the list.
        assert "Nobody owns the problem" not in str(starts.get_option_at_index(0).prompt)


async def test_plan_views_group_by_horizon_and_owner(tmp_path: Path) -> None:
    session_file = demo_file(tmp_path)
    app = PanelApp(session_file, "action-plan")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v")
        text = str(app.query_one("#plan-groups-text").render())
        assert "Next 3 months (2)" in text and "Beyond 6 months (1)" in text
        await pilot.press("v")
        text = str(app.query_one("#plan-groups-text").render())
        assert "Maria Okafor (1)" in text


async def test_plan_export_writes_markdown_beside_the_session(tmp_path: Path) -> None:
    session_file = demo_file(tmp_path)
    app = PanelApp(session_file, "action-plan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        target = tmp_path / "session.md"
        assert target.exists()
        text = target.read_text()
        assert "One owner for every complaint" in text
        assert any(str(target) in n.message for n in app._notifications)  # noqa: SLF001


# --- rate -----------------------------------------------------------------------------------


def scores_of(session_path: Path) -> dict[tuple[str, str], int]:
    return {(r.participant, r.criterion): r.score for r in load_session(session_path).ratings}


async def test_rate_scores_typed_across_the_grid_with_one_left_out(tmp_path: Path) -> None:
    from workshop.tui.widgets.rating_grid import RatingGrid

    session_file = new_session_file(tmp_path)
    app = PanelApp(session_file, "benchmark")
    async with app.run_test(size=(100, 32)) as pilot:
        assert "No participants yet" in str(app.query_one("#rate-status").render())
        await pilot.press("a", "a", "a")
        await pilot.pause()
        grid = app.query_one(RatingGrid)
        assert grid.row_count == 3 and grid.cursor_coordinate.row == 2
        await pilot.press("up", "up", "3", "4", "delete")  # p1: 3, 4, (left out)
        await pilot.press("down", "left", "left", "left", "5", "2")  # p2: 5, 2
        await pilot.press("down", "left", "left", "1")  # p3: 1
        await pilot.pause()
        assert scores_of(session_file.path) == {
            ("p1", "basic-knowledge"): 3,
            ("p1", "deeper-understanding"): 4,
            ("p2", "basic-knowledge"): 5,
            ("p2", "deeper-understanding"): 2,
            ("p3", "basic-knowledge"): 1,
        }
        table = str(app.query_one("#rate-table").render())
        first = next(line for line in table.splitlines() if "Basic customer" in line)
        # mean 3.0, range 1-5, population sd 1.6, target 4.0, flagged as disagreement
        assert "3.0" in first and "1-5" in first and "±1.6" in first and "→4.0" in first
        assert "⚠" in first
        assert "Wide disagreement" in table
        assert grid.column_label("basic-knowledge") == "1!"
        third = next(line for line in table.splitlines() if "Customer partnership" in line)
        assert "–" in third  # nobody scored it yet
        # Leave out a score that was given: the rating goes.
        await pilot.press("up", "up", "left", "minus")
        await pilot.pause()
        assert ("p1", "basic-knowledge") not in scores_of(session_file.path)
        assert grid.cell_text("p1", "basic-knowledge") == "·"
        # ctrl+z puts it back
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert scores_of(session_file.path)[("p1", "basic-knowledge")] == 3
        assert app.errors == []


async def test_rate_digits_off_the_scale_are_refused(tmp_path: Path) -> None:
    session_file = new_session_file(tmp_path)
    app = PanelApp(session_file, "benchmark")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("7", "0")  # 7 is off a 1-5 scale; 0 leaves out (nothing to remove)
        await pilot.pause()
        assert scores_of(session_file.path) == {}
        assert app.errors == []


async def test_rate_participant_named_with_a_segment_and_split_shown(tmp_path: Path) -> None:
    session_file = new_session_file(tmp_path)
    app = PanelApp(session_file, "benchmark")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "a")
        await pilot.pause()
        await pilot.press("s", *HOSTILE, "tab", *"Sales", "enter")
        await pilot.pause()
        await pilot.press("2", "up", "left", "s", "tab", *"Billing", "enter")
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        saved = load_session(session_file.path)
        assert [(p.name, p.segment) for p in saved.participants] == [
            ("", "Billing"),
            (HOSTILE, "Sales"),
        ]
        await pilot.press("c")  # the chart
        assert app.query_one("#rate-chart").display
        await pilot.press("c")  # by segment
        split = str(app.query_one("#rate-table").render())
        assert "Billing" in split and "Sales" in split
        line = next(x for x in split.splitlines() if "Basic customer" in x)
        assert "4.0 (1)" in line and "2.0 (1)" in line


async def test_rate_shows_the_previous_session_of_the_same_team(tmp_path: Path) -> None:
    from datetime import date

    from tests.conftest import shipped_agenda
    from workshop.core import ops
    from workshop.store.session_file import SessionFile

    earlier = ops.new_session("Before", shipped_agenda(), team="support", on=date(2026, 5, 1))
    ops.add_participant(earlier)
    ops.set_rating(earlier, "benchmark", "p1", "basic-knowledge", 2)
    SessionFile.create(tmp_path / "2026-05-01-before.toml", earlier)
    session_file = new_session_file(tmp_path)  # team "Support", 23 Nov 2026
    app = PanelApp(session_file, "benchmark")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = str(app.query_one("#rate-table").render())
        line = next(x for x in table.splitlines() if "Basic customer" in x)
        assert "2.0" in line  # the previous mean
