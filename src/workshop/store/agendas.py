"""Agenda files: the shipped ones, the user's own, and loading and checking any of them."""

from __future__ import annotations

from pathlib import Path

from workshop.core.agenda import Agenda
from workshop.core.errors import InvalidFileError
from workshop.store import locations
from workshop.store.toml_read import read_toml, validate

DEFAULT_AGENDA = "customer-focus"
"""The agenda a new session runs when none is named."""


def load_agenda(path: Path | str) -> Agenda:
    """Read and check an agenda file. Raises InvalidFileError with a one-line message."""
    path = Path(path)
    return validate(Agenda, read_toml(path), path)


def _toml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    # Not only regular files: one that is not (a named pipe) is listed, so that reading it
    # names it and says why it is skipped (reading never opens it; see toml_read.read_text).
    return sorted(
        path
        for path in folder.glob("*.toml")
        if not path.is_dir() and not path.name.startswith(".")
    )


def shipped_agendas() -> list[Path]:
    """The agenda files that come with workshop, sorted by name."""
    return _toml_files(locations.shipped_agendas_dir())


def user_agendas() -> list[Path]:
    """The agenda files the user keeps in `<home>/agendas`, sorted by name."""
    return _toml_files(locations.user_agendas_dir())


def known_agendas() -> dict[str, Path]:
    """Agenda name (file stem) -> file; a user agenda replaces a shipped one of the same name."""
    by_name = {path.stem: path for path in shipped_agendas()}
    by_name.update({path.stem: path for path in user_agendas()})
    return dict(sorted(by_name.items()))


def find_agenda(name_or_path: str) -> Path:
    """The agenda file for an existing path, else for a shipped or user agenda's name."""
    as_path = Path(name_or_path).expanduser()
    if as_path.exists() and not as_path.is_dir():  # reading it says if it is not a file
        return as_path
    known = known_agendas()
    found = known.get(name_or_path)
    if found is not None:
        return found
    names = ", ".join(known) or "none"
    raise InvalidFileError(
        f"{name_or_path}: no such agenda file or agenda name (known agendas: {names})"
    )
