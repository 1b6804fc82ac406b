"""What is saved: a quiet line when all is well, a bar that stays while a save is failing."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from workshop.tui.safe_text import plain
from workshop.tui.widgets.static_update import update_if_changed


class SaveStatus(Static):
    """'Saved 14:02:11', or a persistent error until the retry succeeds."""

    HELP = """\
## Save status

Every change is written to the session file before it shows as saved.

If a save fails (disk full, file made read-only), this bar turns red and stays until the
change is saved: what you typed is kept, and workshop tries again every 2 seconds.
"""

    def show_saved(self, clock_text: str, what: str = "", *, undoable: bool = False) -> None:
        parts: list[Content | str | tuple[str, str]] = [("✓ Saved ", "$text-success"), clock_text]
        if what:
            parts += [(" · ", "$text-muted"), plain(what, one_line=True)]
        if undoable:
            parts += [(" · ctrl+z undoes", "$text-muted")]
        self._show_line(Content.assemble(*parts))

    def show_idle(self, text: str) -> None:
        self._show_line(plain(text, "$text-muted", one_line=True))

    def _show_line(self, content: Content) -> None:
        # One line, cut to the width: its size never depends on its text, so a new line of
        # status (after every save) needs no layout of the screen, unless the red bar (which
        # wraps to its text) is leaving.
        leaving_error = self.has_class("-error")
        self.remove_class("-error")
        update_if_changed(self, content, layout=leaving_error)

    def show_error(self, problem: str, waiting: int, retry_seconds: float) -> None:
        self.add_class("-error")
        changes = "1 change" if waiting == 1 else f"{waiting} changes"
        self.update(
            Content.assemble(
                ("NOT SAVED: ", "bold"),
                plain(problem, one_line=True),
                f" — {changes} kept (what you typed is safe), retrying every {retry_seconds:g} s",
            )
        )
