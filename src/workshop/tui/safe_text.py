"""Show text a person typed exactly as typed: never as markup, never as terminal controls.

This is the one place that makes user text safe to show. In textual 8.2.8 a plain `str` given
to Label, Static, OptionList or DataTable is parsed as markup: `[link=...]` becomes a link,
`[@click=...]` an action, and `a [/b] c` raises an error that ends the app. Everything here
returns `Content` (or rich `Text`), which is literal. And no widget of textual's filters
control characters: an ESC in a stored title reaches the terminal as an escape sequence (it
can rename the window or clear the screen). Here each one is shown as a visible symbol (␛);
so are C1 controls and the invisible bidi controls that reorder what follows them.

Widgets that show text a person can edit (Input, TextArea) get `SafeLines`, which cleans
every line they render, since their value must stay exactly as typed.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.text import Text
from textual.content import Content
from textual.fuzzy import Matcher
from textual.geometry import Region
from textual.strip import Strip

from workshop.core.visible import has_unsafe, visible, visible_as_typed


def clean(text: str, *, one_line: bool = False) -> str:
    """The text with control characters made visible; line breaks shown as ⏎ if one_line."""
    return visible(text, one_line=one_line)


def one_line(text: str) -> str:
    """`text` on one line as typed (not stripped), each control character a visible symbol."""
    return visible_as_typed(text)


def plain(text: str, style: str = "", *, one_line: bool = False) -> Content:
    """User text as literal Content, optionally styled as a whole."""
    return Content.styled(clean(text, one_line=one_line), style)


def plain_text(text: str, style: str = "", *, one_line: bool = True) -> Text:
    """User text as literal rich Text (for DataTable cells and other Rich renderables)."""
    return Text(clean(text, one_line=one_line), style=style, no_wrap=one_line)


def literal(text: str, style: str = "") -> Content:
    """Content showing exactly the characters of `text` on one line (never parsed as markup)."""
    return Content.styled(one_line(text), style)


def literal_text(text: str, style: str = "") -> Text:
    """A rich Text of exactly the characters of `text`, one line, cut with … where too long."""
    return Text(one_line(text), style=style, no_wrap=True, overflow="ellipsis", end="")


def safe_strip(strip: Strip) -> Strip:
    """A rendered line with any control character in its text made visible (same width)."""
    if not has_unsafe(strip.text):
        return strip
    width = strip.cell_length
    segments = [
        Segment(one_line(text), style)
        for text, style, control in strip
        if not control  # a control segment is a cursor move of textual's own, never user text
    ]
    return Strip(segments).crop_extend(0, width, None)


class SafeLines:
    """For a widget that renders editable user text (Input, TextArea): every line it renders
    goes through `safe_strip`, so a stored ESC shows as ␛ while the value stays as typed."""

    def render_lines(self, crop: Region) -> list[Strip]:
        lines: list[Strip] = super().render_lines(crop)  # type: ignore[misc]
        return [safe_strip(line) for line in lines]


class SafeNotifications:
    """For an App: every toast's message and title has its control characters made
    visible, whoever calls `notify` (a toast often names an idea or an action)."""

    def notify(self, message: str, *, title: str = "", **options: Any) -> None:
        super().notify(  # type: ignore[misc]
            clean(message), title=clean(title, one_line=True), **options
        )


def highlight(matcher: Matcher, candidate: str) -> Content:
    """Like `Matcher.highlight`, which reads the candidate as markup, but literal."""
    candidate = one_line(candidate)
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if not score:
        return content
    for offset in offsets:
        if offset < len(candidate) and not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def markup_escape(text: str) -> str:
    """Text for the few places that only take markup (a palette hit's help line).

    `textual.markup.escape` misses `[B]` and `[Link=...]`; escaping every `[` does not.
    """
    return clean(text, one_line=True).replace("[", "\\[")
