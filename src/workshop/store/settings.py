"""The person's settings: a small TOML file in the workshop folder.

A plain dataclass rather than a pydantic model: the app reads it before its first frame (the
theme must be right from the start on a projector), and importing pydantic would add about a
quarter to the time that frame takes. Two strings need no more checking than this.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path

from workshop.core.errors import WorkshopError
from workshop.store.locations import settings_file
from workshop.store.toml_read import read_toml


@dataclass(frozen=True)
class Settings:
    """What workshop remembers between runs (nothing about any session)."""

    theme: str = "textual-dark"
    """The theme the app opens with; F4 switches to `light_theme` for a projector and back."""
    light_theme: str = "textual-light"


_SETTING_NAMES = frozenset(field.name for field in fields(Settings))


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults when there are none or the file cannot be read.

    A broken file, an unknown key or a value that is not text gives the defaults: a settings
    file must never keep the app from opening.
    """
    path = path or settings_file()
    if not path.is_file():
        return Settings()
    try:
        data = read_toml(path)
    except WorkshopError:
        return Settings()
    if set(data) - _SETTING_NAMES or not all(isinstance(value, str) for value in data.values()):
        return Settings()
    return Settings(**data)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically; the folder is made if need be."""
    # Imported here: the app reads its settings before its first frame, and writes them only
    # when the theme changes.
    from workshop.store import toml_write
    from workshop.store.atomic import write_atomically

    path = path or settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = toml_write.document(asdict(settings))
    write_atomically(path, text.encode("utf-8"), mode=0o644)
