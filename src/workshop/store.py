"""Session files on disk: one TOML file per session, changed atomically under a lock.

The promise: a change is written, flushed, fsynced and atomically renamed into place before
`SessionFile.change` returns, and it is made under an exclusive lock on the latest contents of
the file, so several processes can change one session without losing each other's work. A
process killed at any moment leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import operator
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from itertools import compress, count
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from workshop import tomlfmt
from workshop.core.errors import InvalidFileError, WorkshopError
from workshop.core.models import SCHEMA_VERSION, Agenda, Session
from workshop.files import (
    FileSignature,
    TomlFile,
    file_signature,
    not_regular_reason,
    read_text,
    read_toml_file,
    read_toml_text,
    validate,
)

if TYPE_CHECKING:
    from filelock import BaseFileLock

ResultT = TypeVar("ResultT")

NEW_FILE_MODE = 0o600
"""Session files hold employees' words: readable by their owner only."""

LOCK_TIMEOUT_SECONDS = 10.0

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


class SaveError(WorkshopError):
    """A change could not be made durable. Nothing already saved was harmed."""


class LockTimeoutError(SaveError):
    pass


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
                    text = tomlfmt.table(name, dumped, array=array)
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
        parts = [tomlfmt.document(_header(session))]
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


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def remove_stale_temp_files(path: Path) -> None:
    """Remove temporary files a killed writer left beside `path` (call under the lock)."""
    prefix = _temp_prefix(path)
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
            try:
                os.unlink(entry.path)
            except OSError:
                pass


def write_atomically(path: Path, data: bytes, mode: int = NEW_FILE_MODE) -> os.stat_result:
    """Write `data` to a temporary file, fsync it, and rename it over `path`."""
    temp = path.with_name(f"{_temp_prefix(path)}{secrets.token_hex(4)}.tmp")
    try:
        descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except OSError as error:
        raise SaveError(f"{path}: cannot save: {error.strerror}") from None
    try:
        try:
            if hasattr(os, "fchmod"):  # not on Windows, where modes mean little
                os.fchmod(descriptor, mode)
            view = memoryview(data)
            while view:
                written = os.write(descriptor, view)
                view = view[written:]
            os.fsync(descriptor)
            written_stat = os.fstat(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temp, path)
    except OSError as error:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise SaveError(f"{path}: cannot save: {error.strerror}") from None
    try:
        _fsync_folder(path.parent)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename itself is done
    return written_stat


def _keep_unchanged_records(old: Session, new: Session) -> None:
    """Reuse old record objects equal to the reloaded ones, so their cached text stays valid."""
    if new.agenda == old.agenda:
        new.agenda = old.agenda
    for name in Session.RECORD_LISTS:
        old_records, new_records = getattr(old, name), getattr(new, name)
        for index in range(min(len(old_records), len(new_records))):
            old_record, new_record = old_records[index], new_records[index]
            if old_record is not new_record and old_record == new_record:
                new_records[index] = old_record


@dataclass(frozen=True)
class ReadSession:
    """A session as read from its file, and the file's identity at that moment."""

    signature: FileSignature
    text: str
    session: Session
    idea_texts: list[str] | None = None
    """Each idea's text in the file (see `split_ideas`), for the record cache."""


@dataclass
class SessionSummary:
    path: Path
    title: str
    team: str
    date: date
    ideas: int
    actions: int
    agenda: str


class SessionFile:
    """A session and the file that holds it; every change goes through `change`."""

    def __init__(self, path: Path, session: Session, signature: FileSignature) -> None:
        self.path = path
        self.session = session
        self._signature = signature
        self._mode = NEW_FILE_MODE
        self._texts = RecordTextCache()
        self._lock: BaseFileLock | None = None
        """Made at the first change: opening a session needs no lock (nor filelock's import)."""

    @classmethod
    def open(cls, path: Path | str) -> SessionFile:
        """Open an existing session file. Raises InvalidFileError if it is not valid."""
        return cls.from_toml_file(read_toml_file(Path(path)))

    @classmethod
    def from_toml_file(cls, read: TomlFile) -> SessionFile:
        """The session in a file already read (the screen paints before it checks it)."""
        opened = cls(read.path, session_from_toml(read.path, read.data), read.signature)
        opened._mode = read.mode
        opened._texts.prime_ideas(opened.session.ideas, read.text)
        return opened

    @classmethod
    def create(cls, path: Path | str, session: Session) -> SessionFile:
        """Write a new session file; refuses to overwrite an existing one."""
        path = Path(path)
        make_private_folder(path.parent)
        created = cls(path, session, (0, 0, 0))
        with created._locked():
            if path.exists():
                raise SaveError(f"{path}: a session file already exists there")
            created._write(session)
        return created

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the session's lock (`.NAME.lock` beside it, owner-only) while the body runs.

        The lock file is removed before the lock is let go, so none is left behind. That is
        safe because every locker (filelock 4.3 and later) opens the lock file by its name at
        each try and, once it holds the lock, checks the file it locked still has that name
        (`st_nlink` is not 0); one waiting on a file removed meanwhile tries again on the new
        one, so two processes never both hold the lock. Soft locks (where the file system has
        no flock) are refused for the same reason: their marker file is the lock itself.
        """
        from filelock import FileLock, Timeout

        lock_path = self.path.with_name(f".{self.path.name}.lock")
        if self._lock is None:
            self._lock = FileLock(
                str(lock_path),
                timeout=LOCK_TIMEOUT_SECONDS,
                mode=NEW_FILE_MODE,
                fallback_to_soft=False,
            )
        try:
            self._lock.acquire()
        except Timeout:
            raise LockTimeoutError(
                f"{self.path}: another process has held the session's lock for "
                f"{LOCK_TIMEOUT_SECONDS:.0f} s"
            ) from None
        except OSError as error:  # no permission, or a file system without flock
            raise SaveError(f"{self.path}: cannot lock: {error.strerror or error}") from None
        try:
            yield
        finally:
            try:
                if self._lock.lock_counter == 1:  # the outermost hold, about to let go
                    _remove_lock_file(lock_path)
            finally:
                self._lock.release()

    def _write(self, session: Session) -> None:
        remove_stale_temp_files(self.path)
        text = self._texts.render(session)
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as error:
            raise SaveError(f"{self.path}: cannot save text that is not valid Unicode") from error
        self._signature = file_signature(write_atomically(self.path, data, self._mode))

    def _reload_under_lock(self) -> bool:
        try:
            status = os.stat(self.path)
        except FileNotFoundError:
            raise SaveError(f"{self.path}: the session file was removed") from None
        except OSError as error:
            raise SaveError(f"{self.path}: cannot read: {error.strerror or error}") from None
        current = file_signature(status)
        if current == self._signature:
            return False
        text = read_text(self.path)
        parsed = parse_session_reusing(self.path, text, self._texts.known_ideas())
        reloaded = parsed.session
        _keep_unchanged_records(self.session, reloaded)
        self._texts.prime_ideas(reloaded.ideas, text, parsed.idea_texts)
        self.session = reloaded
        self._signature = current
        return True

    def _refuse_read_only(self) -> None:
        """A session file made read-only (chmod 0400) while open is not saved over.

        The rename would replace it all the same (it needs only the folder's permission), and
        root may write anything, so the file's own mode bits are the rule.
        """
        try:
            mode = os.stat(self.path).st_mode
        except OSError as error:
            raise SaveError(f"{self.path}: cannot save: {error.strerror or error}") from None
        if not mode & stat.S_IWUSR:
            raise SaveError(f"{self.path}: cannot save: the file is read-only")

    def change(self, edit: Callable[[Session], ResultT]) -> ResultT:
        """Apply `edit` to the latest session on disk and make it durable, under the lock.

        `edit` receives a draft; if it raises, or the save fails, `self.session` is left as it
        was and the error propagates. When this returns, the change is on disk.
        """
        with self._locked():
            self._reload_under_lock()
            self._refuse_read_only()
            draft = self.session.draft()
            result = edit(draft)
            self._write(draft)
            self.session = draft
        return result

    def changed_on_disk(self) -> bool:
        """Whether the file is not the one this session was read from or last written as.

        True also when the file cannot be looked at (its folder lost its permissions):
        `read_if_changed` then says why, in one line.
        """
        try:
            return file_signature(os.stat(self.path)) != self._signature
        except FileNotFoundError:
            return False
        except OSError:
            return True  # cannot tell (no search permission on the folder): read says why

    def read_if_changed(self) -> ReadSession | None:
        """Read and parse the file if another process changed it; touches nothing of `self`.

        Safe to call from a worker thread: parsing a large session takes a while, and the
        screen must not freeze meanwhile. Hand the result to `adopt` on the owning thread.
        """
        try:
            before = file_signature(os.stat(self.path))
            if before == self._signature:
                return None
            text = read_text(self.path)
            after = file_signature(os.stat(self.path))
        except (FileNotFoundError, InvalidFileError):
            return None
        except OSError as error:
            raise WorkshopError(f"{self.path}: cannot read: {error.strerror or error}") from None
        if after != before:
            return None  # replaced while we read it: the next look will see the newer file
        # Only what changed is parsed (the ideas already known are taken as they are), so
        # the read is short and holds the interpreter only briefly while the room types.
        parsed = parse_session_reusing(self.path, text, self._texts.known_ideas())
        return ReadSession(
            signature=after, text=text, session=parsed.session, idea_texts=parsed.idea_texts
        )

    def adopt(self, read: ReadSession) -> bool:
        """Take on a session read by `read_if_changed`, unless the file has moved on since."""
        try:
            current = file_signature(os.stat(self.path))
        except OSError:
            return False
        if read.signature == self._signature or current != read.signature:
            return False
        _keep_unchanged_records(self.session, read.session)
        self._texts.prime_ideas(read.session.ideas, read.text, read.idea_texts)
        self.session = read.session
        self._signature = read.signature
        return True

    def refresh(self) -> bool:
        """Pick up changes another process saved. True if the session changed."""
        try:
            current = file_signature(os.stat(self.path))
        except FileNotFoundError:
            return False
        if current == self._signature:
            return False
        with self._locked():
            return self._reload_under_lock()


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


# --- the sessions folder --------------------------------------------------------------------

PRIVATE_FOLDER_MODE = 0o700
"""Session file names carry titles: a folder workshop creates is its owner's only."""


def make_private_folder(folder: Path) -> None:
    """Create `folder` and any missing parents owner-only (an existing folder is left as is)."""
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            break
        missing.append(candidate)
    for part in reversed(missing):
        try:
            part.mkdir(mode=PRIVATE_FOLDER_MODE)
        except FileExistsError:
            if not part.is_dir():
                raise


def _remove_lock_file(lock_path: Path) -> None:
    try:
        os.unlink(lock_path)
    except OSError:
        pass  # already gone, or a system that cannot remove an open file (the lock stays)


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
