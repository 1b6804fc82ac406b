"""Shared fixtures: a small agenda and a session file in a temporary folder."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest

from workshop.core import ops
from workshop.core.agenda import Agenda
from workshop.store.locations import shipped_agendas_dir
from workshop.store.session_file import SessionFile
from workshop.store.toml_read import read_toml, validate


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test reads or writes the real per-user data folder, or leaves files in /tmp."""
    monkeypatch.setenv("WORKSHOP_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path_factory.mktemp("tmp")))


def shipped_agenda(name: str = "customer-focus") -> Agenda:
    path = shipped_agendas_dir() / f"{name}.toml"
    return validate(Agenda, read_toml(path), path)


@pytest.fixture
def agenda() -> Agenda:
    return shipped_agenda()


@pytest.fixture
def session_file(tmp_path: Path, agenda: Agenda) -> SessionFile:
    session = ops.new_session("Service desk", agenda, team="Support", on=date(2026, 11, 23))
    return SessionFile.create(tmp_path / "session.toml", session)
