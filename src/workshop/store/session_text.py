"""A session's file text: parsing it (with upgrades from older versions) and rendering it.

The same session always gives the same bytes; each record's text is cached until it changes.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress, count
from pathlib import Path
from typing import Any

from workshop.core.errors import InvalidFileError, WorkshopError
from workshop.core.models import SCHEMA_VERSION, Session
from workshop.store import toml_write
from workshop.store.toml_read import (
    read_text,
    read_toml_text,
    validate,
)


def _add_timers(data: dict[str, Any]) -> dict[str, Any]:
    """1 -> 2: timers are kept in the file (`[[timers]]`); a version 1 file had none."""
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _add_timers}
"""Upgrades of the raw file contents, keyed by the version they upgrade from (to version + 1)."""

_HEADER_KEYS = (
    "schema_version",
    "title",
    "team",
    "facilitator",
    "date",
    "current_activity",
    "id_counters",
    "revealed",
)


# --- reading --------------------------------------------------------------------------------


def migrate(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """Bring raw file contents written by an older version up to SCHEMA_VERSION."""
    version = data.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidFileError(f"{path}: schema_version: must be a whole number from 1")
    if version > SCHEMA_VERSION:
        raise InvalidFileError(
            f"{path}: schema_version: written by a newer workshop (schema {version}; "
            f"this version reads up to {SCHEMA_VERSION}); upgrade workshop to open it"
        )
    while version < SCHEMA_VERSION:
        upgrade = MIGRATIONS.get(version)
        if upgrade is None:
            raise InvalidFileError(f"{path}: schema_version: no upgrade from schema {version}")
        data = upgrade(data)
        version += 1
        data["schema_version"] = version
    return data


def session_from_toml(path: Path, data: dict[str, Any]) -> Session:
    """The session in a file's parsed TOML: upgraded if older, and checked."""
    return validate(Session, migrate(data, path), path)


def parse_session(path: Path, text: str) -> Session:
    return session_from_toml(path, read_toml_text(path, text))


def load_session(path: Path | str) -> Session:
    """Read and check a session file. Raises InvalidFileError with a one-line message."""
    path = Path(path)
    return parse_session(path, read_text(path))


def split_ideas(text: str) -> tuple[str, list[str]] | None:
    """A file's text before its ideas, and each idea's own text (`[[ideas]]` and its keys).

    None when the file does not split cleanly: ideas are not the last tables, or the text of
    one holds another table header. The store writes ideas last, one table each.
    """
    parts = text.split(_IDEA_HEADER)
    head, chunks = parts[0], parts[1:]
    if not chunks:
        return text, []
    if not chunks[-1].endswith("\n") or any("\n[" in chunk for chunk in chunks):
        return None
    return head + "\n", [_IDEA_HEADER[1:] + chunk for chunk in chunks]


@dataclass(frozen=True)
class ParsedSession:
    session: Session
    idea_texts: list[str] | None
    """Each idea's text in the file, in order (None if the file does not split cleanly)."""
    ideas_reused: int = 0
    """How many ideas were taken from the ones already known instead of parsed again."""


def parse_session_reusing(path: Path, text: str, known_ideas: dict[str, Any]) -> ParsedSession:
    """Parse a session's file text, taking each idea whose text is unchanged from `known_ideas`.

    Another process's change (`workshop idea add`, a vote, an action) leaves most ideas'
    text as it was: only the part before the ideas and the new or changed ideas are parsed,
    so re-reading a 50,000-idea session after an outside idea takes milliseconds, not a
    second. Gives the same session as `parse_session`, which is used for any file that does
    not split cleanly, and to report what is wrong with one that does not load.
    """
    split = split_ideas(text)
    if split is not None and known_ideas:
        head, idea_texts = split
        try:
            session = _session_from_parts(path, head, idea_texts, known_ideas)
        except (WorkshopError, ValueError, TypeError, KeyError, StopIteration):
            session = None  # parsed again whole below, for the file's own error message
        if session is not None:
            reused = sum(1 for idea_text in idea_texts if idea_text in known_ideas)
            return ParsedSession(session, idea_texts, reused)
    return ParsedSession(parse_session(path, text), split[1] if split else None)


def _session_from_parts(
    path: Path, head: str, idea_texts: list[str], known_ideas: dict[str, Any]
) -> Session | None:
    data = read_toml_text(path, head)
    if data.get("schema_version", SCHEMA_VERSION) != SCHEMA_VERSION or "ideas" in data:
        return None  # an older file (to migrate) or ideas elsewhere: the ordinary way
    new_texts = [idea_text for idea_text in idea_texts if idea_text not in known_ideas]
    parsed_ideas = read_toml_text(path, "".join(new_texts)).get("ideas", [])
    if len(parsed_ideas) != len(new_texts):
        return None
    new_ideas = iter(parsed_ideas)
    # Known ideas are frozen records: pydantic takes the instances as they are.
    data["ideas"] = [
        known if (known := known_ideas.get(idea_text)) is not None else next(new_ideas)
        for idea_text in idea_texts
    ]
    return validate(Session, data, path)


# --- writing --------------------------------------------------------------------------------


_IDEA_HEADER = "\n[[ideas]]\n"


class RecordTextCache:
    """The serialised text of each record, kept until that record object is replaced.

    Most changes append or replace one record, so for each list the records up to the first
    one that is not the same object as last time reuse their text in one C-level pass; the
    rest are looked up by identity and only new records are serialised.
    """

    def __init__(self) -> None:
        self._lists: dict[str, tuple[list[Any], list[str]]] = {}

    def _texts(self, name: str, records: list[Any]) -> list[str]:
        previous_records, previous_texts = self._lists.get(name, ([], []))
        unchanged = next(
            compress(count(), map(operator.is_not, records, previous_records)),
            min(len(records), len(previous_records)),
        )
        texts = previous_texts[:unchanged]
        if unchanged < len(records):
            by_identity = dict(
                zip(map(id, previous_records[unchanged:]), previous_texts[unchanged:], strict=True)
            )
            array = name != "agenda"
            for record in records[unchanged:]:
                text = by_identity.get(id(record))
                if text is None:
                    dumped = record.model_dump(exclude_defaults=True)
                    text = toml_write.table(name, dumped, array=array)
                texts.append(text)
        # Keeping the records alive keeps their ids from being reused by new objects.
        self._lists[name] = (list(records), texts)
        return texts

    def prime_ideas(
        self, ideas: list[Any], file_text: str, idea_texts: list[str] | None = None
    ) -> None:
        """Take each idea's text from the file it was just read from, when that is safe.

        Ideas are the last, and by far the largest, list in a file this module wrote; reusing
        their text spares the first save after opening a large session from re-serialising
        every idea. Only used when the file splits cleanly into one chunk per idea with no other
        table header among them (a hand-edited file that does not is simply re-serialised).
        `idea_texts`: the file's idea chunks, already split (`split_ideas`).
        """
        if idea_texts is None:
            split = split_ideas(file_text)
            idea_texts = split[1] if split is not None else None
        if not idea_texts or len(idea_texts) != len(ideas):
            return
        self._lists["ideas"] = (list(ideas), idea_texts)

    def known_ideas(self) -> dict[str, Any]:
        """Each idea's text as last written or read, mapped to that idea (a snapshot, safe to
        use from another thread: the lists are replaced, never changed in place)."""
        records, texts = self._lists.get("ideas", ([], []))
        return dict(zip(texts, records, strict=True))

    def render(self, session: Session) -> str:
        parts = [toml_write.document(_header(session))]
        parts.extend(self._texts("agenda", [session.agenda]))
        for name in Session.RECORD_LISTS:
            parts.extend(self._texts(name, getattr(session, name)))
        return "\n".join(parts)


def _header(session: Session) -> dict[str, Any]:
    header = {name: getattr(session, name) for name in _HEADER_KEYS}
    return {name: value for name, value in header.items() if value not in ("", {}, [])}


def render_session(session: Session) -> str:
    """The session's file text (the same session always gives the same bytes)."""
    return RecordTextCache().render(session)
