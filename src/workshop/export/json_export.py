"""The whole session as JSON, for other tools."""

from __future__ import annotations

import json

from workshop.core.models import Session


def render_json(session: Session) -> str:
    """The session as indented JSON (keys in model order, non-ASCII kept), ending in a newline."""
    return json.dumps(session.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
