"""The one place that knows where workshop keeps its files."""

from __future__ import annotations

import os
from pathlib import Path

HOME_VARIABLE = "WORKSHOP_HOME"


def workshop_home() -> Path:
    """`$WORKSHOP_HOME`, else the per-user data folder."""
    configured = os.environ.get(HOME_VARIABLE)
    if configured:
        return Path(configured).expanduser()
    import platformdirs  # imported here: most commands never need it

    return Path(platformdirs.user_data_dir("workshop", appauthor=False))


def sessions_dir(override: Path | str | None = None) -> Path:
    """Where session files live: `--dir` if given, else `<home>/sessions`."""
    if override is not None:
        return Path(override).expanduser()
    return workshop_home() / "sessions"


def user_agendas_dir() -> Path:
    """Agendas the user wrote: `<home>/agendas`."""
    return workshop_home() / "agendas"


def shipped_agendas_dir() -> Path:
    """The agendas that come with workshop (package data)."""
    return Path(__file__).parent.parent / "agendas"


def settings_file() -> Path:
    return workshop_home() / "settings.toml"


def find_session(text: str, folder: Path | str | None = None) -> Path:
    """A session file by path, or by name in the sessions folder (with or without .toml).

    A path that exists is taken as it is; a bare name that does not (as `workshop sessions`
    prints it) is looked for in the sessions folder. Otherwise the path as given, so the error
    names what was typed.
    """
    path = Path(text).expanduser()
    separators = [separator for separator in (os.sep, os.altsep) if separator]
    if path.exists() or any(separator in text for separator in separators) or not text:
        return path
    sessions = sessions_dir(folder)
    for candidate in (sessions / text, sessions / f"{text}.toml"):
        if candidate.exists():
            return candidate
    return path
