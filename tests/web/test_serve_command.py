"""`workshop serve`: the three lines, serving until ctrl+c, and the web stack kept out of the
commands that do not serve."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx

from workshop.store.session_file import SessionFile

WEB_STACK = ("starlette", "uvicorn", "jinja2", "sse_starlette", "segno", "anyio", "httpx")


def imported(code: str) -> list[str]:
    """The top-level packages of the web stack (and Textual) that `code` imported."""
    watched = sorted({*WEB_STACK, "textual"})
    found = "{m.split('.')[0] for m in sys.modules}"
    probe = f"{code}\nimport sys\nprint(sorted({found} & set({watched!r})))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    names = result.stdout.strip().splitlines()[-1]  # a printed list of names
    return re.findall(r"'([a-z_]+)'", names)


def test_commands_that_do_not_serve_never_import_the_web_stack(
    session_file: SessionFile, tmp_path: Path
) -> None:
    code = (
        "from workshop.cli import main\n"
        f"assert main(['idea', 'add', {str(session_file.path)!r}, 'an idea']) == 0\n"
        "main(['--help'])\n"
        "main(['serve', '--help'])\n"
        f"assert main(['export', {str(session_file.path)!r}, '--output', "
        f"{str(tmp_path / 'plan.md')!r}]) == 0"
    )
    assert imported(code) == []


def test_the_web_package_never_imports_textual() -> None:
    found = imported("import workshop.web.app, workshop.web.server")
    assert "textual" not in found and "starlette" in found


def test_serve_prints_three_lines_serves_and_stops_on_ctrl_c(session_file: SessionFile) -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "workshop", "serve", str(session_file.path), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        lines = [server.stdout.readline().rstrip("\n") for _ in range(3)]
        participants = re.fullmatch(r"participants: (http://127\.0\.0\.1:\d+/)", lines[0])
        assert participants, lines
        assert re.fullmatch(r"code: \d{6}", lines[1]), lines
        projector = re.fullmatch(
            rf"projector: ({re.escape(participants[1])}projector/[A-Za-z0-9_-]{{20,}})", lines[2]
        )
        assert projector, lines

        with httpx.Client(timeout=10) as client:
            assert '<label for="code">Code</label>' in client.get(participants[1]).text
            page = client.get(projector[1]).text
            assert lines[1].removeprefix("code: ") in page
    finally:
        server.send_signal(signal.SIGINT)
        _, errors = server.communicate(timeout=20)
    assert server.returncode == 0, errors


def test_a_port_in_use_and_a_broken_file_are_one_line_errors(
    session_file: SessionFile, tmp_path: Path
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = subprocess.run(
            [
                sys.executable,
                "-m",
                "workshop",
                "serve",
                str(session_file.path),
                "--port",
                str(port),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert busy.returncode == 1 and busy.stdout == ""
    assert busy.stderr.startswith(f"workshop: cannot listen on 127.0.0.1:{port}: ")
    assert len(busy.stderr.splitlines()) == 1

    broken = tmp_path / "broken.toml"
    broken.write_text("title = \n", encoding="utf-8")
    refused = subprocess.run(
        [sys.executable, "-m", "workshop", "serve", str(broken), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.startswith(f"workshop: {broken}:1:") and "Traceback" not in refused.stderr
