"""Writing a file so that a crash leaves the old file or the new one, never half of one."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from workshop.core.errors import WorkshopError

NEW_FILE_MODE = 0o600
"""Session files hold employees' words: readable by their owner only."""


class SaveError(WorkshopError):
    """A change could not be made durable. Nothing already saved was harmed."""


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
