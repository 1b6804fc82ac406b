"""`workshop idea add` and `workshop action add`: changing a session from a script."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from workshop.cli.output import iso_date
from workshop.cli.parser import (
    HORIZONS,
    UsageError,
    add_dir_option,
    add_group_command,
    add_session_argument,
)
from workshop.store.locations import find_session

if TYPE_CHECKING:
    from workshop.core.models import Idea, Session


def run_idea_add(args: argparse.Namespace) -> int:
    """Add an idea to a session and print its id."""
    from workshop.core import ops
    from workshop.store.session_file import SessionFile

    def add(session: Session) -> Idea:
        if args.activity is not None:
            _require_a_brainstorm(session, args.activity)
        return ops.add_idea(
            session, args.text, activity=args.activity, author=args.author, tags=args.tags
        )

    session_file = SessionFile.open(find_session(args.session, args.dir))
    idea = session_file.change(add)
    print(idea.id)
    return 0


def _require_a_brainstorm(session: Session, activity_id: str) -> None:
    """Only a brainstorm shows its ideas on screen: an idea filed under another activity
    would be seen in the exports only."""
    from workshop.core import ops
    from workshop.core.agenda import ActivityKind
    from workshop.core.errors import RuleError

    ops.require_activity(session, activity_id)
    activities = session.agenda.activities()
    kind = next(a.kind for a in activities if a.id == activity_id)
    if kind is not ActivityKind.BRAINSTORM:
        brainstorms = [a.id for a in activities if a.kind is ActivityKind.BRAINSTORM]
        raise RuleError(
            f"{activity_id!r} is a {kind.value} activity, not a brainstorm "
            f"(brainstorms: {', '.join(brainstorms) or 'none in this agenda'})"
        )


def run_action_add(args: argparse.Namespace) -> int:
    """Add an action to a session's plan and print its id."""
    from workshop.core import ops
    from workshop.store.session_file import SessionFile

    if not args.owner.strip():
        raise UsageError("action add: an action needs an owner")
    session_file = SessionFile.open(find_session(args.session, args.dir))
    action = session_file.change(
        lambda session: ops.add_action(
            session,
            args.title,
            owner=args.owner,
            horizon=args.horizon,
            measure=args.measure,
            ideas=args.ideas,
            due=args.due,
        )
    )
    print(action.id)
    return 0


def add_idea_command(commands: Any) -> None:
    """`workshop idea add SESSION TEXT`."""
    idea_add = add_group_command(
        commands,
        "idea",
        "add ideas to a session",
        "add",
        help="add an idea and print its id",
        description="Add an idea to a session (safely, while its screen is open too) and print "
        "its id. #words in the text become tags.",
    )
    add_session_argument(idea_add)
    idea_add.add_argument("text", metavar="TEXT", help="the idea; #words become tags")
    idea_add.add_argument(
        "--activity", metavar="ID", help="brainstorm activity id (default: the current brainstorm)"
    )
    idea_add.add_argument("--author", default="", metavar="NAME")
    idea_add.add_argument("--tag", dest="tags", action="append", default=[], metavar="TAG")
    add_dir_option(idea_add, finding=True)
    idea_add.set_defaults(run=run_idea_add)


def add_action_command(commands: Any) -> None:
    """`workshop action add SESSION TITLE`."""
    action_add = add_group_command(
        commands,
        "action",
        "add actions to a session's plan",
        "add",
        help="add an action and print its id",
        description="Add an action to a session's plan and print its id. Values may start with "
        "a dash (--measure -10%).",
    )
    add_session_argument(action_add)
    action_add.add_argument("title", metavar="TITLE")
    action_add.add_argument("--owner", required=True, metavar="NAME")
    action_add.add_argument(
        "--horizon", required=True, choices=HORIZONS, help="the next 3 months, 6 months, or beyond"
    )
    action_add.add_argument(
        "--measure", default="", metavar="TEXT", help="how we will know it worked"
    )
    action_add.add_argument(
        "--idea",
        dest="ideas",
        action="append",
        default=[],
        metavar="ID",
        help="an idea (or theme) the action came from; repeatable",
    )
    action_add.add_argument("--due", type=iso_date, metavar="YYYY-MM-DD")
    add_dir_option(action_add, finding=True)
    action_add.set_defaults(run=run_action_add)
