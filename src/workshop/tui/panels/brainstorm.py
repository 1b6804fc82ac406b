"""Brainstorm: capture the room's ideas as fast as people speak, newest first."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Static

from workshop.core import ops
from workshop.core.agenda import Activity
from workshop.core.models import Idea, Session
from workshop.store.editor import Change, Rejected, Saved, Undo
from workshop.tui.panels.base import ActivityPanel
from workshop.tui.safe_text import clean
from workshop.tui.widgets.idea_filter import ActivityIdeas, IdeaFilter, count_label
from workshop.tui.widgets.idea_input import IDEA_BOX_PLACEHOLDER, CaptureInput
from workshop.tui.widgets.idea_list import IdeaList
from workshop.tui.widgets.idea_text import literal
from workshop.tui.widgets.typing_boxes import TypingInput, focus_now

LIST_ACTIONS = {"edit", "delete", "toggle_hidden", "focus_input"}
"""Actions on the highlighted idea: offered only while the list has focus."""


class BrainstormPanel(ActivityPanel):
    DEFAULT_CSS = """
    BrainstormPanel {
        layout: vertical;
        & #prompt { text-style: bold; padding: 0 1; margin-bottom: 1; height: auto; max-height: 5; }
        & #capture { height: auto; }
        & #author { width: 24; display: none; }
        & #author.-shown { display: block; }
        & #idea { width: 1fr; height: 3; }
        & #editing { display: none; color: $warning; padding: 0 1; height: 1; }
        & #editing.-shown { display: block; }
        & #list-bar { height: auto; }
        & #count { width: auto; padding: 0 1; color: $text-muted; height: 1; }
        & #filter { width: 1fr; display: none; border: none; height: 1; padding: 0 1; }
        & #filter.-shown { display: block; }
    }
    """

    SHOWS_PROMPT = True

    HELP = """\
# Brainstorm

Type an idea and press **Enter**: the box clears at once for the next idea, and the idea
shows in the list as soon as it is saved. If a save fails, a red bar says so and the idea is
kept and saved again every 2 seconds. A word written `#like-this` becomes a tag. Ideas are
anonymous unless you turn the author box on.

| Key | What it does |
| :- | :- |
| Enter | Capture the idea (or save the edit) |
| ctrl+o | Show or hide the author box (off: anonymous) |
| ctrl+n | Next prompt |
| ctrl+f or / | Filter by words, or by `#tag` |
| down / up | Move from the box into the list and back |
| e | Edit the highlighted idea (Esc cancels) |
| d or Delete | Delete the highlighted idea (it can be undone) |
| h | Hide or show the idea (moderation: kept in the file, left out of exports) |
| v | Projector view: hidden ideas and authors left out |
| Esc | Back to the idea box; in the filter, clear it |
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "toggle_author", "Author", id="brainstorm.author"),
        Binding("ctrl+n", "next_prompt", "Next prompt", id="brainstorm.next_prompt"),
        Binding("ctrl+f", "filter", "Filter", id="brainstorm.filter"),
        Binding("slash", "filter", "Filter", show=False, id="brainstorm.filter_slash"),
        Binding("e", "edit", "Edit", id="brainstorm.edit"),
        Binding("d,delete", "delete", "Delete", id="brainstorm.delete"),
        Binding("h", "toggle_hidden", "Hide/show", id="brainstorm.hide"),
        Binding("v", "toggle_projector", "Projector view", id="brainstorm.projector"),
        Binding("escape", "escape", "Back", show=False, id="brainstorm.escape"),
        Binding("down", "focus_list", "List", show=False, id="brainstorm.focus_list"),
    ]

    def __init__(self, activity: Activity, session: Session, **kwargs: Any) -> None:
        super().__init__(activity, session, **kwargs)
        self.prompt_index = 0
        self.projector_view = False
        self.editing: Idea | None = None
        self._stashed_draft = ""
        self.idea_filter = IdeaFilter("")
        self.own_ideas = ActivityIdeas(activity.id)

    def compose(self) -> ComposeResult:
        yield Static(self._prompt_content(), id="prompt")
        with Horizontal(id="capture"):
            yield TypingInput(placeholder="Author (optional)", id="author", compact=True)
            yield CaptureInput(
                placeholder=IDEA_BOX_PLACEHOLDER,
                id="idea",
                select_on_focus=False,
                capture=self.capture,
            )
        yield Static(id="editing")
        with Horizontal(id="list-bar"):
            yield Static(id="count")
            yield TypingInput(placeholder="Filter: words or #tag (Esc clears)", id="filter")
        yield IdeaList(
            empty_text="No ideas yet: type one and press Enter",
            detail=self._detail,
            id="ideas",
        )

    def on_mount(self) -> None:
        self.show_session(self.session)
        self.query_one("#idea", Input).focus()

    # --- parts ----------------------------------------------------------------------------

    @property
    def idea_input(self) -> Input:
        return self.query_one("#idea", Input)

    @property
    def author_input(self) -> Input:
        return self.query_one("#author", Input)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#filter", Input)

    @property
    def idea_list(self) -> IdeaList:
        return self.query_one("#ideas", IdeaList)

    def _prompt_content(self) -> Content:
        prompts = self.activity.prompts or [self.activity.title]
        prompt = prompts[self.prompt_index % len(prompts)]
        if len(prompts) == 1:
            return literal(prompt)
        position = f"  ({self.prompt_index % len(prompts) + 1}/{len(prompts)})"
        return Content.assemble(literal(prompt), (position, "not bold $text-muted"))

    def _detail(self, idea: Idea) -> str:
        return "" if self.projector_view or not idea.author else f"— {idea.author}"

    # --- showing the session --------------------------------------------------------------

    def show_session(self, session: Session) -> None:
        self.session = session
        own_ideas = self.own_ideas.update(session.ideas)
        shown = self.idea_filter.apply(own_ideas, include_hidden=not self.projector_view)
        idea_list = self.idea_list
        if self.idea_filter:
            idea_list.empty_text = "No idea matches the filter (Esc clears it)"
        else:
            idea_list.empty_text = "No ideas yet: type one and press Enter"
        idea_list.set_ideas(shown)
        count = self.query_one("#count", Static)
        label = count_label(
            own_ideas, len(shown), filtered=bool(self.idea_filter), hidden=self.own_ideas.hidden
        )
        # Its width follows its text: a layout only when that width changes (not on every idea).
        count.update(label, layout=len(label) != len(str(count.content)))

    # --- capture ----------------------------------------------------------------------------

    def capture(self, text: str) -> None:
        """Save the idea typed in the box (the box calls this on Enter, and has cleared
        itself), or the edit of the idea being edited."""
        if not text.strip():
            self.notify("Type an idea first.", severity="warning")
            return
        if self.editing is not None:
            self._save_edit(self.editing, text)
            return
        activity_id = self.activity.id
        author = self.author_input.value if self.author_input.has_class("-shown") else ""
        saved = self.save(
            Change(
                lambda session: ops.add_idea(session, text, activity=activity_id, author=author),
                "Add an idea",
                make_undo=lambda idea: Undo(
                    lambda session: ops.delete_idea(session, idea.id),
                    f"remove {ops.label('idea', idea.id, idea.text)}",
                ),
            )
        )
        # The box was cleared on Enter (CaptureInput); an idea whose save failed is kept by
        # the editor and saved by the screen's retry, under its red bar.
        if isinstance(saved, Saved):
            self.idea_list.follow(saved.result.id)

    def draft_to_keep(self) -> str:
        return self._stashed_draft if self.editing is not None else self.idea_input.value

    def restore_draft(self, text: str) -> None:
        if not self.idea_input.value:
            self.idea_input.value = text
            self.idea_input.cursor_position = len(text)

    def _save_edit(self, idea: Idea, text: str) -> None:
        old_text = idea.text
        saved = self.save(
            Change(
                lambda session: ops.edit_idea(session, idea.id, text),
                f"Edit {ops.label('idea', idea.id, old_text)}",
                make_undo=lambda _: Undo(
                    lambda session: ops.edit_idea(session, idea.id, old_text),
                    f"put back the text of {ops.label('idea', idea.id, old_text)}",
                ),
            )
        )
        if isinstance(saved, Rejected):
            return  # refused (the warning says why): still editing, Esc cancels
        # Saved, or kept for the screen's retry (nothing is lost): the edit is done. Anything
        # typed since Enter stays, after the draft the edit had put aside.
        self._end_editing(typed_since=self.idea_input.value)
        if saved is not None:
            self.idea_list.follow(idea.id)

    def _end_editing(self, typed_since: str = "") -> None:
        self.editing = None
        self.idea_input.value = self._stashed_draft + typed_since
        self._stashed_draft = ""
        self.query_one("#editing", Static).remove_class("-shown")

    # --- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in LIST_ACTIONS:
            return self.is_mounted and self.idea_list.has_focus
        return True

    def action_toggle_author(self) -> None:
        author = self.author_input
        author.toggle_class("-shown")
        if author.has_class("-shown"):
            focus_now(author)
            self.notify("Author box on: ideas carry the name typed there.")
        else:
            author.value = ""
            focus_now(self.idea_input)
            self.notify("Author box off: ideas are anonymous.")

    def action_next_prompt(self) -> None:
        self.prompt_index += 1
        self.query_one("#prompt", Static).update(self._prompt_content())

    def action_filter(self) -> None:
        self.filter_input.add_class("-shown")
        focus_now(self.filter_input)

    def action_focus_list(self) -> None:
        focus_now(self.idea_list)

    def action_focus_input(self) -> None:
        focus_now(self.idea_input)

    def action_escape(self) -> None:
        focused = self.screen.focused
        if focused is self.filter_input:
            self._clear_filter()
        elif self.editing is not None:
            self._end_editing()
            self.notify("Edit cancelled.")
        elif focused is self.idea_list:
            focus_now(self.idea_input)

    def action_edit(self) -> None:
        idea = self.idea_list.highlighted_idea
        if idea is None:
            return
        if self.editing is None:
            self._stashed_draft = self.idea_input.value
        self.editing = idea
        self.idea_input.value = idea.text
        editing = self.query_one("#editing", Static)
        editing.update("Editing an idea: Enter saves, Esc cancels")
        editing.add_class("-shown")
        focus_now(self.idea_input)

    def action_delete(self) -> None:
        idea = self.idea_list.highlighted_idea
        if idea is None:
            return
        named = ops.label("idea", idea.id, idea.text)
        saved = self.save(
            Change(
                lambda session: ops.delete_idea(session, idea.id),
                f"Delete {named}",
                make_undo=lambda removed: Undo(
                    lambda session: ops.restore_idea(session, *removed), f"restore {named}"
                ),
            )
        )
        # Saved and shown before the next key is read: a second d deletes the next idea.
        if isinstance(saved, Saved):
            self.notify(
                clean(f"Deleted {named}: ctrl+z brings it back.", one_line=True), markup=False
            )

    def action_toggle_hidden(self) -> None:
        idea = self.idea_list.highlighted_idea
        if idea is None:
            return
        hide = not idea.hidden
        named = ops.label("idea", idea.id, idea.text)
        done = f"Hid {named} from exports and the projector" if hide else f"Showed {named} again"
        saved = self.save(
            Change(
                lambda session: ops.set_hidden(session, idea.id, hide),
                f"Hide {named}" if hide else f"Show {named}",
                make_undo=lambda _: Undo(
                    lambda session: ops.set_hidden(session, idea.id, not hide),
                    f"show {named} again" if hide else f"hide {named} again",
                ),
            )
        )
        if isinstance(saved, Saved):
            self.notify(clean(f"{done}: ctrl+z undoes.", one_line=True), markup=False)

    def action_toggle_projector(self) -> None:
        self.projector_view = not self.projector_view
        self.set_class(self.projector_view, "-projector")
        self.idea_list.clear_row_cache()
        self.show_session(self.session)
        state = "on: hidden ideas and authors left out" if self.projector_view else "off"
        self.notify(f"Projector view {state}.")

    # --- the filter -------------------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.idea_filter = IdeaFilter(event.value)
        self.show_session(self.session)

    @on(Input.Submitted, "#filter")
    def filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self._clear_filter()
        else:
            focus_now(self.idea_list)

    def _clear_filter(self) -> None:
        self.filter_input.value = ""
        self.filter_input.remove_class("-shown")
        self.idea_filter = IdeaFilter("")
        self.show_session(self.session)
        # Back to the idea box, not the list, whose single letters (d, h) change ideas.
        focus_now(self.idea_input)

    @on(IdeaList.LeftTop)
    def list_left_at_top(self, event: IdeaList.LeftTop) -> None:
        event.stop()
        focus_now(self.idea_input)
