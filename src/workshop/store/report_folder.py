"""Reading a sessions folder for the report: forgiving, every unreadable file named with why."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from workshop.core.errors import InvalidFileError, WorkshopError
from workshop.core.models import Session
from workshop.core.report import ProgressCallback, Report, SkippedFile, build_report
from workshop.store.folder import SessionReader, scan_session_files


def _skip_reason(path: Path, error: WorkshopError) -> SkippedFile:
    # Errors name the full path; the folder is said once, so the name is enough.
    return SkippedFile(path.name, str(error).replace(str(path), path.name, 1))


def read_folder(
    folder: Path, on_progress: ProgressCallback | None = None
) -> tuple[list[tuple[Path, Session]], list[SkippedFile]]:
    """Every readable session in `folder` (file name order), and the files skipped, with why."""
    if not folder.is_dir():
        what = "not a folder" if folder.exists() else "no such folder"
        raise InvalidFileError(f"{folder}: {what}")
    paths, not_regular = scan_session_files(folder)
    reader = SessionReader()
    sessions: list[tuple[Path, Session]] = []
    skipped = [SkippedFile(path.name, f"{path.name}: {reason}") for path, reason in not_regular]
    for done, path in enumerate(paths, start=1):
        try:
            sessions.append((path, reader.read(path).session))
        except WorkshopError as error:
            skipped.append(_skip_reason(path, error))
        if on_progress is not None:
            on_progress(done, len(paths))
    return sessions, skipped


def report_folder(
    folder: Path,
    as_of: date,
    *,
    team: str | None = None,
    on_progress: ProgressCallback | None = None,
) -> Report:
    """Read `folder` and build its report. Raises InvalidFileError for a missing folder."""
    read, skipped = read_folder(folder, on_progress)
    files = {id(session): path.name for path, session in read}
    return build_report(
        [session for _, session in read], as_of, skipped=skipped, team=team, files=files
    )
