"""The review panel: walk through the session's actions, score each one's progress, keep a note.

Each Enter adds a new review dated today (reviews are kept, never overwritten); the success
index of the session's actions, overall and per owner, is shown at the top as of today.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from workshop.core import ops
from workshop.core.agenda import ActionStatus, Activity
from workshop.core.models import Action, Review, Session
from workshop.core.review import CLOSED, STATUS_CHOICES, status_label
from workshop.core.success import PROGRESS_MEANINGS, index_by_owner, progress_label, track
from workshop.core.success import success_index as index_of
from workshop.store.editor import Change, Rejected, Undo
from workshop.tui.panels.base import ActivityPanel
from workshop.tui.panels.review_text import (
    EMPTY_TEXT,
    NO_OWNER,
    STATUS_KEYS,
    ReviewDraft,
    action_details,
    action_prompt,
    index_text,
    packed,
    remove_review,
    walk_order,
)
from workshop.tui.safe_text import plain
from workshop.tui.widgets.review_action_list import ReviewActionList
from workshop.tui.widgets.typing_boxes import TypingInput


class ReviewPanel(ActivityPanel):
    """Walk through the actions: progress 0-4, a status, a note; Enter saves a new review."""

    HELP = """\
## Review the actions

Take each action in turn: open ones first, done and dropped ones after (dimmed). Let the owner
speak, agree the progress score, set the status, add a one-line note, press Enter. Each Enter
adds a review dated today; earlier reviews are kept.

| Key | Does |
|---|---|
| `↑` `↓` | Choose the action |
| `0` … `4` | Progress: 0 not started, 1 started, 2 halfway, 3 nearly there, 4 done |
| `n` `o` `r` `d` `x` | Status: not started, on track, at risk, done, dropped |
| `t` or `Tab` | Type a note (`Enter` there saves too, `Esc` back to the list) |
| `Enter` | Save the review and move to the next action |
| `ctrl+z` | Take the last review back |

Without a status key, the status follows the score: done at 4, otherwise the action's current
status (on track once it has started). The success index at the top is for this session's
actions as of today, overall and per owner; it moves as reviews are saved.
"""

    BINDINGS = [
        Binding("0", "progress(0)", show=False, id="review.progress-0"),
        Binding("1", "progress(1)", show=False, id="review.progress-1"),
        Binding("2", "progress(2)", "Progress", key_display="0-4", id="review.progress-2"),
        Binding("3", "progress(3)", show=False, id="review.progress-3"),
        Binding("4", "progress(4)", show=False, id="review.progress-4"),
        Binding("n", "status('not-started')", show=False, id="review.status-not-started"),
        Binding("o", "status('on-track')", "Status", key_display="n o r d x",
                id="review.status-on-track"),
        Binding("r", "status('at-risk')", show=False, id="review.status-at-risk"),
        Binding("d", "status('done')", show=False, id="review.status-done"),
        Binding("x", "status('dropped')", show=False, id="review.status-dropped"),
        Binding("t", "note", "Note", id="review.note"),
        Binding("escape", "back_to_list", "Back to the list", id="review.back-to-list"),
    ]

    DEFAULT_CSS = """
    ReviewPanel { layout: vertical; }
    ReviewPanel #review-index { height: auto; max-height: 3; padding: 0 1; }
    ReviewPanel #review-body { height: 1fr; }
    ReviewPanel #review-actions { width: 38%; min-width: 24; max-width: 50; height: 1fr; }
    ReviewPanel #review-detail { width: 1fr; height: 1fr; padding: 0 0 0 1; }
    ReviewPanel #review-about { height: 1fr; }
    ReviewPanel #review-form { height: auto; border-top: solid $primary-muted; }
    ReviewPanel #review-progress, ReviewPanel #review-status { height: auto; }
    ReviewPanel #review-note { margin: 0; }
    ReviewPanel #review-hint { height: 1; color: $text-muted; }
    ReviewPanel #review-empty { height: auto; padding: 1 2; color: $text-muted; }
    """

    def __init__(self, activity: Activity, session: Session, **kwargs: Any) -> None:
        super().__init__(activity, session, **kwargs)
        self.drafts: dict[str, ReviewDraft] = {}
        self._order: list[str] = []
        self._follow: str | None = None
        self._shown_action: str | None = None

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="review-index")
        yield Static(Content(EMPTY_TEXT), id="review-empty")
        with Horizontal(id="review-body"):
            yield ReviewActionList(id="review-actions")
            with Vertical(id="review-detail"):
                with VerticalScroll(id="review-about", can_focus=False):
                    yield Static(id="review-action")
                with Vertical(id="review-form"):
                    yield Static(id="review-progress")
                    yield Static(id="review-status")
                    yield TypingInput(
                        placeholder="Note (t or Tab to type; Enter saves the review)",
                        id="review-note",
                        compact=True,
                    )
                    yield Static(id="review-hint")

    def on_mount(self) -> None:
        self._show()
        if self.session.actions:
            self.actions_list.focus()

    def show_session(self, session: Session) -> None:
        super().show_session(session)
        if self.is_mounted:
            self._show()

    def on_resize(self) -> None:
        self._show_action()  # the scale is wrapped to the form's width

    # --- what is shown ------------------------------------------------------------------

    @property
    def actions_list(self) -> ReviewActionList:
        return self.query_one("#review-actions", ReviewActionList)

    @property
    def note_input(self) -> Input:
        return self.query_one("#review-note", Input)

    def review_date(self) -> date:
        """Today, by the wall clock the panel was given (tests fix it)."""
        return self.context.wall_clock().date()

    def current_action(self) -> Action | None:
        index = self.actions_list.highlighted
        if index is None or not 0 <= index < len(self._order):
            return None
        action_id = self._order[index]
        return next((a for a in self.session.actions if a.id == action_id), None)

    def _show(self) -> None:
        actions = walk_order(self.session.actions)
        listing = self.actions_list
        keep = self._follow or self._shown_action
        self._follow = None
        self._order = [a.id for a in actions]
        listing.set_options([Option(action_prompt(a), id=a.id) for a in actions])
        if actions:
            listing.highlighted = self._order.index(keep) if keep in self._order else 0
        has_actions = bool(actions)
        self.query_one("#review-body").display = has_actions
        self.query_one("#review-empty").display = not has_actions
        self._show_index()
        self._show_action()

    def _show_index(self) -> None:
        session = self.session
        today = self.review_date()
        tracked = track(session)
        open_count = sum(1 for a in session.actions if a.status not in CLOSED)
        done_count = sum(1 for a in session.actions if a.status is ActionStatus.DONE)
        dropped_count = sum(1 for a in session.actions if a.status is ActionStatus.DROPPED)
        parts: list[Content] = [
            Content.assemble(
                ("Success index ", "bold"),
                (index_text(index_of(tracked, today)), "bold $text-accent"),
                (f" today ({today.isoformat()})", "$text-muted"),
            ),
            Content(f"{open_count} open · {done_count} done · {dropped_count} dropped"),
        ]
        by_owner = index_by_owner(tracked, today)
        if by_owner:
            owners = Content(" · ").join(
                Content.assemble(
                    plain(owner, one_line=True) if owner else Content(NO_OWNER),
                    " ",
                    (index_text(value), "bold"),
                )
                for owner, value in sorted(
                    by_owner.items(), key=lambda item: (item[0] == "", item[0].casefold())
                )
            )
            parts.append(Content.assemble(("By owner: ", "$text-muted"), owners))
        self.query_one("#review-index", Static).update(Content("   ").join(parts))

    def _show_action(self) -> None:
        action = self.current_action()
        self._shown_action = action.id if action else None
        if action is None:
            return
        self.query_one("#review-action", Static).update(action_details(action))
        draft = self.drafts.get(action.id, ReviewDraft())
        if self.note_input.value != draft.note:
            with self.note_input.prevent(Input.Changed):
                self.note_input.value = draft.note
        self._show_form(action, draft)

    def _show_form(self, action: Action, draft: ReviewDraft) -> None:
        scale = [
            Content.styled(
                f" {score} {meaning} ",
                "reverse bold $text-accent" if score == draft.progress else "",
            )
            for score, meaning in PROGRESS_MEANINGS.items()
        ]
        width = self.query_one("#review-form").size.width or 1000
        self.query_one("#review-progress", Static).update(
            packed(Content.styled("Progress ", "bold"), scale, width)
        )
        chosen = draft.chosen_status(action)
        statuses = [
            Content.styled(
                f" {STATUS_KEYS[status]} {status_label(status)} ",
                "reverse bold $text-accent" if status is chosen else "",
            )
            for status in STATUS_CHOICES
        ]
        self.query_one("#review-status", Static).update(
            packed(Content.styled("Status   ", "bold"), statuses, width)
        )
        position = self._order.index(action.id) + 1
        if draft.progress is None:
            hint = f"Action {position} of {len(self._order)}: score its progress, 0-4."
        else:
            hint = f"Action {position} of {len(self._order)}: Enter saves, dated today."
        self.query_one("#review-hint", Static).update(Content(hint))

    # --- choosing -----------------------------------------------------------------------

    def unsaved_text(self) -> str:
        """A review scored or noted but not saved with Enter (so quitting asks first)."""
        notes = [d.note for d in self.drafts.values() if d.note.strip()]
        scored = [d for d in self.drafts.values() if d.progress is not None]
        if notes:
            return notes[0]
        return "a progress score not saved with Enter" if scored else ""

    def _draft(self, action: Action) -> ReviewDraft:
        return self.drafts.setdefault(action.id, ReviewDraft())

    def action_progress(self, score: int) -> None:
        action = self.current_action()
        if action is None:
            return
        draft = self._draft(action)
        draft.progress = score
        self._show_form(action, draft)

    def action_status(self, value: str) -> None:
        action = self.current_action()
        if action is None:
            return
        draft = self._draft(action)
        draft.status = ActionStatus(value)
        self._show_form(action, draft)

    def action_note(self) -> None:
        if self.current_action() is not None:
            self.note_input.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"progress", "status", "note"}:
            return bool(self.session.actions)
        if action == "back_to_list":
            return self.app.focused is self.note_input
        return True

    @on(ReviewActionList.OptionHighlighted, "#review-actions")
    def _highlighted(self, event: ReviewActionList.OptionHighlighted) -> None:
        event.stop()
        self._show_action()

    @on(Input.Changed, "#review-note")
    def _note_typed(self, event: Input.Changed) -> None:
        event.stop()
        action = self.current_action()
        if action is not None:
            self._draft(action).note = event.value

    def action_back_to_list(self) -> None:
        self.actions_list.focus()

    # --- saving -------------------------------------------------------------------------

    @on(ReviewActionList.SaveRequested)
    def _save_from_list(self, event: ReviewActionList.SaveRequested) -> None:
        event.stop()
        self.save_review()

    @on(Input.Submitted, "#review-note")
    def _save_from_note(self, event: Input.Submitted) -> None:
        event.stop()
        self.save_review()

    def save_review(self) -> None:
        """Save the review being written for the current action, dated today."""
        action = self.current_action()
        if action is None:
            return
        draft = self._draft(action)
        status = draft.chosen_status(action)
        if draft.progress is None or status is None:
            self.query_one("#review-hint", Static).update(
                Content.styled("Score the progress first: a key from 0 to 4.", "$text-warning")
            )
            self.notify("Score the progress first (0-4).", severity="warning")
            return
        review = Review(
            date=self.review_date(),
            progress=draft.progress,
            status=status,
            note=ops.clean_text(draft.note) if draft.note.strip() else "",
        )
        action_id = action.id
        status_before = action.status
        position = self._order.index(action_id)
        next_id = self._order[position + 1] if position + 1 < len(self._order) else action_id
        title = action.title
        saved = self.save(
            Change(
                lambda draft_session: ops.add_review(draft_session, action_id, review),
                f"Reviewed {title}: {progress_label(review.progress)}, "
                f"{status_label(review.status)}",
                make_undo=lambda _: Undo(
                    lambda draft_session: remove_review(
                        draft_session, action_id, review, status_before
                    ),
                    f"Review of {title} taken back",
                ),
            )
        )
        if not isinstance(saved, Rejected):
            # Saved, or kept for the screen's retry under its red bar (nothing is lost): the
            # draft goes and the next action is highlighted. Refused, the draft stays.
            self.drafts.pop(action_id, None)
            self._follow = next_id
            self._show()
            if self.app.focused is self.note_input:
                self.actions_list.focus()
