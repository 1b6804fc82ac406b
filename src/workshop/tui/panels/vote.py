"""Vote: dot voting within the agenda's budget, person by person or from a show of hands."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from workshop.core import ops, tally
from workshop.core.agenda import Activity
from workshop.core.models import Participant, Session
from workshop.store.editor import Change, Rejected, Saved, Undo
from workshop.tui.panels.base import ActivityPanel
from workshop.tui.panels.vote_help import VOTE_HELP
from workshop.tui.panels.vote_modes import (
    BY_HANDS,
    BY_PERSON,
    ITEM_ACTIONS,
    NEW_PARTICIPANT,
    PERSON_ACTIONS,
    TALLY_ACTIONS,
    TALLY_DIGITS,
    dots_text,
    ranking_lines,
)
from workshop.tui.screens.dialogs.idea_prompts import ChoicePrompt
from workshop.tui.widgets.idea_text import literal, literal_text
from workshop.tui.widgets.vote_items import VoteItem, vote_items


class VotePanel(ActivityPanel):
    DEFAULT_CSS = """
    VotePanel {
        layout: vertical;
        & #budget { height: 1; padding: 0 1; color: $text-muted; }
        & #status { height: 1; padding: 0 1; text-style: bold; }
        & #status.-refused { color: $error; }
        & #columns { height: 1fr; }
        & #items { width: 1fr; height: 1fr; }
        & #ranking-column { width: 42%; min-width: 30; }
        & #ranking-scroll { height: 1fr; }
        & #ranking { height: auto; text-wrap: nowrap; text-overflow: ellipsis; padding: 0 1; }
        & .column-title { height: 1; padding: 0 1; text-style: bold; }
        & #tally { display: none; height: 1; padding: 0 1; color: $text-muted; }
        & #tally.-shown { display: block; }
        & #tally.-typing { color: $text; background: $boost; }
    }
    """

    HELP = VOTE_HELP

    # Every vote key is a priority binding: it acts as the app reads it, rather than after
    # bubbling up from the items table, so "t 7 Enter 12 Enter" or "+ + +" typed in one go
    # take effect in order. (The panel has no text box for a priority key to take from.)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "toggle_mode", "Mode", priority=True, id="vote.mode"),
        Binding("n", "next_voter", "Next voter", priority=True, id="vote.next_voter"),
        Binding("v", "pick_voter", "Pick voter", priority=True, id="vote.pick_voter"),
        Binding("plus,equals_sign", "add_dot", "+dot", priority=True, id="vote.add_dot"),
        Binding("minus", "remove_dot", "-dot", priority=True, id="vote.remove_dot"),
        Binding("right", "add_dot", show=False, priority=True, id="vote.add_dot_right"),
        Binding("left", "remove_dot", show=False, priority=True, id="vote.remove_dot_left"),
        Binding("up", "item_up", show=False, priority=True, id="vote.item_up"),
        Binding("down", "item_down", show=False, priority=True, id="vote.item_down"),
        *[
            Binding(
                str(digit),
                f"type_tally('{digit}')",
                show=False,
                priority=True,
                id=f"vote.tally_{digit}",
            )
            for digit in range(10)
        ],
        Binding("enter", "record_tally", "Record", priority=True, id="vote.record_tally"),
        Binding("backspace", "tally_backspace", show=False, priority=True, id="vote.tally_bs"),
        Binding("escape", "cancel_tally", "Cancel", priority=True, id="vote.cancel_tally"),
    ]

    def __init__(self, activity: Activity, session: Session, **kwargs: Any) -> None:
        super().__init__(activity, session, **kwargs)
        self.mode = BY_PERSON
        self.voter_id: str | None = None
        self._called: set[str] = set()
        """The voters called here so far (`n` does not call one of them again)."""
        self._items: list[VoteItem] = []
        self._tally_digits = ""
        """The number of hands typed so far for the highlighted item."""

    def compose(self) -> ComposeResult:
        yield Static(id="budget")
        yield Static(id="status")
        with Horizontal(id="columns"):
            table: DataTable[Text] = DataTable(id="items", cursor_type="row", zebra_stripes=True)
            table.add_column("Votes", key="votes")
            table.add_column("Dots", key="dots")
            table.add_column("Item", key="title")
            yield table
            with Vertical(id="ranking-column"):
                yield Static(Content("Ranking · ★ top items"), classes="column-title")
                with VerticalScroll(id="ranking-scroll", can_focus=False):
                    yield Static(id="ranking")
        yield Static(id="tally")

    def on_mount(self) -> None:
        budget = self.activity.vote_budget
        self.query_one("#budget", Static).update(
            Content(
                f"{budget.votes_per_person} votes each, at most {budget.max_per_idea} per item"
                " · t: person by person / show of hands"
            )
        )
        self.show_session(self.session)
        self.items_table.focus()

    @property
    def items_table(self) -> DataTable[Text]:
        return self.query_one("#items", DataTable)

    @property
    def tally_line(self) -> Static:
        """The number of hands being typed (the items table keeps the focus meanwhile)."""
        return self.query_one("#tally", Static)

    @property
    def voter(self) -> Participant | None:
        return next((p for p in self.session.participants if p.id == self.voter_id), None)

    @property
    def highlighted_item(self) -> VoteItem | None:
        row = self.items_table.cursor_row
        return self._items[row] if 0 <= row < len(self._items) else None

    # --- showing the session --------------------------------------------------------------

    def show_session(self, session: Session) -> None:
        self.session = session
        items = vote_items(session)
        dots = self._voter_dots()
        totals = tally.vote_totals(session, self.activity.id)
        table = self.items_table
        if [item.target for item in items] != [item.target for item in self._items]:
            row = table.cursor_row
            table.clear()
            for item in items:
                table.add_row(
                    Text(str(totals[item.target])),
                    Text(dots_text(dots.get(item.target, 0))),
                    literal_text(item.title),
                    key=item.target,
                )
            if items:
                table.move_cursor(row=max(0, min(row, len(items) - 1)))
        else:
            for old, item in zip(self._items, items, strict=True):
                if old.title != item.title:
                    table.update_cell(item.target, "title", literal_text(item.title))
                table.update_cell(item.target, "votes", Text(str(totals[item.target])))
                table.update_cell(item.target, "dots", Text(dots_text(dots.get(item.target, 0))))
        self._items = items
        self._show_ranking(session)
        self._show_status()

    def _show_ranking(self, session: Session) -> None:
        self.query_one("#ranking", Static).update(ranking_lines(session, self.activity.id))

    def _voter_dots(self) -> dict[str, int]:
        if self.mode != BY_PERSON or self.voter is None:
            return {}
        return ops.votes_of(self.session, self.activity.id, self.voter.id)

    def _show_status(self, refusal: str = "") -> None:
        status = self.query_one("#status", Static)
        status.set_class(bool(refusal), "-refused")
        if refusal:
            status.update(literal(refusal))  # it may name the voter
        elif not self._items:
            status.update(Content("Nothing to vote on yet: brainstorm ideas or group them first."))
        elif self.mode == BY_HANDS:
            status.update(Content("Show of hands: highlight an item, type the count, Enter."))
        elif self.voter is None:
            status.update(Content("Press n for the first voter, or v to pick one."))
        else:
            budget = self.activity.vote_budget
            left = budget.votes_per_person - sum(self._voter_dots().values())
            status.update(
                Content.assemble(
                    "Voting: ",
                    literal(self.voter.label),
                    f" · {left} of {budget.votes_per_person} votes left",
                )
            )

    # --- which keys apply --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ITEM_ACTIONS:
            return self.is_mounted and self.items_table.has_focus
        if action in PERSON_ACTIONS:
            return self.mode == BY_PERSON
        if action in TALLY_ACTIONS:
            in_hands = self.mode == BY_HANDS and self.is_mounted and self.items_table.has_focus
            return in_hands and (action == "type_tally" or bool(self._tally_digits))
        return True

    def action_toggle_mode(self) -> None:
        self.mode = BY_HANDS if self.mode == BY_PERSON else BY_PERSON
        self._tally_digits = ""
        self.tally_line.set_class(self.mode == BY_HANDS, "-shown")
        self._show_tally()
        self.items_table.focus()
        self.show_session(self.session)
        self.refresh_bindings()

    # --- person by person --------------------------------------------------------------------

    def action_next_voter(self) -> None:
        """The next person to vote: one who took part elsewhere (rated) and has not voted yet,
        or a new participant. The status line names them (a toast would linger over it).

        They are the voter before the next key is read: the dots typed next are theirs.
        """
        activity_id = self.activity.id

        def next_voter(draft: Session) -> Participant:
            # Read from the latest session: `n n` typed together are two people.
            passed = [*self._called, *([self.voter_id] if self.voter_id else [])]
            return ops.next_participant(draft, activity_id, passed)

        saved = self.save(Change(next_voter, "Next voter"))
        if isinstance(saved, Rejected):
            return
        if isinstance(saved, Saved):
            self.voter_id = saved.result.id
            self._called.add(saved.result.id)
        else:
            # Kept for the screen's retry: who it adds is known only once it is saved, so
            # nobody votes meanwhile rather than the last voter getting the next one's dots.
            self.voter_id = None
        self.show_session(self.session)

    def action_pick_voter(self) -> None:
        choices = [(p.id, p.label) for p in self.session.participants]
        choices.append((NEW_PARTICIPANT, "New participant…"))

        def picked(choice: str | None) -> None:
            if choice == NEW_PARTICIPANT:
                self.action_next_voter()
            elif choice:
                self.voter_id = choice
                self.show_session(self.session)

        self.app.push_screen(ChoicePrompt("Who is voting?", choices), picked)

    def action_item_up(self) -> None:
        """Up and Down are read in order with `+` and `-` (both priority keys): the dot goes
        to the item highlighted when it was typed, however fast the keys come."""
        self.items_table.action_cursor_up()

    def action_item_down(self) -> None:
        self.items_table.action_cursor_down()

    def action_add_dot(self) -> None:
        self._change_dots(+1)

    def action_remove_dot(self) -> None:
        self._change_dots(-1)

    def _change_dots(self, change: int) -> None:
        item = self.highlighted_item
        if item is None:
            return
        voter = self.voter
        if voter is None:
            self._show_status("Choose who is voting first: n for the next voter, v to pick.")
            return
        budget = self.activity.vote_budget
        before = ops.votes_of(self.session, self.activity.id, voter.id)
        allocation = dict(before)
        allocation[item.target] = allocation.get(item.target, 0) + change
        if allocation[item.target] < 0:
            return
        if allocation[item.target] > budget.max_per_idea:
            self._show_status(f"Refused: at most {budget.max_per_idea} votes on one item.")
            self.app.bell()
            return
        if sum(allocation.values()) > budget.votes_per_person:
            self._show_status(
                f"Refused: {voter.label} has used all {budget.votes_per_person} votes."
            )
            self.app.bell()
            return
        self._request_dots(voter, item.target, change)

    def _request_dots(self, voter: Participant, target: str, change: int) -> None:
        activity_id = self.activity.id
        self.save(
            Change(
                # The dots are counted on the latest session, not on `before` (what the screen
                # showed): a + kept for a retry and the + after it each add one.
                lambda s: ops.change_dots(s, activity_id, voter.id, target, change),
                "Cast votes",
                make_undo=lambda earlier: Undo(
                    lambda s: ops.cast_votes(s, activity_id, voter.id, earlier),
                    f"take back {voter.label}'s dot {'on' if change > 0 else 'off'} {target}",
                ),
            )
        )

    # --- show of hands -------------------------------------------------------------------------

    def action_type_tally(self, digit: str) -> None:
        self._tally_digits = (self._tally_digits + digit)[:TALLY_DIGITS]
        self._show_tally()

    def action_tally_backspace(self) -> None:
        self._tally_digits = self._tally_digits[:-1]
        self._show_tally()

    def action_cancel_tally(self) -> None:
        self._tally_digits = ""
        self._show_tally()

    def _show_tally(self) -> None:
        item = self.highlighted_item
        shown = self.tally_line
        if shown.has_class("-typing") != bool(self._tally_digits):
            self.refresh_bindings()  # Enter and Esc apply while a number is being typed
        shown.set_class(bool(self._tally_digits), "-typing")
        if not self._tally_digits:
            shown.update(Content("Hands: type the number for the highlighted item, then Enter"))
            return
        shown.update(
            Content.assemble(
                "Hands for ",
                literal(item.title if item else ""),
                ": ",
                (self._tally_digits, "bold"),
                ("▏ Enter records it, Esc cancels", "$text-muted"),
            )
        )

    @on(DataTable.RowHighlighted, "#items")
    def _item_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.mode == BY_HANDS:
            self._show_tally()

    def action_record_tally(self) -> None:
        """Record the hands typed for the highlighted item, and highlight the next one.

        Done here, as the key is read, rather than once the save is through: the next
        number typed belongs to the next item even while this one is being saved.
        """
        item = self.highlighted_item
        digits, self._tally_digits = self._tally_digits, ""
        if item is None or not digits:
            self._show_tally()
            return
        count = int(digits)
        activity_id, target = self.activity.id, item.target
        table = self.items_table
        table.move_cursor(row=table.cursor_row + 1)
        self._show_tally()
        self.save(
            Change(
                lambda s: ops.set_tally(s, activity_id, target, count),
                "Record a tally",
                make_undo=lambda previous: Undo(
                    lambda s: ops.set_tally(s, activity_id, target, previous),
                    f"put back the tally of {target} ({previous})",
                ),
            )
        )

