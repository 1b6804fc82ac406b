"""Text a person typed, made safe to show: control characters as visible symbols.

The one function every front end uses before user text reaches a terminal (the command line
directly, the screen through `tui/safe_text.py`). Standard library only, and quick to import:
the command line's fastest commands use it.
"""

from __future__ import annotations

import re
import unicodedata

REPLACEMENT = "\ufffd"
"""Shown for a control character with no picture of its own (C1 controls, bidi controls)."""

_BIDI_CONTROLS = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))

_PICTURES: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}  # ␀ … ␟
_PICTURES[0x7F] = "\u2421"  # ␡
_PICTURES.update({code: REPLACEMENT for code in range(0x80, 0xA0)})
_PICTURES.update({code: REPLACEMENT for code in _BIDI_CONTROLS})
_PICTURES[ord("\t")] = " "

_ONE_LINE = dict(_PICTURES)
_ONE_LINE.update({ord("\n"): " \u23ce ", 0x2028: " \u23ce ", 0x2029: " \u23ce "})
_ONE_LINE[ord("\r")] = ""

_LINES = dict(_PICTURES)
_LINES[ord("\n")] = "\n"
_LINES.update({0x2028: "\n", 0x2029: "\n"})
_LINES[ord("\r")] = ""

_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_LINE_BREAKS = re.compile(r"[ \t]*(\r\n|[\r\n\u2028\u2029])+[ \t]*")


def has_unsafe(text: str) -> bool:
    """Whether `text` holds a character a terminal would act on (or reorder text by)."""
    return _UNSAFE.search(text) is not None


def visible(text: str, *, one_line: bool = False) -> str:
    """`text` with tabs as spaces, every other control character as a symbol (ESC as ␛; C1 and
    bidi controls as �), and with `one_line`, line breaks folded to ` ⏎ `. Nothing in it can move
    the cursor, change colours, retitle a terminal or reorder what follows it."""
    if one_line:
        return _LINE_BREAKS.sub("\n", text.strip()).translate(_ONE_LINE)
    return text.translate(_LINES)


def visible_as_typed(text: str) -> str:
    """`text` on one line as typed (not stripped), each control character a visible symbol."""
    return text.translate(_ONE_LINE)


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
