"""A new session: title (Enter starts it), team, and the agenda it runs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from workshop.core import ops
from workshop.core.agenda import Agenda
from workshop.core.errors import WorkshopError
from workshop.store.agendas import DEFAULT_AGENDA, load_agenda, shipped_agendas, user_agendas
from workshop.store.folder import new_session_path
from workshop.store.session_file import SessionFile
from workshop.tui.safe_text import plain
from workshop.tui.screens.closing import ClosesOnce
from workshop.tui.widgets.typing import TypingInput


@dataclass
class AgendaChoice:
    path: Path
    agenda: Agenda | None
    problem: str = ""


def agenda_choices() -> list[AgendaChoice]:
    """The shipped agendas, then the user's own; unreadable ones listed with their problem."""
    paths = shipped_agendas() + user_agendas()
    choices: list[AgendaChoice] = []
    for path in paths:
        try:
            choices.append(AgendaChoice(path, load_agenda(path)))
        except WorkshopError as error:
            choices.append(AgendaChoice(path, None, str(error)))
    # The default agenda first, so Enter in the title starts the usual workshop.
    choices.sort(key=lambda choice: choice.path.stem != DEFAULT_AGENDA)
    return choices


class NewSessionScreen(ClosesOnce, ModalScreen[Path | None]):
    """Dismisses with the new session file's path, or None if cancelled.

    What is typed straight after `n`, before the title box has the focus, goes into it.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="new_session.cancel")]

    def __init__(self, sessions_folder: Path, today: date | None = None) -> None:
        super().__init__()
        self.sessions_folder = sessions_folder
        self.today = today or date.today()
        self.choices = agenda_choices()

    def compose(self) -> ComposeResult:
        with Vertical(id="new-session-box", classes="dialog"):
            yield Static(Content("New session"), classes="dialog-title")
            with Horizontal(classes="field"):
                yield Static(Content("Title"), classes="field-label")
                yield TypingInput(
                    placeholder="then Enter to start",
                    id="new-title",
                    max_length=200,
                    compact=True,
                )
            with Horizontal(classes="field"):
                yield Static(Content("Team"), classes="field-label")
                yield TypingInput(
                    placeholder="optional", id="new-team", max_length=200, compact=True
                )
            yield Static(Content("Agenda (Tab, ↑ ↓)"), classes="field-heading")
            yield OptionList(
                *[self._option(index, choice) for index, choice in enumerate(self.choices)],
                id="new-agenda",
                compact=True,
            )
            yield Static(id="new-problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content("Start"), variant="primary", id="new-start", compact=True)
                yield Button(Content("Cancel"), id="new-cancel", compact=True)

    @staticmethod
    def _option(index: int, choice: AgendaChoice) -> Option:
        if choice.agenda is None:
            prompt = Content.assemble(
                plain(choice.path.name), (f"  (cannot read: {choice.problem})", "$text-error")
            )
            return Option(prompt, id=f"agenda-{index}", disabled=True)
        agenda = choice.agenda
        prompt = Content.assemble(
            plain(agenda.title, "bold", one_line=True),
            (
                f"  {len(agenda.activities())} activities, {agenda.planned_minutes} min",
                "$text-muted",
            ),
        )
        return Option(prompt, id=f"agenda-{index}")

    def on_mount(self) -> None:
        agenda_list = self.query_one("#new-agenda", OptionList)
        if self.choices and self.choices[0].agenda is not None:
            agenda_list.highlighted = 0
        # Now, not a turn later (Widget.focus): the keys typed straight after `n` are given
        # to whatever has the focus once this screen is up (see ClosesOnce).
        self.set_focus(self.query_one("#new-title", Input))

    def chosen_agenda(self) -> Agenda | None:
        highlighted = self.query_one("#new-agenda", OptionList).highlighted
        if highlighted is None or highlighted >= len(self.choices):
            return None
        return self.choices[highlighted].agenda

    def _problem(self, text: str) -> None:
        self.query_one("#new-problem", Static).update(plain(text, "$text-error", one_line=True))

    @on(Input.Submitted)
    @on(Button.Pressed, "#new-start")
    @on(OptionList.OptionSelected, "#new-agenda")
    def action_start(self) -> None:
        title = self.query_one("#new-title", Input).value
        team = self.query_one("#new-team", Input).value
        agenda = self.chosen_agenda()
        if not title.strip():
            self._problem("Give the session a title.")
            self.query_one("#new-title", Input).focus()
            return
        if agenda is None:
            self._problem("Pick an agenda.")
            self.query_one("#new-agenda", OptionList).focus()
            return
        try:
            session = ops.new_session(title, agenda, team=team, on=self.today)
            path = new_session_path(self.sessions_folder, session.title, session.date)
            SessionFile.create(path, session)
        except (WorkshopError, OSError) as error:
            self._problem(str(error))
            return
        self.dismiss(path)

    @on(Button.Pressed, "#new-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
