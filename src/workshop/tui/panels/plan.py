"""The plan panel: actions with owner, horizon and measure, from the room's ideas and decisions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workshop.core import ops
from workshop.core.agenda import Activity
from workshop.core.errors import WorkshopError
from workshop.core.models import Action, Session
from workshop.core.planning import (
    StartingPoint,
    action_warnings,
    by_horizon,
    by_owner,
    source_titles,
    starting_points,
)
from workshop.core.tally import ranking
from workshop.export.beside import export_markdown_beside
from workshop.store.editor import Change, Saved, Undo
from workshop.tui.panels.base import ActivityPanel
from workshop.tui.panels.plan_text import (
    HORIZON_SHORT,
    SIDE_TITLES,
    SIDE_VIEWS,
    action_prompt,
    no_starting_points,
    start_prompt,
)
from workshop.tui.safe_text import literal
from workshop.tui.screens.dialogs.plan_action_form import PlanActionForm, SourceChoice


class PlanPanel(ActivityPanel):
    """Write the plan: a few actions, each with an owner, a horizon and a measure of success."""

    HELP = """\
## Action plan

Turn the top priorities into a few actions, each with one owner, a horizon and a measure.

| Key | Does |
|---|---|
| `n` | Write a new action |
| `Enter` | On an action: edit it. On a starting point: make it an action |
| `e` | Edit the highlighted action |
| `Shift+↑` `Shift+↓` | Move the action up or down the plan |
| `Delete` | Delete the action (`ctrl+z` brings it back) |
| `v` | Side view: starting points, by horizon, by owner |
| `x` | Export the session, plan included, to markdown beside the session file |
| `Tab` | Between the plan and the side view |

In the form: `Enter` or `ctrl+s` saves, `Esc` cancels, `Space` ticks the ideas it comes from.
An action without an owner or a measure of success is marked ⚠.
"""

    BINDINGS = [
        Binding("n", "new_action", "New action", id="plan.new"),
        Binding("e", "edit_action", "Edit", id="plan.edit"),
        Binding("shift+up,ctrl+up", "move(-1)", "Move up", id="plan.move-up", show=False),
        Binding("shift+down,ctrl+down", "move(1)", "Move down", id="plan.move-down", show=False),
        Binding("delete,backspace", "delete_action", "Delete", id="plan.delete"),
        Binding("v", "cycle_view", "View", id="plan.view"),
        Binding("x", "export", "Export", id="plan.export"),
    ]

    DEFAULT_CSS = """
    PlanPanel { layout: vertical; }
    PlanPanel #plan-summary { height: auto; padding: 0 1; }
    PlanPanel #plan-body { height: 1fr; }
    PlanPanel #plan-main { width: 1fr; height: 1fr; }
    PlanPanel #plan-actions { height: 1fr; }
    PlanPanel #plan-empty { height: auto; padding: 1 2; color: $text-muted; }
    PlanPanel #plan-side { width: 40%; min-width: 28; max-width: 56; height: 1fr; }
    PlanPanel #plan-side-title { height: 1; padding: 0 1; text-style: bold; color: $text-accent; }
    PlanPanel #plan-starts { height: 1fr; }
    PlanPanel #plan-groups { height: 1fr; padding: 0 1; }
    PlanPanel #plan-no-starts { height: auto; padding: 0 1; color: $text-muted; }
    /* Too narrow for two columns (60 columns, or 80 with the outline shown): the starting
       points go under the plan instead of squeezing it to a few letters a line. */
    PlanPanel.-narrow #plan-body { layout: vertical; }
    PlanPanel.-narrow #plan-side { width: 1fr; min-width: 0; max-width: 100%; height: 40%; }
    """

    NARROW_WIDTH = 70
    """Below this many columns the panel stacks its two columns."""

    def __init__(self, activity: Activity, session: Session, **kwargs: Any) -> None:
        super().__init__(activity, session, **kwargs)
        self.view = "starts"
        self._points: list[StartingPoint] = []
        self._follow: str | None = None

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="plan-summary")
        with Horizontal(id="plan-body"):
            with Vertical(id="plan-main"):
                yield Static(
                    Content(
                        "No actions yet. Press n to write one, or pick a starting point on the "
                        "right (Tab) and press Enter."
                    ),
                    id="plan-empty",
                )
                yield OptionList(id="plan-actions")
            with Vertical(id="plan-side"):
                yield Static(id="plan-side-title")
                yield OptionList(id="plan-starts")
                yield Static(id="plan-no-starts")
                with VerticalScroll(id="plan-groups"):
                    yield Static(id="plan-groups-text")

    def on_resize(self) -> None:
        self.set_class(self.size.width < self.NARROW_WIDTH, "-narrow")

    def on_mount(self) -> None:
        self._show()
        self.query_one("#plan-actions" if self.session.actions else "#plan-starts").focus()

    def show_session(self, session: Session) -> None:
        super().show_session(session)
        if self.is_mounted:
            self._show()

    # --- what is shown ------------------------------------------------------------------

    @property
    def actions_list(self) -> OptionList:
        return self.query_one("#plan-actions", OptionList)

    def highlighted_action(self) -> Action | None:
        index = self.actions_list.highlighted
        actions = self.session.actions
        if index is None or not 0 <= index < len(actions):
            return None
        return actions[index]

    def _show(self) -> None:
        actions = self.session.actions
        listing = self.actions_list
        keep = self._follow
        if keep is None:
            current = self.highlighted_action()
            keep = current.id if current else None
        self._follow = None
        listing.set_options(
            [
                Option(action_prompt(n, a, source_titles(self.session, a)), id=a.id)
                for n, a in enumerate(actions, start=1)
            ]
        )
        ids = [a.id for a in actions]
        if ids:
            listing.highlighted = ids.index(keep) if keep in ids else 0
        listing.display = bool(actions)
        self.query_one("#plan-empty").display = not actions
        self._show_summary()
        self._show_side()

    def _show_summary(self) -> None:
        actions = self.session.actions
        counts = " · ".join(
            f"{short}: {group.count}"
            for group, short in zip(by_horizon(actions), HORIZON_SHORT.values(), strict=True)
        )
        total = "1 action" if len(actions) == 1 else f"{len(actions)} actions"
        parts = [Content.styled(total, "bold"), Content(f"  ({counts})")]
        lacking = [a for a in actions if action_warnings(a)]
        if lacking:
            no_owner = sum(1 for a in lacking if not a.owner.strip())
            no_measure = sum(1 for a in lacking if not a.measure.strip())
            parts.append(
                Content.styled(
                    f"  ⚠ {no_owner} without owner, {no_measure} without measure", "$warning"
                )
            )
        self.query_one("#plan-summary", Static).update(Content.assemble(*parts))

    def _show_side(self) -> None:
        self.query_one("#plan-side-title", Static).update(Content(SIDE_TITLES[self.view]))
        starts = self.query_one("#plan-starts", OptionList)
        groups = self.query_one("#plan-groups")
        self._points = starting_points(self.session)
        if self.view == "starts":
            highlighted = starts.highlighted
            starts.set_options(
                [Option(start_prompt(p), id=f"start-{n}") for n, p in enumerate(self._points)]
            )
            if self._points:
                starts.highlighted = min(highlighted or 0, len(self._points) - 1)
        starts.display = self.view == "starts" and bool(self._points)
        no_starts = self.query_one("#plan-no-starts", Static)
        no_starts.display = self.view == "starts" and not self._points
        if no_starts.display:
            no_starts.update(Content(no_starting_points(self.session)))
        groups.display = self.view != "starts"
        if self.view != "starts":
            self.query_one("#plan-groups-text", Static).update(self._groups_text())

    def _groups_text(self) -> Content:
        actions = self.session.actions
        number = {a.id: n for n, a in enumerate(actions, start=1)}
        grouped = by_horizon(actions) if self.view == "horizon" else by_owner(actions)
        lines: list[Content] = []
        for group in grouped:
            lines.append(Content.assemble(literal(group.title, "bold"), f" ({group.count})"))
            for action in group.actions:
                warn = Content.styled(" ⚠", "$warning") if action_warnings(action) else ""
                lines.append(
                    Content.assemble(f"  {number[action.id]}. ", literal(action.title), warn)
                )
        if not actions:
            lines.append(Content.styled("No actions yet.", "dim"))
        return Content("\n").join(lines)

    # --- changes ------------------------------------------------------------------------

    def _sources(self, action: Action | None) -> list[SourceChoice]:
        """What an action may come from: top-ranked ideas and themes, themes, its own links."""
        texts = {t.id: t.title for t in self.session.themes}
        texts.update({i.id: i.text for i in self.session.ideas})
        chosen: list[str] = [item.target for item in ranking(self.session)[:20]]
        chosen += [t.id for t in self.session.themes]
        if action:
            chosen += action.ideas
        unique = [c for c in dict.fromkeys(chosen) if c in texts]
        return [SourceChoice(c, texts[c]) for c in unique]

    def action_new_action(self, title: str = "", ideas: tuple[str, ...] = ()) -> None:
        def created(fields: dict[str, Any] | None) -> None:
            if fields is not None:
                self._add(fields)

        self.app.push_screen(
            PlanActionForm(None, self._sources(None), title=title, ideas=ideas), created
        )

    def _add(self, fields: dict[str, Any]) -> None:
        title = fields.pop("title")
        saved = self.save(
            Change(
                lambda draft: ops.add_action(draft, title, **fields),
                f"New action: {title}",
                make_undo=lambda action: Undo(
                    lambda draft: ops.delete_action(draft, action.id),
                    f"remove {ops.label('action', action.id, action.title)}",
                ),
            )
        )
        if not isinstance(saved, Saved):
            return
        ids = [a.id for a in self.session.actions]  # shown by the save: highlight it
        if saved.result.id in ids:
            self.actions_list.highlighted = ids.index(saved.result.id)
        self.actions_list.display = True
        self.actions_list.focus()

    @on(OptionList.OptionSelected, "#plan-starts")
    def _start_chosen(self, event: OptionList.OptionSelected) -> None:
        """One key: the starting point becomes an action, linked to where it came from."""
        event.stop()
        point = self._points[event.option_index]
        self._add({"title": point.title, "ideas": list(point.ideas)})

    @on(OptionList.OptionSelected, "#plan-actions")
    def _action_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit_action()

    def action_edit_action(self) -> None:
        action = self.highlighted_action()
        if action is None:
            return
        before = action

        def edited(fields: dict[str, Any] | None) -> None:
            if fields is None:
                return
            changes = {k: v for k, v in fields.items() if getattr(before, k) != v}
            if not changes:
                return
            undo_fields = {k: getattr(before, k) for k in changes}
            self.save(
                Change(
                    lambda draft: ops.update_action(draft, before.id, **changes),
                    f"Edited the action {fields['title']}",
                    make_undo=lambda _: Undo(
                        lambda draft: ops.update_action(draft, before.id, **undo_fields),
                        f"put back {ops.label('action', before.id, before.title)} as it was",
                    ),
                )
            )

        self.app.push_screen(PlanActionForm(action, self._sources(action)), edited)

    def action_move(self, offset: int) -> None:
        action = self.highlighted_action()
        if action is None:
            return
        self._follow = action.id
        self.save(
            Change(
                lambda draft: ops.move_action(draft, action.id, offset),
                f"Moved {action.title} {'up' if offset < 0 else 'down'}",
                make_undo=lambda _: Undo(
                    lambda draft: ops.move_action(draft, action.id, -offset),
                    f"move {ops.label('action', action.id, action.title)} back",
                ),
            )
        )

    def action_delete_action(self) -> None:
        action = self.highlighted_action()
        if action is None:
            return
        saved = self.save(
            Change(
                lambda draft: ops.delete_action(draft, action.id),
                f"Deleted the action {action.title}",
                make_undo=lambda result: Undo(
                    lambda draft: ops.restore_action(draft, *result),
                    f"restore {ops.label('action', action.id, action.title)}",
                ),
            )
        )
        if isinstance(saved, Saved):
            self.notify(f"Deleted: {action.title}. ctrl+z brings it back.", markup=False)

    def action_cycle_view(self) -> None:
        self.view = SIDE_VIEWS[(SIDE_VIEWS.index(self.view) + 1) % len(SIDE_VIEWS)]
        self._show_side()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"edit_action", "move", "delete_action"}:
            focused = self.app.focused
            return self.highlighted_action() is not None and focused is self.actions_list
        return True

    # --- export -------------------------------------------------------------------------

    def action_export(self) -> None:
        path = self.context.session_path
        if path is None:
            self.notify("No session file to export beside.", severity="error")
            return
        self._export(path, self.session)

    @work(thread=True, exclusive=True, group="plan-export")
    def _export(self, session_path: Path, session: Session) -> None:
        """Write `<session>.md` beside the session file (reads earlier sessions: a thread)."""
        try:
            target = export_markdown_beside(session_path, session)
        except (WorkshopError, OSError) as error:
            self.app.call_from_thread(
                self.notify, f"Export failed: {error}", severity="error", markup=False
            )
            return
        self.app.call_from_thread(self.notify, f"Exported to {target}", markup=False)
