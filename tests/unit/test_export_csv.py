"""The CSV export: golden tables, round-trips, one record per line, no formula injection."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.sample_session import sample_session
from workshop.core.models import Idea, Session, Theme
from workshop.export import CSV_TABLES, render_csv
from workshop.export.csv_export import HEADERS, guard_cell

GOLDEN = Path(__file__).parent / "golden"

HOSTILE_TEXTS = [
    "harmless\r=cmd|' /C calc'!A0",
    "two\r\rbare CRs, then \r\n CRLF and \n LF",
    "vertical\x0btab, form\x0cfeed, \x1cfile \x1dgroup \x1erecord, \x85next line",
    "line\u2028separator and paragraph\u2029separator",
    'quote " and comma, in one',
    "NUL \x00 and escape \x1b[2J",
    "\t=tab formula",
    "  =spaced formula",
    "\r@start",
    "-2+3",
    "+1",
    "@SUM(A1)",
]


def _check_golden(name: str, text: str) -> None:
    """Compare with tests/unit/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.read_bytes().decode("utf-8") == text


def _rows(table: str, session: Session | None = None, **options: bool) -> list[dict[str, str]]:
    text = render_csv(session or sample_session(), table, **options)
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _hostile_session() -> Session:
    session = sample_session()
    base = session.ideas[0]
    session.ideas = [
        base.model_copy(update={"id": f"h{n}", "text": text, "author": text, "hidden": False})
        for n, text in enumerate(HOSTILE_TEXTS)
    ]
    session.themes = [Theme(id=f"t{n}", title=text) for n, text in enumerate(HOSTILE_TEXTS)]
    session.actions = [
        action.model_copy(update={"title": text, "owner": text, "measure": text})
        for action, text in zip(session.actions * 4, HOSTILE_TEXTS, strict=False)
    ]
    session.participants = [
        p.model_copy(update={"name": text, "segment": text})
        for p, text in zip(session.participants, HOSTILE_TEXTS, strict=False)
    ]
    session.title = "Title\rwith =CR"
    session.team = "=team"
    return session


@pytest.mark.parametrize("table", CSV_TABLES)
def test_golden(table: str) -> None:
    _check_golden(f"sample-{table}.csv", render_csv(sample_session(), table))


@pytest.mark.parametrize("table", CSV_TABLES)
def test_every_row_has_its_headers_cells_whatever_the_text(table: str) -> None:
    text = render_csv(_hostile_session(), table)
    header = HEADERS[table]
    records = list(csv.reader(io.StringIO(text, newline="")))
    assert records[0] == header
    assert len(records) > 1
    assert all(len(record) == len(header) for record in records)
    # A naive reader: one record per line, whatever it calls a line.
    lines = text.splitlines()
    assert len(lines) == len(records)
    # A reader in universal-newline mode (how pandas-like tools open files by default).
    universal = list(csv.reader(io.StringIO(text, newline=None)))
    assert universal == records
    for line in lines:
        assert len(next(csv.reader([line]))) == len(header)


@pytest.mark.parametrize("table", CSV_TABLES)
def test_no_cell_of_any_table_can_start_a_formula(table: str) -> None:
    records = list(csv.reader(io.StringIO(render_csv(_hostile_session(), table), newline="")))
    for record in records[1:]:
        for cell in record:
            assert not cell.lstrip().startswith(("=", "+", "-", "@")), (table, cell)
            assert not cell.startswith(("\t", "\r")), (table, cell)


def test_the_cr_trick_stays_one_text_cell() -> None:
    rows = {row["idea_id"]: row for row in _rows("ideas", _hostile_session())}
    assert rows["h0"]["text"] == "harmless =cmd|' /C calc'!A0"
    assert rows["h5"]["text"] == "NUL ␀ and escape ␛[2J"
    assert rows["h6"]["text"] == "' =tab formula"  # a tab is a space, and still guarded
    assert rows["h7"]["text"] == "'  =spaced formula"
    assert rows["h8"]["text"] == "' @start"
    assert rows["h9"]["text"] == "'-2+3"
    assert rows["h0"]["session_title"] == "Title with =CR"
    assert rows["h0"]["team"] == "'=team"


def test_ideas_round_trip_through_a_csv_reader() -> None:
    rows = _rows("ideas")
    assert [row["idea_id"] for row in rows] == [f"i{n}" for n in range(1, 13) if n != 10]
    by_id = {row["idea_id"]: row for row in rows}
    assert by_id["i5"]["text"] == "line break inside one idea"
    assert by_id["i2"]["text"] == "| pipe | in a cell"
    assert (by_id["i1"]["theme_id"], by_id["i1"]["theme"]) == ("t1", "Billing")
    assert (by_id["i5"]["theme_id"], by_id["i5"]["theme"]) == ("", "")
    assert by_id["i1"]["tags"] == "billing"
    assert by_id["i1"]["votes"] == "6"
    assert by_id["i9"]["author"] == "Ben"
    assert by_id["i1"]["hidden"] == "false"
    assert by_id["i1"]["created"] == "2025-03-04T09:14:00+01:00"
    for row in rows:
        assert (row["session_date"], row["session_title"], row["team"]) == (
            "2025-03-04",
            "Support desk: spring workshop",
            "Support desk",
        )


def test_hidden_ideas_only_with_include_hidden() -> None:
    assert "i10" not in {row["idea_id"] for row in _rows("ideas")}
    kept = {row["idea_id"]: row for row in _rows("ideas", include_hidden=True)}
    assert kept["i10"]["hidden"] == "true"
    assert kept["i10"]["votes"] == "1"
    actions = {row["action_id"]: row for row in _rows("actions")}
    assert actions["a3"]["ideas"] == "i9"  # the link to hidden i10 is left out too
    assert {r["action_id"]: r for r in _rows("actions", include_hidden=True)}["a3"]["ideas"] == (
        "i9 i10"
    )


def test_themes_table_counts_ideas_and_votes() -> None:
    rows = _rows("themes")
    assert list(rows[0]) == HEADERS["themes"]
    t1, t2 = rows
    # t1: i1 (6 dots) and i2 (none), and a show of hands of 4 for the theme itself.
    assert (t1["theme_id"], t1["title"], t1["ideas"], t1["votes"]) == ("t1", "Billing", "2", "4")
    assert (t1["idea_votes"], t1["total_votes"]) == ("6", "10")
    # t2: i3 (2 dots) and i4.
    assert (t2["theme_id"], t2["ideas"], t2["votes"], t2["idea_votes"]) == ("t2", "2", "0", "2")


def test_formulas_are_written_as_text() -> None:
    ideas = {row["idea_id"]: row for row in _rows("ideas")}
    assert ideas["i8"]["text"] == "'=SUM(A1)"
    actions = {row["action_id"]: row for row in _rows("actions")}
    assert actions["a2"]["measure"] == "'-20% time to refund"
    assert actions["a3"]["measure"] == "'=1+1 stories shared a month"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", " =", "\t\t@", "  -"])
def test_guard_cell_prefixes_formula_starts(start: str) -> None:
    assert guard_cell(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("value", ["plain", "a=b", "", "'=quoted", "x -1", 5, 0])
def test_guard_cell_leaves_other_cells_alone(value: str | int) -> None:
    assert guard_cell(value) == value


def test_headers_are_snake_case_and_start_with_the_session() -> None:
    for table, header in HEADERS.items():
        assert header[:3] == ["session_date", "session_title", "team"], table
        for name in header:
            assert name == name.lower() and " " not in name and "-" not in name, name


def test_actions_table() -> None:
    rows = _rows("actions")
    assert list(rows[0]) == HEADERS["actions"]
    a1, a2, a3 = rows
    assert (a1["horizon"], a1["due"], a1["status"], a1["latest_progress"]) == (
        "3m",
        "2025-06-30",
        "on-track",
        "2",
    )
    assert a1["latest_review"] == "2025-06-02"
    assert a1["ideas"] == "i1 i2"
    assert (a2["due"], a2["latest_progress"], a2["owner"]) == ("", "", "Ben | Finance")
    assert a2["ideas"] == "t2 i3"
    assert a3["horizon"] == "beyond"


def test_ratings_table_has_one_row_per_score_with_segments() -> None:
    rows = _rows("ratings")
    assert len(rows) == 12
    assert rows[0] == {
        "session_date": "2025-03-04",
        "session_title": "Support desk: spring workshop",
        "team": "Support desk",
        "activity": "benchmark",
        "participant_id": "p1",
        "participant_name": "Ana",
        "segment": "Support",
        "criterion_id": "knowledge",
        "criterion": "Basic customer knowledge",
        "score": "3",
    }
    p4 = [row for row in rows if row["participant_id"] == "p4"]
    assert {(row["participant_name"], row["segment"]) for row in p4} == {("", "")}
    assert sum(int(row["score"]) for row in rows if row["criterion_id"] == "alignment") == 12


def test_excel_rows_end_in_crlf() -> None:
    text = render_csv(sample_session(), "ideas", excel=True)
    assert text.count("\r\n") == text.count("\n") == 12
    assert list(csv.reader(io.StringIO(text, newline=""))) == list(
        csv.reader(io.StringIO(render_csv(sample_session(), "ideas"), newline=""))
    )


def test_an_idea_in_a_theme_since_removed_has_no_theme_id() -> None:
    session = sample_session()
    session.ideas = [Idea.model_validate({**session.ideas[0].model_dump(), "theme": "t9"})]
    (row,) = _rows("ideas", session)
    assert (row["theme_id"], row["theme"]) == ("", "")


def test_unknown_table_is_an_error() -> None:
    with pytest.raises(ValueError, match="ideas, themes, actions, ratings"):
        render_csv(sample_session(), "votes")


@given(st.text(max_size=20))
def test_one_line_cell_skips_only_cells_with_nothing_to_change(text: str) -> None:
    from workshop.core.visible import visible
    from workshop.export.csv_export import _LINE_BREAKS, one_line_cell

    assert one_line_cell(text) == visible(_LINE_BREAKS.sub(" ", text))
