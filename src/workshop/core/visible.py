"""Text a person typed, made safe to show: control characters as visible symbols.

The one function every front end uses before user text reaches a terminal (the command line
directly, the screen through `tui/safe_text.py`). Standard library only, and quick to import:
the command line's fastest commands use it.
"""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def _symbol(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture" for it: ␛, ␇...
    return "\ufffd"


def visible(text: str, *, one_line: bool = False) -> str:
    """`text` with tabs as spaces, every other control character as a symbol (ESC as ␛), and
    with `one_line`, line breaks folded to ` ⏎ `. Nothing in it can move the cursor, change
    colours or retitle a terminal."""
    text = text.replace("\t", " ")
    if one_line:
        text = _LINE_BREAKS.sub(" ⏎ ", text.strip())
    return _CONTROL.sub(_symbol, text)


def display_width(text: str) -> int:
    """The columns `text` takes on a terminal: wide (CJK) characters 2, combining marks 0."""
    if text.isascii():
        return len(text)
    width = 0
    for character in text:
        if unicodedata.combining(character) or unicodedata.category(character) in ("Mn", "Me"):
            continue
        width += 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1
    return width


def pad(text: str, width: int) -> str:
    """`text` padded with spaces to `width` terminal columns."""
    return text + " " * max(0, width - display_width(text))
