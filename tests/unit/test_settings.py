"""Settings: defaults when there are none, a round trip, and a broken file never in the way."""

from __future__ import annotations

from pathlib import Path

from workshop.store.locations import settings_file
from workshop.store.settings import Settings, load_settings, save_settings


def test_no_settings_file_gives_the_defaults() -> None:
    assert not settings_file().exists()
    assert load_settings() == Settings(theme="textual-dark", light_theme="textual-light")


def test_saved_settings_load_back(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "settings.toml"
    save_settings(Settings(theme="textual-light", light_theme="solarized-light"), path)

    assert path.read_text() == 'theme = "textual-light"\nlight_theme = "solarized-light"\n'
    assert load_settings(path) == Settings(theme="textual-light", light_theme="solarized-light")


def test_a_broken_settings_file_falls_back_to_the_defaults(tmp_path: Path) -> None:
    broken = tmp_path / "settings.toml"
    broken.write_text('theme = "unclosed\n')
    unknown = tmp_path / "unknown.toml"
    unknown.write_text('colour = "red"\n')

    assert load_settings(broken) == Settings()
    assert load_settings(unknown) == Settings()


def test_a_setting_that_is_not_text_falls_back_to_the_defaults(tmp_path: Path) -> None:
    numeric = tmp_path / "settings.toml"
    numeric.write_text('theme = 3\nlight_theme = "solarized-light"\n')

    assert load_settings(numeric) == Settings()


def test_a_partial_settings_file_keeps_the_other_default(tmp_path: Path) -> None:
    partial = tmp_path / "settings.toml"
    partial.write_text('light_theme = "solarized-light"\n')

    assert load_settings(partial) == Settings(light_theme="solarized-light")
