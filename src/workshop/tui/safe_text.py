"""Show text a person typed exactly as typed: never as markup, never as terminal controls.

In textual 8.2.8 a plain `str` given to Label, Static, OptionList or DataTable is parsed as
markup: `[link=...]` becomes a link, `[@click=...]` an action, and `a [/b] c` raises an error
that ends the app. Everything here returns `Content` (or rich `Text`), which is literal.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.fuzzy import Matcher

from workshop.core.visible import visible


def clean(text: str, *, one_line: bool = False) -> str:
    """The text with control characters made visible, and line breaks folded if one_line."""
    return visible(text, one_line=one_line)


def plain(text: str, style: str = "", *, one_line: bool = False) -> Content:
    """User text as literal Content, optionally styled as a whole."""
    return Content.styled(clean(text, one_line=one_line), style)


def plain_text(text: str, style: str = "", *, one_line: bool = True) -> Text:
    """User text as literal rich Text (for DataTable cells and other Rich renderables)."""
    return Text(clean(text, one_line=one_line), style=style, no_wrap=one_line)


def highlight(matcher: Matcher, candidate: str) -> Content:
    """Like `Matcher.highlight`, which reads the candidate as markup, but literal."""
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
