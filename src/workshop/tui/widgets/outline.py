"""The agenda outline: steps and their activities, the current one marked, done ones ticked."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from workshop.core.models import Session
from workshop.tui.safe_text import plain
from workshop.tui.widgets.static_update import update_if_changed


def actual_seconds(session: Session, activity_id: str, now: datetime) -> float:
    """How long an activity has run, over every visit in the log (an open visit runs to now)."""
    total = 0.0
    for entry in session.log:
        if entry.activity == activity_id:
            ended = entry.ended or now
            total += max(0.0, (ended - entry.started).total_seconds())
    return total


def done_activities(session: Session) -> set[str]:
    """Activities with a closed log entry: they ran and were left."""
    return {entry.activity for entry in session.log if entry.ended is not None}


def minutes_left(session: Session, now: datetime) -> int:
    """Planned minutes not yet used by activities still to run (the current one included)."""
    done = done_activities(session) - {session.current_activity}
    seconds = 0.0
    for activity in session.agenda.activities():
        if activity.id not in done:
            used = actual_seconds(session, activity.id, now)
            seconds += max(0.0, activity.minutes * 60 - used)
    return round(seconds / 60)


def duration_text(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    return f"{hours}h {mins:02d}m" if hours else f"{mins} min"


class AgendaOutline(Vertical):
    """The agenda as a list to move around in; Enter on an activity makes it current."""

    HELP = """\
## Agenda outline

Every step of the agenda and its activities. **▶** marks the current activity, **✓** the ones
that have run. The minutes are *actual / planned*.

- **↑ ↓** move, **Enter** go to that activity
- **ctrl+b** hide or show the outline
- **F7 / F8** previous / next activity from anywhere, **ctrl+g** jump by name
"""

    class ActivityChosen(Message):
        """The person chose an activity in the outline."""

        def __init__(self, activity_id: str) -> None:
            super().__init__()
            self.activity_id = activity_id

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._shown: list[Content] = []

    def compose(self) -> ComposeResult:
        yield Static(Content("Agenda"), classes="outline-title")
        yield OptionList(id="outline-list")
        yield Static(id="outline-left")

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#outline-list", OptionList)

    def show_session(self, session: Session, now: datetime) -> None:
        """Redraw from the session; cheap when nothing visible changed."""
        done = done_activities(session)
        prompts: list[Content] = []
        options: list[Option] = []
        current_index = 0
        for step in session.agenda.steps:
            header = plain(step.title, "bold", one_line=True)
            prompts.append(header)
            options.append(Option(header, disabled=True))
            for activity in step.activities:
                if activity.id == session.current_activity:
                    marker, style = "▶ ", "bold $text-accent"
                    current_index = len(options)
                elif activity.id in done:
                    marker, style = "✓ ", "$text-success"
                else:
                    marker, style = "  ", ""
                actual = round(actual_seconds(session, activity.id, now) / 60)
                used = f"{actual}/" if actual or activity.id in done else ""
                prompt = Content.assemble(
                    (marker, style),
                    (f"{used}{activity.minutes}m".rjust(6) + " ", "$text-muted"),
                    plain(activity.title, style, one_line=True),
                )
                prompts.append(prompt)
                options.append(Option(prompt, id=activity.id))
        option_list = self.option_list
        if prompts != self._shown:
            highlighted = option_list.highlighted
            self._shown = prompts
            option_list.set_options(options)
            option_list.highlighted = highlighted if highlighted is not None else current_index
        left = minutes_left(session, now)
        planned = session.agenda.planned_minutes
        # Only when it changed: an update lays the whole screen out (every save, every tick).
        update_if_changed(
            self.query_one("#outline-left", Static),
            Content.assemble(
                ("Left ", "$text-muted"),
                (duration_text(left), "bold"),
                (f" of {duration_text(planned)}", "$text-muted"),
            ),
        )

    def highlight_activity(self, activity_id: str) -> None:
        option_list = self.option_list
        try:
            option_list.highlighted = option_list.get_option_index(activity_id)
        except OptionDoesNotExist:
            pass

    @on(OptionList.OptionSelected, "#outline-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id:
            self.post_message(self.ActivityChosen(event.option_id))
