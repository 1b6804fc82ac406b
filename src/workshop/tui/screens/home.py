"""The home screen: recent sessions to resume, and a new session with `n`."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from workshop.store.folder import SessionSummary, summarise_folder
from workshop.tui.safe_text import plain, plain_text
from workshop.tui.widgets.footer import QuietFooter
from workshop.tui.widgets.typing import HoldsKeys


class HomeScreen(HoldsKeys, Screen[None]):
    """Sessions in the sessions folder, newest first."""

    BINDINGS = [
        # A priority binding runs as soon as the app reads the key, so the title typed straight
        # after `n` reaches the new-session dialog (which holds it until its box has the focus)
        # rather than the sessions list, whose keys are bindings of their own (r, Enter...).
        Binding("n", "new_session", "New session", id="home.new_session", priority=True),
        Binding("enter", "open_highlighted", "Open", show=False, id="home.open"),
        Binding("r", "report", "Report", id="home.report"),
        Binding("f5", "reload", "Reload", id="home.reload"),
        Binding("f1,question_mark", "help", "Help", id="home.help"),
    ]

    class OpenSession(Message):
        """Open the session in this file."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    def __init__(self, sessions_folder: Path) -> None:
        super().__init__()
        self.sessions_folder = sessions_folder
        self.summaries: list[SessionSummary] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static(Content("workshop — customer-focus sessions"), id="home-title")
            yield Static(id="home-folder")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Static(id="home-empty")
            yield Static(id="home-skipped")
        yield QuietFooter()

    def on_mount(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.add_column(Text("Title"), key="title")
        table.add_column(Text("Date"), key="date")
        table.add_column(Text("Ideas", justify="right"), key="ideas")
        table.add_column(Text("Actions", justify="right"), key="actions")
        table.add_column(Text("Team"), key="team")
        self.load()

    def load(self) -> None:
        """(Re)read the summaries of the folder's sessions."""
        summaries, skipped = summarise_folder(self.sessions_folder)
        self.summaries = summaries
        self.query_one("#home-folder", Static).update(
            Content.assemble(("Sessions in ", "$text-muted"), plain(str(self.sessions_folder)))
        )
        table = self.query_one("#sessions", DataTable)
        table.clear()
        for summary in summaries:
            table.add_row(
                plain_text(summary.title, "bold"),
                Text(summary.date.isoformat()),
                Text(str(summary.ideas), justify="right"),
                Text(str(summary.actions), justify="right"),
                plain_text(summary.team),
                key=str(summary.path),
            )
        empty = self.query_one("#home-empty", Static)
        empty.display = not summaries
        table.display = bool(summaries)
        if not summaries:
            empty.update(
                Content.assemble(
                    "No sessions here yet.\n\nPress ",
                    ("n", "bold $text-accent"),
                    " to start one: pick an agenda, give it a title, press Enter.",
                )
            )
            self.set_focus(None)
        else:
            table.focus()
        skipped_note = self.query_one("#home-skipped", Static)
        skipped_note.display = bool(skipped)
        if skipped:
            lines = [f"Skipped {len(skipped)} file(s) that could not be read:"]
            lines += [f"  {problem}" for problem in skipped[:5]]
            if len(skipped) > 5:
                lines.append(f"  ... and {len(skipped) - 5} more")
            skipped_note.update(plain("\n".join(lines), "$text-warning"))

    def action_help(self) -> None:
        from workshop.tui.screens.help import HOME_KEYS, HelpScreen

        self.app.push_screen(HelpScreen(HOME_KEYS))

    def action_report(self) -> None:
        """Follow-through across every session in the folder: benchmarks, actions, index."""
        from workshop.tui.screens.report import ReportScreen

        self.app.push_screen(ReportScreen(self.sessions_folder))

    def action_reload(self) -> None:
        self.load()

    def action_new_session(self) -> None:
        from workshop.tui.screens.new_session import NewSessionScreen

        self.app.push_screen(NewSessionScreen(self.sessions_folder), self._created)

    def _created(self, path: Path | None) -> None:
        if path is not None:
            # What was typed after the dialog's Enter is for the new session, not this list.
            self.hold_keys(reason="opening")
            self.post_message(self.OpenSession(path))

    def action_open_highlighted(self) -> None:
        table = self.query_one("#sessions", DataTable)
        if not self.summaries or table.cursor_row is None:
            return
        self.post_message(self.OpenSession(self.summaries[table.cursor_row].path))

    @on(DataTable.RowSelected, "#sessions")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.OpenSession(Path(str(event.row_key.value))))
