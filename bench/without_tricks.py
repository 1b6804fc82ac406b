"""Run `workshop` with some of its speed tricks turned off, for A/B benches (bench_tricks.py).

Usage: `python bench/without_tricks.py TRICKS [workshop arguments...]`, TRICKS a comma-separated
list of (or "-" for none):
  gc      no gc.disable / gc.freeze (the command's and the screen's collector pause)
  exit    sys.exit after a command instead of os._exit
  lazy    argparse builds every command's parser, not only the one being run
  quick   SessionReader reads every file the ordinary way (no regex-sliced partial read)
  tomliw  records are written by tomli-w instead of tomlfmt
The source is not changed; the tricks are patched out in this process only.
"""

from __future__ import annotations

import gc
import sys
from typing import Any


def _tomli_w_table(path: str, data: Any, *, array: bool = False) -> str:
    """tomlfmt.table's layout (a header, its key = value lines, sub-tables after), every value
    and key written by tomli-w. tomli-w alone would write a short record of an array of
    tables as an inline table, which cannot be written one record at a time."""
    import tomli_w

    header = f"[[{path}]]" if array else f"[{path}]"
    scalars = {k: v for k, v in data.items() if not _is_table(v) and not _is_table_list(v)}
    blocks = [f"{header}\n{tomli_w.dumps(scalars)}"]
    for k, v in data.items():
        if _is_table(v):
            blocks.append(_tomli_w_table(f"{path}.{_key(k)}", v))
        elif _is_table_list(v):
            blocks.extend(_tomli_w_table(f"{path}.{_key(k)}", e, array=True) for e in v)
    return "\n".join(blocks)


def _tomli_w_document(top: Any) -> str:
    import tomli_w

    scalars = {k: v for k, v in top.items() if not _is_table(v) and not _is_table_list(v)}
    parts = [tomli_w.dumps(scalars)] if scalars else []
    for k, v in top.items():
        if _is_table(v):
            parts.append(_tomli_w_table(_key(k), v))
        elif _is_table_list(v):
            parts.extend(_tomli_w_table(_key(k), e, array=True) for e in v)
    return "\n".join(parts)


def _is_table(item: Any) -> bool:
    return isinstance(item, dict)


def _is_table_list(item: Any) -> bool:
    return isinstance(item, list) and bool(item) and all(isinstance(e, dict) for e in item)


def _key(name: str) -> str:
    import tomli_w

    return tomli_w.dumps({name: 0}).rsplit(" = ", 1)[0]


def patch(tricks: set[str]) -> None:
    if "gc" in tricks:
        gc.disable = lambda: None  # type: ignore[assignment]
        gc.freeze = lambda: None  # type: ignore[assignment]
    if "lazy" in tricks:
        from workshop import cli

        original = cli.build_parser
        cli.build_parser = lambda argv=None: original(None)  # type: ignore[assignment]
    if "quick" in tricks:
        from workshop import store

        def read(self: Any, path: Any) -> Any:
            session = store.parse_session(path, store.read_text(path))
            ideas = len(session.ideas)
            session.ideas = []
            return store.SessionWithoutIdeas(session, ideas)

        store.SessionReader.read = read  # type: ignore[method-assign]
    if "tomliw" in tricks:
        from workshop import tomlfmt

        tomlfmt.table = _tomli_w_table  # type: ignore[assignment]
        tomlfmt.document = _tomli_w_document  # type: ignore[assignment]


def main() -> None:
    tricks = {name for name in sys.argv[1].split(",") if name not in ("", "-")}
    del sys.argv[1]
    patch(tricks)
    from workshop import cli

    if "exit" in tricks:
        sys.exit(cli.main())
    cli.run()


if __name__ == "__main__":
    main()
