"""Shown for an activity kind whose panel is not built yet."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from workshop.tui.panels.base import ActivityPanel
from workshop.tui.safe_text import literal


class PlaceholderPanel(ActivityPanel):
    HELP = "This kind of activity has no screen yet. Its prompts are shown; take notes on paper."

    def compose(self) -> ComposeResult:
        yield Static(literal(self.activity.title), classes="activity-title")
        for prompt in self.activity.prompts:
            yield Static(Content(f"• {prompt}"))
