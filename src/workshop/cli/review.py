"""`workshop review SESSION`: walk through a session's open actions and score each one.

Plain input() and print(), so it runs anywhere and tests feed it stdin. Each answer is saved
the moment it is complete, through `SessionFile.change`, so stopping half way (Ctrl-C, Ctrl-D,
`q`) loses nothing already answered. Reviews are added, never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from workshop.core import ops
from workshop.core.agenda import ActionStatus
from workshop.core.errors import RuleError
from workshop.core.models import Action, Review
from workshop.core.review import (
    CLOSED,
    STATUS_CHOICES,
    default_status,
    parse_status,
    progress_prompt,
    status_label,
    status_prompt,
)
from workshop.core.success import PROGRESS_MEANINGS, progress_label
from workshop.core.visible import visible
from workshop.store.session_file import SessionFile

Ask = Callable[[str], str]
Say = Callable[[str], None]

class StopWalk(Exception):
    """The person asked to stop (q, end of input)."""


@dataclass
class WalkResult:
    saved: int = 0
    skipped: int = 0
    stopped: bool = False


def plain(text: str) -> str:
    """User text safe to print on a terminal: one line, control characters as symbols."""
    return visible(" ".join(text.split()))


def describe_action(action: Action, position: int, total: int) -> list[str]:
    lines = [
        f"Action {position} of {total}: {action.id}  {plain(action.title)}",
        f"  Owner: {plain(action.owner) or '(none)'}  Horizon: {action.horizon.label}"
        f"  Status: {status_label(action.status)}",
    ]
    if action.due is not None:
        lines.append(f"  Due: {action.due.isoformat()}")
    if action.measure:
        lines.append(f"  Measure: {plain(action.measure)}")
    if action.reviews:
        last = max(action.reviews, key=lambda review: review.date)  # dates, not list order
        note = f', "{plain(last.note)}"' if last.note else ""
        by = f" by {plain(last.reviewer)}" if last.reviewer else ""
        lines.append(
            f"  Last review: {last.date.isoformat()}{by}: progress "
            f"{progress_label(last.progress)}, {status_label(last.status)}{note}"
        )
    else:
        lines.append("  Last review: none yet")
    return lines


def _ask(ask: Ask, prompt: str) -> str:
    try:
        return ask(prompt)
    except EOFError:
        raise StopWalk from None


def _ask_progress(ask: Ask, say: Say) -> int | None:
    while True:
        answer = _ask(ask, progress_prompt()).strip().lower()
        if answer == "":
            return None
        if answer in ("q", "quit"):
            raise StopWalk
        if answer.isdigit() and int(answer) in PROGRESS_MEANINGS:
            return int(answer)
        say(f"  Please type a number from 0 to {max(PROGRESS_MEANINGS)}, Enter to skip, q to stop.")


def _ask_status(ask: Ask, say: Say, default: ActionStatus) -> ActionStatus:
    while True:
        answer = _ask(ask, status_prompt(default))
        if not answer.strip():
            return default
        status = parse_status(answer)
        if status is not None:
            return status
        say(f"  Please type 1 to {len(STATUS_CHOICES)} or a status name, or Enter.")


def save_review(session_file: SessionFile, action_id: str, review: Review) -> Action:
    """Add one review to the file now (under its lock, on its latest contents)."""
    return session_file.change(lambda draft: ops.add_review(draft, action_id, review))


def walk(
    session_file: SessionFile,
    *,
    on: date,
    reviewer: str = "",
    ask: Ask = input,
    say: Say = print,
) -> WalkResult:
    """Ask about each open action in turn and save each review as soon as it is answered."""
    result = WalkResult()
    session = session_file.session
    open_ids = [a.id for a in session.actions if a.status not in CLOSED]
    say(f"Reviewing {plain(session.title)} ({session.date.isoformat()}) on {on.isoformat()}")
    if not open_ids:
        say("No open actions to review.")
        return result
    reviewer = ops.clean_text(reviewer) if reviewer.strip() else ""
    try:
        for position, action_id in enumerate(open_ids, start=1):
            # Another process (the facilitator's screen) may have changed the plan meanwhile.
            session_file.refresh()
            action = next((a for a in session_file.session.actions if a.id == action_id), None)
            say("")
            if action is None or action.status in CLOSED:
                say(f"Action {position} of {len(open_ids)}: {action_id} was closed or removed.")
                result.skipped += 1
                continue
            for line in describe_action(action, position, len(open_ids)):
                say(line)
            progress = _ask_progress(ask, say)
            if progress is None:
                say("  Skipped.")
                result.skipped += 1
                continue
            status = _ask_status(ask, say, default_status(action, progress))
            typed = ops.clean_text(_ask(ask, "Note (Enter for none): "))
            note = typed if typed.strip() else ""  # stored as typed; blank is none
            review = Review(date=on, progress=progress, status=status, note=note, reviewer=reviewer)
            try:
                save_review(session_file, action_id, review)
            except RuleError as error:  # removed between refresh and save
                say(f"  Not saved: {error}")
                result.skipped += 1
                continue
            result.saved += 1
            say(f"  Saved: progress {progress_label(progress)}, {status_label(status)}.")
    except StopWalk:
        result.stopped = True
    say("")
    stopped = "Stopped. " if result.stopped else ""
    say(f"{stopped}{result.saved} review{'s' if result.saved != 1 else ''} saved.")
    return result


def run_review(
    path: str,
    *,
    on: date,
    reviewer: str = "",
    ask: Ask = input,
    say: Say = print,
) -> int:
    """Open the session at `path` and walk it; raises WorkshopError for a file it cannot use."""
    session_file = SessionFile.open(path)
    try:
        walk(session_file, on=on, reviewer=reviewer, ask=ask, say=say)
    except KeyboardInterrupt:
        say("")
        say("Interrupted; every review answered so far is saved.")
        raise
    return 0
