"""The rules across a session's records: unique ids, and every reference naming something real.

Each broken rule is a `BrokenRuleError` naming its key path, which the file reader turns into
the one-line error of the file and place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workshop.core.agenda import Activity
    from workshop.core.models import Session, Vote


class BrokenRuleError(ValueError):
    """A value that has the right type but breaks the session's rules, at a key path."""

    def __init__(self, key_path: str, problem: str) -> None:
        super().__init__(f"{key_path}: {problem}")
        self.key_path = key_path
        self.problem = problem


class _GivenIds:
    """Whether an id was ever given to a record of one kind (it may have been deleted since).

    Votes and links keep naming a deleted idea or theme (`id_counters` keeps its id from being
    given again), so a reference to a missing record is fine if its id was given once.
    """

    def __init__(self, prefix: str, existing: set[str], counters: dict[str, int]) -> None:
        self._prefix = prefix
        self._existing = existing
        self._counter = counters.get(prefix, 0)
        self._highest: int | None = None

    def __contains__(self, record_id: object) -> bool:
        if record_id in self._existing:
            return True
        number = id_number(str(record_id), self._prefix)
        if number is None:
            return False
        if self._highest is None:  # only worked out when a reference is dangling
            numbers = (id_number(given, self._prefix) for given in self._existing)
            self._highest = max((n for n in numbers if n is not None), default=0)
        return number <= max(self._counter, self._highest)


def highest_id_number(record_ids: list[str], prefix: str) -> int:
    """The highest number among ids of the form prefix + digits (i1, i12...), 0 if none."""
    numbers = re.findall(rf"(?m)^{re.escape(prefix)}(\d+)$", "\n".join(record_ids))
    return max(map(int, numbers), default=0)


def id_number(record_id: str, prefix: str) -> int | None:
    digits = record_id[len(prefix) :]
    if record_id.startswith(prefix) and digits.isascii() and digits.isdigit():
        return int(digits)
    return None


def check_session(session: Session) -> None:
    """Unique ids in each list, and every reference naming something that exists."""
    require_unique([p.id for p in session.participants], "participant", "participants")
    require_unique([i.id for i in session.ideas], "idea", "ideas")
    require_unique([t.id for t in session.themes], "theme", "themes")
    require_unique([a.id for a in session.actions], "action", "actions")
    _check_references(session)


def _check_references(session: Session) -> None:
    """Every record names things that exist: ideas, themes, activities, criteria, the scale.

    One pass over each list with sets, so it stays fast at tens of thousands of ideas.
    """
    idea_ids = {idea.id for idea in session.ideas}
    theme_ids = {theme.id for theme in session.themes}
    ideas = _GivenIds("i", idea_ids, session.id_counters)
    themes = _GivenIds("t", theme_ids, session.id_counters)

    def is_target(target: str) -> bool:
        return target in idea_ids or target in theme_ids or target in ideas or target in themes

    participant_ids = {participant.id for participant in session.participants}
    _check_ideas(session, theme_ids, themes, participant_ids)
    activities = {activity.id: activity for activity in session.agenda.activities()}
    for index, activity_id in enumerate(session.revealed):
        if activity_id not in activities:
            raise BrokenRuleError(f"revealed[{index}]", f"no activity {activity_id!r}")
    _check_votes(session, activities, participant_ids, is_target)
    _check_ratings(session, activities, participant_ids)
    for index, action in enumerate(session.actions):
        for position, target in enumerate(action.ideas):
            if not is_target(target):
                raise BrokenRuleError(
                    f"actions[{index}].ideas[{position}]", f"no idea or theme {target!r}"
                )


def _check_ideas(
    session: Session, theme_ids: set[str], themes: _GivenIds, participant_ids: set[str]
) -> None:
    for index, idea in enumerate(session.ideas):
        if idea.theme and idea.theme not in theme_ids and idea.theme not in themes:
            raise BrokenRuleError(f"ideas[{index}].theme", f"no theme {idea.theme!r}")
        if idea.participant and idea.participant not in participant_ids:
            raise BrokenRuleError(
                f"ideas[{index}].participant", f"no participant {idea.participant!r}"
            )


def _check_votes(
    session: Session,
    activities: dict[str, Activity],
    participant_ids: set[str],
    is_target: Callable[[str], bool],
) -> None:
    given: dict[tuple[str, str], int] = {}  # (activity, voter) -> votes given
    on_one: dict[tuple[str, str, str], int] = {}  # (activity, voter, target) -> votes on it
    for index, vote in enumerate(session.votes):
        if vote.activity not in activities:
            raise BrokenRuleError(f"votes[{index}].activity", f"no activity {vote.activity!r}")
        if not is_target(vote.target):
            raise BrokenRuleError(f"votes[{index}].target", f"no idea or theme {vote.target!r}")
        if vote.voter:  # one participant's dots (a show of hands has no voter and no budget)
            _check_dots(vote, index, activities[vote.activity], participant_ids, given, on_one)


def _check_ratings(
    session: Session, activities: dict[str, Activity], participant_ids: set[str]
) -> None:
    criteria = {
        activity_id: {criterion.id for criterion in activity.criteria}
        for activity_id, activity in activities.items()
        if activity.criteria
    }
    scored: set[tuple[str, str, str]] = set()
    for index, rating in enumerate(session.ratings):
        if rating.participant not in participant_ids:
            raise BrokenRuleError(
                f"ratings[{index}].participant", f"no participant {rating.participant!r}"
            )
        key = (rating.activity, rating.participant, rating.criterion)
        if key in scored:
            raise BrokenRuleError(
                f"ratings[{index}].criterion",
                f"{rating.participant} scored {rating.criterion!r} in {rating.activity!r} twice",
            )
        scored.add(key)
        if rating.activity not in criteria:
            raise BrokenRuleError(
                f"ratings[{index}].activity", f"no rate activity {rating.activity!r}"
            )
        if rating.criterion not in criteria[rating.activity]:
            raise BrokenRuleError(
                f"ratings[{index}].criterion",
                f"no criterion {rating.criterion!r} in activity {rating.activity!r}",
            )
        scale = activities[rating.activity].rating_scale
        if not scale.low <= rating.score <= scale.high:
            raise BrokenRuleError(
                f"ratings[{index}].score",
                f"{rating.score} is outside the scale {scale.low}-{scale.high}",
            )


def _check_dots(
    vote: Vote,
    index: int,
    activity: Activity,
    participant_ids: set[str],
    given: dict[tuple[str, str], int],
    on_one: dict[tuple[str, str, str], int],
) -> None:
    """One participant's dots: theirs, and within the activity's budget (as `ops.cast_votes`
    keeps them)."""
    if vote.voter not in participant_ids:
        raise BrokenRuleError(f"votes[{index}].voter", f"no participant {vote.voter!r}")
    budget = activity.vote_budget
    target_key = (vote.activity, vote.voter, vote.target)
    on_one[target_key] = on_one.get(target_key, 0) + vote.count
    if on_one[target_key] > budget.max_per_idea:
        raise BrokenRuleError(
            f"votes[{index}].count",
            f"{on_one[target_key]} of {vote.voter}'s votes on one item in {vote.activity!r}; "
            f"the most is {budget.max_per_idea}",
        )
    voter_key = (vote.activity, vote.voter)
    given[voter_key] = given.get(voter_key, 0) + vote.count
    if given[voter_key] > budget.votes_per_person:
        raise BrokenRuleError(
            f"votes[{index}].count",
            f"{vote.voter} gave {given[voter_key]} votes in {vote.activity!r}; "
            f"each has {budget.votes_per_person}",
        )


def require_unique(ids: list[str], what: str, key: str) -> None:
    """Each id once in the list at `key`; the second record with an id is named."""
    seen: set[str] = set()
    for index, record_id in enumerate(ids):
        if record_id in seen:
            raise BrokenRuleError(f"{key}[{index}].id", f"duplicate {what} id {record_id!r}")
        seen.add(record_id)
