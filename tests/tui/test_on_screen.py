"""What the screen shows after each change (issue #9, "Wrong on screen"): read from the frame."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.color import Color

from tests.tui.programme_app import PanelApp, new_session_file
from tests.tui.shell_fixtures import send_burst
from workshop.core import ops
from workshop.core.models import Session
from workshop.store.session_text import load_session


def screen_lines(app: App[Any]) -> list[str]:
    """The composed frame as plain text, one string per terminal row."""
    strips = app.screen._compositor.render_strips()  # noqa: SLF001 - test-only peek
    return [strip.text for strip in strips]


def region_lines(app: App[Any], selector: str) -> list[str]:
    """The frame's text inside one widget's region."""
    region = app.screen.query_one(selector).region
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


# --- 8: chart axes are the scale's own integers --------------------------------------------


def y_axis(chart: list[str]) -> dict[str, int]:
    """The value axis's labels and the row each is on."""
    return {line.split("┤")[0].strip(): row for row, line in enumerate(chart) if "┤" in line}


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_rate_chart_ticks_are_the_scales_integers_and_bars_meet_them(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    session_file = new_session_file(tmp_path)
    app = PanelApp(session_file, "benchmark")
    async with app.run_test(size=size) as pilot:
        await pilot.press("a", "5", "3", "1")
        await pilot.press("c")
        await pilot.pause()
        chart = region_lines(app, "#rate-chart")
        axis = y_axis(chart)
        assert list(axis) == ["5", "4", "3", "2", "1"]
        numbers = next(line for line in reversed(chart) if line.split()[:3] == ["1", "2", "3"])

        def bar_top(number: str) -> int:
            column = numbers.index(f" {number} ") + 1
            # (the target's ▬ may sit on the bar's middle column)
            around = slice(column - 1, column + 2)
            return next(row for row, line in enumerate(chart) if "█" in line[around])

        assert bar_top("1") == axis["5"]
        assert bar_top("2") == axis["3"]


async def test_report_chart_ticks_are_integers_and_dots_sit_on_their_labels(
    tmp_path: Path,
) -> None:
    from tests.tui.report_harness import ReportApp, build_report_folder, report_loaded

    app = ReportApp(build_report_folder(tmp_path / "sessions"))
    async with app.run_test(size=(120, 40)) as pilot:
        await report_loaded(pilot)
        await pilot.press("down", "down")  # the support team: means 3.0, 2.0, 2.0 first
        await pilot.pause()
        chart = region_lines(app, "#benchmark-chart")
        axis = y_axis(chart)
        assert list(axis) == ["5", "4", "3", "2", "1"]
        first_date = next(line for line in chart if "└" in line).index("┬")
        dots = {row for row, line in enumerate(chart) if line[first_date] == "●"}
        assert dots == {axis["3"], axis["2"]}


# --- 9: a field left shows its text from the first character ------------------------------

LONG_DECISION = (
    "Sign two invoice letters a week and read them aloud at the Monday stand-up "
    "so everyone hears what customers read"
)


@pytest.mark.parametrize("leave", ["enter", "tab"])
async def test_debate_field_left_shows_its_text_from_the_start(
    tmp_path: Path, leave: str
) -> None:
    session_file = new_session_file(tmp_path)
    app = PanelApp(session_file, "debate-blocks")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", *LONG_DECISION.replace(" ", "_"))
        await pilot.press(leave)
        await pilot.pause()
        assert app.focused is not None and app.focused.id != "debate-decision"
        shown = "".join(region_lines(app, "#debate-decision")).strip()
        assert shown.startswith("Sign_two_invoice")


# --- 10: the merge dialog numbers themes as the list does; a new plan's empty side ---------


async def test_merge_dialog_numbers_themes_as_the_theme_list_does(tmp_path: Path) -> None:
    session_file = new_session_file(tmp_path)

    def three_themes(session: Session) -> None:
        for title in ["Billing letters", "Waiting on hold", "Car park"]:
            ops.add_theme(session, title, "group-themes")

    session_file.change(three_themes)
    app = PanelApp(session_file, "group-themes")
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one("#themes").focus()
        await pilot.press("down")  # from Ungrouped to theme 1, Billing letters
        await pilot.press("m")
        await pilot.pause()
        screen = "\n".join(screen_lines(app))
        assert "2  Waiting on hold" in screen and "3  Car park" in screen
        assert "1  Waiting on hold" not in screen
        await pilot.press("3")  # as numbered: Car park
        await pilot.pause()
    assert [t.title for t in load_session(session_file.path).themes] == [
        "Waiting on hold",
        "Car park",
    ]


async def test_a_new_plan_says_what_to_do_first_not_that_nothing_is_waiting(
    tmp_path: Path,
) -> None:
    session_file = new_session_file(tmp_path)
    app = PanelApp(session_file, "action-plan")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        side = " ".join(" ".join(region_lines(app, "#plan-no-starts")).split())
        assert "Nothing waiting" not in side
        assert side.startswith("Nothing to start from yet: vote on the ideas")


# --- 11: the light theme ----------------------------------------------------------------------


def contrast(foreground: Color, background: Color) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(colour: Color) -> float:
        def channel(value: int) -> float:
            share = value / 255
            return share / 12.92 if share <= 0.03928 else ((share + 0.055) / 1.055) ** 2.4

        r, g, b = colour.rgb
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)

    light, dark = sorted([luminance(foreground), luminance(background)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def segments_in(app: App[Any], selector: str) -> list[tuple[str, Color, Color]]:
    """Text, foreground and background of each drawn segment inside a widget's region."""
    region = app.screen.query_one(selector).region
    found: list[tuple[str, Color, Color]] = []
    for strip in app.screen._compositor.render_strips()[region.y : region.bottom]:  # noqa: SLF001
        x = 0
        for segment in strip:
            style = segment.style
            if region.x <= x < region.right and segment.text.strip() and style is not None:
                found.append(
                    (
                        segment.text,
                        Color.from_rich_color(style.color),
                        Color.from_rich_color(style.bgcolor),
                    )
                )
            x += len(segment.text)
    return found


async def test_light_theme_author_suffix_has_the_rows_background(tmp_path: Path) -> None:
    session_file = new_session_file(tmp_path)
    for text, author in [("Invoices late", "Ana"), ("On hold for ages", "Ben")]:
        session_file.change(
            lambda s, t=text, a=author: ops.add_idea(
                s, t, activity="what-bugs-customers", author=a
            )
        )
    app = PanelApp(session_file, "what-bugs-customers")
    app.theme = "textual-light"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        drawn = segments_in(app, "IdeaList")
        for idea, author in [("Invoices late", "— Ana"), ("On hold for ages", "— Ben")]:
            _, _, row_background = next(s for s in drawn if s[0].strip() == idea)
            _, colour, background = next(s for s in drawn if s[0].strip() == author)
            assert background == row_background
            assert contrast(colour, background) >= 1.8  # muted, but there


async def test_light_theme_paused_big_timer_is_readable(tmp_path: Path) -> None:
    from tests.tui.shell_fixtures import make_session
    from workshop.tui.app import WorkshopApp

    path = make_session(tmp_path, current="what-bugs-customers")
    app = WorkshopApp(session_path=path, sessions_folder=tmp_path, theme="textual-light")
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(40):
            if app.screen.query("#big-timer"):
                break
            await pilot.pause(0.05)
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query_one("#big-timer").has_class("-paused")
        drawn = segments_in(app, "#big-timer")
        assert drawn
        # Large digits for a room, on a projector that washes colours out: AAA contrast.
        assert min(contrast(colour, background) for _, colour, background in drawn) >= 7


async def test_rate_scores_typed_in_one_burst_after_a_go_to_the_new_rows(tmp_path: Path) -> None:
    session_file = new_session_file(tmp_path)
    app = PanelApp(session_file, "benchmark")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        send_burst(app, "a342a55↓")
        for _ in range(10):
            await pilot.pause()
        assert grid_cells(app, "Participant 1")[:4] == ["3", "4", "2", "·"]
        assert grid_cells(app, "Participant 2")[:3] == ["5", "5", "·"]
    saved = load_session(session_file.path)
    assert [p.id for p in saved.participants] == ["p1", "p2"]


async def test_vote_dots_typed_in_one_burst_with_n_go_to_each_voter(tmp_path: Path) -> None:
    session_file = new_session_file(tmp_path)
    session_file.change(rated_by_two)
    app = PanelApp(session_file, "prioritise")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        send_burst(app, "n++↓+n+↑++")
        for _ in range(10):
            await pilot.pause()
        assert "Voting: Participant 2 · 2 of 5 votes left" in "\n".join(screen_lines(app))
    saved = load_session(session_file.path)
    assert [p.id for p in saved.participants] == ["p1", "p2"]
    assert ops.votes_of(saved, "prioritise", "p1") == {"t1": 2, "t2": 1}
    assert ops.votes_of(saved, "prioritise", "p2") == {"t2": 1, "t1": 2}
    assert app.errors == []
