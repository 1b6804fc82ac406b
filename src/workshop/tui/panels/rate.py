"""The rate panel: everyone's scores on the benchmark criteria, shown back to the room at once."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from workshop.core import ops
from workshop.core.agenda import Activity
from workshop.core.errors import WorkshopError
from workshop.core.models import Participant, Session
from workshop.core.stats import CriterionResult, criterion_results, with_previous
from workshop.store.editor import Change, Saved, Undo
from workshop.store.folder import earlier_sessions
from workshop.tui.panels.base import ActivityPanel
from workshop.tui.safe_text import clean, literal, plain
from workshop.tui.screens.dialogs.rating_participant_form import ParticipantForm
from workshop.tui.widgets.chart_benchmark import LEGEND, BenchmarkChart
from workshop.tui.widgets.rating_grid import RatingGrid
from workshop.tui.widgets.rating_results import RatingResults
from workshop.tui.widgets.static_update import update_if_changed

LAYOUTS = ("below", "beside", "results", "grid")
VIEWS = ("table", "chart", "segments")
VIEW_TITLES = {"table": "Results", "chart": "Chart", "segments": "By segment"}
WIDE = 110
"""From this many columns the results sit beside the grid at first, else below it."""


class RatePanel(ActivityPanel):
    """A spreadsheet of scores (participants x criteria) and the results under or beside it."""

    HELP = """\
## Benchmark

Each participant rates each criterion. Type the scores as people read them out.

| Key | Does |
|---|---|
| arrows | Move around the grid |
| digits | Score the cell and move on (on a 1-10 scale, `1` `0` is 10) |
| `Delete` `-` `0` space | Leave the score out |
| `Tab` `Enter` | Next cell (`Shift+Tab` back) |
| `a` | Add a participant (names are optional) |
| `s` | Name and segment of this row's participant |
| `c` | Results as table, chart, or split by segment |
| `l` | Layout: results below, beside, alone, or the grid alone |

The results show each criterion's mean as a bar, the range and standard deviation, the target
(→) and the team's previous session. ⚠ and `!` in the grid mark wide disagreement: a finding to
discuss, not an error.
"""

    BINDINGS = [
        Binding("a", "add_participant", "Add participant", id="rate.add-participant"),
        Binding("s", "edit_participant", "Name/segment", id="rate.edit-participant"),
        Binding("c", "cycle_view", "Table/chart", id="rate.view"),
        Binding("l", "cycle_layout", "Layout", id="rate.layout"),
    ]

    DEFAULT_CSS = """
    RatePanel { layout: vertical; }
    RatePanel #rate-status { height: 2; padding: 0 1; }
    RatePanel #rate-body { height: 1fr; layout: vertical; }
    RatePanel #rate-body.-beside { layout: horizontal; }
    RatePanel #rate-grid { height: 1fr; width: 1fr; }
    RatePanel #rate-body.-beside #rate-grid { width: auto; max-width: 60%; }
    RatePanel #rate-results { height: 1fr; width: 1fr; border-top: solid $primary-muted; }
    RatePanel #rate-body.-beside #rate-results {
        border-top: none;
        border-left: solid $primary-muted;
    }
    RatePanel #rate-body.-results #rate-grid { display: none; }
    RatePanel #rate-body.-grid #rate-results { display: none; }
    RatePanel #rate-results-title { height: 1; padding: 0 1; color: $text-accent; }
    RatePanel #rate-empty { height: auto; padding: 1 2; color: $text-muted; }
    """

    def __init__(self, activity: Activity, session: Session, **kwargs: Any) -> None:
        super().__init__(activity, session, **kwargs)
        self.earlier: list[Session] = []
        self.results: list[CriterionResult] = []
        self.view = "table"
        self.layout_mode: str | None = None
        self._joined: set[str] = set()
        """Participants of other activities called to rate here, before their first score."""
        self._scores_waiting: list[Change] = []
        """Scores typed and shown, whose save waits for the frame that shows them."""

    def set_earlier_sessions(self, sessions: list[Session]) -> None:
        """The team's earlier sessions, for the previous result beside this one."""
        self.earlier = list(sessions)
        if self.is_mounted:
            self._show_results()

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        scale = self.activity.rating_scale
        yield Static(id="rate-status")
        with Container(id="rate-body"):
            grid = RatingGrid(scale, id="rate-grid")
            grid.set_criteria(self.activity.criteria)
            yield grid
            with VerticalScroll(id="rate-results"):
                yield Static(id="rate-results-title")
                yield RatingResults(scale, id="rate-table")
                yield BenchmarkChart(scale, id="rate-chart")

    def on_mount(self) -> None:
        self._apply_layout()
        self._show()
        self.query_one(RatingGrid).focus()
        path = self.context.session_path
        if path is not None and not self.earlier:
            session = self.session
            self.run_worker(
                lambda: self._load_earlier(path, session), thread=True, group="rate-history"
            )

    def _load_earlier(self, path: Any, session: Session) -> None:
        try:
            found = earlier_sessions(path, session)
        except (WorkshopError, OSError):
            return  # a folder that cannot be listed has no previous session to show
        if found:
            self.app.call_from_thread(self.set_earlier_sessions, found)

    def on_resize(self) -> None:
        self._apply_layout()

    def _apply_layout(self) -> None:
        mode = self.layout_mode or ("beside" if self.size.width >= WIDE else "below")
        body = self.query_one("#rate-body")
        for name in LAYOUTS:
            body.set_class(name == mode, f"-{name}")

    # --- what is shown ------------------------------------------------------------------

    def show_session(self, session: Session) -> None:
        super().show_session(session)
        if self.is_mounted:
            self._show()

    def participants(self) -> list[Participant]:
        """Who rates here: not those who only took part in other activities (voters)."""
        return ops.participants_in(self.session, self.activity.id, self._joined)

    def _show(self) -> None:
        session = self.session
        activity_id = self.activity.id
        scores = {
            (r.participant, r.criterion): r.score
            for r in session.ratings
            if r.activity == activity_id
        }
        grid = self.query_one(RatingGrid)
        grid.show(self.participants(), scores)
        self._show_results()
        self._show_status()

    def _show_results(self) -> None:
        session = self.session
        results = criterion_results(session, self.activity.id)
        if self.earlier:
            results = with_previous(results, self.earlier, session)
        self.results = results
        grid = self.query_one(RatingGrid)
        grid.flag_columns({r.criterion_id for r in results if r.disagreement})
        rated = max((r.count for r in results), default=0)
        title = f"{VIEW_TITLES[self.view]} · {rated} of {len(self.participants())} rated"
        legend = f"   {LEGEND}" if self.view == "chart" else ""
        # Fixed height and full width (as #rate-status): a new text needs no layout of the
        # screen, which cost several milliseconds between a typed score and its cell shown.
        update_if_changed(
            self.query_one("#rate-results-title", Static),
            Content.assemble(title, (legend, "dim"), ("   c: table/chart/segments", "dim")),
            layout=False,
        )
        table = self.query_one(RatingResults)
        chart = self.query_one(BenchmarkChart)
        table.display = self.view != "chart"
        chart.display = self.view == "chart"
        if self.view == "chart":
            chart.show(results)
        else:
            table.show(results, by_segment=self.view == "segments")

    def _current_participant(self) -> Participant | None:
        cell = self.query_one(RatingGrid).current_cell()
        if cell is None:
            return None
        return next((p for p in self.session.participants if p.id == cell[0]), None)

    def _show_status(self) -> None:
        status = self.query_one("#rate-status", Static)
        scale = self.activity.rating_scale
        ends = (
            f"{scale.low} {scale.low_label}".strip()
            + " … "
            + (f"{scale.high} {scale.high_label}".strip())
        )
        if not self.query_one(RatingGrid).participant_ids:
            update_if_changed(
                status,
                Content.assemble(
                    ("No participants yet. ", "bold"),
                    "Press a to add one per person in the room (names are optional).\n",
                    (f"Scale: {ends}", "dim"),
                ),
                layout=False,
            )
            return
        grid = self.query_one(RatingGrid)
        row, column = grid.cursor_coordinate
        participant = self._current_participant()
        criterion = self.activity.criteria[column]
        who = participant.label if participant else ""
        result = next((r for r in self.results if r.criterion_id == criterion.id), None)
        flag = (
            Content.styled("  ⚠ wide disagreement", "bold $error")
            if (result and result.disagreement)
            else Content("")
        )
        update_if_changed(
            status,
            Content.assemble(
                literal(who, "bold"),
                (f" · {column + 1}. ", "dim"),
                literal(criterion.title, "bold $text-accent"),
                flag,
                "\n",
                plain(criterion.description or f"Scale: {ends}", "dim", one_line=True),
            ),
            layout=False,
        )

    @on(RatingGrid.CellHighlighted)
    def _moved(self) -> None:
        self._show_status()

    # --- changes ------------------------------------------------------------------------

    @on(RatingGrid.ScoreTyped)
    def _score_typed(self, message: RatingGrid.ScoreTyped) -> None:
        message.stop()
        activity_id = self.activity.id
        participant, criterion = message.participant, message.criterion
        score = message.score
        old = next(
            (
                r.score
                for r in self.session.ratings
                if r.activity == activity_id
                and r.participant == participant
                and r.criterion == criterion
            ),
            None,
        )
        if old == score:
            self.query_one(RatingGrid).forget_typed(participant, criterion)
            return
        self._scores_waiting.append(
            Change(
                lambda draft: ops.set_rating(draft, activity_id, participant, criterion, score),
                f"Score {score if score is not None else 'left out'}",
                make_undo=lambda _: Undo(
                    lambda draft: ops.set_rating(draft, activity_id, participant, criterion, old),
                    f"put back {participant}'s score for {criterion} "
                    f"({'none' if old is None else old})",
                ),
            )
        )
        if len(self._scores_waiting) == 1:
            # The grid shows the typed score now (underlined until saved); the save waits for
            # the frame that shows it, so the room sees the digit without waiting on the disk.
            self.screen.call_after_refresh(self._send_waiting_scores)

    def _send_waiting_scores(self) -> None:
        waiting, self._scores_waiting = self._scores_waiting, []
        for change in waiting:
            self.save(change)

    def save_typed(self) -> None:
        self._send_waiting_scores()

    def take_waiting_changes(self) -> list[Change]:
        waiting, self._scores_waiting = self._scores_waiting, []
        return waiting

    def action_add_participant(self) -> None:
        """The next person to rate: someone who took part elsewhere (a voter) and has not
        rated yet, or else a new participant. A stray `a` must not add people unseen: the
        notice names them, and ctrl+z takes a new one back. Their row is shown and has the
        cursor before the next key is read (the scores read out straight after `a` are
        theirs)."""
        activity_id = self.activity.id

        def next_one(draft: Session) -> tuple[Participant, bool]:
            # Who is listed is read from the latest session, not the screen at the key: `a a`
            # typed together are two people.
            known = {participant.id for participant in draft.participants}
            listed = [p.id for p in ops.participants_in(draft, activity_id, self._joined)]
            participant = ops.next_participant(draft, activity_id, listed)
            return participant, participant.id not in known

        def undo(result: tuple[Participant, bool]) -> Undo:
            participant, new = result
            if not new:
                return Undo(lambda draft: None, f"nothing ({participant.label} took part earlier)")
            return Undo(
                lambda draft: ops.remove_participant(draft, participant.id),
                f"remove participant {participant.id} ({participant.label})",
            )

        saved = self.save(Change(next_one, "Add a participant", make_undo=undo))
        if not isinstance(saved, Saved):
            return  # refused (said so), or kept for the screen's retry under its red bar
        participant, new = saved.result
        self._joined.add(participant.id)  # listed here from now on, scores or not
        self._show()
        grid = self.query_one(RatingGrid)
        if participant.id in grid.participant_ids:
            grid.move_cursor(row=grid.participant_ids.index(participant.id), column=0)
        how = "ctrl+z removes them" if new else "they took part earlier"
        self.notify(clean(f"Added {participant.label}: {how}.", one_line=True), markup=False)

    def action_edit_participant(self) -> None:
        participant = self._current_participant()
        if participant is None:
            self.notify("No participant yet: press a to add one.")
            return
        participant_id = participant.id

        def done(answer: tuple[str, str] | None) -> None:
            if answer is None:
                return
            name, segment = answer
            self.save(
                Change(
                    lambda draft: ops.update_participant(
                        draft, participant_id, name=name, segment=segment
                    ),
                    "Participant's name and segment",
                )
            )

        self.app.push_screen(ParticipantForm(participant), done)

    def action_cycle_view(self) -> None:
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        self._show_results()
        if self.view == "chart":
            self.query_one(BenchmarkChart).draw_now()

    def action_cycle_layout(self) -> None:
        current = self.layout_mode or ("beside" if self.size.width >= WIDE else "below")
        self.layout_mode = LAYOUTS[(LAYOUTS.index(current) + 1) % len(LAYOUTS)]
        self._apply_layout()
        names = {
            "below": "results below",
            "beside": "results beside",
            "results": "results only",
            "grid": "grid only",
        }
        self.notify(f"Layout: {names[self.layout_mode]}", timeout=2)
