"""Writing an export to a file without ever destroying something that is not an export.

An export may replace only a file that is an earlier export (or nothing). It is recognised by
the mark every format carries near its start:

- markdown: a first line `<!-- workshop-export ... -->` (an HTML comment, invisible when
  rendered);
- HTML: `<meta name="generator" content="workshop-export">` in its head;
- JSON: a first key `"generator": "workshop-export"`;
- CSV (which has no comments): a first line (after an optional byte order mark) that is the
  header row of one of the CSV tables workshop writes.

A session file (or any `.toml` file, which may be one) is never replaced, even with `force`:
it is the one record of the session. Any other file is replaced only with `force`. Every
export is written atomically: to a temporary file, fsynced, then renamed over the target.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from workshop.core.errors import InvalidFileError
from workshop.store.atomic import write_atomically

EXPORT_MARK = "workshop-export"
"""The word every earlier export carries near its start (see the module docstring)."""

_HEAD_BYTES = 4096
"""How much of an existing file is read to recognise it."""

EXPORT_FILE_MODE = 0o600
"""Exports hold the room's words, like the session file: a new one is readable by its owner
only; one that replaces a file keeps that file's mode."""


class ExportRefusedError(InvalidFileError):
    """The export would replace a file that is not an earlier export. Exit code 2."""


def _head(path: Path) -> str:
    with path.open("rb") as file:
        return file.read(_HEAD_BYTES).decode("utf-8", errors="replace").removeprefix("\ufeff")


def _is_session_file(path: Path, head: str) -> bool:
    """A session file, or a TOML file that could be one: never replaced by an export."""
    return path.suffix.lower() == ".toml" or head.startswith("schema_version")


def is_earlier_export(path: Path) -> bool:
    """Whether the file at `path` carries an export's mark (see the module docstring)."""
    from workshop.export.csv_export import csv_header_lines

    head = _head(path)
    first_line = head.split("\n", 1)[0].rstrip("\r")
    if first_line.startswith(f"<!-- {EXPORT_MARK}"):
        return True
    if head.startswith("<!DOCTYPE html>") and f'content="{EXPORT_MARK}"' in head:
        return True
    second_line = (head.split("\n", 2) + ["", ""])[1]
    if head.startswith("{") and f'"generator": "{EXPORT_MARK}"' in second_line:
        return True
    return first_line in csv_header_lines()


def check_export_target(
    target: Path, *, source: Path | None = None, force: bool = False, hint: str = ""
) -> None:
    """Raise ExportRefusedError unless an export may be written to `target`.

    `hint` ends the message when the file is simply not an export (what the caller can do).
    """
    if source is not None and target.exists() and _same_file(target, source):
        raise ExportRefusedError(
            f"{target}: is the session being exported; an export never replaces a session file"
        )
    if not target.exists():
        folder = target.parent
        if not folder.is_dir():  # bad input, as a --dir that is not there (exit 2)
            what = "not a folder" if folder.exists() else "no such folder"
            raise ExportRefusedError(f"{folder}: {what}")
        return
    if not target.is_file():
        raise ExportRefusedError(f"{target}: not a regular file")
    try:
        head = _head(target)
    except OSError as error:
        raise ExportRefusedError(f"{target}: cannot read it: {error.strerror}") from None
    if _is_session_file(target, head):
        raise ExportRefusedError(
            f"{target}: is (or may be) a session file; an export never replaces one"
        )
    if force or is_earlier_export(target):
        return
    raise ExportRefusedError(
        f"{target}: exists and is not an earlier export" + (f"; {hint}" if hint else "")
    )


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def write_export(
    target: Path,
    text: str,
    *,
    source: Path | None = None,
    force: bool = False,
    bom: bool = False,
    hint: str = "",
) -> None:
    """Write `text` (UTF-8, with a byte order mark if `bom`) to `target`, atomically, if allowed."""
    check_export_target(target, source=source, force=force, hint=hint)
    data = text.encode("utf-8-sig" if bom else "utf-8")
    write_atomically(target, data, mode=_mode_to_keep(target))


def _mode_to_keep(target: Path) -> int:
    """The mode of the file being replaced (its owner may have shared it), else private."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return EXPORT_FILE_MODE
