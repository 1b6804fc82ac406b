"""The benchmark shown back: per criterion a bar, the mean, the spread, target and previous."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from workshop.core.agenda import Scale
from workshop.core.stats import CriterionResult, text_bar
from workshop.tui.safe_text import one_line


def _number(value: float | None) -> str:
    return "  – " if value is None else f"{value:4.1f}"


def _fit(text: str, width: int) -> str:
    """`text` made safe to show (titles and segments are typed by people), cut to `width`."""
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def results_table(results: list[CriterionResult], scale: Scale, width: int) -> Content:
    """One line per criterion: number, title, bar, mean, min-max, sd, target, previous, flag."""
    # number(3) title bar mean(5) range(5) sd(6) target(6) prev(6) flag(2)
    numbers = 3 + 5 + 5 + 6 + 6 + 6 + 2
    title_width = max(8, min(28, (width - numbers) // 2))
    bar_width = max(5, min(24, width - numbers - title_width - 2))
    header = Content.styled(
        f"{'':3}{'criterion':<{title_width}} {'':<{bar_width}}{'mean':>4} "
        f"{'range':>5} {'sd':>5} {'target':>6} {'before':>6}",
        "dim",
    )
    lines = [header]
    for number, result in enumerate(results, start=1):
        bar = text_bar(result.mean, scale.low, scale.high, bar_width)
        below = result.target is not None and result.mean is not None and (
            result.mean < result.target
        )
        spread = (
            f"{result.min_score}-{result.max_score}" if result.min_score is not None else "–"
        )
        sd = "" if result.stdev is None else f"±{result.stdev:.1f}"
        target = "" if result.target is None else f"→{result.target:.1f}"
        before = "" if result.previous is None else f"{result.previous:.1f}"
        trend = ""
        if result.previous is not None and result.mean is not None:
            change = result.mean - result.previous
            trend = "▲" if change > 0 else "▼" if change < 0 else "="
        line = Content.assemble(
            (f"{number:>2} ", "dim"),
            Content(_fit(result.title, title_width).ljust(title_width)),
            " ",
            (bar, "$error" if result.disagreement else "$accent" if below else "$success"),
            (_number(result.mean), "bold"),
            f" {spread:>5} {sd:>5} ",
            (f"{target:>6}", "$text-muted"),
            (f" {before:>4}{trend:1}", "$text-muted"),
            (" ⚠" if result.disagreement else "", "bold $error"),
        )
        lines.append(line)
    flagged = [r for r in results if r.disagreement]
    if flagged:
        numbers = ", ".join(str(results.index(r) + 1) for r in flagged)
        lines.append(
            Content.assemble(
                ("⚠ Wide disagreement", "bold $error"),
                _fit(f" on {numbers}: ask a high and a low scorer what each sees.", width - 20),
            )
        )
    return Content("\n").join(lines)


def segments_table(results: list[CriterionResult], width: int) -> Content:
    """Per criterion, the mean of each segment (department, role, site) that rated it."""
    segments = sorted(
        {segment for r in results for segment in r.by_segment}, key=lambda s: (s == "", s)
    )
    if len(segments) < 2:
        return Content.styled(
            "No split by segment: give participants a segment (department, role, site) "
            "with s on their row.",
            "dim",
        )
    column = 9
    title_width = max(8, min(28, width - 4 - column * len(segments)))
    names = [_fit(s or "(none)", column - 1).rjust(column) for s in segments]
    lines = [Content.styled(f"{'':3}{'criterion':<{title_width}}" + "".join(names), "dim")]
    for number, result in enumerate(results, start=1):
        cells = []
        for segment in segments:
            part = result.by_segment.get(segment)
            value = part.mean if part else None
            cells.append(f"{value:.1f} ({part.count})".rjust(column) if part and value is not None
                         else "–".rjust(column))
        lines.append(
            Content.assemble(
                (f"{number:>2} ", "dim"),
                Content(_fit(result.title, title_width).ljust(title_width)),
                "".join(cells),
            )
        )
    return Content("\n").join(lines)


class RatingResults(Widget):
    """The table of results (or the split by segment), fitted to the width it is given."""

    DEFAULT_CSS = """
    RatingResults { height: auto; padding: 0 1; }
    """

    def __init__(self, scale: Scale, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.scale = scale
        self.results: list[CriterionResult] = []
        self.by_segment = False
        self._lines = 0

    def show(self, results: list[CriterionResult], by_segment: bool = False) -> None:
        lines_before = self._lines
        self.results = results
        self.by_segment = by_segment
        self._lines = self._line_count()
        # A new height needs a layout pass (costly beside a big grid); same height, a repaint.
        self.refresh(layout=self._lines != lines_before)

    def _line_count(self) -> int:
        if self.by_segment:
            return len(segments_table(self.results, 80).split("\n"))
        return len(self.results) + 1 + any(r.disagreement for r in self.results)

    def _content(self, width: int) -> Content:
        width = max(40, width)
        if self.by_segment:
            return segments_table(self.results, width)
        return results_table(self.results, self.scale, width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._lines

    def render(self) -> Content:
        return self._content(self.content_size.width)
