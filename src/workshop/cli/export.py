"""`workshop export`: a session as markdown, CSV, JSON or HTML, to stdout or a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop.cli.output import (
    write_stdout,
)
from workshop.cli.parser import (
    CSV_TABLE_NAMES,
    DEFAULT_CSV_TABLE,
    EXPORT_FORMATS,
    UsageError,
    add_dir_option,
)
from workshop.store.locations import find_session

if TYPE_CHECKING:
    pass


def run_export(args: argparse.Namespace) -> int:
    """Write a session as markdown, CSV, JSON or HTML to stdout or a file.

    A file is written atomically, and only over nothing or an earlier export (`--force`: over
    any file but a session file); see `workshop.export.writing`.
    """
    if args.schema:
        return _print_schema(args)
    if args.session is None:
        raise UsageError("export: the following arguments are required: SESSION")
    from workshop.export.session_export import ExportOptions, export_session
    from workshop.export.writing import write_export
    from workshop.store.session_text import load_session

    to_stdout = args.output in (None, "-")
    output = None if to_stdout else Path(args.output)
    export_format = args.format or _format_for(args, output)
    if args.table and export_format != "csv":
        raise UsageError("export: --table applies to --format csv only")
    if args.excel and export_format != "csv":
        raise UsageError("export: --excel applies to --format csv only")
    if args.table and args.table not in CSV_TABLE_NAMES:
        raise UsageError(
            f"export: no CSV table {args.table!r} (choose from {', '.join(CSV_TABLE_NAMES)})"
        )
    options = ExportOptions(
        format=export_format,
        table=args.table or DEFAULT_CSV_TABLE,
        include_hidden=args.include_hidden,
        excel=args.excel,
    )
    session_path = find_session(args.session, getattr(args, "dir", None))
    session = load_session(session_path)
    text = export_session(session_path, session, options)
    if output is None:
        if args.excel:
            sys.stdout.flush()
            sys.stdout.buffer.write(text.encode("utf-8-sig"))
            sys.stdout.buffer.flush()
        else:
            write_stdout(text)
        return 0
    write_export(
        output,
        text,
        source=session_path,
        force=args.force,
        bom=args.excel,
        hint="choose another --output, or give --force to replace it",
    )
    print(f"Exported to {output}", file=sys.stderr)
    return 0


def _print_schema(args: argparse.Namespace) -> int:
    """`workshop export --schema`: the JSON Schema of the JSON export."""
    import json

    from workshop.export.json_export import session_schema

    if args.session is not None:
        raise UsageError("export: --schema takes no SESSION")
    write_stdout(json.dumps(session_schema(), indent=2, ensure_ascii=False))
    return 0


def _format_for(args: argparse.Namespace, output: Path | None) -> str:
    """The format the options imply: --table or --excel mean CSV, else the output's suffix
    (plan.csv -> csv, plan.html -> html), else markdown."""
    if args.table or args.excel:
        return "csv"
    suffix = output.suffix.lower().lstrip(".") if output else ""
    return {"csv": "csv", "json": "json", "html": "html", "htm": "html"}.get(suffix, "md")


def add_export_command(commands: Any) -> None:
    """`workshop export SESSION`."""
    export = commands.add_parser(
        "export",
        help="write a session as markdown, CSV, JSON or HTML",
        description="Write a session as a markdown plan, a CSV table, JSON or a self-contained "
        "HTML page. Hidden ideas are left out unless --include-hidden. A file is replaced only "
        "if it is an earlier export (--force: any file but a session file).",
        epilog="example: workshop export SESSION --output plan.html",
    )
    export.add_argument(
        "session", nargs="?", metavar="SESSION", help="session file (or its name)"
    )
    export.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        help="default: csv with --table or --excel, else from the --output file's suffix, else md",
    )
    export.add_argument(
        "--table",
        metavar="TABLE",
        help=f"CSV: {', '.join(CSV_TABLE_NAMES)} (default: {DEFAULT_CSV_TABLE}); implies "
        "--format csv",
    )
    export.add_argument(
        "--output", metavar="FILE", help="write to FILE instead of stdout ('-' for stdout)"
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="replace --output even if it is not an earlier export (never a session file)",
    )
    export.add_argument(
        "--include-hidden",
        dest="include_hidden",
        action="store_true",
        help="keep the ideas hidden with h (left out by default)",
    )
    export.add_argument(
        "--excel",
        action="store_true",
        help="CSV for Excel: UTF-8 with a byte order mark, CRLF line ends; implies --format csv",
    )
    export.add_argument(
        "--schema",
        action="store_true",
        help="print the JSON Schema of the JSON export instead (no SESSION)",
    )
    add_dir_option(export, finding=True)
    export.set_defaults(run=run_export)
