"""Small modal questions the capture panels ask: a line of text, or a choice from a list."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workshop.tui.screens.closing import ClosesOnce
from workshop.tui.widgets.idea_text import literal
from workshop.tui.widgets.typing_boxes import TypingInput

PROMPT_CSS = """
    align: center middle;
    & > Vertical {
        width: 60;
        max-width: 100%;
        height: auto;
        max-height: 90%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    & .prompt-title { text-style: bold; padding-bottom: 1; }
    & .prompt-hint { color: $text-muted; }
    & OptionList { height: auto; max-height: 16; }
"""


class TextPrompt(ClosesOnce, ModalScreen[str | None]):
    """Ask for one line of text. Enter gives the text; Esc gives None."""

    DEFAULT_CSS = "TextPrompt {" + PROMPT_CSS + "}"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel")
    ]

    def __init__(self, title: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.initial_value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(self.title_text), classes="prompt-title")
            yield TypingInput(self.initial_value, placeholder=self.placeholder, id="answer")
            yield Static(Content("Enter to confirm, Esc to cancel"), classes="prompt-hint")

    @on(Input.Submitted)
    def answered(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value if event.value.strip() else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoicePrompt(ClosesOnce, ModalScreen[str | None]):
    """Pick one of several choices (id, label): arrows and Enter, or the digit shown."""

    DEFAULT_CSS = "ChoicePrompt {" + PROMPT_CSS + "}"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
        *[
            Binding(str(digit), f"pick({digit})", show=False, id=f"prompt.pick_{digit}")
            for digit in range(1, 10)
        ],
    ]

    def __init__(
        self,
        title: str,
        choices: list[tuple[str, str]],
        hint: str = "",
        numbers: list[int] | None = None,
    ) -> None:
        """`numbers`: the number shown (and typed) for each choice, when they are numbered
        elsewhere already (themes in the theme list); 1, 2, 3... by default."""
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.numbers = numbers or list(range(1, len(choices) + 1))
        self.hint = hint or "Enter or the digit to choose, Esc to cancel"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(self.title_text), classes="prompt-title")
            yield OptionList(
                *[
                    Option(
                        Content.assemble(
                            (f"{number}  " if number <= 9 else "   ", "$text-muted"),
                            literal(label),
                        ),
                        id=choice_id,
                    )
                    for number, (choice_id, label) in zip(self.numbers, self.choices, strict=True)
                ],
                id="choices",
            )
            yield Static(Content(self.hint), classes="prompt-hint")

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    def action_pick(self, number: int) -> None:
        if number in self.numbers:
            self.dismiss(self.choices[self.numbers.index(number)][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
