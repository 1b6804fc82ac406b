"""Action planning and debate helpers: what to debate, where actions can start, how a plan reads.

Pure functions over a session; the plan and debate panels show what these return.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop.core.agenda import Activity, Horizon
from workshop.core.models import Action, DebateNote, Session
from workshop.core.tally import top_items

NO_OWNER = "No owner yet"
"""How an action without an owner is grouped and named."""


# --- debate ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DebateSubject:
    """One thing to debate: a block from the agenda, or one of the session's themes."""

    id: str
    title: str
    description: str = ""
    questions: tuple[str, ...] = ()
    from_theme: bool = False
    """True when the subject is a theme of the session; an action from it links the theme."""


def debate_subjects(session: Session, activity: Activity, limit: int = 5) -> list[DebateSubject]:
    """The agenda's debate items or, when it lists none, the session's top themes.

    Top themes are the most-voted themes (ties at the edge included); without any votes on
    themes, every theme in the order they were made.
    """
    if activity.debate_items:
        return [
            DebateSubject(item.id, item.title, item.description, tuple(item.questions))
            for item in activity.debate_items
        ]
    theme_titles = {theme.id: theme.title for theme in session.themes}
    voted = [
        item for item in top_items(session, None, limit=len(session.themes) or 1)
        if item.target in theme_titles
    ]
    if voted:
        chosen = [item.target for item in voted]
        if len(chosen) > limit:
            cutoff = voted[limit - 1].rank
            chosen = [item.target for item in voted if item.rank <= cutoff]
    else:
        chosen = [theme.id for theme in session.themes]
    return [
        DebateSubject(theme_id, theme_titles[theme_id], from_theme=True) for theme_id in chosen
    ]


def debate_note(session: Session, activity_id: str, item_id: str) -> DebateNote | None:
    """The note taken on one debate item, if any."""
    for note in session.debate:
        if note.activity == activity_id and note.item == item_id:
            return note
    return None


# --- starting points for actions ------------------------------------------------------------


@dataclass(frozen=True)
class StartingPoint:
    """Something the room produced that could become an action."""

    kind: str
    """"idea", "theme" or "decision"."""
    title: str
    source: str
    """The idea or theme id, or for a decision "activity/item"."""
    ideas: tuple[str, ...] = ()
    """What an action made from it links to (idea or theme ids)."""
    votes: int = 0
    rank: int = 0

    @property
    def label(self) -> str:
        """A short line saying where it came from."""
        if self.kind == "decision":
            return "debate decision"
        votes = "1 vote" if self.votes == 1 else f"{self.votes} votes"
        return f"{self.kind} #{self.rank}, {votes}"


def starting_points(session: Session, limit: int = 5) -> list[StartingPoint]:
    """Top-ranked ideas and themes, then debate decisions, not yet turned into an action.

    An idea or theme counts as used when an action links it; a decision when an action has
    its text as title.
    """
    linked = {idea for action in session.actions for idea in action.ideas}
    titles = {action.title.strip().casefold() for action in session.actions}
    theme_ids = {theme.id for theme in session.themes}
    points: list[StartingPoint] = []
    for item in top_items(session, None, limit=limit):
        if item.target in linked:
            continue
        kind = "theme" if item.target in theme_ids else "idea"
        points.append(
            StartingPoint(kind, item.title, item.target, (item.target,), item.votes, item.rank)
        )
    for note in session.debate:
        decision = note.decision.strip()
        if not decision or decision.casefold() in titles:
            continue
        ideas = (note.item,) if note.item in theme_ids else ()
        points.append(
            StartingPoint("decision", decision, f"{note.activity}/{note.item}", ideas)
        )
    return points


# --- the plan, grouped ----------------------------------------------------------------------


@dataclass
class ActionGroup:
    """Actions that share a horizon or an owner."""

    title: str
    actions: list[Action] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.actions)


def by_horizon(actions: list[Action]) -> list[ActionGroup]:
    """One group per horizon (3 months, 6 months, beyond), in that order, empty ones included."""
    groups = {horizon: ActionGroup(horizon.label) for horizon in Horizon}
    for action in actions:
        groups[action.horizon].actions.append(action)
    return list(groups.values())


def by_owner(actions: list[Action]) -> list[ActionGroup]:
    """One group per owner, by name (case-insensitive); actions without an owner last."""
    groups: dict[str, ActionGroup] = {}
    for action in actions:
        owner = action.owner.strip()
        key = owner.casefold()
        if key not in groups:
            groups[key] = ActionGroup(owner or NO_OWNER)
        groups[key].actions.append(action)
    named = sorted((key, group) for key, group in groups.items() if key)
    ordered = [group for _, group in named]
    if "" in groups:
        ordered.append(groups[""])
    return ordered


def action_warnings(action: Action) -> list[str]:
    """What an action still lacks to be followed through: an owner, a measure of success."""
    warnings: list[str] = []
    if not action.owner.strip():
        warnings.append("no owner")
    if not action.measure.strip():
        warnings.append("no measure of success")
    return warnings


def source_titles(session: Session, action: Action) -> list[str]:
    """The text of the ideas and themes an action came from, in the action's order."""
    texts = {theme.id: theme.title for theme in session.themes}
    texts.update({idea.id: idea.text for idea in session.ideas})
    return [texts[source] for source in action.ideas if source in texts]
