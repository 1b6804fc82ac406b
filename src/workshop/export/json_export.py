"""The whole session as JSON, for other tools, and the JSON Schema that documents it.

The document is the session file's content (the `Session` model) with one key before it,
`"generator": "workshop-export"`, which marks it as an export (see `export.writing`).
Hidden ideas, their votes and links to them are left out unless `include_hidden` is given.
The agenda's facilitator notes are always left out (empty), and so is who sent an idea from
their own device (`token_hash`, an idea's `participant`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from workshop.core.models import Session
from workshop.export.visibility import visible_session
from workshop.export.writing import EXPORT_MARK

SESSION_SCHEMA_ID = "https://workshop.invalid/schema/session-export.schema.json"
"""The `$id` of the session export's JSON Schema (`schema/session-export.schema.json`)."""


def session_document(session: Session, *, include_hidden: bool = False) -> dict[str, Any]:
    """The session export as JSON-ready data."""
    shown = session if include_hidden else visible_session(session)
    data = shown.model_dump(mode="json")
    # The agenda's notes are the facilitator's own (how to run each activity): never exported.
    for step in data["agenda"]["steps"]:
        for activity in step["activities"]:
            activity["notes"] = ""
    # Who sent what from their own device stays in the session file: an export never links an
    # idea to the person (their token's hash, their ratings) behind it.
    for participant in data["participants"]:
        participant.pop("token_hash", None)
    for idea in data["ideas"]:
        idea.pop("participant", None)
    return {"generator": EXPORT_MARK, **data}


_C1_AND_DEL = re.compile(r"[\x7f-\x9f\u2028\u2029]")


def dumps(data: Any) -> str:
    """Indented JSON, non-ASCII kept, ending in a newline; no raw control character at all.

    `json.dumps` escapes C0 controls but not DEL and C1 (`\x9b` starts a terminal control
    sequence) nor the line separators: those are written as \\u escapes too, which every
    JSON reader reads back the same.
    """
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _C1_AND_DEL.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"


def render_json(session: Session, *, include_hidden: bool = False) -> str:
    """The session as indented JSON (keys in model order, non-ASCII kept), ending in a newline."""
    return dumps(session_document(session, include_hidden=include_hidden))


def session_schema() -> dict[str, Any]:
    """The JSON Schema of `render_json`'s output, generated from the Session model."""
    schema = Session.model_json_schema(mode="serialization")
    for model, key in (("Participant", "token_hash"), ("Idea", "participant")):
        schema["$defs"][model]["properties"].pop(key)  # never exported (see session_document)
    schema["properties"] = {
        "generator": {
            "const": EXPORT_MARK,
            "description": "Marks the document as a workshop export.",
        },
        **schema["properties"],
    }
    schema["required"] = ["generator", *schema.get("required", [])]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SESSION_SCHEMA_ID,
        "title": "workshop session export",
        "description": "`workshop export SESSION --format json`: the session's records. "
        "Hidden ideas, their votes and links to them are left out unless --include-hidden.",
        **{key: value for key, value in schema.items() if key not in ("title", "description")},
    }
