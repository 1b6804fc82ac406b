"""The one set of hostile text the tests type, store and show: markup, links, click actions,
escape sequences and bells, tabs, wide characters.

Stored user text must reach the screen as the same characters (control characters as their
visible pictures), never as markup or escape sequences. Format-specific hazards (CSV formulas,
markdown syntax, TOML quoting) stay beside the export and store tests that check them.
"""

from __future__ import annotations

HOSTILE_TEXTS = [
    "a [/b] c",
    "[link=https://example.com]click me[/link]",
    "[@click=app.quit]quit[/]",
    "[bold]x[/]",
    "tab\there\x1b[31m red \x07 bell",
    "emoji 🎉👍🏽 and 漢字",
]
"""One idea each; the first four show on screen exactly as typed."""

TYPED_MARKUP = f"{HOSTILE_TEXTS[0]} {HOSTILE_TEXTS[3]}"
"""Markup that can be typed key by key into a field: "a [/b] c [bold]x[/]"."""

ALL_AT_ONCE = (
    "Fix it\x1b]0;PWNED\x07\x1b[2J\x1b[31mred\x9b2J\x85nel"
    " [bold]markup[/] \u202egnp.exe\u2066x\u2069\x00nul\x7fend"
)
"""Every kind in one string, for every field of a session: an OSC title change and BEL, a screen
wipe, an SGR, a C1 CSI and NEL, markup, bidi overrides and isolates, NUL and DEL."""
