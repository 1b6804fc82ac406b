"""What the review panel shows of an action: its line in the list, its details, the walk order,
and the draft kept for it while the facilitator moves through the list."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content

from workshop.core import ops
from workshop.core.agenda import ActionStatus
from workshop.core.errors import RuleError
from workshop.core.models import Action, Review, Session
from workshop.core.review import CLOSED, default_status, status_label
from workshop.core.success import progress_label
from workshop.tui.safe_text import plain

EMPTY_TEXT = "No actions to review: this session has no plan yet."
NO_OWNER = "(no owner)"
STATUS_KEYS = {
    ActionStatus.NOT_STARTED: "n",
    ActionStatus.ON_TRACK: "o",
    ActionStatus.AT_RISK: "r",
    ActionStatus.DONE: "d",
    ActionStatus.DROPPED: "x",
}
STATUS_STYLES = {
    ActionStatus.NOT_STARTED: "$text-muted",
    ActionStatus.ON_TRACK: "$text-success",
    ActionStatus.AT_RISK: "$text-warning",
    ActionStatus.DONE: "$text-success",
    ActionStatus.DROPPED: "$text-muted",
}


@dataclass
class ReviewDraft:
    """What the facilitator has chosen so far for one action's review (not saved yet)."""

    progress: int | None = None
    status: ActionStatus | None = None
    """None: follow the default for the progress (done at 4, else the current status)."""
    note: str = ""

    def chosen_status(self, action: Action) -> ActionStatus | None:
        if self.status is not None:
            return self.status
        if self.progress is None:
            return None
        return default_status(action, self.progress)


def walk_order(actions: list[Action]) -> list[Action]:
    """Open actions first (plan order), then done and dropped ones."""
    return [a for a in actions if a.status not in CLOSED] + [
        a for a in actions if a.status in CLOSED
    ]


def remove_review(
    session: Session, action_id: str, review: Review, status_before: ActionStatus
) -> Action:
    """Undo `ops.add_review`: the action without that review, and with its earlier status."""
    index, action = ops.find(session.actions, action_id, "action")
    reviews = list(action.reviews)
    for position in range(len(reviews) - 1, -1, -1):
        if reviews[position] == review:
            del reviews[position]
            break
    else:
        raise RuleError(f"the review of {action.title!r} is no longer there")
    updated = action.model_copy(update={"reviews": reviews, "status": status_before})
    session.actions[index] = updated
    return updated


def packed(label: Content, items: list[Content], width: int) -> Content:
    """`label` then the items, wrapped so that no item is split over two lines."""
    indent = Content(" " * label.cell_length)
    lines: list[Content] = []
    line = label
    for item in items:
        if line.cell_length + item.cell_length > width and line.cell_length > indent.cell_length:
            lines.append(line)
            line = indent
        line = line + item
    lines.append(line)
    return Content("\n").join(lines)


def index_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def latest_review(action: Action) -> Review | None:
    """The review that counts now: the latest date, the later saved of two on one date."""
    if not action.reviews:
        return None
    return sorted(action.reviews, key=lambda review: review.date)[-1]


def action_prompt(action: Action) -> Content:
    """Two lines for the list: the title, then owner and the last review."""
    closed = action.status in CLOSED
    title = plain(action.title, "dim" if closed else "bold", one_line=True)
    owner = plain(action.owner, one_line=True) if action.owner else Content(NO_OWNER)
    last = latest_review(action)
    if last is None:
        state = Content.styled(f"{status_label(action.status)}, not reviewed", "dim")
    else:
        state = Content(f"{progress_label(last.progress)}, {status_label(last.status)}")
    line = Content.assemble("  ", owner, " · ", state)
    return Content.assemble(title, "\n", line.stylize("dim") if closed else line)


def action_details(action: Action) -> Content:
    """Title, owner, horizon, due date, measure, and every review, the latest first."""
    lines: list[Content] = [
        plain(action.title, "bold"),
        Content.assemble(
            ("Owner ", "$text-muted"),
            plain(action.owner, one_line=True) if action.owner else Content(NO_OWNER),
            ("  Horizon ", "$text-muted"),
            action.horizon.label,
            *((("  Due ", "$text-muted"), action.due.isoformat()) if action.due else ()),
        ),
        Content.assemble(
            ("Measure ", "$text-muted"),
            plain(action.measure) if action.measure else Content.styled("none", "$warning"),
        ),
        Content.assemble(
            ("Status ", "$text-muted"),
            Content.styled(status_label(action.status), STATUS_STYLES[action.status]),
        ),
    ]
    # Newest first: on a small screen the latest review is the one still in view.
    reviews = sorted(action.reviews, key=lambda review: review.date)[::-1]
    heading = f"Reviews ({len(reviews)}), latest first" if len(reviews) > 1 else "Reviews"
    lines.append(Content.styled(heading, "bold $text-accent"))
    if not reviews:
        lines.append(Content.styled("  none yet", "dim"))
    for review in reviews:
        note = Content.assemble("  “", plain(review.note), "”") if review.note else Content("")
        lines.append(
            Content.assemble(
                f"  {review.date.isoformat()}  ",
                (progress_label(review.progress), "bold"),
                " · ",
                Content.styled(status_label(review.status), STATUS_STYLES[review.status]),
                note,
            )
        )
    return Content("\n").join(lines)
