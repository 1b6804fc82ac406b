"""Which panel runs which kind of activity. Panels are imported only when first needed."""

from __future__ import annotations

from importlib import import_module

from workshop.core.agenda import Activity, ActivityKind
from workshop.core.models import Session
from workshop.tui.panels.base import ActivityPanel

PANEL_CLASSES: dict[ActivityKind, tuple[str, str]] = {
    ActivityKind.PRESENT: ("workshop.tui.panels.present", "PresentPanel"),
    ActivityKind.BRAINSTORM: ("workshop.tui.panels.brainstorm", "BrainstormPanel"),
    ActivityKind.GROUP: ("workshop.tui.panels.group", "GroupPanel"),
    ActivityKind.VOTE: ("workshop.tui.panels.vote", "VotePanel"),
    ActivityKind.DEBATE: ("workshop.tui.panels.debate", "DebatePanel"),
    ActivityKind.RATE: ("workshop.tui.panels.rate", "RatePanel"),
    ActivityKind.PLAN: ("workshop.tui.panels.plan", "PlanPanel"),
    ActivityKind.REVIEW: ("workshop.tui.panels.review", "ReviewPanel"),
}


def panel_class(kind: ActivityKind) -> type[ActivityPanel]:
    module_name, class_name = PANEL_CLASSES[kind]
    try:
        module = import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        from workshop.tui.panels.placeholder import PlaceholderPanel

        return PlaceholderPanel
    panel: type[ActivityPanel] = getattr(module, class_name)
    return panel


def panel_for(activity: Activity, session: Session) -> ActivityPanel:
    """A new panel running `activity`."""
    return panel_class(activity.kind)(activity, session, id=f"panel-{activity.id}")
