"""The CSV export: golden tables, round-trips through a CSV reader, and no formula injection."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from tests.sample_session import sample_session
from workshop.export import CSV_TABLES, render_csv
from workshop.export.csv_export import guard_cell

GOLDEN = Path(__file__).parent / "golden"


def _check_golden(name: str, text: str) -> None:
    """Compare with tests/unit/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.read_bytes().decode("utf-8") == text


def _rows(table: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render_csv(sample_session(), table), newline="")))


@pytest.mark.parametrize("table", CSV_TABLES)
def test_golden(table: str) -> None:
    _check_golden(f"sample-{table}.csv", render_csv(sample_session(), table))


def test_ideas_round_trip_through_a_csv_reader() -> None:
    rows = _rows("ideas")
    assert [row["id"] for row in rows] == [f"i{n}" for n in range(1, 13)]
    by_id = {row["id"]: row for row in rows}
    assert by_id["i5"]["text"] == "line\nbreak inside one idea"
    assert by_id["i2"]["text"] == "| pipe | in a cell"
    assert by_id["i1"]["theme"] == "Billing"
    assert by_id["i1"]["tags"] == "billing"
    assert by_id["i1"]["votes"] == "6"
    assert by_id["i9"]["author"] == "Ben"
    assert by_id["i10"]["hidden"] == "true"
    assert by_id["i1"]["hidden"] == "false"
    assert by_id["i1"]["created"] == "2025-03-04T09:14:00+01:00"


def test_formulas_are_written_as_text() -> None:
    ideas = {row["id"]: row for row in _rows("ideas")}
    assert ideas["i8"]["text"] == "'=SUM(A1)"
    actions = {row["id"]: row for row in _rows("actions")}
    assert actions["a2"]["measure"] == "'-20% time to refund"
    assert actions["a3"]["measure"] == "'=1+1 stories shared a month"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_guard_cell_prefixes_formula_starts(start: str) -> None:
    assert guard_cell(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("value", ["plain", "a=b", " =x", "", "'=quoted", 5, -3])
def test_guard_cell_leaves_other_cells_alone(value: str | int) -> None:
    assert guard_cell(value) == value


def test_actions_table() -> None:
    rows = _rows("actions")
    assert list(rows[0]) == [
        "id",
        "title",
        "owner",
        "horizon",
        "measure",
        "due",
        "status",
        "ideas",
        "latest progress",
    ]
    a1, a2, a3 = rows
    assert (a1["horizon"], a1["due"], a1["status"], a1["latest progress"]) == (
        "3m",
        "2025-06-30",
        "on-track",
        "2",
    )
    assert a1["ideas"] == "i1 i2"
    assert (a2["due"], a2["latest progress"], a2["owner"]) == ("", "", "Ben | Finance")
    assert a3["horizon"] == "beyond"


def test_ratings_table_has_one_row_per_score_with_segments() -> None:
    rows = _rows("ratings")
    assert len(rows) == 12
    assert rows[0] == {
        "activity": "benchmark",
        "participant": "p1",
        "participant name": "Ana",
        "segment": "Support",
        "criterion": "knowledge",
        "score": "3",
    }
    p4 = [row for row in rows if row["participant"] == "p4"]
    assert {(row["participant name"], row["segment"]) for row in p4} == {("", "")}
    assert sum(int(row["score"]) for row in rows if row["criterion"] == "alignment") == 12


def test_unknown_table_is_an_error() -> None:
    with pytest.raises(ValueError, match="ideas, actions, ratings"):
        render_csv(sample_session(), "votes")
