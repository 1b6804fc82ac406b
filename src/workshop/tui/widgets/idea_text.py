"""Showing text a person typed: the names the capture panels use for `safe_text`'s functions."""

from __future__ import annotations

from workshop.tui.safe_text import literal, literal_text, one_line

__all__ = ["literal", "literal_text", "one_line"]
