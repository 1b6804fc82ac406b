"""Styles for widgets that draw their own lines (the line API)."""

from __future__ import annotations

from rich.style import Style


def foreground_of(style: Style) -> Style:
    """`style` without its background, to lay over a row's own style.

    A component class's partial style (`get_visual_style(..., partial=True)`) carries a
    background of #000000 where none was set, so adding it to a row painted a black patch
    behind the text (the "— Ana" after an idea in the light theme).
    """
    return Style(
        color=style.color,
        bold=style.bold,
        dim=style.dim,
        italic=style.italic,
        underline=style.underline,
        strike=style.strike,
        reverse=style.reverse,
    )
