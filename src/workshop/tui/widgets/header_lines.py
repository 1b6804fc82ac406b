"""The session header's lines, shared by the session screen and the frame that opens it."""

from __future__ import annotations

from textual.content import Content

from workshop.tui.safe_text import plain


def title_line(title: str, team: str) -> Content:
    """'Title · Team' (the team left out when there is none)."""
    line = plain(title, "bold", one_line=True)
    if not team:
        return line
    return Content.assemble(line, (" · ", "$text-muted"), plain(team, one_line=True))


def activity_line(number: int, count: int, step_title: str, activity_title: str) -> Content:
    """'3/12 Step › Activity': where the session is in its agenda."""
    return Content.assemble(
        (f"{number}/{count} ", "$text-muted"),
        plain(step_title, "$text-muted", one_line=True),
        (" › ", "$text-muted"),
        plain(activity_title, "bold $text-accent", one_line=True),
    )
