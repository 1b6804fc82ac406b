"""The rules for text a person types, and how a change names its record."""

from __future__ import annotations

import re

_TAG = re.compile(r"(?<![\w#])#([\w][\w-]*)")


_SURROGATES = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Text as typed, minus what cannot be stored as UTF-8 (lone surrogates).

    The rule for everything a person types (ideas, titles, names, notes...): it is stored
    exactly as typed, spaces and tabs at either end included. Surrounding whitespace is
    ignored only to judge whether a text is empty and to compare names (the same owner,
    team or segment), and the screen shows one-line text without it."""
    return _SURROGATES.sub("\ufffd", text)


def short(text: str, width: int = 24) -> str:
    """Text on one line, cut with … to `width` characters (for naming a record)."""
    one_line = " ".join(text.split())
    if len(one_line) <= width:
        return one_line
    cut = one_line[: width - 1]
    at_word = cut.rsplit(" ", 1)[0]  # at a word's end, unless that leaves too little
    return (at_word if len(at_word) > width // 2 else cut) + "…"


def label(what: str, record_id: str, text: str) -> str:
    """How a change names its record: `idea i12 “Invoices arrive…”`."""
    return f"{what} {record_id} “{short(text)}”"


def tags_in(text: str) -> list[str]:
    """The `#word` tags in a text, lower-cased, in order, without repeats."""
    found: list[str] = []
    for match in _TAG.finditer(text):
        tag = match.group(1).lower()
        if tag not in found:
            found.append(tag)
    return found
