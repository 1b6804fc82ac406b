"""What every export leaves out by default: the ideas hidden with `h`.

A hidden idea is left out with what points at it (the votes it got, its id in an action's
list of sources), so no export names or counts it. `--include-hidden` keeps everything.
"""

from __future__ import annotations

from workshop.core.models import Session


def visible_session(session: Session) -> Session:
    """A copy of `session` without its hidden ideas, their votes and links to them."""
    hidden = {idea.id for idea in session.ideas if idea.hidden}
    if not hidden:
        return session
    shown = session.draft()
    shown.ideas = [idea for idea in session.ideas if idea.id not in hidden]
    shown.votes = [vote for vote in session.votes if vote.target not in hidden]
    shown.actions = [
        action.model_copy(update={"ideas": [i for i in action.ideas if i not in hidden]})
        if hidden.intersection(action.ideas)
        else action
        for action in session.actions
    ]
    return shown


def hidden_count(session: Session) -> int:
    """How many of the session's ideas are hidden."""
    return sum(1 for idea in session.ideas if idea.hidden)
