"""Group: sort the room's ideas into themes from the keyboard."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workshop.core import ops
from workshop.core.agenda import Activity
from workshop.core.models import Idea, Session, Theme, Vote
from workshop.store.editor import Change, Saved, Undo
from workshop.tui.panels.base import ActivityPanel
from workshop.tui.screens.dialogs.idea_prompts import ChoicePrompt, TextPrompt
from workshop.tui.widgets.idea_filter import plural
from workshop.tui.widgets.idea_list import IdeaList
from workshop.tui.widgets.idea_text import literal

UNGROUPED = "-ungrouped"
ALL_IDEAS = "-all"
NEW_THEME = "-new"

IDEA_ACTIONS = {"move_to", "move_to_number"}
THEME_ACTIONS = {"rename_theme", "delete_theme", "merge_theme"}


class GroupPanel(ActivityPanel):
    DEFAULT_CSS = """
    GroupPanel {
        layout: vertical;
        & #columns { height: 1fr; }
        & #theme-column { width: 36%; min-width: 24; }
        & #themes { height: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
        & #idea-column { width: 1fr; }
        & .column-title { height: 1; padding: 0 1; text-style: bold; }
    }
    """

    HELP = """\
# Group

Put the ideas into themes. The left column lists the themes with how many ideas each holds;
the right column shows the ideas of the theme highlighted on the left (start with
**Ungrouped**). Hidden ideas are left out.

| Key | What it does |
| :- | :- |
| Tab | Switch between themes and ideas |
| n | New theme |
| 1-9 | Move the highlighted idea to theme 1-9, and highlight the next idea |
| 0 | Take the idea out of its theme |
| m | On an idea: move it to a theme (or a new one); on a theme: merge it into another |
| r | Rename the highlighted theme |
| d or Delete | Delete the highlighted theme (its ideas become ungrouped; undo brings it back) |
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_theme", "New theme", id="group.new_theme"),
        Binding("m", "move_to", "Move to…", id="group.move_to"),
        *[
            Binding(str(digit), f"move_to_number({digit})", show=False, id=f"group.move_{digit}")
            for digit in range(10)
        ],
        Binding("r", "rename_theme", "Rename", id="group.rename"),
        Binding("m", "merge_theme", "Merge into…", id="group.merge"),
        Binding("d,delete", "delete_theme", "Delete theme", id="group.delete"),
    ]

    def __init__(self, activity: Activity, session: Session, **kwargs: Any) -> None:
        super().__init__(activity, session, **kwargs)
        self.showing = UNGROUPED
        """Which ideas are listed: UNGROUPED, ALL_IDEAS or a theme id."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="columns"):
            with Vertical(id="theme-column"):
                yield Static(Content("Themes"), classes="column-title")
                yield OptionList(id="themes")
            with Vertical(id="idea-column"):
                yield Static(id="idea-title", classes="column-title")
                yield IdeaList(newest_first=False, detail=self._detail, id="ideas")

    def on_mount(self) -> None:
        self.show_session(self.session)
        self.idea_list.focus()

    @property
    def idea_list(self) -> IdeaList:
        return self.query_one("#ideas", IdeaList)

    @property
    def theme_list(self) -> OptionList:
        return self.query_one("#themes", OptionList)

    def _detail(self, idea: Idea) -> str:
        if self.showing != ALL_IDEAS or not idea.theme:
            return ""
        title = next((t.title for t in self.session.themes if t.id == idea.theme), "")
        return f"[{title}]" if title else ""

    # --- showing the session --------------------------------------------------------------

    def show_session(self, session: Session) -> None:
        self.session = session
        ideas = ops.visible_ideas(session)
        counts = Counter(idea.theme for idea in ideas)
        theme_ids = {theme.id for theme in session.themes}
        if self.showing not in theme_ids and self.showing not in (UNGROUPED, ALL_IDEAS):
            self.showing = UNGROUPED
        self._show_themes(session.themes, counts, len(ideas))
        if self.showing == ALL_IDEAS:
            shown = ideas
        elif self.showing == UNGROUPED:
            shown = [idea for idea in ideas if not idea.theme or idea.theme not in theme_ids]
        else:
            shown = [idea for idea in ideas if idea.theme == self.showing]
        self._show_ideas(shown, len(ideas))

    def _show_themes(self, themes: list[Theme], counts: Counter[str], total: int) -> None:
        theme_ids = {theme.id for theme in themes}
        ungrouped = sum(n for theme_id, n in counts.items() if theme_id not in theme_ids)
        # The count comes before the title, which is cut with … to the column: a count after
        # a long title wrapped onto a line of its own.
        width = len(str(max([total, *counts.values()], default=0)))

        def row(key: str, count: int, title: Content) -> Content:
            return Content.assemble((key, "$text-muted"), f"{count:>{width}}  ", title)

        options = [Option(row("   ", ungrouped, Content("Ungrouped")), id=UNGROUPED)]
        for number, theme in enumerate(themes, start=1):
            key = f"{number:>2} " if number <= 9 else "   "
            options.append(Option(row(key, counts[theme.id], literal(theme.title)), id=theme.id))
        options.append(Option(row("   ", total, Content("All ideas")), id=ALL_IDEAS))
        theme_list = self.theme_list
        theme_list.clear_options()
        theme_list.add_options(options)
        with self.prevent(OptionList.OptionHighlighted):
            theme_list.highlighted = next(
                (n for n, option in enumerate(options) if option.id == self.showing), 0
            )

    def _show_ideas(self, shown: list[Idea], total: int) -> None:
        if self.showing == UNGROUPED:
            title = f"Ungrouped: {plural(len(shown), 'idea')}"
            empty = "Every idea is in a theme." if total else "No ideas yet: brainstorm first."
        elif self.showing == ALL_IDEAS:
            title = f"All ideas: {len(shown)}"
            empty = "No ideas yet: brainstorm first."
        else:
            theme = next(t for t in self.session.themes if t.id == self.showing)
            title = f"{theme.title}: {plural(len(shown), 'idea')}"
            empty = "No ideas in this theme yet: pick one on the right and press its number."
        self.query_one("#idea-title", Static).update(literal(title))
        if not self.session.themes and total:
            empty = "No themes yet: press n to create one."
        self.idea_list.empty_text = empty
        self.idea_list.clear_row_cache()  # theme titles shown beside ideas may have changed
        self.idea_list.set_ideas(shown)

    @on(OptionList.OptionHighlighted, "#themes")
    def theme_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_id and event.option_id != self.showing:
            self.showing = event.option_id
            self.show_session(self.session)

    @on(OptionList.OptionSelected, "#themes")
    def theme_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.idea_list.focus()

    # --- which keys apply --------------------------------------------------------------------

    @property
    def highlighted_theme(self) -> Theme | None:
        return next((t for t in self.session.themes if t.id == self.showing), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action in IDEA_ACTIONS:
            return self.idea_list.has_focus
        if action in THEME_ACTIONS:
            return self.theme_list.has_focus
        return True

    # --- themes -------------------------------------------------------------------------------

    def action_new_theme(self) -> None:
        def create(title: str | None) -> None:
            if title:
                self._request(
                    lambda s: ops.add_theme(s, title, self.activity.id),
                    "Add a theme",
                    lambda theme: Undo(
                        lambda s: ops.delete_theme(s, theme.id),
                        f"remove {ops.label('theme', theme.id, theme.title)}",
                    ),
                )

        self.app.push_screen(TextPrompt("New theme", placeholder="A few words"), create)

    def action_rename_theme(self) -> None:
        theme = self.highlighted_theme
        if theme is None:
            self.notify("Highlight a theme to rename it.", severity="warning")
            return

        def rename(title: str | None) -> None:
            if title and title != theme.title:
                self._request(
                    lambda s: ops.rename_theme(s, theme.id, title),
                    f"Rename {ops.label('theme', theme.id, theme.title)}",
                    lambda _: Undo(
                        lambda s: ops.rename_theme(s, theme.id, theme.title),
                        f"put back the name of {ops.label('theme', theme.id, theme.title)}",
                    ),
                )

        self.app.push_screen(TextPrompt("Rename the theme", theme.title), rename)

    def action_delete_theme(self) -> None:
        theme = self.highlighted_theme
        if theme is None:
            self.notify("Highlight a theme to delete it.", severity="warning")
            return
        self._request(
            lambda s: ops.delete_theme(s, theme.id),
            f"Delete {ops.label('theme', theme.id, theme.title)}",
            lambda deleted: Undo(
                lambda s: ops.restore_theme(s, *deleted),
                f"restore {ops.label('theme', theme.id, theme.title)} and its ideas",
            ),
            saved_note="Theme deleted; its ideas are ungrouped (undo brings it back).",
        )

    def action_merge_theme(self) -> None:
        source = self.highlighted_theme
        if source is None:
            self.notify("Highlight a theme to merge it.", severity="warning")
            return
        # Numbered as in the theme list (the source's number is left out, not reused).
        numbered = [(n, t) for n, t in enumerate(self.session.themes, start=1) if t.id != source.id]
        targets = [(t.id, t.title) for _, t in numbered]
        if not targets:
            self.notify("There is no other theme to merge into.", severity="warning")
            return

        def merge(target_id: str | None) -> None:
            if target_id:
                self._merge(source, target_id)

        prompt = ChoicePrompt(
            f"Merge “{one_line_title(source)}” into…", targets, numbers=[n for n, _ in numbered]
        )
        self.app.push_screen(prompt, merge)

    def _merge(self, source: Theme, target_id: str) -> None:
        def merge(session: Session) -> tuple[int, list[str], list[Vote]]:
            index, _ = ops.find(session.themes, source.id, "theme")
            members = [idea.id for idea in session.ideas if idea.theme == source.id]
            votes = [vote for vote in session.votes if vote.target == source.id]
            ops.merge_themes(session, source.id, target_id)
            return index, members, votes

        def unmerge(index: int, members: list[str], votes: list[Vote]) -> Undo:
            def edit(session: Session) -> None:
                ops.restore_theme(session, index, source, [])
                member_ids = set(members)
                for idea in list(session.ideas):
                    if idea.id in member_ids and idea.theme == target_id:
                        ops.move_to_theme(session, idea.id, source.id)
                # The merge re-pointed the source's votes at the target: point them back.
                for vote in votes:
                    moved = vote.model_copy(update={"target": target_id})
                    position = next((n for n, v in enumerate(session.votes) if v == moved), None)
                    if position is not None:
                        session.votes[position] = vote

            return Undo(edit, f"split {ops.label('theme', source.id, source.title)} out again")

        self.showing = target_id
        self._request(merge, "Merge themes", lambda result: unmerge(*result))

    # --- moving ideas -------------------------------------------------------------------------

    def action_move_to_number(self, number: int) -> None:
        if number == 0:
            self._move_highlighted("")
            return
        if number > len(self.session.themes):
            self.notify(f"There is no theme {number}: press n to create one.", severity="warning")
            return
        self._move_highlighted(self.session.themes[number - 1].id)

    def action_move_to(self) -> None:
        idea = self.idea_list.highlighted_idea
        if idea is None:
            return
        choices = [(t.id, t.title) for t in self.session.themes]
        choices.append((NEW_THEME, "New theme…"))

        def chosen(theme_id: str | None) -> None:
            if theme_id == NEW_THEME:
                self._move_to_new_theme(idea)
            elif theme_id:
                self._move(idea, theme_id)

        self.app.push_screen(ChoicePrompt("Move the idea to…", choices), chosen)

    def _move_to_new_theme(self, idea: Idea) -> None:
        def create(title: str | None) -> None:
            if not title:
                return

            def edit(session: Session) -> Theme:
                theme = ops.add_theme(session, title, self.activity.id)
                ops.move_to_theme(session, idea.id, theme.id)
                return theme

            self._request(edit, "Start a theme from an idea")

        self.app.push_screen(TextPrompt("New theme", placeholder="A few words"), create)

    def _move_highlighted(self, theme_id: str) -> None:
        idea = self.idea_list.highlighted_idea
        if idea is not None:
            # On to the next idea before the move is saved and shown: the cursor then stays
            # on it whether the moved idea leaves the list or not, and digits pressed in one
            # go sort one idea each.
            self.idea_list.cursor += 1
            self._move(idea, theme_id)

    def _move(self, idea: Idea, theme_id: str) -> None:
        if idea.theme == theme_id:
            return
        old_theme = idea.theme
        named = ops.label("idea", idea.id, idea.text)
        themes = {theme.id: theme.title for theme in self.session.themes}
        into = f"theme “{ops.short(themes.get(theme_id, theme_id))}”" if theme_id else "no theme"
        back = f"theme “{ops.short(themes.get(old_theme, old_theme))}”" if old_theme else "no theme"
        self._request(
            lambda s: ops.move_to_theme(s, idea.id, theme_id),
            f"Move {named} to {into}",
            lambda _: Undo(
                lambda s: ops.move_to_theme(s, idea.id, old_theme), f"move {named} back to {back}"
            ),
        )

    def _request(
        self,
        edit: Callable[[Session], Any],
        description: str,
        make_undo: Callable[[Any], Undo] | None = None,
        saved_note: str = "",
    ) -> None:
        saved = self.save(Change(edit, description, make_undo=make_undo))
        if saved_note and isinstance(saved, Saved):
            self.notify(saved_note)


def one_line_title(theme: Theme) -> str:
    return theme.title if len(theme.title) <= 40 else theme.title[:39] + "…"
