"""`workshop serve`: the room joins from its own devices (the only command with the web stack)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from workshop.cli.output import fail
from workshop.cli.parser import UsageError, add_dir_option, add_session_argument
from workshop.store.locations import find_session


def run_serve(args: argparse.Namespace) -> int:
    """Serve a session to the room's devices until ctrl+c (the only command that imports the
    web stack)."""
    from workshop.web.server import LOCAL_HOST, lan_address, serve

    path = find_session(args.session, args.dir)
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port: {args.port} is not a port (0 to 65535)")
    host = lan_address() if args.lan else LOCAL_HOST
    if args.lan:
        print(
            f"listening on {host}, this laptop's address on its network: anyone on that "
            "network can open the participants' page (plain HTTP)",
            file=sys.stderr,
        )
    try:
        serve(
            path,
            host=host,
            port=args.port,
            out=sys.stdout,
            report_joins=args.for_screen,
            end_with=sys.stdin.buffer if args.for_screen else None,
        )
    except KeyboardInterrupt:  # ctrl+c is how serving ends: uvicorn has shut down cleanly
        return 0
    except OSError as error:  # the port is taken, or the address is not this machine's
        return fail(f"cannot listen on {host}:{args.port}: {error.strerror or error}", 1)
    return 0


def add_serve_command(commands: Any) -> None:
    """`workshop serve SESSION`."""
    serve = commands.add_parser(
        "serve",
        help="let the room join: a web page for participants' devices and the projector",
        description="Serve a session to the room: participants join from their own devices "
        "with the code printed here, and the projector page shows the prompt, the timer and "
        "the room's answers. Prints the participants' address, the code and the projector's "
        "address, then serves until ctrl+c. Plain HTTP: use it on the room's own network.",
    )
    add_session_argument(serve)
    serve.add_argument(
        "--port", type=int, default=8000, metavar="N", help="the port (default: 8000; 0: any)"
    )
    serve.add_argument(
        "--lan",
        action="store_true",
        help="listen on this laptop's network address (default: 127.0.0.1, this laptop only)",
    )
    # For the facilitator's screen, which serves as a child process: a line `joined: N` at
    # each join, and serving ends when the screen's end of stdin closes (the screen is gone).
    serve.add_argument("--for-screen", action="store_true", help=argparse.SUPPRESS)
    add_dir_option(serve, finding=True)
    serve.set_defaults(run=run_serve)
