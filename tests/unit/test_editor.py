"""SessionEditor: the rules of a live session on a real session file, without a screen."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from workshop.core import ops
from workshop.core.errors import RuleError
from workshop.core.models import Session
from workshop.store.editor import Change, Rejected, Saved, SessionEditor, Undo
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session


@pytest.fixture
def editor(session_file: SessionFile) -> SessionEditor:
    return SessionEditor(session_file)


def add(text: str, **kwargs: Any) -> Change:
    return Change(lambda draft: ops.add_idea(draft, text), f"Idea: {text}", **kwargs)


def texts_on_disk(path: Path) -> list[str]:
    return [idea.text for idea in load_session(path).ideas]


class DiskFull:
    """Makes every write of the store fail, at its boundary with the OS, until `freed`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.real_write = os.write
        self.full = True
        monkeypatch.setattr(os, "write", self.write)

    def write(self, descriptor: int, data: Any) -> int:
        if self.full:
            raise OSError(28, "No space left on device")
        return self.real_write(descriptor, data)


def test_a_change_is_on_disk_when_request_returns(editor: SessionEditor) -> None:
    change = add("Invoices are late")
    outcome = editor.request(change)

    assert outcome.saved_descriptions == ["Idea: Invoices are late"]
    assert outcome.failure == "" and outcome.pending == 0
    assert texts_on_disk(editor.path) == ["Invoices are late"]
    saved = outcome.result_of(change)
    assert isinstance(saved, Saved) and saved.result.id == "i1"  # the edit's result


def test_a_rule_error_rejects_that_change_alone(editor: SessionEditor) -> None:
    before = editor.path.read_bytes()
    outcome = editor.request(add("   "))

    assert outcome.saved == []
    assert outcome.rejected_messages == ["an idea needs some text"]
    assert outcome.pending == 0
    assert editor.path.read_bytes() == before  # nothing written for a refused change


def test_a_failed_save_keeps_the_change_and_those_after_it_in_order(
    editor: SessionEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = DiskFull(monkeypatch)
    first_change, second_change = add("first"), add("second")

    first = editor.request(first_change)
    second = editor.request(second_change)

    assert "No space left on device" in first.failure
    assert first.pending == 1 and second.pending == 2
    assert second.failure == first.failure  # queued behind the failing one, not tried alone
    assert first.result_of(first_change) is None and second.result_of(second_change) is None
    assert texts_on_disk(editor.path) == []
    assert editor.retry().pending == 2  # still full: still kept

    disk.full = False
    outcome = editor.retry()

    assert outcome.saved_descriptions == ["Idea: first", "Idea: second"]
    assert outcome.failure == "" and editor.pending == 0 and editor.last_failure == ""
    assert texts_on_disk(editor.path) == ["first", "second"]
    results = [outcome.result_of(change) for change in (first_change, second_change)]
    assert [r.result.text for r in results if isinstance(r, Saved)] == ["first", "second"]


def test_a_read_only_session_file_keeps_changes_pending(editor: SessionEditor) -> None:
    # The file's own mode bits are the rule (root ignores them when writing), so this holds
    # for every user, root included.
    editor.path.chmod(0o400)
    try:
        outcome = editor.request(add("kept while the file is read-only"))
        assert outcome.failure and outcome.pending == 1
        assert texts_on_disk(editor.path) == []
    finally:
        editor.path.chmod(0o600)
    assert editor.retry().saved_descriptions == ["Idea: kept while the file is read-only"]
    assert texts_on_disk(editor.path) == ["kept while the file is read-only"]


def test_changes_are_saved_in_the_order_requested(editor: SessionEditor) -> None:
    for number in range(5):
        editor.request(add(f"idea {number}"))

    ideas = load_session(editor.path).ideas
    assert [(i.id, i.text) for i in ideas] == [(f"i{n + 1}", f"idea {n}") for n in range(5)]


def test_group_commit_writes_once_and_rejects_only_the_bad_change(
    editor: SessionEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes: list[int] = []
    real_change = editor.session_file.change

    def counted_change(edit: Any) -> Any:
        writes.append(1)
        return real_change(edit)

    monkeypatch.setattr(editor.session_file, "change", counted_change)
    good, bad, also_good = add("one"), add(""), add("two")

    outcome = editor.request_many([good, bad, also_good])

    assert len(writes) == 1
    assert outcome.saved_descriptions == ["Idea: one", "Idea: two"]
    assert outcome.rejected_messages == ["an idea needs some text"]
    assert isinstance(outcome.result_of(good), Saved)
    assert isinstance(outcome.result_of(bad), Rejected)
    assert texts_on_disk(editor.path) == ["one", "two"]


def test_a_rejected_change_in_a_group_leaves_no_half_of_itself(editor: SessionEditor) -> None:
    def half_then_refused(draft: Session) -> None:
        ops.add_idea(draft, "half of a refused change")
        raise RuleError("refused after it had begun")

    outcome = editor.request_many([add("before"), Change(half_then_refused, "half"), add("after")])

    assert outcome.rejected_messages == ["refused after it had begun"]
    assert texts_on_disk(editor.path) == ["before", "after"]
    assert [i.id for i in load_session(editor.path).ideas] == ["i1", "i2"]


def test_later_changes_in_a_group_see_the_earlier_ones(editor: SessionEditor) -> None:
    # A vote on an idea added earlier in the same group: the group is applied in order.
    def vote(draft: Session) -> None:
        participant = ops.add_participant(draft)
        ops.cast_votes(draft, "prioritise", participant.id, {"i1": 2})

    outcome = editor.request_many([add("an idea"), Change(vote, "vote")])

    assert outcome.rejected == []
    assert [(v.target, v.count) for v in load_session(editor.path).votes] == [("i1", 2)]


def test_a_group_where_every_change_is_refused_writes_nothing(editor: SessionEditor) -> None:
    before = os.stat(editor.path)
    outcome = editor.request_many([add(""), add(" ")])

    assert len(outcome.rejected) == 2 and outcome.pending == 0
    after = os.stat(editor.path)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_crashing_edit_is_dropped_and_the_rest_stay_queued(editor: SessionEditor) -> None:
    def buggy(draft: Session) -> None:
        raise KeyError("a bug")

    with pytest.raises(KeyError):
        editor.request_many([add("kept"), Change(buggy, "bug")])

    assert editor.pending == 1
    assert editor.retry().saved_descriptions == ["Idea: kept"]


def test_undo_takes_back_the_newest_change_with_its_label(editor: SessionEditor) -> None:
    def added(text: str) -> Change:
        def make_undo(idea: Any) -> Undo:
            return Undo(
                lambda draft: ops.delete_idea(draft, idea.id),
                f"Idea {idea.id} added in {idea.activity}",
            )

        return add(text, make_undo=make_undo)

    editor.request(added("one"))
    editor.request(added("two"))
    editor.request(add("no undo step"))

    activity = load_session(editor.path).ideas[0].activity
    assert editor.undo_labels == [f"Idea i2 added in {activity}", f"Idea i1 added in {activity}"]

    outcome = editor.undo()
    assert outcome is not None
    assert outcome.saved_descriptions == [f"Idea i2 added in {activity}"]
    assert texts_on_disk(editor.path) == ["one", "no undo step"]
    assert editor.undo_labels == [f"Idea i1 added in {activity}"]


def test_undo_with_nothing_to_undo_says_so(editor: SessionEditor) -> None:
    assert editor.undo() is None
    assert editor.next_undo is None


def test_the_next_undo_names_where_and_the_undo_can_be_described(editor: SessionEditor) -> None:
    editor.request(add("kept"))
    editor.request(
        add(
            "taken back",
            make_undo=lambda idea: Undo(
                lambda d: ops.delete_idea(d, idea.id), "Idea added", where="bugs"
            ),
        )
    )
    step = editor.next_undo
    assert step is not None and step.label == "Idea added" and step.where == "bugs"
    assert editor.undo_labels == ["Idea added"]  # looking does not take it

    outcome = editor.undo(description="Undo: Idea added in Bugs")
    assert outcome is not None and outcome.saved_descriptions == ["Undo: Idea added in Bugs"]
    assert texts_on_disk(editor.path) == ["kept"]
    assert editor.next_undo is None


def test_an_undo_the_rules_refuse_is_rejected(editor: SessionEditor) -> None:
    editor.request(
        add(
            "one",
            make_undo=lambda idea: Undo(lambda d: ops.delete_idea(d, idea.id), "Idea i1 added"),
        )
    )
    # Another process deletes the idea first.
    SessionFile.open(editor.path).change(lambda d: ops.delete_idea(d, "i1"))

    outcome = editor.undo()
    assert outcome is not None
    assert outcome.rejected_messages == ["no idea with id 'i1'"]


def test_the_undo_stack_keeps_only_the_newest_steps(session_file: SessionFile) -> None:
    editor = SessionEditor(session_file, undo_depth=2)
    for text in ("a", "b", "c"):
        editor.request(add(text, make_undo=lambda idea: Undo(lambda d: None, idea.text)))

    assert editor.undo_labels == ["c", "b"]


def test_another_process_change_is_adopted(editor: SessionEditor) -> None:
    assert not editor.changed_on_disk()
    SessionFile.open(editor.path).change(lambda d: ops.add_idea(d, "from the command line"))

    assert editor.changed_on_disk()
    read = editor.read_if_changed()
    assert read is not None
    assert editor.adopt(read)
    assert [i.text for i in editor.session.ideas] == ["from the command line"]
    assert not editor.changed_on_disk()
    assert editor.read_if_changed() is None


def test_nothing_is_adopted_while_changes_are_pending(
    editor: SessionEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    SessionFile.open(editor.path).change(lambda d: ops.add_idea(d, "from elsewhere"))
    read = editor.read_if_changed()
    assert read is not None
    disk = DiskFull(monkeypatch)
    editor.request(add("mine"))

    assert not editor.changed_on_disk()
    assert not editor.adopt(read)
    assert "mine" not in [i.text for i in editor.session.ideas]

    disk.full = False
    editor.retry()  # reloads the file under the lock: both ideas, nothing lost
    assert [i.text for i in editor.session.ideas] == ["from elsewhere", "mine"]


def test_refresh_reads_and_adopts_on_the_calling_thread(editor: SessionEditor) -> None:
    assert not editor.refresh()
    SessionFile.open(editor.path).change(lambda d: ops.add_idea(d, "outside"))
    assert editor.refresh()
    assert [i.text for i in editor.session.ideas] == ["outside"]


def test_the_editor_imports_no_front_end() -> None:
    import subprocess
    import sys

    code = (
        "import sys, workshop.store.editor; "
        "print([m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'starlette', 'uvicorn', 'jinja2')])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
