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


class ActivityIdeas:
    """One activity's ideas in a session, and how many are hidden, kept up to date cheaply.

    New ideas are added at the end of the session's list (Enter, an idea from another
    terminal): when the list starts with the one seen last time, only the ideas after it are
    looked at, so an Enter at 10,000 ideas does not pass over all of them twice. Any other
    change (an idea edited, hidden or deleted) looks at the whole list again.
    """

    def __init__(self, activity_id: str) -> None:
        self.activity_id = activity_id
        self.ideas: list[Idea] = []
        self.hidden = 0
        """How many of `ideas` are hidden."""
        self.looked_at = 0
        """How many ideas the last `update` looked at (a test's way to see it stays small)."""
        self._seen: list[Idea] = []

    def update(self, session_ideas: list[Idea]) -> list[Idea]:
        """This activity's ideas among `session_ideas` (in order); a new list when changed."""
        seen = len(self._seen)
        # A C-level comparison: records are frozen, so the same objects are the same ideas.
        if seen and len(session_ideas) >= seen and session_ideas[:seen] == self._seen:
            added = session_ideas[seen:]
        else:
            added, self.ideas, self.hidden = session_ideas, [], 0
        own = [idea for idea in added if idea.activity == self.activity_id]
        if own or not self.ideas:
            self.ideas = [*self.ideas, *own]
        self.hidden += sum(1 for idea in own if idea.hidden)
        self.looked_at = len(added)
        # A copy: a list changed in place later must not look like the one seen now.
        self._seen = list(session_ideas)
        return self.ideas


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def count_label(
    ideas: Sequence[Idea], shown: int, *, filtered: bool, hidden: int | None = None
) -> str:
    """'137 ideas', '137 ideas · 3 hidden', '12 shown of 137 ideas'. `hidden`: how many of
    `ideas` are hidden, when already known (counted here otherwise)."""
    if hidden is None:
        hidden = sum(1 for idea in ideas if idea.hidden)
    label = plural(len(ideas), "idea")
    if filtered:
        label = f"{shown:,} shown of {label}"
    if hidden:
        label += f" · {hidden:,} hidden"
    return label
