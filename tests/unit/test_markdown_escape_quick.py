"""The quick check in escape_inline skips only text that the substitutions leave as it is."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from workshop.export import markdown_text as markdown

ALPHABET = st.sampled_from(list("ab Z9#_-+=>.)&;*`[]<~$\\\t\n\x1b\x85\u2028é ") + ["  "])


def escaped_the_long_way(text: str) -> str:
    text = markdown._BLANKS.sub(" ", text).strip()  # noqa: SLF001
    for pattern, replacement in (
        (markdown._INLINE_SPECIALS, r"\\\1"),  # noqa: SLF001
        (markdown._ENTITY, r"\\&"),  # noqa: SLF001
        (markdown._HASH, r"\\#"),  # noqa: SLF001
        (markdown._LEADING_BLOCK, r"\\\1"),  # noqa: SLF001
        (markdown._LEADING_NUMBER, r"\1\\\2"),  # noqa: SLF001
    ):
        text = re.sub(pattern, replacement, text)
    return text


@settings(max_examples=3000)
@given(st.lists(ALPHABET, max_size=12).map("".join))
@example("Customers wait too long on the phone, case 12 #phone #wait3")
@example("12. not a list")
@example("- not a list")
@example("a #")
@example("#tag first")
@example("trailing ")
@example("two  spaces")
def test_escape_inline_gives_what_the_substitutions_give(text: str) -> None:
    assert markdown.escape_inline(text) == escaped_the_long_way(text)


def test_plain_ideas_take_the_quick_way() -> None:
    plain = "Customers wait too long on the phone, case 12 #phone #wait3"
    assert markdown._NOTHING_TO_ESCAPE.fullmatch(plain)  # noqa: SLF001
    assert markdown.escape_inline(plain) == plain
