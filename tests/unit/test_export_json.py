"""The JSON export: the whole session, stable, readable, and loadable again."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.sample_session import sample_session
from workshop.core.models import Session
from workshop.export import render_json

GOLDEN = Path(__file__).parent / "golden"


def _check_golden(name: str, text: str) -> None:
    """Compare with tests/unit/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.read_bytes().decode("utf-8") == text


def test_golden() -> None:
    _check_golden("sample.json", render_json(sample_session()))


def test_keys_in_model_order_and_a_trailing_newline() -> None:
    text = render_json(sample_session())
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert list(json.loads(text)) == ["generator", *Session.model_fields]
    assert text.startswith('{\n  "generator": "workshop-export",\n  "schema_version": 2,\n')


def test_ideas_and_actions_at_the_top_level() -> None:
    data = json.loads(render_json(sample_session()))
    first = data["ideas"][0]
    assert (first["id"], first["text"], first["tags"]) == (
        "i1",
        "Invoices are impossible to read #billing",
        ["billing"],
    )
    assert data["ideas"][4]["text"] == "line\nbreak inside one idea"  # the exact text
    action = data["actions"][1]
    assert (action["id"], action["title"], action["owner"], action["horizon"]) == (
        "a2",
        "Map the refund process from the customer's side",
        "Ben | Finance",
        "6m",
    )


def test_non_ascii_is_kept_as_is() -> None:
    text = render_json(sample_session())
    assert '"name": "Chloé"' in text
    assert "\\u00e9" not in text


def test_the_json_loads_back_into_the_same_session() -> None:
    session = sample_session()
    data = json.loads(render_json(session, include_hidden=True))
    assert data.pop("generator") == "workshop-export"
    assert Session.model_validate(data) == session


def test_hidden_ideas_their_votes_and_links_are_left_out() -> None:
    data = json.loads(render_json(sample_session()))
    assert "i10" not in [idea["id"] for idea in data["ideas"]]
    assert "Ben never answers" not in json.dumps(data)
    assert "i10" not in [vote["target"] for vote in data["votes"]]
    assert data["actions"][2]["ideas"] == ["i9"]
    kept = json.loads(render_json(sample_session(), include_hidden=True))
    assert "i10" in [idea["id"] for idea in kept["ideas"]]


def test_no_raw_control_character_reaches_the_output() -> None:
    session = sample_session()
    hostile = "csi \x9b2J del \x7f esc \x1b]0;PWN\x07 line\u2028sep"
    session.ideas[0] = session.ideas[0].model_copy(update={"text": hostile})
    text = render_json(session)
    assert not any(ord(c) < 0x20 and c != "\n" or 0x7F <= ord(c) <= 0x9F for c in text)
    assert "\u2028" not in text
    assert "\\u009b" in text and "\\u001b" in text
    assert json.loads(text)["ideas"][0]["text"] == hostile
