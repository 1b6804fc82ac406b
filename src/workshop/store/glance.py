"""A first look at a session file's parsed TOML, before it is checked against the models.

The screen paints this while the models load and the file is checked, so the facilitator
sees the session coming up at once. Nothing here trusts the data: whatever is missing or of
the wrong type is left blank, and the checked session replaces this a moment later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from workshop.core.errors import WorkshopError
from workshop.store.toml_read import TomlFile, read_toml_text

_RECORDS = re.compile(r"^[ \t]*\[\[[ \t]*(?!agenda[ \t]*[.\]])", re.MULTILINE)
"""The first line of the session's records (`[[ideas]]`, `[[votes]]`...): the file's head,
with the title and the agenda, ends there."""
IDEA_RECORD = "\n[[ideas]]\n"


@dataclass(frozen=True)
class SessionGlance:
    title: str = ""
    team: str = ""
    step_title: str = ""
    activity_title: str = ""
    activity_prompt: str = ""
    activity_kind: str = ""
    prompt_count: int = 0
    activity_number: int = 0
    """The current activity's place in the agenda, from 1 (0: not known)."""
    activity_count: int = 0
    idea_count: int = 0


def _text(table: dict[str, Any], key: str) -> str:
    value = table.get(key, "")
    return value if isinstance(value, str) else ""


def _tables(table: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = table.get(key, [])
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


def glance(data: dict[str, Any]) -> SessionGlance:
    """What the opening frame shows of a session file's parsed (unchecked) TOML."""
    agenda = data.get("agenda")
    steps = _tables(agenda, "steps") if isinstance(agenda, dict) else []
    running_order = [
        (step, activity) for step in steps for activity in _tables(step, "activities")
    ]
    current_id = _text(data, "current_activity")
    # As on the session screen: an unknown current activity means the first one.
    index = next(
        (i for i, (_, activity) in enumerate(running_order) if _text(activity, "id") == current_id),
        0,
    )
    step, activity = running_order[index] if running_order else ({}, {})
    prompts = activity.get("prompts", [])
    first_prompt = prompts[0] if isinstance(prompts, list) and prompts else ""
    return SessionGlance(
        title=_text(data, "title"),
        team=_text(data, "team"),
        step_title=_text(step, "title"),
        activity_title=_text(activity, "title"),
        activity_prompt=first_prompt if isinstance(first_prompt, str) else "",
        activity_kind=_text(activity, "kind"),
        prompt_count=len(prompts) if isinstance(prompts, list) else 0,
        activity_number=index + 1 if running_order else 0,
        activity_count=len(running_order),
        idea_count=len(_tables(data, "ideas")),
    )


def glance_file(read: TomlFile) -> SessionGlance:
    """What the opening frame shows of a session file, parsing only its head if it has not
    been parsed yet.

    The title, the team and the current activity are top-level keys, which TOML puts before
    any table, and the agenda is written before the records: the head, parsed alone, holds
    all the frame needs but the idea count, which is counted in the text. The whole file is
    parsed once the frame is up (at 10,000 ideas that parse is a fifth of the wait). A head
    that does not parse alone (a record line inside a multi-line string) glances at nothing:
    the checked session replaces the frame a moment later.
    """
    if read.parsed:  # read whole already (opened from the home screen): nothing to spare
        return glance(read.data)
    text = read.text
    records = _RECORDS.search(text)
    if records is None:
        return glance(read.data) if _parses(read) else SessionGlance()
    try:
        head = read_toml_text(read.path, text[: records.start()])
    except WorkshopError:
        return SessionGlance()
    ideas = text.count(IDEA_RECORD) + text.startswith(IDEA_RECORD[1:])
    return replace(glance(head), idea_count=ideas)


def _parses(read: TomlFile) -> bool:
    try:
        read.data  # noqa: B018 - parsed (and kept) to see whether it parses
    except WorkshopError:
        return False
    return True
