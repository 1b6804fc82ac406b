"""The baseline the terminal benches compare with: a Textual app with one Input.

Enter clears the box and shows the text above it, so "Enter to text shown" can be timed the
same way as workshop's brainstorm.
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Input, Static


class MinimalApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Minimal", id="shown")
        yield Input(placeholder="Type an idea, Enter to capture")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#shown", Static).update(event.value)
        event.input.value = ""


if __name__ == "__main__":
    MinimalApp().run()
