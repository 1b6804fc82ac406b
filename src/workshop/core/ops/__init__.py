"""Changes to a session: each function edits a session draft in place and checks the rules.

Call them inside `SessionFile.change(...)`, which hands them the latest draft and saves it.
The functions live in modules by what they change; callers use them as `ops.add_idea`.
"""

from __future__ import annotations

from workshop.core.ops.actions import (
    add_action,
    add_review,
    delete_action,
    move_action,
    restore_action,
    update_action,
)
from workshop.core.ops.activities import (
    default_capture_activity,
    end_activity,
    new_session,
    note_for,
    require_activity,
    set_note,
    set_revealed,
    start_activity,
)
from workshop.core.ops.ideas import (
    add_idea,
    delete_idea,
    edit_idea,
    require_target,
    restore_idea,
    set_hidden,
    visible_ideas,
)
from workshop.core.ops.participants import (
    add_participant,
    next_participant,
    participant_with_token,
    participants_in,
    remove_participant,
    took_part,
    update_participant,
)
from workshop.core.ops.ratings import (
    set_debate_note,
    set_rating,
    set_timer,
    timer_state,
)
from workshop.core.ops.records import (
    HasId,
    find,
    next_id,
    put_back_record,
    remove_record,
)
from workshop.core.ops.text import (
    clean_text,
    label,
    short,
    tags_in,
)
from workshop.core.ops.themes import (
    add_theme,
    delete_theme,
    merge_themes,
    move_to_theme,
    rename_theme,
    restore_theme,
)
from workshop.core.ops.votes import (
    cast_votes,
    change_dots,
    hands_tally,
    set_tally,
    votes_of,
)

__all__ = [
    "HasId",
    "add_action",
    "add_idea",
    "add_participant",
    "add_review",
    "add_theme",
    "cast_votes",
    "change_dots",
    "clean_text",
    "default_capture_activity",
    "delete_action",
    "delete_idea",
    "delete_theme",
    "edit_idea",
    "end_activity",
    "find",
    "hands_tally",
    "label",
    "merge_themes",
    "move_action",
    "move_to_theme",
    "new_session",
    "next_id",
    "next_participant",
    "note_for",
    "participant_with_token",
    "participants_in",
    "put_back_record",
    "remove_participant",
    "remove_record",
    "rename_theme",
    "require_activity",
    "require_target",
    "restore_action",
    "restore_idea",
    "restore_theme",
    "set_debate_note",
    "set_hidden",
    "set_note",
    "set_rating",
    "set_revealed",
    "set_tally",
    "set_timer",
    "short",
    "start_activity",
    "tags_in",
    "timer_state",
    "took_part",
    "update_action",
    "update_participant",
    "visible_ideas",
    "votes_of",
]
