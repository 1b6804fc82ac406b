"""The person's settings: a small TOML file in the workshop folder, read into a model."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from workshop import tomlfmt
from workshop.files import WorkshopError, read_toml, validate
from workshop.locations import settings_file
from workshop.store import write_atomically


class Settings(BaseModel):
    """What workshop remembers between runs (nothing about any session)."""

    model_config = ConfigDict(extra="forbid")

    theme: str = "textual-dark"
    """The theme the app opens with; F4 switches to `light_theme` for a projector and back."""
    light_theme: str = "textual-light"


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults when there are none or the file cannot be read."""
    path = path or settings_file()
    if not path.is_file():
        return Settings()
    try:
        return validate(Settings, read_toml(path), path)
    except WorkshopError:
        return Settings()  # a broken settings file must not keep the app from opening


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically; the folder is made if need be."""
    path = path or settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = tomlfmt.document(settings.model_dump())
    write_atomically(path, text.encode("utf-8"), mode=0o644)
