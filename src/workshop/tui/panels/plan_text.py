"""What the plan panel shows: an action's line, a starting point's line, the side views' titles."""

from __future__ import annotations

from textual.content import Content

from workshop.core.models import Action, Session
from workshop.core.planning import (
    StartingPoint,
    action_warnings,
)
from workshop.tui.safe_text import literal

SIDE_VIEWS = ("starts", "horizon", "owner")
SIDE_TITLES = {
    "starts": "Starting points",
    "horizon": "The plan by horizon",
    "owner": "The plan by owner",
}
HORIZON_SHORT = {"3m": "3 months", "6m": "6 months", "beyond": "beyond"}


def action_prompt(number: int, action: Action, sources: list[str]) -> Content:
    """The action; owner, horizon, due date, measure or what it lacks; what it came from."""
    details: list[Content] = [
        literal(action.owner) if action.owner else Content.styled("no owner", "$warning"),
        Content.styled(HORIZON_SHORT[action.horizon.value], "$text-accent"),
    ]
    if action.due:
        details.append(Content(f"due {action.due.isoformat()}"))
    if action.measure:
        details.append(Content.assemble(("measure: ", "dim"), literal(action.measure)))
    else:
        details.append(Content.styled("no measure", "$warning"))
    warn = Content.styled(" ⚠", "bold $warning") if action_warnings(action) else Content("")
    lines = Content.assemble(
        (f"{number:>2}. ", "bold"),
        literal(action.title, "bold"),
        warn,
        "\n    ",
        Content(" · ").join(details),
    )
    if sources:
        first = sources[0] if len(sources[0]) <= 60 else sources[0][:59] + "…"
        more = f" (+{len(sources) - 1} more)" if len(sources) > 1 else ""
        lines = Content.assemble(
            lines, "\n    ", ("from: ", "dim"), literal(first, "dim italic"), (more, "dim")
        )
    return lines


def no_starting_points(session: Session) -> str:
    """Why there is no starting point to offer, and what to do about it."""
    voted = any(vote.count for vote in session.votes)
    decided = any(note.decision.strip() for note in session.debate)
    if not voted and not decided:
        return (
            "Nothing to start from yet: vote on the ideas (the top ones show here) or write "
            "debate decisions first, or press n to write an action straight away."
        )
    return "Nothing waiting: the top-voted ideas and debate decisions all have an action."


def start_prompt(point: StartingPoint) -> Content:
    return Content.assemble(literal(point.title), "\n  ", literal(point.label, "dim"))
