"""Session files on disk: one TOML file per session, changed atomically under a lock.

The promise: a change is written, flushed, fsynced and atomically renamed into place before
`SessionFile.change` returns, and it is made under an exclusive lock on the latest contents of
the file, so several processes can change one session without losing each other's work. A
process killed at any moment leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from workshop.core.errors import InvalidFileError, WorkshopError
from workshop.core.models import Session
from workshop.store.atomic import (
    NEW_FILE_MODE,
    SaveError,
    make_private_folder,
    remove_stale_temp_files,
    write_atomically,
)
from workshop.store.session_text import RecordTextCache, parse_session_reusing, session_from_toml
from workshop.store.toml_read import (
    FileSignature,
    TomlFile,
    file_signature,
    read_text,
    read_toml_file,
)

if TYPE_CHECKING:
    from filelock import BaseFileLock

ResultT = TypeVar("ResultT")

LOCK_TIMEOUT_SECONDS = 10.0


class LockTimeoutError(SaveError):
    pass


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


def _remove_lock_file(lock_path: Path) -> None:
    try:
        os.unlink(lock_path)
    except OSError:
        pass  # already gone, or a system that cannot remove an open file (the lock stays)
