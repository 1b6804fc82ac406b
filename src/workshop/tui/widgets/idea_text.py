"""Showing text a person typed: never markup, control characters made visible, one line."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_CONTROL_PICTURES[0x7F] = "\u2421"
_CONTROL_PICTURES.update({code: "\ufffd" for code in range(0x80, 0xA0)})
_CONTROL_PICTURES[ord("\n")] = " \u23ce "
_CONTROL_PICTURES[ord("\t")] = " "


def one_line(text: str) -> str:
    """`text` on one line, with each control character shown as a visible symbol."""
    return text.translate(_CONTROL_PICTURES)


def literal(text: str, style: str = "") -> Content:
    """Content showing exactly the characters of `text` (never parsed as markup)."""
    return Content.styled(one_line(text), style)


def literal_text(text: str, style: str = "") -> Text:
    """A rich Text of exactly the characters of `text`, for widgets that take rich renderables."""
    return Text(one_line(text), style=style, no_wrap=True, overflow="ellipsis", end="")
