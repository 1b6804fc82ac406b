"""Sessions and apps for the review panel's and the report screen's tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from textual.app import App
from textual.widgets import Static

from tests.conftest import shipped_agenda
from tests.hostile import TYPED_MARKUP as HOSTILE
from tests.tui.programme_app import PanelApp
from workshop.core import ops
from workshop.core.carry import carry_actions
from workshop.core.models import Review, Session
from workshop.store.folder import new_session_path
from workshop.store.session_file import SessionFile
from workshop.tui.screens.report import ReportScreen

TZ = timezone(timedelta(hours=1))


REVIEW_DAY = date(2026, 10, 5)


REPORT_DAY = date(2026, 7, 15)


TEAM = "Support [/b] desk"


BROKEN_FILE = "2026-03-01-[red]broken[b] x.toml"


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, 0, tzinfo=TZ)


def review(day: date, progress: int, status: str, note: str = "") -> Review:
    return Review.model_validate(
        {"date": day, "progress": progress, "status": status, "note": note}
    )


def screen_text(app: App[Any]) -> str:
    """Everything on screen, as plain text (one line per row)."""
    strips = app.screen._compositor.render_strips()  # noqa: SLF001 - test-only peek
    return "\n".join(strip.text for strip in strips)


def text_of(app: App[Any], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def review_session() -> Session:
    """A quarterly review a quarter on: a1 halfway, a2 not reviewed, a3 dropped."""
    session = ops.new_session(
        "Q3 review", shipped_agenda("quarterly-review"), team="Support", on=REVIEW_DAY
    )
    start = at(date(2026, 7, 1))
    ops.add_action(
        session, "Call back within a day", owner="Ana", measure="90% called back", at=start
    )
    ops.add_action(session, f"Plain invoices {HOSTILE}", owner=HOSTILE, horizon="6m", at=start)
    ops.add_action(session, "Map the journey", horizon="beyond", at=start)
    ops.add_review(session, "a1", review(date(2026, 8, 1), 2, "on-track", "half the team"))
    ops.add_review(session, "a3", review(date(2026, 8, 1), 0, "dropped", "no budget"))
    return session


class ReviewApp(PanelApp):
    """The panel test app with a fixed wall clock: reviews are dated REVIEW_DAY."""

    def wall_clock(self) -> datetime:
        return at(REVIEW_DAY)


def review_app(folder: Path, session: Session | None = None) -> ReviewApp:
    session_file = SessionFile.create(folder / "review.toml", session or review_session())
    return ReviewApp(session_file, "review-actions")


def saved(app: PanelApp) -> Session:
    return SessionFile.open(app.session_file.path).session


def rate(session: Session, scores: dict[str, list[int]]) -> None:
    for criterion, given in scores.items():
        for participant, score in enumerate(given, start=1):
            ops.set_rating(session, "benchmark", f"p{participant}", criterion, score)


def report_sessions() -> list[Session]:
    """A team with a workshop and a quarterly review, and a team with one workshop."""
    day = date(2026, 1, 15)
    kick_off = ops.new_session("Kick-off", shipped_agenda("customer-focus"), team=TEAM, on=day)
    for name in ("Ana", "Ben", "Cleo"):
        ops.add_participant(kick_off, name)
    rate(
        kick_off,
        {
            "basic-knowledge": [3, 2, 4],
            "systems-processes": [2, 1, 3],
            "acting-on-feedback": [2, 2, 2],
        },
    )
    ops.add_action(kick_off, "Call back within a day", owner="Ana [b]", at=at(day))
    ops.add_action(kick_off, "Plain invoices", owner="Ben", horizon="6m", at=at(day))
    ops.add_action(kick_off, "Map the journey", horizon="beyond", at=at(day))
    ops.add_review(kick_off, "a1", review(date(2026, 3, 1), 2, "on-track"))
    ops.add_review(kick_off, "a1", review(date(2026, 4, 10), 4, "done"))
    ops.add_review(kick_off, "a3", review(date(2026, 4, 10), 0, "dropped", "No budget"))

    day = date(2026, 4, 10)
    quarterly = ops.new_session(
        "Quarterly review", shipped_agenda("quarterly-review"), team=TEAM, on=day
    )
    for name in ("Ana", "Ben"):
        ops.add_participant(quarterly, name)
    rate(
        quarterly,
        {
            "basic-knowledge": [4, 4],
            "systems-processes": [3, 2],
            "acting-on-feedback": [3, 4],
        },
    )
    carry_actions(kick_off, quarterly, ["a2"])
    ops.add_review(quarterly, "a1", review(date(2026, 6, 30), 3, "on-track"))  # the carried a2
    ops.add_action(quarterly, "Hold times under 5 minutes", owner="Ana [b]", at=at(day))

    day = date(2026, 2, 1)
    billing = ops.new_session(
        "Billing session", shipped_agenda("customer-focus"), team="Billing", on=day
    )
    for name in ("Dee", "Eli"):
        ops.add_participant(billing, name)
    rate(billing, {"basic-knowledge": [5, 4]})
    ops.add_action(billing, "Invoice in plain words", owner="Cleo", horizon="6m", at=at(day))
    ops.add_review(billing, "a1", review(date(2026, 5, 1), 3, "on-track"))
    return [kick_off, quarterly, billing]


def build_report_folder(folder: Path) -> Path:
    """Three sessions of two teams, and a broken file (with markup in its name)."""
    folder.mkdir(parents=True, exist_ok=True)
    for session in report_sessions():
        SessionFile.create(new_session_path(folder, session.title, session.date), session)
    (folder / BROKEN_FILE).write_text("title = [unclosed\n", encoding="utf-8")
    return folder


class ReportApp(App[None]):
    """Pushes the report screen over an empty home, as the shell does."""

    def __init__(self, folder: Path, team: str | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.team = team

    def on_mount(self) -> None:
        self.push_screen(ReportScreen(self.folder, self.team, as_of=REPORT_DAY))


async def report_loaded(pilot: Any) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
