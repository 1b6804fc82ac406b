"""The rules of a quarterly review: the statuses an action can take and what Enter means."""

from __future__ import annotations

from workshop.core.agenda import ActionStatus
from workshop.core.models import Action
from workshop.core.success import PROGRESS_MEANINGS

STATUS_CHOICES = [
    ActionStatus.NOT_STARTED,
    ActionStatus.ON_TRACK,
    ActionStatus.AT_RISK,
    ActionStatus.DONE,
    ActionStatus.DROPPED,
]
CLOSED = {ActionStatus.DONE, ActionStatus.DROPPED}



def status_label(status: ActionStatus) -> str:
    return status.value.replace("-", " ")


def progress_prompt() -> str:
    scale = ", ".join(f"{n} {meaning}" for n, meaning in PROGRESS_MEANINGS.items())
    return f"Progress? {scale} (Enter skips this action, q stops): "


def status_prompt(default: ActionStatus) -> str:
    choices = ", ".join(f"{n} {status_label(s)}" for n, s in enumerate(STATUS_CHOICES, start=1))
    return f"Status? {choices} (Enter: {status_label(default)}): "


def default_status(action: Action, progress: int) -> ActionStatus:
    """What Enter means for the status: done at 4, else the current status if it still fits."""
    if progress == max(PROGRESS_MEANINGS):
        return ActionStatus.DONE
    if action.status in (ActionStatus.ON_TRACK, ActionStatus.AT_RISK):
        return action.status
    return ActionStatus.ON_TRACK if progress > 0 else ActionStatus.NOT_STARTED


def parse_status(answer: str) -> ActionStatus | None:
    """1-5, or a status name with a space or a hyphen ('on track', 'at-risk')."""
    text = answer.strip().lower()
    if text.isdigit() and 1 <= int(text) <= len(STATUS_CHOICES):
        return STATUS_CHOICES[int(text) - 1]
    normalised = "-".join(text.replace("-", " ").split())
    for status in STATUS_CHOICES:
        if normalised == status.value:
            return status
    return None
