"""Write TOML tables one record at a time, in one stable layout; tomli-w writes every value.

A session file is written record by record (the store keeps each record's text until the
record changes), so a record must be a whole `[[name]]` table on its own. tomli-w alone would
write a short record of an array of tables as an inline table in an array, which cannot be
written one record at a time, and would switch the whole array's layout when one record grew
long; this module only lays out the headers and sub-tables, and tomli-w writes the keys and
values (strings, numbers, dates, arrays: long arrays one element a line).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import tomli_w


def key(name: str) -> str:
    """A key, bare where TOML allows it."""
    return tomli_w.dumps({name: 0}).removesuffix(" = 0\n")


def _is_table(item: Any) -> bool:
    return isinstance(item, Mapping)


def _is_table_list(item: Any) -> bool:
    return isinstance(item, list) and bool(item) and all(isinstance(e, Mapping) for e in item)


def _key_values(data: Mapping[str, Any]) -> str:
    """The `key = value` lines of a table, leaving out its sub-tables."""
    return tomli_w.dumps(
        {k: v for k, v in data.items() if not _is_table(v) and not _is_table_list(v)}
    )


def _sub_tables(path: str, data: Mapping[str, Any]) -> list[str]:
    blocks: list[str] = []
    for k, v in data.items():
        if _is_table(v):
            blocks.append(table(f"{path}{key(k)}", v))
        elif _is_table_list(v):
            blocks.extend(table(f"{path}{key(k)}", element, array=True) for element in v)
    return blocks


def table(path: str, data: Mapping[str, Any], *, array: bool = False) -> str:
    """A table (or one element of an array of tables) with its sub-tables after it."""
    header = f"[[{path}]]" if array else f"[{path}]"
    return "\n".join([f"{header}\n{_key_values(data)}", *_sub_tables(f"{path}.", data)])


def document(top: Mapping[str, Any]) -> str:
    """A whole document: top-level values first, then tables in the order given."""
    values = _key_values(top)
    return "\n".join(([values] if values else []) + _sub_tables("", top))
