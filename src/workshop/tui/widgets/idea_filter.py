"""Filtering ideas by words and `#tags`, and the running count shown above a list."""

from __future__ import annotations

from collections.abc import Sequence

from workshop.core.models import Idea


class IdeaFilter:
    """Words the idea must contain (any case); `#tag` terms match tags starting with them."""

    def __init__(self, query: str) -> None:
        terms = query.lower().split()
        self.tags = [term[1:] for term in terms if term.startswith("#") and len(term) > 1]
        self.words = [term for term in terms if not term.startswith("#")]

    def __bool__(self) -> bool:
        return bool(self.tags or self.words)

    def matches(self, idea: Idea) -> bool:
        if self.words:
            haystack = f"{idea.text}\n{idea.author}".lower()
            if not all(word in haystack for word in self.words):
                return False
        return all(any(tag.startswith(wanted) for tag in idea.tags) for wanted in self.tags)

    def apply(self, ideas: Sequence[Idea], *, include_hidden: bool = True) -> Sequence[Idea]:
        if not self and include_hidden:
            return ideas
        if not self:
            return [idea for idea in ideas if not idea.hidden]
        return [
            idea
            for idea in ideas
            if (include_hidden or not idea.hidden) and self.matches(idea)
        ]


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def count_label(ideas: Sequence[Idea], shown: int, *, filtered: bool) -> str:
    """'137 ideas', '137 ideas · 3 hidden', '12 shown of 137 ideas'."""
    hidden = sum(1 for idea in ideas if idea.hidden)
    label = plural(len(ideas), "idea")
    if filtered:
        label = f"{shown:,} shown of {label}"
    if hidden:
        label += f" · {hidden:,} hidden"
    return label
