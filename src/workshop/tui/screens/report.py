"""The follow-through report as a screen: teams, benchmark trends, actions, the success index.

The folder is read in a thread worker (a folder shared by several facilitators may hold
hundreds of sessions); the worker posts progress and the finished report as messages and never
touches a widget. Picking another team only re-shows the report already built.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    OptionList,
    ProgressBar,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option

from workshop.core.report import Report, TeamReport, team_key
from workshop.store.report_folder import report_folder
from workshop.tui.safe_text import plain
from workshop.tui.screens.closing import ClosesOnce
from workshop.tui.widgets.footer import QuietFooter
from workshop.tui.widgets.report_charts import (
    ActionsPerQuarterChart,
    BenchmarkTrendChart,
    IndexOverTimeChart,
)
from workshop.tui.widgets.report_tables import (
    TableData,
    benchmark_table,
    fill,
    index_table,
    owners_table,
    quarters_table,
    teams_table,
)

ALL_TEAMS = "all"
TABS = ("benchmark", "actions", "index", "skipped")
PROGRESS_STEPS = 100
"""The worker reports progress about this many times, whatever the folder's size."""

REPORT_HELP = """\
## Follow-through report

Everything in the sessions folder: per team, the benchmark means over time, the actions opened
and done each quarter, and the success index at the end of each quarter. Files that could not
be read are listed under Skipped, with the reason; they do not stop the report.

| Key | Does |
|---|---|
| `↑` `↓` | Pick a team (or all teams) |
| `1` `2` `3` `4` | Benchmark, Actions, Success index, Skipped |
| `Tab` | Between the teams, the tabs and the tables |
| `r` | Read the folder again |
| `Esc` | Close the report |

The success index (0-100) is the average progress of the actions, each weighted by how far
into its horizon it is; dropped actions are left out. The table under each chart holds the
numbers drawn in it.
"""


def _today_of(screen: Screen[None]) -> date:
    clock = getattr(screen.app, "wall_clock", None)
    return clock().date() if callable(clock) else date.today()


class ReportScreen(ClosesOnce, Screen[None]):
    """The report over a sessions folder, with a chart and its numbers on each tab."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="report.close"),
        Binding("1", "show_tab('benchmark')", "Benchmark", id="report.tab-benchmark"),
        Binding("2", "show_tab('actions')", "Actions", id="report.tab-actions"),
        Binding("3", "show_tab('index')", "Index", id="report.tab-index"),
        Binding("4", "show_tab('skipped')", "Skipped", id="report.tab-skipped"),
        Binding("r", "reload", "Reload", show=False, id="report.reload"),
        Binding("f1,question_mark", "help", "Help", id="report.help"),
    ]

    DEFAULT_CSS = """
    ReportScreen { layout: vertical; }
    ReportScreen #report-title { height: 1; padding: 0 1; text-style: bold;
        text-wrap: nowrap; text-overflow: ellipsis; }
    ReportScreen #report-summary { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    ReportScreen #report-loading { height: auto; padding: 1 2; }
    ReportScreen #report-message { height: auto; padding: 1 2; }
    ReportScreen #report-body { height: 1fr; }
    ReportScreen #report-teams { width: 20; height: 1fr; }
    ReportScreen #report-tabs { width: 1fr; height: 1fr; }
    ReportScreen TabPane { padding: 0; height: 1fr; }
    ReportScreen .report-pane { height: 1fr; }
    ReportScreen .report-note { height: auto; padding: 0 1; color: $text-muted; }
    ReportScreen DataTable { height: auto; max-height: 8; }
    ReportScreen #index-tables { height: auto; max-height: 8; }
    ReportScreen #index-table { width: auto; margin-right: 2; }
    ReportScreen #index-groups-table { width: 1fr; }
    ReportScreen #skipped-scroll { height: 1fr; padding: 0 1; }
    """

    class Progress(Message):
        """The worker has read `done` of `total` files."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    class Loaded(Message):
        def __init__(self, report: Report) -> None:
            super().__init__()
            self.report = report

    class Failed(Message):
        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(
        self, sessions_folder: Path, team: str | None = None, *, as_of: date | None = None
    ) -> None:
        super().__init__()
        self.sessions_folder = sessions_folder
        self.team = team
        self.as_of = as_of
        self.report: Report | None = None
        self.shown_team: str | None = None
        """ALL_TEAMS, or the team_key of the team shown."""
        self._team_keys: list[str] = []

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(Content("Follow-through report"), id="report-title")
        yield Static(id="report-summary")
        with Vertical(id="report-loading"):
            yield Static(Content("Reading the sessions…"), id="report-loading-text")
            yield ProgressBar(id="report-progress", show_eta=False)
        yield Static(id="report-message")
        with Horizontal(id="report-body"):
            yield OptionList(id="report-teams")
            with TabbedContent(id="report-tabs", initial="benchmark"):
                with TabPane("1 Benchmark", id="benchmark"), Vertical(classes="report-pane"):
                    yield Static(id="benchmark-note", classes="report-note")
                    yield BenchmarkTrendChart(id="benchmark-chart")
                    yield DataTable(id="benchmark-table", cursor_type="row")
                with TabPane("2 Actions", id="actions"), Vertical(classes="report-pane"):
                    yield ActionsPerQuarterChart(id="actions-chart")
                    yield DataTable(id="actions-table", cursor_type="row")
                with TabPane("3 Success index", id="index"), Vertical(classes="report-pane"):
                    yield Static(id="index-note", classes="report-note")
                    yield IndexOverTimeChart(id="index-chart")
                    with Horizontal(id="index-tables"):
                        yield DataTable(id="index-table", cursor_type="row")
                        yield DataTable(id="index-groups-table", cursor_type="row")
                with TabPane("4 Skipped", id="skipped"), Vertical(classes="report-pane"):
                    yield Static(id="skipped-note", classes="report-note")
                    with VerticalScroll(id="skipped-scroll"):
                        yield Static(id="skipped-list")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.query_one("#report-title", Static).update(
            Content.assemble(
                "Follow-through report  ",
                plain(str(self.sessions_folder), "not bold $text-muted", one_line=True),
            )
        )
        self.action_reload()

    # --- reading (a thread) -----------------------------------------------------------------

    def action_reload(self) -> None:
        self.query_one("#report-body").display = False
        self.query_one("#report-message").display = False
        self.query_one("#report-loading").display = True
        self.query_one(ProgressBar).update(total=None, progress=0)
        self._read(self.as_of or _today_of(self))

    @work(thread=True, exclusive=True, group="report-read")
    def _read(self, as_of: date) -> None:
        """Read the folder and build the report; posts Progress, then Loaded or Failed."""
        every = 1

        def progress(done: int, total: int) -> None:
            nonlocal every
            every = max(1, total // PROGRESS_STEPS)
            if done % every == 0 or done == total:
                self.post_message(self.Progress(done, total))

        try:
            report = report_folder(self.sessions_folder, as_of, on_progress=progress)
        except Exception as error:  # noqa: BLE001 - a report must not end the facilitator's app
            self.post_message(self.Failed(str(error) or error.__class__.__name__))
            return
        self.post_message(self.Loaded(report))

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)
        self.query_one("#report-loading-text", Static).update(
            Content(f"Reading the sessions… {message.done} of {message.total} files")
        )

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.query_one("#report-loading").display = False
        shown = self.query_one("#report-message", Static)
        shown.update(
            Content.assemble(
                ("Cannot make the report: ", "bold $text-error"), plain(message.reason)
            )
        )
        shown.display = True

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        report = message.report
        self.report = report
        self.query_one("#report-loading").display = False
        self._show_summary(report)
        if not report.teams:
            shown = self.query_one("#report-message", Static)
            lines = [
                plain(f"No sessions in {self.sessions_folder} yet."),
                Content.styled(
                    "Sessions saved in this folder are counted here; press r to read it again.",
                    "$text-muted",
                ),
            ]
            if report.skipped:
                lines.append(Content(f"{len(report.skipped)} file(s) could not be read:"))
                lines += [
                    Content.assemble("  ", plain(item.reason, one_line=True))
                    for item in report.skipped
                ]
            shown.update(Content("\n").join(lines))
            shown.display = True
            return
        self.query_one("#report-body").display = True
        self._show_teams(report)
        self.refresh_bindings()

    # --- showing --------------------------------------------------------------------------

    def _show_summary(self, report: Report) -> None:
        sessions = "1 session" if report.sessions_read == 1 else f"{report.sessions_read} sessions"
        skipped = len(report.skipped)
        parts: list[Content] = [Content(f"As of {report.as_of.isoformat()}: {sessions} read")]
        if skipped:
            parts.append(
                Content.styled(
                    f", {skipped} file{'s' if skipped != 1 else ''} skipped: press 4",
                    "$text-warning",
                )
            )
        self.query_one("#report-summary", Static).update(Content.assemble(*parts))

    def _show_teams(self, report: Report) -> None:
        options: list[Option] = []
        self._team_keys = []
        if len(report.teams) > 1:
            options.append(Option(Content.styled("All teams", "italic"), id=ALL_TEAMS))
            self._team_keys.append(ALL_TEAMS)
        for team in report.teams:
            options.append(Option(plain(team.team, one_line=True)))
            self._team_keys.append(team_key(team.team))
        teams = self.query_one("#report-teams", OptionList)
        teams.set_options(options)
        wanted = self.shown_team
        if wanted is None and self.team is not None:
            wanted = team_key(self.team)
            if wanted not in self._team_keys:
                self.notify(
                    f"No sessions of team {self.team} here: showing all teams.",
                    severity="warning",
                    markup=False,
                )
        if wanted not in self._team_keys:
            wanted = self._team_keys[0]
        teams.highlighted = self._team_keys.index(wanted)
        self._show_team(wanted)
        teams.focus()

    @on(OptionList.OptionHighlighted, "#report-teams")
    def _team_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.report is not None and 0 <= event.option_index < len(self._team_keys):
            self._show_team(self._team_keys[event.option_index])

    def team_report(self, key: str) -> TeamReport | None:
        if self.report is None:
            return None
        return next((t for t in self.report.teams if team_key(t.team) == key), None)

    def _show_team(self, key: str) -> None:
        report = self.report
        if report is None:
            return
        self.shown_team = key
        team = self.team_report(key)
        benchmark_note = self.query_one("#benchmark-note", Static)
        index_note = self.query_one("#index-note", Static)
        if team is None:  # all teams
            quarters = report.quarters
            benchmark = []
            benchmark_note.update(
                Content("Benchmarks are per team: pick a team on the left (↑ ↓).")
            )
            index_note.update(
                Content(f"All teams: success index now {_index_text(report.index)}")
            )
            self._fill("index-groups-table", teams_table(report.teams))
        else:
            quarters = team.quarters
            benchmark = team.benchmark
            sessions = len(team.sessions)
            benchmark_note.update(
                Content.assemble(
                    plain(team.team, "bold", one_line=True),
                    f": mean score per criterion over {sessions} "
                    f"session{'s' if sessions != 1 else ''} (number of scores)",
                )
            )
            index_note.update(
                Content.assemble(
                    plain(team.team, "bold", one_line=True),
                    f": success index now {_index_text(team.index)}",
                )
            )
            self._fill("index-groups-table", owners_table(team.owners))
        self.query_one(BenchmarkTrendChart).show_trends(benchmark)
        self._fill("benchmark-table", benchmark_table(benchmark))
        self.query_one(BenchmarkTrendChart).display = bool(benchmark)
        self.query_one("#benchmark-table").display = bool(benchmark)
        self.query_one(ActionsPerQuarterChart).show_quarters(quarters)
        self._fill("actions-table", quarters_table(quarters))
        self.query_one(IndexOverTimeChart).show_quarters(quarters)
        self._fill("index-table", index_table(quarters))
        self._show_skipped(report)

    def _show_skipped(self, report: Report) -> None:
        note = self.query_one("#skipped-note", Static)
        if report.skipped:
            note.update(
                Content(
                    f"{len(report.skipped)} file(s) could not be read and are left out of the "
                    "report; the rest is complete."
                )
            )
        else:
            note.update(Content("Every file in the folder was read."))
        self.query_one("#skipped-list", Static).update(
            Content("\n").join(
                Content.assemble(("• ", "$text-warning"), plain(item.reason))
                for item in report.skipped
            )
        )

    def _fill(self, table_id: str, data: TableData) -> None:
        fill(self.query_one(f"#{table_id}", DataTable), data)

    # --- keys -----------------------------------------------------------------------------

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_tab":
            return self.report is not None and bool(self.report.teams)
        return True

    def action_close(self) -> None:
        self.dismiss()

    def action_help(self) -> None:
        from workshop.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(REPORT_HELP))


def _index_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"
