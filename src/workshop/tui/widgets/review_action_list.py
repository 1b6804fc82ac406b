"""The actions to review, as a list where Enter saves the review and a click only highlights."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList


class ReviewActionList(OptionList):
    """An OptionList whose Enter asks to save the review being written for the highlighted action.

    A plain OptionList selects on a click as well as on Enter; here a click must never save a
    review, so it only moves the highlight.
    """

    BINDINGS = [
        Binding("enter", "save_review", "Save review", id="review.save"),
    ]

    class SaveRequested(Message):
        """Enter was pressed on the list: save the review of the highlighted action."""

    def action_save_review(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.SaveRequested())

    def action_select(self) -> None:
        """Selecting (Enter, click) never saves by itself; see `action_save_review`."""

    async def _on_click(self, event: events.Click) -> None:
        # OptionList (textual 8.2.8) reads the clicked option from the style's meta.
        clicked_option = event.style.meta.get("option")
        if isinstance(clicked_option, int) and not self.get_option_at_index(
            clicked_option
        ).disabled:
            self.highlighted = clicked_option
