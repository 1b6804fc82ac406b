"""The capture panels (present, brainstorm, group, vote) driven as a facilitator would.

Each test mounts a panel the way the session screen does, in a tiny app that owns a session
file, and checks both what the screen shows and what the saved file holds.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.hostile import HOSTILE_TEXTS
from tests.tui.capture_harness import (
    BRAINSTORM,
    harness,
    make_session_file,
    notifications,
    saved,
    screen_text,
    type_text,
)
from workshop.core import ops
from workshop.core.models import Session

from .shell_fixtures import send_burst

# --- brainstorm -------------------------------------------------------------------------------


async def test_brainstorm_captures_ideas_with_tags_newest_first(tmp_path: Path) -> None:
    path = make_session_file(tmp_path)
    app = harness(path, BRAINSTORM)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "No ideas yet: type one and press Enter" in screen_text(app)
        await type_text(pilot, "Invoices are confusing #billing")
        await pilot.press("enter")
        await type_text(pilot, "Hold music loops #phone")
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("#idea", Input).value == ""
        text = screen_text(app)
        assert "2 ideas" in text
        assert text.index("Hold music loops") < text.index("Invoices are confusing")
    ideas = saved(path).ideas
    assert [idea.text for idea in ideas] == [
        "Invoices are confusing #billing",
        "Hold music loops #phone",
    ]
    assert ideas[0].tags == ["billing"] and ideas[0].activity == BRAINSTORM
    assert ideas[0].author == ""


async def test_brainstorm_ideas_typed_in_one_burst_stay_apart_and_in_order(
    tmp_path: Path,
) -> None:
    path = make_session_file(tmp_path)
    app = harness(path, BRAINSTORM)
    async with app.run_test(size=(80, 24)) as pilot:
        send_burst(app, "idea onx⌫e⏎idea two⏎idea thr")
        await pilot.pause()
        assert app.query_one("#idea", Input).value == "idea thr"
        send_burst(app, "ee⏎")
        await pilot.pause()
        assert app.query_one("#idea", Input).value == ""
    assert [idea.text for idea in saved(path).ideas] == ["idea one", "idea two", "idea three"]


async def test_brainstorm_author_is_off_by_default_and_can_be_turned_on(tmp_path: Path) -> None:
    path = make_session_file(tmp_path)
    app = harness(path, BRAINSTORM)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await type_text(pilot, "Sam")
        await pilot.press("tab")
        await type_text(pilot, "Named idea")
        await pilot.press("enter")
        await pilot.pause()
        assert "Named idea  — Sam" in screen_text(app)
        await pilot.press("ctrl+o")
        await type_text(pilot, "Anonymous idea")
        await pilot.press("enter")
        await pilot.pause()
    assert [(i.text, i.author) for i in saved(path).ideas] == [
        ("Named idea", "Sam"),
        ("Anonymous idea", ""),
    ]


def three_ideas(session: Session) -> None:
    for text in ["Invoices are confusing #billing", "Hold music loops #phone", "Late refunds"]:
        ops.add_idea(session, text, activity=BRAINSTORM)
    ops.add_idea(session, "Another activity's idea", activity="getting-it-right")


async def test_brainstorm_lists_only_its_own_ideas(tmp_path: Path) -> None:
    path = make_session_file(tmp_path, three_ideas)
    app = harness(path, BRAINSTORM)
    async with app.run_test(size=(80, 24)):
        text = screen_text(app)
        assert "3 ideas" in text
        assert "Another activity's idea" not in text


async def test_brainstorm_delete_then_undo(tmp_path: Path) -> None:
    path = make_session_file(tmp_path, three_ideas)
    app = harness(path, BRAINSTORM)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "d")  # the list, its second row: "Hold music"
        await pilot.pause()
        assert "Hold music loops" not in screen_text(app)
        assert "2 ideas" in screen_text(app)
        assert [i.text for i in saved(path).ideas if i.activity == BRAINSTORM] == [
            "Invoices are confusing #billing",
            "Late refunds",
        ]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Hold music loops" in screen_text(app)
    assert [i.id for i in saved(path).ideas] == ["i1", "i2", "i3", "i4"]


async def test_brainstorm_hide_dims_and_keeps_the_idea(tmp_path: Path) -> None:
    path = make_session_file(tmp_path, three_ideas)
    app = harness(path, BRAINSTORM)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "h")  # the newest: "Late refunds"
        await pilot.pause()
        text = screen_text(app)
        assert "⊘ Late refunds" in text and "3 ideas · 1 hidden" in text
        await pilot.press("v")  # projector view leaves it out
        await pilot.pause()
        assert "Late refunds" not in screen_text(app)
    assert [i.hidden for i in saved(path).ideas] == [False, False, True, False]


def many_ideas(session: Session) -> None:
    for n in range(300):
        ops.add_idea(session, f"Idea {n}", activity=BRAINSTORM)
        ops.add_idea(session, f"Elsewhere {n}", activity="getting-it-right")
    ops.set_hidden(session, "i1", True)


async def test_brainstorm_enter_looks_only_at_the_new_idea_not_the_whole_list(
    tmp_path: Path,
) -> None:
    path = make_session_file(tmp_path, many_ideas)
    app = harness(path, BRAINSTORM)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.panel
        assert "300 ideas · 1 hidden" in screen_text(app)
        await type_text(pilot, "Fresh one")
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Fresh one" in text and "301 ideas · 1 hidden" in text
        assert panel.own_ideas.looked_at == 1  # the new idea, not the 601 before it
        await pilot.press("down", "h")  # hiding one changes a record: the whole list again
        await pilot.pause()
        assert "301 ideas · 2 hidden" in screen_text(app)
        assert panel.own_ideas.looked_at == 601
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "301 ideas · 1 hidden" in screen_text(app)


async def test_brainstorm_filter_by_word_and_by_tag(tmp_path: Path) -> None:
    path = make_session_file(tmp_path, three_ideas)
    app = harness(path, BRAINSTORM)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        await type_text(pilot, "#bil")
        await pilot.pause()
        text = screen_text(app)
        assert "1 shown of 3 ideas" in text
        assert "Invoices are confusing" in text and "Hold music" not in text
        await pilot.press("ctrl+u")
        await type_text(pilot, "MUSIC")
        await pilot.pause()
        text = screen_text(app)
        assert "Hold music loops" in text and "Invoices" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert "Invoices are confusing" in screen_text(app)
        assert "3 ideas" in screen_text(app)


async def test_brainstorm_edit_in_the_input_keeps_a_half_typed_idea(tmp_path: Path) -> None:
    path = make_session_file(tmp_path, three_ideas)
    app = harness(path, BRAINSTORM)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "half typed")
        await pilot.press("down", "down", "e")  # "Hold music loops #phone"
        idea_input = app.query_one("#idea", Input)
        assert idea_input.value == "Hold music loops #phone"
        await pilot.press("end")
        await type_text(pilot, " all day")
        await pilot.press("enter")
        await pilot.pause()
        assert idea_input.value == "half typed"
        assert "Hold music loops #phone all day" in screen_text(app)
    assert saved(path).ideas[1].text == "Hold music loops #phone all day"


async def test_brainstorm_shows_hostile_text_literally(tmp_path: Path) -> None:
    path = make_session_file(tmp_path)
    app = harness(path, BRAINSTORM)
    async with app.run_test(size=(100, 30)) as pilot:
        for text in HOSTILE_TEXTS:
            app.query_one("#idea", Input).value = text
            await pilot.press("enter")
            await pilot.pause()
        screen = screen_text(app)
        for text in HOSTILE_TEXTS[:4]:
            assert text in screen
        assert "␛[31m red ␇ bell" in screen
        assert "🎉" in screen
        await pilot.press("down")
        await pilot.click("#ideas", offset=(3, 1))
        await pilot.pause()
        assert app.is_running  # a [@click=...] idea is not an action
    assert [i.text for i in saved(path).ideas] == [t.strip() for t in HOSTILE_TEXTS]


# --- present ----------------------------------------------------------------------------------


async def test_present_moves_between_points_and_saves_notes(tmp_path: Path) -> None:
    path = make_session_file(tmp_path)
    app = harness(path, "the-case")
    async with app.run_test(size=(80, 24)) as pilot:
        assert "1 / 5" in screen_text(app)
        assert "Poor quality is expensive" in screen_text(app)
        await pilot.press("right", "n")
        assert "3 / 5" in screen_text(app)
        assert "Value is whatever the customer perceives" in screen_text(app)
        await pilot.press("left")
        assert "2 / 5" in screen_text(app)
        await pilot.press("tab")
        await type_text(pilot, "Ann: [b] rework [/b] is 30%")
        await pilot.press("right")  # in the notes box, right moves the text cursor
        assert "2 / 5" in screen_text(app)
        await pilot.press("escape")  # leaving the notes saves them at once
        await pilot.pause()
        assert "Notes saved" in screen_text(app)
    assert ops.note_for(saved(path), "the-case") == "Ann: [b] rework [/b] is 30%"


async def test_present_saves_notes_after_a_pause_in_typing(tmp_path: Path) -> None:
    path = make_session_file(tmp_path)
    app = harness(path, "the-case")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")
        await type_text(pilot, "quiet room")
        assert ops.note_for(saved(path), "the-case") == ""
        await pilot.wait_for_scheduled_animations()
        await pilot.pause(1.3)
        assert ops.note_for(saved(path), "the-case") == "quiet room"


async def test_present_notes_typed_are_saved_when_the_panel_goes(tmp_path: Path) -> None:
    path = make_session_file(tmp_path)
    app = harness(path, "the-case")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")
        await type_text(pilot, "last words")
        await app.panel.remove()
        await pilot.pause()
    assert ops.note_for(saved(path), "the-case") == "last words"


# --- group ------------------------------------------------------------------------------------


def ideas_and_themes(session: Session) -> None:
    three_ideas(session)
    ops.add_theme(session, "Billing", "group-themes")
    ops.add_theme(session, "Phone [b]", "group-themes")


async def test_group_moves_ideas_with_a_digit_and_creates_themes(tmp_path: Path) -> None:
    path = make_session_file(tmp_path, ideas_and_themes)
    app = harness(path, "group-themes")
    async with app.run_test(size=(80, 24)) as pilot:
        text = screen_text(app)
        assert "Ungrouped: 4 ideas" in text and "1 0  Billing" in text
        await pilot.press("1")  # first ungrouped idea -> theme 1
        await pilot.pause()
        text = screen_text(app)
        assert "Ungrouped: 3 ideas" in text and "1 1  Billing" in text
        await pilot.press("n")
        await type_text(pilot, "Waiting")
        await pilot.press("enter")
        await pilot.pause()
        assert "3 0  Waiting" in screen_text(app)
        await pilot.press("3", "9")
        await pilot.pause()
        assert "There is no theme 9: press n to create one." in notifications(app)
        await pilot.press("m", "2")  # move-to picker: the second theme
        await pilot.pause()
    ideas = {idea.text: idea.theme for idea in saved(path).ideas}
    assert ideas["Invoices are confusing #billing"] == "t1"
    assert ideas["Hold music loops #phone"] == "t3"
    assert ideas["Late refunds"] == "t2"


async def test_group_digits_pressed_in_one_go_sort_one_idea_each(tmp_path: Path) -> None:
    path = make_session_file(tmp_path, ideas_and_themes)
    app = harness(path, "group-themes")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        send_burst(app, "112")
        await pilot.pause()
        assert "Ungrouped: 1 idea" in screen_text(app)
    ideas = {idea.text: idea.theme for idea in saved(path).ideas}
    assert ideas["Invoices are confusing #billing"] == "t1"
    assert ideas["Hold music loops #phone"] == "t1"
    assert ideas["Late refunds"] == "t2"


async def test_group_rename_merge_and_delete_with_undo(tmp_path: Path) -> None:
    def prepared(session: Session) -> None:
        ideas_and_themes(session)
        ops.move_to_theme(session, "i1", "t1")
        ops.move_to_theme(session, "i2", "t2")
        ops.set_tally(session, "prioritise", "t2", 3)

    path = make_session_file(tmp_path, prepared)
    app = harness(path, "group-themes")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "down", "down")  # themes column: "Phone [b]"
        await pilot.press("r", "ctrl+u")
        await type_text(pilot, "Phone [link=x]calls[/link]")
        await pilot.press("enter")
        await pilot.pause()
        assert "Phone [link=x]calls[/link]: 1 idea" in screen_text(app)
        assert saved(path).themes[1].title == "Phone [link=x]calls[/link]"
        await pilot.press("m", "1")  # merge it into Billing
        await pilot.pause()
        text = screen_text(app)
        assert "1 2  Billing" in text and "Phone" not in text.split("Ungrouped")[0]
        assert [t.title for t in saved(path).themes] == ["Billing"]
        assert [v.target for v in saved(path).votes] == ["t1"]  # the merge moved the votes
        await pilot.press("ctrl+z")  # undo the merge
        await pilot.pause()
        assert [t.id for t in saved(path).themes] == ["t1", "t2"]
        assert saved(path).ideas[1].theme == "t2"
        assert [(v.target, v.count) for v in saved(path).votes] == [("t2", 3)]
        await pilot.press("d")  # delete Billing, still highlighted after the merge
        await pilot.pause()
        assert [t.id for t in saved(path).themes] == ["t2"]
        assert saved(path).ideas[0].theme == ""
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "1 1  Billing" in screen_text(app)
    assert saved(path).ideas[0].theme == "t1"


async def test_group_leaves_out_hidden_ideas(tmp_path: Path) -> None:
    def prepared(session: Session) -> None:
        three_ideas(session)
        ops.set_hidden(session, "i2", True)

    path = make_session_file(tmp_path, prepared)
    app = harness(path, "group-themes")
    async with app.run_test(size=(80, 24)):
        text = screen_text(app)
        assert "Ungrouped: 3 ideas" in text and "Hold music" not in text
        assert "No themes yet: press n" not in text  # the list has ideas to show


# --- vote -------------------------------------------------------------------------------------


def themes_and_voters(session: Session) -> None:
    ideas_and_themes(session)
    ops.add_theme(session, "Slow [/b] replies", "group-themes")


async def test_vote_person_by_person_refuses_over_the_budget(tmp_path: Path) -> None:
    path = make_session_file(tmp_path, themes_and_voters)
    app = harness(path, "prioritise")
    async with app.run_test(size=(80, 24)) as pilot:
        assert "5 votes each, at most 3 per item" in screen_text(app)
        await pilot.press("plus")
        assert "Choose who is voting first" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("plus", "plus", "plus", "plus")
        await pilot.pause()
        assert "Refused: at most 3 votes on one item." in screen_text(app)
        await pilot.press("down", "plus", "plus", "plus")
        await pilot.pause()
        assert "Refused: Participant 1 has used all 5 votes." in screen_text(app)
        await pilot.press("n", "down", "down", "plus")
        await pilot.pause()
        assert "Voting: Participant 2 · 4 of 5 votes left" in screen_text(app)
    session = saved(path)
    assert ops.votes_of(session, "prioritise", "p1") == {"t1": 3, "t2": 2}
    assert ops.votes_of(session, "prioritise", "p2") == {"t3": 1}


async def test_vote_show_of_hands_and_ranking_with_a_tie(tmp_path: Path) -> None:
    path = make_session_file(tmp_path, themes_and_voters)
    app = harness(path, "prioritise")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.press("7", "enter")  # Billing, then the cursor moves on
        await pilot.press("1", "2", "enter")  # Phone
        await pilot.press("1", "2", "enter")  # Slow replies
        await pilot.pause()
        text = screen_text(app)
        assert "★ =1  12     Phone [b]" in text
        assert "★ =1  12     Slow [/b] replies" in text
        assert "★ 3   7      Billing" in text
        assert "Slow [/b] replies" in text
    votes = {(v.target, v.count) for v in saved(path).votes}
    assert votes == {("t1", 7), ("t2", 12), ("t3", 12)}


async def test_vote_ranking_cuts_long_titles_to_fit_and_shows_them_whole_when_wide(
    tmp_path: Path,
) -> None:
    long_title = "Customers are passed between three departments first"

    def a_long_theme(session: Session) -> None:
        themes_and_voters(session)
        theme = ops.add_theme(session, long_title, "group-themes")
        ops.set_tally(session, "prioritise", theme.id, 4)  # the ranking lists items with votes

    path = make_session_file(tmp_path, a_long_theme)
    narrow = harness(path, "prioritise")
    async with narrow.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ranking = narrow.screen.query_one("#ranking-scroll")

        def ranked_line() -> str:
            region = ranking.region
            lines = screen_text(narrow).splitlines()[region.y : region.bottom]
            shown = [line[region.x : region.right].rstrip() for line in lines]
            return next(line for line in shown if "Customers are" in line)

        assert ranked_line().endswith("…") and long_title not in ranked_line()
        assert ranking.max_scroll_x == 0  # no sideways scrolling to read it
        await pilot.resize_terminal(200, 40)
        await pilot.pause()
        assert ranked_line().endswith(long_title)


async def test_vote_show_of_hands_typed_in_one_go_goes_item_by_item(tmp_path: Path) -> None:
    path = make_session_file(tmp_path, themes_and_voters)
    app = harness(path, "prioritise")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        send_burst(app, "7⏎129⌫⏎35")
        await pilot.pause()
        assert "Hands for Slow [/b] replies: 35" in screen_text(app)
        send_burst(app, "\x1b")  # Esc: the 35 was a slip
        await pilot.pause()
        assert "35" not in screen_text(app)
    votes = sorted((v.target, v.count) for v in saved(path).votes)
    assert votes == [("t1", 7), ("t2", 12)]


async def test_vote_mode_switch_and_hands_typed_in_one_go(tmp_path: Path) -> None:
    path = make_session_file(tmp_path, themes_and_voters)
    app = harness(path, "prioritise")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        send_burst(app, "t7⏎12⏎")
        await pilot.pause()
    votes = sorted((v.target, v.count) for v in saved(path).votes)
    assert votes == [("t1", 7), ("t2", 12)]


async def test_vote_dots_pressed_in_one_go_all_count(tmp_path: Path) -> None:
    path = make_session_file(tmp_path, themes_and_voters)
    app = harness(path, "prioritise")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        send_burst(app, "+++")
        await pilot.pause()
        send_burst(app, "++")  # a fourth dot on one item is over the agenda's 3
        await pilot.pause()
    session = saved(path)
    assert ops.votes_of(session, "prioritise", session.participants[0].id) == {"t1": 3}


async def test_vote_on_ideas_when_there_are_no_themes(tmp_path: Path) -> None:
    path = make_session_file(tmp_path, three_ideas)
    app = harness(path, "prioritise")
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Invoices are confusing #billing" in screen_text(app)
        await pilot.press("t", "3", "enter")
        await pilot.pause()
    assert [(v.target, v.count, v.voter) for v in saved(path).votes] == [("i1", 3, "")]
