"""The markdown export: the golden document, and user text that cannot break its structure."""

from __future__ import annotations

import html
import os
import re
from datetime import date
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.sample_session import at, sample_session
from workshop.core.models import LogEntry, Rating, Session
from workshop.export.markdown import MARK_LINE, escape_cell, escape_inline, render_markdown

GOLDEN = Path(__file__).parent / "golden"

HOSTILE = [
    "| pipe | in a cell",
    "# heading",
    "## two",
    "Issue #",
    "> quote",
    "- dash",
    "+ plus",
    "* star",
    "1. numbered",
    "12) numbered",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<!-- comment -->",
    "line\nbreak",
    "cr\r\nlf\rand\u2028separator",
    "`code` and ``more``",
    "*bold* **x** _it_ __y__",
    "[link](http://x) ![img](http://y) [ref][1] [^note]",
    "[ ] not a task",
    "~~strike~~ $math$ \\(escaped\\) trailing \\",
    "&lt;b&gt; &#60;script&#62; R&D",
    "---",
    "===",
    "    indented code",
    "\ttab",
    "=SUM(A1)",
    "a\\|b",
    "",
]


def _markdown_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _check_golden(name: str, text: str) -> None:
    """Compare with tests/unit/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.read_bytes().decode("utf-8") == text


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)(?:\\\\)*\|", line))


def _tables(markdown: str) -> list[list[str]]:
    tables: list[list[str]] = []
    current: list[str] = []
    for line in markdown.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def test_golden() -> None:
    _check_golden("sample.md", render_markdown(sample_session()))


def test_the_plan_comes_first_then_the_record() -> None:
    markdown = render_markdown(sample_session())
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Action plan",
        "## Ideas",
        "## Debate",
        "## Benchmark",
        "## Activity log",
    ]
    plan = markdown.split("## Ideas")[0]
    assert plan.index("### Next 3 months") < plan.index("### Next 6 months")
    assert plan.index("### Next 6 months") < plan.index("### Beyond 6 months")


def test_hidden_ideas_are_left_out_even_where_an_action_cites_them() -> None:
    markdown = render_markdown(sample_session())
    assert "Ben never answers the phone" not in markdown
    assert "1 hidden idea is not shown." in markdown


def test_every_table_row_has_as_many_cells_as_its_header() -> None:
    tables = _tables(render_markdown(sample_session()))
    assert len(tables) == 3  # benchmark, by segment, activity log
    for table in tables:
        header_pipes = _unescaped_pipes(table[0])
        assert all(_unescaped_pipes(row) == header_pipes for row in table), table


def test_no_raw_html_and_no_user_text_heading() -> None:
    mark, markdown = render_markdown(sample_session()).split("\n", 1)
    assert mark == MARK_LINE  # the one HTML comment: the mark of an export
    assert "<script" not in markdown.replace("\\<script", "")
    assert re.search(r"(?<!\\)<", markdown) is None
    for line in markdown.splitlines():
        if line.startswith("#"):
            assert re.match(r"#{1,4} [^#\s]", line), line
        assert not line.startswith((">", "<", "\t")), line
        if line.startswith(" "):
            assert re.match(r"( {2})+- ", line), line  # only nested list items are indented


def test_every_list_item_starts_with_escaped_text() -> None:
    for line in render_markdown(sample_session()).splitlines():
        item = re.match(r"^\s*- (.*)$", line)
        if item:
            content = item.group(1)
            if content.startswith("**") and content.endswith("**"):
                content = content[2:-2]  # an action's title, in bold
            assert not re.match(r"[#>+\-=*]|\d+[.)]|\[ \]", content), line


def test_rendered_html_has_the_expected_shape() -> None:
    rendered = _markdown_parser().render(render_markdown(sample_session()))
    assert rendered.count("<h1>") == 1
    assert "<script" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt; on hold" in rendered
    assert "<blockquote>" not in rendered
    assert "<code>" not in rendered
    assert "<em>" not in rendered
    assert '<a href="http://x">' not in rendered
    assert rendered.count("<table>") == 3
    assert "line break inside one idea" in rendered


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_list_items_render_as_their_text(text: str) -> None:
    expected = " ".join(text.split())
    rendered = _markdown_parser().render(f"- {escape_inline(text)}\n")
    if expected:
        assert rendered == f"<ul>\n<li>{html.escape(expected, quote=False)}</li>\n</ul>\n"


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_headings_render_as_their_text(text: str) -> None:
    expected = " ".join(text.split())
    if expected:
        rendered = _markdown_parser().render(f"### {escape_inline(text)}\n")
        assert rendered == f"<h3>{html.escape(expected, quote=False)}</h3>\n"


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_cells_stay_in_their_cell(text: str) -> None:
    expected = " ".join(text.split())
    markdown = f"| a | b |\n| - | - |\n| {escape_cell(text)} | after |\n"
    rendered = _markdown_parser().render(markdown)
    cells = re.findall(r"<td>(.*?)</td>", rendered)
    assert cells == [html.escape(expected, quote=False), "after"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# x", r"\# x"),
        ("> q", r"\> q"),
        ("- d", r"\- d"),
        ("+ p", r"\+ p"),
        ("1. n", r"1\. n"),
        ("<script>", r"\<script>"),
        ("a`b", r"a\`b"),
        ("*x* _y_", r"\*x\* \_y\_"),
        ("[a](b)", r"\[a\](b)"),
        ("line\nbreak", "line break"),
        ("  spaced \r\n out  ", "spaced out"),
        ("C#", r"C\#"),
        ("a #tag", "a #tag"),
        ("&amp; R&D", r"\&amp; R&D"),
        ("$5", r"\$5"),
        ("a\\b", r"a\\b"),
        ("a | b", "a | b"),
    ],
)
def test_escape_inline(text: str, expected: str) -> None:
    assert escape_inline(text) == expected


def test_escape_cell_escapes_pipes() -> None:
    assert escape_cell("a | b") == r"a \| b"
    assert escape_cell("a\\|b") == r"a\\\|b"


def test_empty_session_says_so() -> None:
    session = sample_session()
    for name in Session.RECORD_LISTS:
        setattr(session, name, [])
    markdown = render_markdown(session)
    assert "No actions yet." in markdown
    assert "No ideas yet." in markdown
    assert "No debate notes yet." in markdown
    assert "No ratings yet." in markdown
    assert "Nothing logged yet. The agenda plans 140 minutes." in markdown


def test_previous_sessions_fill_the_previous_column() -> None:
    earlier = sample_session()
    earlier.date = date(2024, 11, 5)
    earlier.ratings = [
        Rating(activity="benchmark", participant="p1", criterion="knowledge", score=2),
        Rating(activity="benchmark", participant="p2", criterion="knowledge", score=3),
    ]
    markdown = render_markdown(sample_session(), earlier=[earlier])
    row = next(line for line in markdown.splitlines() if line.startswith("| Basic customer"))
    # Earlier mean (2 + 3) / 2 = 2.5; now 3.5: up by one.
    assert "2.50 (+1.00)" in row


def test_a_running_activity_has_no_difference_yet() -> None:
    session = sample_session()
    session.log.append(LogEntry(activity="actions", started=at(12, 0)))
    row = next(
        line for line in render_markdown(session).splitlines() if "| Agree the actions" in line
    )
    assert "35 + running" in row
    assert row.rstrip(" |").endswith("—")


def test_pipes_in_consecutive_list_items_do_not_make_a_table() -> None:
    items = [escape_inline(text) for text in ("a | b", "| --- | --- |", "c | d")]
    rendered = _markdown_parser().render("".join(f"- {item}\n" for item in items))
    assert "<table>" not in rendered
    assert rendered.count("<li>") == 3
