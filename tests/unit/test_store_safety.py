"""Hostile files and folders (issue 10, items 3-6 and 8): each is refused in one line naming the
file and the place, never hangs or crashes a reader, and the store leaves nothing readable by
others behind."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.unit.helpers import filled
from workshop.core import ops
from workshop.core.errors import InvalidFileError
from workshop.core.models import Session
from workshop.store.folder import summarise_folder
from workshop.store.report_folder import read_folder
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session, render_session


def within_seconds(action: Callable[[], Any], fifo: Path | None = None, seconds: float = 10) -> Any:
    """Run `action`, failing (not hanging) if it blocks, e.g. on opening a named pipe."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = action()
        except BaseException as error:  # noqa: BLE001 - handed to the test below
            outcome["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        if fifo is not None:  # let the blocked reader go: open the pipe's other end
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail(f"blocked for more than {seconds} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def refusal(path: Path) -> str:
    """The one-line error `load_session` refuses the file with."""
    with pytest.raises(InvalidFileError) as refused:
        load_session(path)
    return str(refused.value)


def replace_in_records(path: Path, old: str, new: str, count: int = -1) -> int:
    """Replace `old` by `new` in the file's records (after the agenda, which has its own
    `activity`-like keys); how many times `old` was in them."""
    text = path.read_text(encoding="utf-8")
    agenda_end = text.index("\n[[participants]]")
    records = text[agenda_end:]
    path.write_text(text[:agenda_end] + records.replace(old, new, count), encoding="utf-8")
    return records.count(old)


def saved(folder: Path, name: str, session: Session) -> Path:
    path = folder / name
    path.write_text(render_session(session), encoding="utf-8")
    return path


# --- item 3: a named pipe among the sessions -------------------------------------------------


@pytest.fixture
def folder_with_a_pipe(tmp_path: Path, session_file: SessionFile) -> Path:
    session_file.change(filled)
    os.mkfifo(tmp_path / "pipe.toml")
    return tmp_path


def test_a_named_pipe_is_skipped_with_a_note_by_the_list(folder_with_a_pipe: Path) -> None:
    summaries, skipped = within_seconds(
        lambda: summarise_folder(folder_with_a_pipe), folder_with_a_pipe / "pipe.toml"
    )
    assert [s.path.name for s in summaries] == ["session.toml"]
    assert skipped == [
        f"{folder_with_a_pipe / 'pipe.toml'}: is a named pipe (FIFO), not a regular file"
    ]


def test_a_named_pipe_is_skipped_with_a_note_by_the_report(folder_with_a_pipe: Path) -> None:
    sessions, skipped = within_seconds(
        lambda: read_folder(folder_with_a_pipe), folder_with_a_pipe / "pipe.toml"
    )
    assert [path.name for path, _ in sessions] == ["session.toml"]
    assert [(s.file, s.reason) for s in skipped] == [
        ("pipe.toml", "pipe.toml: is a named pipe (FIFO), not a regular file")
    ]


def test_a_named_pipe_given_as_a_session_is_refused_without_opening_it(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.toml"
    os.mkfifo(pipe)
    with pytest.raises(InvalidFileError) as refused:
        within_seconds(lambda: load_session(pipe), pipe)
    assert str(refused.value) == f"{pipe}: is a named pipe (FIFO), not a regular file"


# --- item 4: nesting deeper than a parser's stack ---------------------------------------------


@pytest.mark.parametrize("depth", [5000, 300])
def test_deeply_nested_arrays_are_a_one_line_error_naming_the_file(
    session_file: SessionFile, depth: int
) -> None:
    path = session_file.path
    text = path.read_text(encoding="utf-8")
    path.write_text(f"x = {'[' * depth}{']' * depth}\n{text}", encoding="utf-8")

    message = refusal(path)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    if depth > 400:  # beyond the TOML parser's limit
        assert message == f"{path}: invalid TOML: arrays or inline tables nested too deeply"
    else:
        assert message == f"{path}: x: unknown key"


# --- item 5: the list shows only files that load -----------------------------------------------


def test_the_list_leaves_out_a_file_whose_ideas_do_not_load(
    tmp_path: Path, session_file: SessionFile
) -> None:
    session_file.change(filled)
    text = session_file.path.read_text(encoding="utf-8")
    broken = tmp_path / "broken.toml"
    ideas_at = text.index("[[ideas]]")
    idea_broken = text[ideas_at:].replace("created = ", "created = 'yesterday' #", 1)
    broken.write_text(text[:ideas_at] + idea_broken, encoding="utf-8")

    summaries, skipped = summarise_folder(tmp_path)

    assert [s.path.name for s in summaries] == ["session.toml"]
    assert len(skipped) == 1
    assert skipped[0].startswith(f"{broken}: ideas[0].created: ")


# --- item 6: values of the right type that break the session's rules ---------------------------


def rated(session: Session) -> Session:
    filled(session)
    ops.set_rating(session, "benchmark", "p1", "basic-knowledge", 3)
    return session


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ('target = "t1"', 'target = "i404"', "votes[0].target: no idea or theme 'i404'"),
        ('activity = "prioritise"', 'activity = "nope"', "votes[0].activity: no activity 'nope'"),
        ("score = 3", "score = 99", "ratings[0].score: 99 is outside the scale 1-5"),
        ("score = 3", "score = 0", "ratings[0].score: 0 is outside the scale 1-5"),
        (
            'criterion = "basic-knowledge"',
            'criterion = "charm"',
            "ratings[0].criterion: no criterion 'charm' in activity 'benchmark'",
        ),
        (
            'activity = "benchmark"',
            'activity = "prioritise"',
            "ratings[0].activity: no rate activity 'prioritise'",
        ),
        ('theme = "t1"', 'theme = "t404"', "ideas[0].theme: no theme 't404'"),
        (
            'ideas = [\n    "i1",\n]',
            'ideas = ["i1", "i404"]',
            "actions[0].ideas[1]: no idea or theme 'i404'",
        ),
        (
            'ideas = [\n    "i1",\n]',
            'ideas = ["ghost"]',
            "actions[0].ideas[0]: no idea or theme 'ghost'",
        ),
    ],
)
def test_a_value_that_breaks_a_rule_is_an_error_naming_its_key_path(
    session_file: SessionFile, old: str, new: str, where: str
) -> None:
    session_file.change(rated)
    path = session_file.path
    assert path.read_text(encoding="utf-8").count(old) >= 1, old
    replace_in_records(path, old, new, count=1)

    assert refusal(path) == f"{path}: {where}"
    summaries, skipped = summarise_folder(path.parent)
    assert (summaries, skipped) == ([], [f"{path}: {where}"])


def dotted(session: Session) -> Session:
    rated(session)
    ops.cast_votes(session, "prioritise", "p1", {"t1": 2})  # after the show of hands on t1
    return session


_MORE_DOTS = '\n[[votes]]\nactivity = "prioritise"\ntarget = "i1"\ncount = 3\nvoter = "p1"\n'
_SECOND_SCORE = (
    '\n[[ratings]]\nactivity = "benchmark"\nparticipant = "p1"\n'
    'criterion = "basic-knowledge"\nscore = 4\n'
)


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ('voter = "p1"', 'voter = "p404"', "votes[1].voter: no participant 'p404'"),
        (
            'participant = "p1"',
            'participant = "p404"',
            "ratings[0].participant: no participant 'p404'",
        ),
        (
            'count = 2\nvoter = "p1"',
            'count = 9\nvoter = "p1"',
            "votes[1].count: 9 of p1's votes on one item in 'prioritise'; the most is 3",
        ),
        (
            'count = 2\nvoter = "p1"',
            'count = 3\nvoter = "p1"' + _MORE_DOTS,
            "votes[2].count: p1 gave 6 votes in 'prioritise'; each has 5",
        ),
        (
            "score = 3\n",
            "score = 3\n" + _SECOND_SCORE,
            "ratings[1].criterion: p1 scored 'basic-knowledge' in 'benchmark' twice",
        ),
    ],
)
def test_votes_and_scores_keep_to_the_participants_and_the_budget(
    session_file: SessionFile, old: str, new: str, where: str
) -> None:
    # A benchmark mean over a score given twice, or dots beyond the budget, would be charted
    # as the room's own; the screen and the room's devices can never write them.
    session_file.change(dotted)
    path = session_file.path
    assert replace_in_records(path, old, new) == 1, old

    assert refusal(path) == f"{path}: {where}"


def test_votes_and_links_to_a_deleted_idea_or_theme_still_load(session_file: SessionFile) -> None:
    """Deleting keeps votes and links to the record (its id is never given again)."""
    session_file.change(rated)
    session_file.change(lambda s: ops.delete_theme(s, "t1"))
    session_file.change(lambda s: ops.delete_idea(s, "i1"))

    loaded = load_session(session_file.path)
    assert [vote.target for vote in loaded.votes] == ["t1"]
    assert loaded.actions[0].ideas == ["i1"]
    assert loaded.ideas == []


# --- item 8: who can read what the store creates ------------------------------------------------


def test_a_new_sessions_folder_is_its_owners_only(
    tmp_path: Path, session_file: SessionFile
) -> None:
    folder = tmp_path / "home" / "sessions"
    SessionFile.create(folder / "s.toml", session_file.session)

    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700


def test_the_lock_file_is_the_owners_only_and_gone_once_released(
    session_file: SessionFile,
) -> None:
    lock = session_file.path.with_name(f".{session_file.path.name}.lock")
    modes: list[int] = []

    def look(session: Session) -> None:
        modes.append(stat.S_IMODE(lock.stat().st_mode))
        ops.add_idea(session, "Looked at the lock")

    old_umask = os.umask(0)  # the most permissive umask: the lock's mode must not depend on it
    try:
        session_file.change(look)
    finally:
        os.umask(old_umask)

    assert modes == [0o600]
    assert not lock.exists()
    assert [p.name for p in session_file.path.parent.iterdir()] == ["session.toml"]


def test_a_lock_file_left_by_an_older_version_is_removed_at_the_next_change(
    session_file: SessionFile,
) -> None:
    lock = session_file.path.with_name(f".{session_file.path.name}.lock")
    lock.write_text("")
    lock.chmod(0o644)

    session_file.change(lambda s: ops.add_idea(s, "One more"))

    assert not lock.exists()
