"""Write TOML tables in one stable, readable form, fast enough to run per record.

tomli-w would do, but at 10,000 ideas its cost per record adds up; this writer handles the
few value types our models hold (str, int, float, bool, date, datetime, lists and tables of
those) and is checked against tomllib by property tests.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f]')
_ESCAPES = {
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
    '"': '\\"',
    "\\": "\\\\",
}
_ESCAPE_TABLE = str.maketrans(
    {
        **{chr(code): f"\\u{code:04x}" for code in [*range(0x20), 0x7F]},
        **_ESCAPES,
    }
)


def key(name: str) -> str:
    """A key, bare where TOML allows it."""
    return name if _BARE_KEY.fullmatch(name) else string(name)


def string(text: str) -> str:
    """A TOML basic string holding exactly `text`."""
    if _NEEDS_ESCAPE.search(text) is None:
        return f'"{text}"'
    return f'"{text.translate(_ESCAPE_TABLE)}"'


def value(item: Any) -> str:
    """One inline TOML value."""
    if isinstance(item, str):
        return string(item)
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, float):
        if math.isnan(item):
            return "nan"
        if math.isinf(item):
            return "inf" if item > 0 else "-inf"
        return repr(item)
    if isinstance(item, datetime | date | time):
        return item.isoformat()
    if isinstance(item, list | tuple):
        return "[" + ", ".join(value(element) for element in item) + "]"
    if isinstance(item, Mapping):
        if not item:
            return "{}"
        pairs = ", ".join(f"{key(k)} = {value(v)}" for k, v in item.items())
        return "{ " + pairs + " }"
    raise TypeError(f"cannot write {type(item).__name__} as TOML")


def _is_table_list(item: Any) -> bool:
    return isinstance(item, list) and bool(item) and all(isinstance(e, Mapping) for e in item)


def key_values(data: Mapping[str, Any]) -> list[str]:
    """The `key = value` lines of a table, leaving out its sub-tables."""
    return [
        f"{key(k)} = {value(v)}"
        for k, v in data.items()
        if not isinstance(v, Mapping) and not _is_table_list(v)
    ]


def table(path: str, data: Mapping[str, Any], *, array: bool = False) -> str:
    """A table (or one element of an array of tables) with its sub-tables after it."""
    header = f"[[{path}]]" if array else f"[{path}]"
    blocks = ["\n".join([header, *key_values(data)]) + "\n"]
    for k, v in data.items():
        if isinstance(v, Mapping):
            blocks.append(table(f"{path}.{key(k)}", v))
        elif _is_table_list(v):
            blocks.extend(table(f"{path}.{key(k)}", element, array=True) for element in v)
    return "\n".join(blocks)


def document(top: Mapping[str, Any]) -> str:
    """A whole document: top-level values first, then tables in the order given."""
    lines = key_values(top)
    parts = ["\n".join(lines) + "\n"] if lines else []
    for k, v in top.items():
        if isinstance(v, Mapping):
            parts.append(table(key(k), v))
        elif _is_table_list(v):
            parts.extend(table(key(k), element, array=True) for element in v)
    return "\n".join(parts)
