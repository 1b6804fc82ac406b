"""The sessions folder: listing and summarising its files, reading many of them quickly."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from workshop.core.agenda import Agenda
from workshop.core.errors import WorkshopError
from workshop.core.models import SCHEMA_VERSION, Session
from workshop.store.session_text import parse_session
from workshop.store.toml_read import (
    not_regular_reason,
    read_text,
    read_toml_text,
)


@dataclass
class SessionSummary:
    path: Path
    title: str
    team: str
    date: date
    ideas: int
    actions: int
    agenda: str


# --- reading many sessions -----------------------------------------------------------------

_MULTI_LINE_STRING = re.compile(r"[=,\[]\s*(?:\"\"\"|''')")
"""Where a multi-line string can open (the store never writes one)."""
_AFTER_AGENDA = re.compile(r"\n\[\[?(?!\[|agenda[.\]])")
"""The first table header after the agenda's own tables."""


@dataclass(frozen=True)
class SessionWithoutIdeas:
    session: Session
    """Everything but the ideas (its `ideas` list is empty)."""
    idea_count: int


class SessionReader:
    """Reads many session files quickly when their ideas are not needed (the list, the report).

    Every file is checked whole, ideas included, so what it returns is what `load_session`
    would load (a file it refuses is refused here, with the same error). Most files of a folder
    hold the same agenda: each distinct agenda text is parsed once. The ideas are counted and
    then dropped. A file in any other layout is read by `parse_session`.
    """

    def __init__(self) -> None:
        self._agendas: dict[str, Agenda] = {}

    def read(self, path: Path) -> SessionWithoutIdeas:
        text = read_text(path)
        try:
            return self._quick(text)
        except Exception:  # noqa: BLE001 - any surprise: read it the ordinary way
            session = parse_session(path, text)
            ideas = len(session.ideas)
            session.ideas = []
            return SessionWithoutIdeas(session, ideas)

    def _quick(self, text: str) -> SessionWithoutIdeas:
        """The whole file checked as `parse_session` would, but its agenda parsed once a folder.

        Anything unusual raises, and `read` reads the file the ordinary way, with its errors.
        """
        if _MULTI_LINE_STRING.search(text):
            raise ValueError("a multi-line string: a table header could hide in one")
        agenda_at = text.index("\n[agenda]\n")
        after = _AFTER_AGENDA.search(text, agenda_at + 1)
        agenda_end = after.start() if after else len(text)
        data = read_toml_text(Path("-"), text[:agenda_at] + text[agenda_end:])
        if data.get("schema_version", SCHEMA_VERSION) != SCHEMA_VERSION:
            raise ValueError("another schema version: read (and migrate) it the ordinary way")
        if "agenda" in data:
            raise ValueError("agenda tables outside their place")
        data["agenda"] = self._agenda(text[agenda_at:agenda_end])
        # Every idea is checked too: a file is listed or reported only if it loads.
        session = Session.model_validate(data)
        idea_count = len(session.ideas)
        session.ideas = []
        return SessionWithoutIdeas(session, idea_count)

    def _agenda(self, text: str) -> Agenda:
        agenda = self._agendas.get(text)
        if agenda is None:
            agenda = Agenda.model_validate(read_toml_text(Path("-"), text)["agenda"])
            self._agendas[text] = agenda
        return agenda


def earlier_sessions(session_path: Path, session: Session) -> list[Session]:
    """Sessions of the same team in the same folder, dated before `session`, without ideas.

    For comparing benchmarks over time; unreadable files are left out. Reads every file of
    the folder: call it from a worker thread on screen.
    """
    team = session.team.strip().casefold()
    if not team:
        return []
    reader = SessionReader()
    found: list[Session] = []
    for path in session_files(session_path.parent):
        if path.resolve() == session_path.resolve():
            continue
        try:
            other = reader.read(path).session
        except (WorkshopError, OSError):
            continue
        if other.team.strip().casefold() == team and other.date < session.date:
            found.append(other)
    return found


_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def slug(title: str) -> str:
    """A file-name-safe form of a title: ASCII letters and digits, with letters from other
    scripts transliterated (`Équipe` -> `equipe`, `顧客` -> `guke`) rather than dropped."""
    if not title.isascii():
        from anyascii import anyascii  # only for titles that need it

        title = anyascii(title)
    return _SLUG_JUNK.sub("-", title.lower()).strip("-")[:60] or "session"


def new_session_path(folder: Path, title: str, on: date) -> Path:
    """A free file name in `folder` for a session called `title`."""
    stem = f"{on.isoformat()}-{slug(title)}"
    candidate = folder / f"{stem}.toml"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{counter}.toml"
        counter += 1
    return candidate


def scan_session_files(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The session files in a folder, oldest name first (names begin with the date), and each
    `*.toml` that is not a regular file, with why (a named pipe would block its reader).

    Nothing is opened here: each entry is only looked at (`stat`, following symbolic links).
    """
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return [], []
    except OSError as error:
        raise WorkshopError(f"{folder}: cannot read the folder: {error.strerror}") from None
    found: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for entry in entries:
        if not entry.name.endswith(".toml") or entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            reason = not_regular_reason(entry.stat().st_mode)
        except OSError as error:
            reason = f"cannot read: {error.strerror}"
        if reason:
            skipped.append((path, reason))
        else:
            found.append(path)
    return sorted(found), sorted(skipped)


def session_files(folder: Path) -> list[Path]:
    """The session files in a folder, oldest name first; anything but regular files left out."""
    return scan_session_files(folder)[0]


def summarise(path: Path, reader: SessionReader | None = None) -> SessionSummary:
    """What a list of sessions shows of one file (its ideas are counted, not read)."""
    read = (reader or SessionReader()).read(path)
    session = read.session
    return SessionSummary(
        path=path,
        title=session.title,
        team=session.team,
        date=session.date,
        ideas=read.idea_count,
        actions=len(session.actions),
        agenda=session.agenda.title,
    )


def summarise_folder(folder: Path) -> tuple[list[SessionSummary], list[str]]:
    """Summaries of every readable session in `folder`, and one line per file skipped."""
    summaries: list[SessionSummary] = []
    paths, not_regular = scan_session_files(folder)
    skipped = [f"{path}: {reason}" for path, reason in not_regular]
    reader = SessionReader()
    for path in paths:
        try:
            summaries.append(summarise(path, reader))
        except WorkshopError as error:
            skipped.append(str(error))
    summaries.sort(key=lambda s: (s.date, s.title), reverse=True)
    return summaries, skipped
