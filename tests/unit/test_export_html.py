"""The HTML export: self-contained, escaped, with its charts, and as Chromium renders it.

The Chromium tests need Debian's `chromium` (installed by .ci/run); where it is absent they are
skipped, saying so.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.sample_session import sample_session
from workshop.core.demo import demo_session
from workshop.core.models import Participant, Rating, Session
from workshop.export.html import render_html
from workshop.export.report_html import render_report_html
from workshop.store.agendas import find_agenda, load_agenda
from workshop.store.report_folder import report_folder
from workshop.store.session_text import render_session

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; .ci/run does)"
)
PAGE_WIDTH = 980


def _demo() -> Session:
    return demo_session(load_agenda(find_agenda("customer-focus")), date(2026, 11, 23))


def _report_html(folder: Path) -> str:
    from tests.unit.helpers import billing, kick_off, quarterly

    first = kick_off()
    for name, session in [
        ("2026-01-15-kick-off.toml", first),
        ("2026-04-10-quarterly-review.toml", quarterly(first)),
        ("2026-02-01-billing.toml", billing()),
    ]:
        (folder / name).write_text(render_session(session), encoding="utf-8")
    return render_report_html(report_folder(folder, date(2026, 7, 15)))


def _makes_no_request(page: str) -> None:
    assert "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';" in page
    lowered = page.lower()
    for needle in ("<script", "<link", "<img", "<iframe", "<object", "<embed", "src=", "href=",
                   "url(", "@import", "@font-face"):
        assert needle not in lowered, needle
    # No attribute names a URL (user text may mention one: it is text).
    assert re.search(r"=\s*[\"']?[a-z][a-z0-9+.-]*://", lowered) is None
    assert "data:" not in lowered.replace("img-src data:", "")


@pytest.mark.parametrize("include_hidden", [False, True])
def test_the_session_page_is_self_contained_and_escaped(include_hidden: bool) -> None:
    page = render_html(sample_session(), include_hidden=include_hidden)
    assert page.startswith("<!DOCTYPE html>\n")
    assert '<meta name="generator" content="workshop-export">' in page
    _makes_no_request(page)
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; on hold" in page
    assert "Phone &amp; &lt;b&gt;hold&lt;/b&gt; times" in page
    assert ("Ben never answers the phone" in page) is include_hidden
    assert page.count("<svg ") == 2  # the votes, the benchmark
    assert "@media print" in page


def test_chart_labels_are_escaped() -> None:
    session = sample_session()
    session.ideas[0] = session.ideas[0].model_copy(update={"text": "<svg onload=x>&"})
    page = render_html(session)
    votes_chart = page[page.index('<svg class="chart votes"') :].split("</svg>", 1)[0]
    assert "&lt;svg onload=x&gt;&amp;" in votes_chart
    assert "<svg onload" not in page


def test_the_report_page_is_self_contained_with_its_charts(tmp_path: Path) -> None:
    page = _report_html(tmp_path)
    _makes_no_request(page)
    # The folder's index trend; per team an index trend and the means by session.
    assert page.count('<svg class="chart index"') == 3
    assert page.count('<svg class="chart trends"') == 2
    assert "Systems | processes &lt;for us&gt;" in page


def _chromium(*args: str) -> str:
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


# GitHub's own table styling, close enough: 16px text, cells padded 6px 13px.
_GITHUB_LIKE = (
    "<style>body{font:16px/1.5 Helvetica,Arial,sans-serif} th,td{padding:6px 13px}</style>"
)
_MEASURE = """
<script>
const wide = [...document.querySelectorAll("table, svg")].filter(
  (e) => e.getBoundingClientRect().right > innerWidth + 0.5 || e.scrollWidth > e.clientWidth + 1
);
document.body.setAttribute("data-overflow", String(wide.length));
document.body.setAttribute("data-page-width", String(document.documentElement.scrollWidth));
</script>
"""


def _measurable(page: str) -> str:
    """The page with its scripts allowed, GitHub-like table styling, and a measuring script."""
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    page = page.replace("</head>", _GITHUB_LIKE + "</head>")
    return page.replace("</body>", _MEASURE + "</body>")


@needs_chromium
@pytest.mark.parametrize("which", ["sample", "demo", "ten segments"])
def test_chromium_renders_the_session_with_its_charts_within_980_pixels(
    tmp_path: Path, which: str
) -> None:
    session = _demo() if which == "demo" else sample_session()
    if which == "ten segments":
        session.participants = [Participant(id=f"p{n}", segment=f"Site {n}") for n in range(1, 11)]
        session.ratings = [
            Rating(activity="benchmark", participant=f"p{n}", criterion=c, score=1 + n % 5)
            for n in range(1, 11)
            for c in ("knowledge", "alignment", "attitudes")
        ]
    page = tmp_path / "plan.html"
    page.write_text(render_html(session), encoding="utf-8")
    dom = _chromium("--virtual-time-budget=2000", "--dump-dom", page.as_uri())
    assert f"<h1>{session.title.replace('&', '&amp;')}</h1>" in dom
    assert dom.count("<svg ") == 2
    assert "What the room decided" in dom and "Benchmark" in dom
    measured = tmp_path / "measured.html"
    measured.write_text(_measurable(render_html(session)), encoding="utf-8")
    dom = _chromium(
        f"--window-size={PAGE_WIDTH},1000", "--virtual-time-budget=2000", "--dump-dom",
        measured.as_uri(),
    )
    assert 'data-overflow="0"' in dom, re.findall(r"data-[a-z-]+=\"\d+\"", dom)
    width = int(re.search(r'data-page-width="(\d+)"', dom).group(1))  # type: ignore[union-attr]
    assert width <= PAGE_WIDTH


@needs_chromium
def test_chromium_renders_the_report_and_takes_a_screenshot(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    page.write_text(_report_html(sessions), encoding="utf-8")
    dom = _chromium("--virtual-time-budget=2000", "--dump-dom", page.as_uri())
    assert "<h1>Follow-through report</h1>" in dom
    assert dom.count("<svg ") == 5
    shot = tmp_path / "report.png"
    _chromium(f"--window-size={PAGE_WIDTH},1400", f"--screenshot={shot}", page.as_uri())
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 10_000


def test_control_characters_in_chart_labels_are_symbols() -> None:
    session = sample_session()
    session.ideas[0] = session.ideas[0].model_copy(update={"text": "a\x1b[2J\x9bb\u202ec"})
    page = render_html(session)
    assert "\x1b" not in page and "\x9b" not in page and "\u202e" not in page
    assert "a␛[2J\ufffdb\ufffdc" in page


def test_the_means_chart_sits_under_its_teams_table_before_the_segments(tmp_path: Path) -> None:
    # A leader reads a chart as belonging to the table above it: under the last segment's
    # table it would read as that segment's chart.
    page = _report_html(tmp_path)
    assert "<h4>Segment: " in page  # the folder has segments to get in the way
    charts = page.split('<svg class="chart trends"')[:-1]
    assert len(charts) == 2
    for before_chart in charts:
        under_heading = before_chart.rsplit("<h3>Benchmark means</h3>", 1)[1]
        assert "<h4>Segment: " not in under_heading
        assert under_heading.count("<table>") == 1


@needs_chromium
@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext is not installed (poppler-utils)"
)
def test_printed_a_table_keeps_its_heading_and_introduction_on_its_page(tmp_path: Path) -> None:
    # Two demo sessions half a year apart: in print, the team's benchmark table does not fit
    # under the success index, and went to page 2 without its heading and the line that says
    # what it holds, which stayed at the foot of page 1.
    agenda = load_agenda(find_agenda("customer-focus"))
    earlier = demo_session(agenda, date(2026, 5, 20))
    earlier.ratings = [r.model_copy(update={"score": max(1, r.score - 1)}) for r in earlier.ratings]
    for name, session in [
        ("2026-05-20-kick-off.toml", earlier),
        ("2026-11-23-kick-off.toml", demo_session(agenda, date(2026, 11, 23))),
    ]:
        (tmp_path / name).write_text(render_session(session), encoding="utf-8")
    page = render_report_html(report_folder(tmp_path, date(2026, 12, 6)))
    html_file, pdf = tmp_path / "report.html", tmp_path / "report.pdf"
    html_file.write_text(page, encoding="utf-8")

    _chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", html_file.as_uri())

    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [page_text for page_text in text.split("\f") if page_text.strip()]
    assert len(pages) > 1
    headings = {html.unescape(h) for h in re.findall(r"<h[234]>(.*?)</h[234]>", page)}
    introductions = {html.unescape(p) for p in re.findall(r"<p>([^<]*)</p>\s*<table>", page)}
    assert "Mean score per criterion by session date (number of scores)." in introductions
    for number, page_text in enumerate(pages[:-1], start=1):
        last_line = [line.strip() for line in page_text.splitlines() if line.strip()][-1]
        assert last_line not in headings | introductions, f"page {number} ends with {last_line!r}"
