"""The debate panel: one block to customer focus at a time, its verdict, evidence and decision."""

from __future__ import annotations

from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from workshop.core import ops
from workshop.core.agenda import Activity, Verdict
from workshop.core.models import DebateNote, Session, TimerState
from workshop.core.planning import DebateSubject, debate_note, debate_subjects
from workshop.store.editor import Change, Saved, Undo
from workshop.tui.panels.base import ActivityPanel
from workshop.tui.panels.debate_text import FIELDS, item_prompt, note_lines
from workshop.tui.safe_text import literal, plain
from workshop.tui.widgets.debate_timer import DebateTimer
from workshop.tui.widgets.typing_boxes import TypingInput, focus_now
from workshop.tui.widgets.typing_text_area import TypingTextArea


class DebatePanel(ActivityPanel):
    """Debate the agenda's items (or the session's top themes) one at a time."""

    HELP = """\
## Debate

Take the items one at a time: does it apply here, what is the evidence, what would change it?

| Key | Does |
|---|---|
| `↑` `↓` | Choose an item (in the list) |
| `PgDn` `PgUp` | Next / previous item, from anywhere |
| `y` `p` `n` | Verdict: applies here yes / partly / no |
| `e` | Write the evidence |
| `+` `-` | Write points for / against (one per line) |
| `r` | The process it touches |
| `w` | For whose convenience was it designed? |
| `d` | Write the decision or next step |
| `a` | Make the decision an action in the plan |
| `t` | Restart this item's timer |
| `Esc` | Back to the list of items |

A field is saved when you leave it: `Enter` saves and goes back to the list, `Tab` goes on to
the next field. In the points boxes `Enter` starts a new point; leave with `Tab` or `Esc`.
"""

    BINDINGS = [
        Binding("y", "verdict('yes')", "Yes", id="debate.verdict-yes"),
        Binding("p", "verdict('partly')", "Partly", id="debate.verdict-partly"),
        Binding("n", "verdict('no')", "No", id="debate.verdict-no"),
        Binding("d", "edit('decision')", "Decision", id="debate.decision"),
        Binding("a", "make_action", "Make action", id="debate.make-action"),
        Binding("e", "edit('evidence')", "Evidence", id="debate.evidence", show=False),
        Binding("plus", "edit('points_for')", "For", id="debate.points-for", show=False),
        Binding("minus", "edit('points_against')", "Against", id="debate.against", show=False),
        Binding("r", "edit('process')", "Process", id="debate.process", show=False),
        Binding(
            "w", "edit('convenience')", "Whose convenience", id="debate.convenience", show=False
        ),
        Binding("t", "restart_timer", "Restart timer", id="debate.restart-timer", show=False),
        Binding("pagedown,ctrl+down", "step(1)", "Next item", id="debate.next"),
        Binding("pageup,ctrl+up", "step(-1)", "Previous", id="debate.previous", show=False),
        Binding("escape", "to_list", "Items", id="debate.to-list", show=False),
    ]

    DEFAULT_CSS = """
    DebatePanel { layout: horizontal; }
    DebatePanel #debate-items { width: 34%; min-width: 20; max-width: 44; height: 1fr; }
    DebatePanel #debate-detail { width: 1fr; height: 1fr; padding: 0 1; }
    DebatePanel #debate-heading { height: 1; }
    DebatePanel #debate-title {
        width: 1fr; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis;
    }
    DebatePanel #debate-timer { margin-left: 1; }
    /* Above the scrolling fields, so y/p/n is in view whatever was scrolled to. */
    DebatePanel #debate-verdict { width: 1fr; height: auto; color: $text-accent; }
    DebatePanel #debate-about { height: auto; max-height: 4; color: $text-muted; }
    DebatePanel #debate-form { height: 1fr; }
    DebatePanel .debate-label { color: $text-accent; margin-top: 1; }
    DebatePanel Input { margin: 0; }
    DebatePanel TextArea { height: 3; }
    DebatePanel #debate-empty { padding: 1 2; }
    """

    def __init__(self, activity: Activity, session: Session, **kwargs: Any) -> None:
        super().__init__(activity, session, **kwargs)
        self.subjects = debate_subjects(session, activity)
        self.current = 0

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        if not self.subjects:
            yield Static(
                Content(
                    "Nothing to debate yet. This activity lists no blocks to debate, and the "
                    "session has no themes. Group the ideas into themes first, then come back: "
                    "the most-voted themes appear here."
                ),
                id="debate-empty",
            )
            return
        yield OptionList(*self._options(), id="debate-items")
        with Vertical(id="debate-detail"):
            with Horizontal(id="debate-heading"):
                yield Label(id="debate-title")
                budget = self.activity.minutes * 60 / max(1, len(self.subjects))
                kept = [t for t in self.session.timers if t.activity == self.activity.id and t.item]
                yield DebateTimer(
                    budget,
                    activity=self.activity.id,
                    kept=kept,
                    keep=self._keep_timers,
                    id="debate-timer",
                )
            yield Label(id="debate-verdict")
            yield Static(id="debate-about")
            with VerticalScroll(id="debate-form"):
                for _name, label, widget_id, multiline in FIELDS:
                    yield Label(Content(label), classes="debate-label")
                    if multiline:
                        yield TypingTextArea(id=widget_id, compact=True, soft_wrap=True)
                    else:
                        yield TypingInput(id=widget_id, compact=True, select_on_focus=False)

    def on_mount(self) -> None:
        if self.subjects:
            items = self.query_one("#debate-items", OptionList)
            items.highlighted = 0
            self._show_item()
            items.focus()

    async def _rebuild(self) -> None:
        await self.recompose()
        self.on_mount()

    def _options(self) -> list[Option]:
        return [
            Option(item_prompt(s, debate_note(self.session, self.activity.id, s.id)), id=s.id)
            for s in self.subjects
        ]

    # --- what is shown ------------------------------------------------------------------

    @property
    def subject(self) -> DebateSubject:
        return self.subjects[self.current]

    def note(self) -> DebateNote | None:
        return debate_note(self.session, self.activity.id, self.subject.id)

    def show_session(self, session: Session) -> None:
        super().show_session(session)
        subjects = debate_subjects(session, self.activity)
        if not self.is_mounted:
            self.subjects = subjects
            return
        if bool(subjects) != bool(self.subjects):
            self.subjects = subjects
            self.current = 0
            self.call_later(self._rebuild)
            return
        items = self.query_one("#debate-items", OptionList)
        if [s.id for s in subjects] != [s.id for s in self.subjects]:
            current_id = self.subject.id
            self.subjects = subjects
            ids = [s.id for s in subjects]
            self.current = ids.index(current_id) if current_id in ids else 0
            items.set_options(self._options())
            items.highlighted = self.current
        else:
            self.subjects = subjects
            for index, option in enumerate(self._options()):
                items.replace_option_prompt_at_index(index, option.prompt)
        self._show_item(keep_focused=True)

    def _show_item(self, keep_focused: bool = False) -> None:
        """Fill the detail side from the current item's note (the field being typed in stays)."""
        subject, note = self.subject, self.note()
        position = f"{self.current + 1}/{len(self.subjects)}  "
        self.query_one("#debate-title", Label).update(
            Content.assemble((position, "dim"), literal(subject.title))
        )
        about = [plain(subject.description)] if subject.description else []
        about += [Content.assemble(("? ", "dim"), literal(q)) for q in subject.questions]
        self.query_one("#debate-about", Static).update(Content("\n").join(about))
        self.query_one("#debate-about").display = bool(about)
        verdict = note.verdict if note else None
        choices = []
        for choice, key in ((Verdict.YES, "y"), (Verdict.PARTLY, "p"), (Verdict.NO, "n")):
            text = f" {key}: {choice.value} "
            if choice == verdict:
                choices.append(Content.styled(f"[{text.strip()}]", "reverse bold"))
            else:
                choices.append(Content.styled(text, "dim"))
        self.query_one("#debate-verdict", Label).update(
            Content.assemble("Does it apply here? ", *choices)
        )
        if not keep_focused:
            # A new item starts at its first field, not where the last one was scrolled to.
            self.query_one("#debate-form", VerticalScroll).scroll_home(animate=False)
        focused = self.app.focused if keep_focused else None
        for name, _label, widget_id, multiline in FIELDS:
            widget = self.query_one(f"#{widget_id}")
            if widget is focused:
                continue
            stored: Any = getattr(note, name) if note else ([] if multiline else "")
            if isinstance(widget, TextArea):
                lines = "\n".join(stored)
                if widget.text != lines:
                    widget.load_text(lines)
            elif isinstance(widget, Input) and widget.value != stored:
                widget.value = stored
                widget.cursor_position = 0  # show the start of a long text
        self.query_one(DebateTimer).switch_to(subject.id)

    # --- saving -------------------------------------------------------------------------

    def _typed(self) -> dict[str, Any]:
        """Fields whose text differs from the saved note."""
        note = self.note()
        changed: dict[str, Any] = {}
        for name, _label, widget_id, multiline in FIELDS:
            widget = self.query_one(f"#{widget_id}")
            value: Any
            if isinstance(widget, TextArea):
                value = note_lines(widget.text)
            else:
                assert isinstance(widget, Input)
                value = widget.value if widget.value.strip() else ""
            stored = getattr(note, name) if note else ([] if multiline else "")
            if value != stored:
                changed[name] = value
        return changed

    def _save(self, **extra: Any) -> None:
        """Save the typed changes of the current item (and `extra` fields), if any."""
        if not self.subjects:
            return
        fields = {**self._typed(), **extra}
        if not fields:
            return
        activity_id, item_id = self.activity.id, self.subject.id
        title = ops.short(self.subject.title)
        make_undo = None
        description = f"Debate notes on {self.subject.title}"
        if "verdict" in extra:
            # A single letter (y, p, n) changes the verdict: it names the change and can be
            # taken back.
            note = self.note()
            before = note.verdict if note is not None else None
            description = f"Verdict on “{title}”: {extra['verdict']}"
            make_undo = lambda _: Undo(  # noqa: E731
                lambda draft: ops.set_debate_note(draft, activity_id, item_id, verdict=before),
                f"put back the verdict on “{title}” ({before or 'none'})",
            )
        self.save(
            Change(
                lambda draft: ops.set_debate_note(draft, activity_id, item_id, **fields),
                description,
                make_undo=make_undo,
            )
        )

    def save_typed(self) -> None:
        self._save()
        if self.subjects:
            self.query_one(DebateTimer).leave()

    def _keep_timers(self, states: list[TimerState]) -> None:
        """Write the debate items' timer states to the session file."""

        def keep(draft: Session) -> None:
            for state in states:
                ops.set_timer(draft, state)

        self.save(Change(keep, "Debate timer"))

    def unsaved_text(self) -> str:
        if not self.subjects:
            return ""
        typed = [v if isinstance(v, str) else " ".join(v) for v in self._typed().values()]
        return " · ".join(text for text in typed if text)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._save()
        self.action_to_list()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, Input | TextArea) and self.subjects:
            self._save()

    @on(OptionList.OptionHighlighted, "#debate-items")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index != self.current:
            self._go_to(event.option_index)

    @on(OptionList.OptionSelected, "#debate-items")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit("evidence")

    def _go_to(self, index: int) -> None:
        self._save()
        self.current = max(0, min(len(self.subjects) - 1, index))
        items = self.query_one("#debate-items", OptionList)
        if items.highlighted != self.current:
            items.highlighted = self.current
        self._show_item()

    # --- actions ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"to_list"}:
            return True
        return bool(self.subjects)

    def action_verdict(self, value: str) -> None:
        note = self.note()
        verdict = Verdict(value)
        if note is not None and note.verdict == verdict:
            return
        self._save(verdict=verdict)

    def action_edit(self, field_name: str) -> None:
        widget_id = next(w for name, _, w, _ in FIELDS if name == field_name)
        focus_now(self.query_one(f"#{widget_id}", Widget))

    def action_step(self, offset: int) -> None:
        self._go_to(self.current + offset)

    def action_to_list(self) -> None:
        if self.subjects:
            focus_now(self.query_one("#debate-items", Widget))

    def action_restart_timer(self) -> None:
        self.query_one(DebateTimer).restart()

    def action_make_action(self) -> None:
        """Put the current item's decision into the plan as an action."""
        decision = self.query_one("#debate-decision", Input).value
        if not decision.strip():
            self.notify("Write the decision first (press d).", severity="warning")
            self.action_edit("decision")
            return
        self._save()
        ideas = [self.subject.id] if self.subject.from_theme else []
        same = decision.strip().casefold()
        if any(a.title.strip().casefold() == same for a in self.session.actions):
            self.notify("That decision is already an action in the plan.")
            return
        saved = self.save(
            Change(
                lambda draft: ops.add_action(draft, decision, ideas=ideas),
                f"Action from the debate: {decision}",
                make_undo=lambda action: Undo(
                    lambda draft: ops.delete_action(draft, action.id),
                    f"remove {ops.label('action', action.id, action.title)}",
                ),
            )
        )
        if isinstance(saved, Saved):
            self.notify(f"Added to the plan: {saved.result.title}", markup=False)
