"""The JSON exports are documented by JSON Schemas generated from the models, kept in schema/.

Regenerate the files with `UPDATE_GOLDEN=1` after a deliberate change, and read the diff.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.sample_session import sample_session
from workshop import cli
from workshop.core.demo import demo_session
from workshop.export.json_export import render_json, session_schema
from workshop.export.report_json import render_json as render_report_json
from workshop.export.report_json import report_schema
from workshop.store.agendas import find_agenda, load_agenda
from workshop.store.report_folder import report_folder
from workshop.store.session_text import render_session

SCHEMAS = Path(__file__).parents[2] / "schema"


def _schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize(
    ("name", "schema"),
    [("session-export.schema.json", session_schema), ("report.schema.json", report_schema)],
)
def test_the_committed_schemas_are_the_generated_ones(name: str, schema: Any) -> None:
    path = SCHEMAS / name
    text = _schema_text(schema())
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text
    Draft202012Validator.check_schema(json.loads(text))


def test_the_schema_commands_print_the_committed_schemas(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["export", "--schema"]) == 0
    assert capsys.readouterr().out == (SCHEMAS / "session-export.schema.json").read_text()
    assert cli.main(["report", "--schema"]) == 0
    assert capsys.readouterr().out == (SCHEMAS / "report.schema.json").read_text()


def _session_validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads((SCHEMAS / "session-export.schema.json").read_text()))


@pytest.mark.parametrize("include_hidden", [False, True])
def test_session_exports_are_valid(include_hidden: bool) -> None:
    validator = _session_validator()
    sample = json.loads(render_json(sample_session(), include_hidden=include_hidden))
    validator.validate(sample)
    demo = demo_session(load_agenda(find_agenda("customer-focus")), date(2026, 11, 23))
    validator.validate(json.loads(render_json(demo, include_hidden=include_hidden)))


def test_the_session_schema_catches_what_is_wrong() -> None:
    validator = _session_validator()
    document = json.loads(render_json(sample_session()))
    for broken in (
        {k: v for k, v in document.items() if k != "generator"},
        {**document, "ideas": [{**document["ideas"][0], "created": 5}]},
        {**document, "votes": [{**document["votes"][0], "count": -1}]},
        {**document, "surprise": True},
    ):
        assert list(validator.iter_errors(broken)), broken


def test_report_json_is_valid_and_carries_its_schema_version(tmp_path: Path) -> None:
    from tests.unit.helpers import billing, kick_off, quarterly

    first = kick_off()
    for name, session in [
        ("2026-01-15-kick-off.toml", first),
        ("2026-04-10-quarterly-review.toml", quarterly(first)),
        ("2026-02-01-billing.toml", billing()),
    ]:
        (tmp_path / name).write_text(render_session(session), encoding="utf-8")
    (tmp_path / "broken.toml").write_text("title = 1\n", encoding="utf-8")
    validator = Draft202012Validator(json.loads((SCHEMAS / "report.schema.json").read_text()))
    for team in (None, "support"):
        report = report_folder(tmp_path, date(2026, 7, 15), team=team)
        document = json.loads(render_report_json(report))
        assert document["schema_version"] == 1
        assert list(document)[0] == "schema_version"
        validator.validate(document)
        assert list(validator.iter_errors({**document, "schema_version": 2}))
        assert list(validator.iter_errors({**document, "teams": [{"team": "x"}]}))
