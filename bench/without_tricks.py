"""Run `workshop` with one of its remaining speed tricks turned off, for bench_tricks.py.

Usage: `python bench/without_tricks.py TRICKS [workshop arguments...]`, TRICKS a comma-separated
list of (or "-" for none):
  exit    sys.exit after a command instead of os._exit (interpreter teardown runs)
  quick   SessionReader reads every file the ordinary way (no regex-sliced partial read)
The source is not changed; the trick is patched out in this process only. With "-" it runs
whatever `workshop` PYTHONPATH finds, so an older source tree can be run the same way.
"""

from __future__ import annotations

import sys
from typing import Any


def patch(tricks: set[str]) -> None:
    if "quick" in tricks:
        from workshop.store import folder
        from workshop.store.toml_read import read_text

        def read(self: Any, path: Any) -> Any:
            session = folder.parse_session(path, read_text(path))
            ideas = len(session.ideas)
            session.ideas = []
            return folder.SessionWithoutIdeas(session, ideas)

        folder.SessionReader.read = read  # type: ignore[method-assign]


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
