"""Markdown text: escaping what people typed, and the small formatting helpers the exports share.

Every string a person typed (and every agenda string) goes through `escape_inline` or
`escape_cell`, so no text can open a heading, a list, a quote, a code span, a link, HTML or
a new table cell.
"""

from __future__ import annotations

import re

from workshop.core.visible import visible

EMPTY = "—"
"""What a table cell shows when there is nothing to show."""

# Any run of white space or control characters (line breaks included) becomes one space.
_BLANKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# Characters that can start inline markup anywhere: code, emphasis, links, HTML, math.
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<~$])")
# `&` only matters where it starts an entity such as &lt; or &#60;.
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# `#` opens a heading at the start and closes one at the end; `#tag` mid-text is harmless.
_HASH = re.compile(r"^#|#(?!\w)")
_LEADING_BLOCK = re.compile(r"^([>+=-])")
_LEADING_NUMBER = re.compile(r"^(\d{1,9})([.)])")


# Bidi controls (shown as a symbol by `visible`, like every front end does).
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_SAFE_CHARACTER = rf"[^\\`*_\[\]<~$&#\s\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}]"
# Text none of the substitutions below would change: no special character, `#` only as in
# `#tag`, single spaces between words, and no opening that starts a block. Most ideas are
# like this; checking once is several times faster than six substitutions (50,000 ideas).
_NOTHING_TO_ESCAPE = re.compile(
    rf"(?![>+=-]|\d{{1,9}}[.)]){_SAFE_CHARACTER}(?:{_SAFE_CHARACTER}|(?<! ) (?! |$)|#(?=\w))*"
)


def escape_inline(text: str) -> str:
    """`text` as markdown that renders as exactly that text, on one line."""
    if _NOTHING_TO_ESCAPE.fullmatch(text):
        return text
    return _escape_inline(text)


def _escape_inline(text: str) -> str:
    # Bidi controls would reorder what follows them: shown as a symbol, like every front end.
    text = visible(_BLANKS.sub(" ", text).strip())
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _HASH.sub(r"\\#", text)
    text = _LEADING_BLOCK.sub(r"\\\1", text)
    return _LEADING_NUMBER.sub(r"\1\\\2", text)


def escape_cell(text: str) -> str:
    """`text` for a table cell: `escape_inline`, and `|` cannot end the cell."""
    return escape_inline(text).replace("|", "\\|")


# --- helpers ----------------------------------------------------------------------------------

TOP_RANKS = 10
"""The top themes and ideas list goes down to this rank (ties at the edge included)."""
SEGMENTS_PER_TABLE = 4
"""Segments side by side in one table (with the criterion column: five columns)."""
SCALE_BAR_WIDTH = 10


def plural(count: int, word: str, plural: str = "") -> str:
    return f"{count} {word}" if count == 1 else f"{count} {plural or word + 's'}"


def decimal(value: float | None) -> str:
    return EMPTY if value is None else f"{value:.2f}"


def words(value: str) -> str:
    """An enum value as words: "not-started" -> "not started"."""
    return value.replace("-", " ")


def quoted(text: str) -> str:
    return f"“{escape_inline(text)}”"
