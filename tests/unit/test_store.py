"""The store's promise: round-trips, stable bytes, atomic saves, locks, clear errors."""

from __future__ import annotations

import difflib
import os
import stat
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import tomli_w

from tests.unit.helpers import MOMENT, filled
from workshop.core import ops
from workshop.core.agenda import Horizon
from workshop.core.errors import InvalidFileError
from workshop.core.models import SCHEMA_VERSION, Action, Session, TimerState
from workshop.store.atomic import SaveError
from workshop.store.folder import new_session_path
from workshop.store.session_file import SessionFile
from workshop.store.session_text import MIGRATIONS, load_session, render_session


def test_a_saved_session_loads_back_equal(session_file: SessionFile) -> None:
    session_file.change(filled)

    loaded = load_session(session_file.path)

    assert loaded == session_file.session
    assert loaded.ideas[0].tags == ["billing"]
    assert loaded.actions[0].reviews[0].progress == 2
    assert loaded.actions[0].horizon is Horizon.SIX_MONTHS


def test_two_saves_of_the_same_session_are_byte_identical(session_file: SessionFile) -> None:
    session_file.change(filled)
    first = session_file.path.read_bytes()

    assert render_session(load_session(session_file.path)).encode() == first
    session_file.change(lambda s: None)
    assert session_file.path.read_bytes() == first


def test_one_new_idea_is_a_small_diff(session_file: SessionFile) -> None:
    session_file.change(filled)
    before = session_file.path.read_text().splitlines()

    session_file.change(lambda s: ops.add_idea(s, "Parking is full", at=MOMENT))

    after = session_file.path.read_text().splitlines()
    changed = [line for line in difflib.ndiff(before, after) if line[:1] in "+-"]
    assert changed == [
        "- i = 1",
        "+ i = 2",
        "+ ",
        "+ [[ideas]]",
        '+ id = "i2"',
        '+ text = "Parking is full"',
        '+ activity = "what-bugs-customers"',
        "+ created = 2026-11-23 09:30:00+01:00",  # tomli-w: a space between date and time
    ]


def test_new_session_files_are_readable_by_their_owner_only(session_file: SessionFile) -> None:
    assert stat.S_IMODE(session_file.path.stat().st_mode) == 0o600
    session_file.change(lambda s: ops.add_idea(s, "x"))
    assert stat.S_IMODE(session_file.path.stat().st_mode) == 0o600


def test_create_refuses_to_overwrite(session_file: SessionFile) -> None:
    with pytest.raises(SaveError, match="already exists"):
        SessionFile.create(session_file.path, session_file.session)


def test_a_failed_edit_changes_nothing(session_file: SessionFile) -> None:
    before = session_file.path.read_bytes()

    def broken(session: Session) -> None:
        ops.add_idea(session, "half done")
        raise ValueError("boom")

    with pytest.raises(ValueError):
        session_file.change(broken)

    assert session_file.session.ideas == []
    assert session_file.path.read_bytes() == before


def test_a_failed_write_keeps_the_file_and_the_session(
    session_file: SessionFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_file.change(lambda s: ops.add_idea(s, "kept"))
    before = session_file.path.read_bytes()

    def disk_full(*args: object, **kwargs: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(SaveError, match="No space left on device"):
        session_file.change(lambda s: ops.add_idea(s, "lost?"))
    monkeypatch.undo()

    assert [i.text for i in session_file.session.ideas] == ["kept"]
    assert session_file.path.read_bytes() == before
    assert not [p for p in session_file.path.parent.iterdir() if p.name.endswith(".tmp")]
    session_file.change(lambda s: ops.add_idea(s, "after the disk was freed"))
    assert len(load_session(session_file.path).ideas) == 2


def test_stale_temp_files_are_removed_on_the_next_save(session_file: SessionFile) -> None:
    stale = session_file.path.with_name(f".{session_file.path.name}.dead.tmp")
    stale.write_text("half a file")

    session_file.change(lambda s: ops.add_idea(s, "x"))

    assert not stale.exists()


def test_changes_by_another_writer_are_kept(session_file: SessionFile) -> None:
    other = SessionFile.open(session_file.path)
    other.change(lambda s: ops.add_idea(s, "from the other terminal"))

    session_file.change(lambda s: ops.add_idea(s, "from the screen"))

    texts = [i.text for i in load_session(session_file.path).ideas]
    assert texts == ["from the other terminal", "from the screen"]
    assert [i.id for i in session_file.session.ideas] == ["i1", "i2"]


def test_refresh_sees_another_writers_change(session_file: SessionFile) -> None:
    assert session_file.refresh() is False
    SessionFile.open(session_file.path).change(lambda s: ops.add_idea(s, "new"))

    assert session_file.refresh() is True
    assert [i.text for i in session_file.session.ideas] == ["new"]
    assert session_file.refresh() is False


def test_new_session_paths_do_not_collide(tmp_path: Path) -> None:
    first = new_session_path(tmp_path, "Service / Desk!", date(2026, 1, 2))
    first.write_text("")
    second = new_session_path(tmp_path, "Service / Desk!", date(2026, 1, 2))

    assert first.name == "2026-01-02-service-desk.toml"
    assert second.name == "2026-01-02-service-desk-2.toml"


# --- bad files ------------------------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.toml"
    path.write_text(text)
    return path


def valid_text(session_file: SessionFile) -> str:
    return session_file.path.read_text()


def test_a_toml_syntax_error_names_the_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, 'title = "x"\ndate = 2026-01-01\nteam = \n')

    with pytest.raises(InvalidFileError) as caught:
        load_session(path)

    message = str(caught.value)
    assert message.startswith(f"{path}:3:")
    assert "\n" not in message


def test_an_invalid_value_names_the_key_path(session_file: SessionFile, tmp_path: Path) -> None:
    session_file.change(lambda s: ops.add_idea(s, "x"))
    text = valid_text(session_file).replace('id = "i1"\n', 'id = "i1"\nhidden = "maybe"\n')
    path = write(tmp_path, text)

    with pytest.raises(InvalidFileError, match=r"ideas\[0\]\.hidden: "):
        load_session(path)


def test_a_missing_key_and_an_unknown_key_are_named(
    session_file: SessionFile, tmp_path: Path
) -> None:
    missing = write(tmp_path, valid_text(session_file).replace('title = "Service desk"\n', ""))
    with pytest.raises(InvalidFileError, match=r": title: required key is missing"):
        load_session(missing)

    unknown = write(tmp_path, 'colour = "red"\n' + valid_text(session_file))
    with pytest.raises(InvalidFileError, match=r": colour: unknown key"):
        load_session(unknown)


def test_duplicate_ids_are_refused(session_file: SessionFile, tmp_path: Path) -> None:
    session_file.change(lambda s: [ops.add_idea(s, "a"), ops.add_idea(s, "b")])
    path = write(tmp_path, valid_text(session_file).replace('id = "i2"', 'id = "i1"'))

    with pytest.raises(InvalidFileError) as refused:
        load_session(path)
    # The key path of the second record with the id, as for every rule a file breaks.
    assert str(refused.value) == f"{path}: ideas[1].id: duplicate idea id 'i1'"


def test_agenda_rules_name_their_key_path(tmp_path: Path) -> None:
    from workshop.store.agendas import find_agenda, load_agenda

    shipped = find_agenda("customer-focus").read_text(encoding="utf-8")
    twice = write(tmp_path, shipped.replace('id = "leader-questions"', 'id = "the-case"', 1))
    with pytest.raises(InvalidFileError) as refused:
        load_agenda(twice)
    assert str(refused.value) == (
        f"{twice}: steps[0].activities[1].id: duplicate activity id 'the-case'"
    )

    criterion = 'id = "deeper-understanding"'
    assert criterion in shipped
    same_criterion = shipped.replace(criterion, 'id = "basic-knowledge"', 1)
    twice = write(tmp_path, same_criterion)
    with pytest.raises(InvalidFileError) as refused:
        load_agenda(twice)
    assert str(refused.value).startswith(f"{twice}: steps[1].activities[")
    assert str(refused.value).endswith("].criteria[1].id: duplicate criterion id 'basic-knowledge'")

    no_criteria = tomllib.loads(shipped)
    rate = next(
        (step_index, index, activity)
        for step_index, step in enumerate(no_criteria["steps"])
        for index, activity in enumerate(step["activities"])
        if activity["kind"] == "rate"
    )
    del rate[2]["criteria"]
    path = write(tmp_path, tomli_w.dumps(no_criteria))
    with pytest.raises(InvalidFileError) as refused:
        load_agenda(path)
    assert str(refused.value) == (
        f"{path}: steps[{rate[0]}].activities[{rate[1]}].criteria: a rate activity needs criteria"
    )

    for shipped_value, broken_value, expected in [
        ("high = 5,", "high = 1,", "].scale.high: high must be greater than low"),
        (
            "max_per_idea = 3 }",
            "max_per_idea = 9 }",
            "].votes.max_per_idea: max_per_idea cannot exceed votes_per_person",
        ),
    ]:
        assert shipped.count(shipped_value) == 1
        path = write(tmp_path, shipped.replace(shipped_value, broken_value))
        with pytest.raises(InvalidFileError) as refused:
            load_agenda(path)
        assert str(refused.value).endswith(expected)
        assert "Value error" not in str(refused.value)


def test_a_file_from_a_newer_version_is_refused(session_file: SessionFile, tmp_path: Path) -> None:
    text = valid_text(session_file).replace(
        f"schema_version = {SCHEMA_VERSION}", f"schema_version = {SCHEMA_VERSION + 1}"
    )
    with pytest.raises(InvalidFileError, match="written by a newer workshop"):
        load_session(write(tmp_path, text))


def test_an_older_file_is_migrated_on_load(
    session_file: SessionFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend the current schema is one newer, whose change renamed `team` from `group`.
    def rename_group_to_team(data: dict) -> dict:
        data["team"] = data.pop("group")
        return data

    old = valid_text(session_file).replace('team = "Support"', 'group = "Support"')
    monkeypatch.setattr("workshop.store.session_text.SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(MIGRATIONS, SCHEMA_VERSION, rename_group_to_team)

    loaded = load_session(write(tmp_path, old))

    assert loaded.team == "Support"
    assert loaded.schema_version == SCHEMA_VERSION + 1


def test_not_utf8_and_missing_files_are_named(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'title = "caf\xe9"\n')
    with pytest.raises(InvalidFileError, match=r"latin1.toml:1: not UTF-8"):
        load_session(path)
    with pytest.raises(InvalidFileError, match="no such file"):
        load_session(tmp_path / "nowhere.toml")


def test_an_action_in_a_hand_edited_file_needs_a_known_horizon(
    session_file: SessionFile, tmp_path: Path
) -> None:
    session_file.change(lambda s: s.actions.append(Action(id="a1", title="t")))
    text = valid_text(session_file).replace('title = "t"', 'title = "t"\nhorizon = "someday"')

    with pytest.raises(InvalidFileError, match=r"actions\[0\]\.horizon: "):
        load_session(write(tmp_path, text))


def test_a_hand_edited_idea_keeps_its_form_and_the_file_still_loads(
    session_file: SessionFile,
) -> None:
    session_file.change(lambda s: [ops.add_idea(s, "first", at=MOMENT), ops.add_idea(s, "two")])
    text = session_file.path.read_text().replace('text = "first"', "text = 'first' # typed by hand")
    session_file.path.write_text(text)

    reopened = SessionFile.open(session_file.path)
    reopened.change(lambda s: ops.add_idea(s, "third"))

    saved = session_file.path.read_text()
    assert "text = 'first' # typed by hand" in saved
    assert [i.text for i in load_session(session_file.path).ideas] == ["first", "two", "third"]


def test_ideas_written_before_other_tables_by_hand_are_not_duplicated(
    session_file: SessionFile,
) -> None:
    session_file.change(lambda s: ops.add_idea(s, "an idea"))
    text = session_file.path.read_text()
    agenda_at, ideas_at = text.index("[agenda]"), text.index("[[ideas]]")
    header, middle, idea_part = text[:agenda_at], text[agenda_at:ideas_at], text[ideas_at:]
    session_file.path.write_text(header + idea_part + "\n" + middle)

    reopened = SessionFile.open(session_file.path)
    reopened.change(lambda s: ops.add_idea(s, "another"))

    loaded = load_session(session_file.path)
    assert [i.text for i in loaded.ideas] == ["an idea", "another"]
    assert session_file.path.read_text() == render_session(loaded)


def test_a_change_read_in_the_background_is_adopted(session_file: SessionFile) -> None:
    assert session_file.read_if_changed() is None
    SessionFile.open(session_file.path).change(lambda s: ops.add_idea(s, "from elsewhere"))

    read = session_file.read_if_changed()

    assert read is not None
    assert session_file.session.ideas == []  # reading alone changes nothing
    assert session_file.adopt(read) is True
    assert [i.text for i in session_file.session.ideas] == ["from elsewhere"]
    assert session_file.adopt(read) is False


def test_a_stale_background_read_is_not_adopted(session_file: SessionFile) -> None:
    other = SessionFile.open(session_file.path)
    other.change(lambda s: ops.add_idea(s, "first"))
    read = session_file.read_if_changed()
    other.change(lambda s: ops.add_idea(s, "second"))

    assert read is not None
    assert session_file.adopt(read) is False
    assert session_file.refresh() is True
    assert [i.text for i in session_file.session.ideas] == ["first", "second"]


def test_the_id_counters_survive_a_reload(session_file: SessionFile) -> None:
    session_file.change(lambda s: [ops.add_idea(s, "a"), ops.add_idea(s, "b")])
    session_file.change(lambda s: ops.delete_idea(s, "i2"))

    reopened = SessionFile.open(session_file.path)
    added = reopened.change(lambda s: ops.add_idea(s, "c"))

    assert added.id == "i3"
    assert load_session(session_file.path).id_counters == {"i": 3}


def test_changed_on_disk_says_whether_another_writer_saved(session_file: SessionFile) -> None:
    assert session_file.changed_on_disk() is False
    session_file.change(lambda s: ops.add_idea(s, "our own change"))
    assert session_file.changed_on_disk() is False

    SessionFile.open(session_file.path).change(lambda s: ops.add_idea(s, "another writer"))

    assert session_file.changed_on_disk() is True
    assert session_file.refresh() is True
    assert session_file.changed_on_disk() is False


def test_a_version_1_file_is_upgraded_to_keep_timers_and_loses_nothing(
    session_file: SessionFile, tmp_path: Path
) -> None:
    session_file.change(
        lambda s: [ops.add_idea(s, "Invoices late #billing"), ops.add_theme(s, "Money")]
    )
    version_2 = valid_text(session_file)
    assert version_2.startswith("schema_version = 2\n") and "[[timers]]" not in version_2
    path = write(tmp_path, version_2.replace("schema_version = 2\n", "schema_version = 1\n", 1))

    upgraded = load_session(path)

    assert upgraded.schema_version == 2 and upgraded.timers == []
    assert upgraded.model_dump(exclude={"schema_version"}) == session_file.session.model_dump(
        exclude={"schema_version"}
    )
    reopened = SessionFile.open(path)
    reopened.change(lambda s: ops.add_idea(s, "one more"))
    assert path.read_text().startswith("schema_version = 2\n")


def test_a_timers_state_is_kept_in_the_file_and_read_back_from_it_alone(
    session_file: SessionFile,
) -> None:
    since = datetime(2026, 11, 23, 10, 0, 0, tzinfo=UTC)
    paused = TimerState(
        activity="what-bugs-customers", planned_seconds=900, added_seconds=60, elapsed_seconds=549.5
    )
    running = TimerState(
        activity="debate-blocks",
        item="little-data",
        planned_seconds=300,
        elapsed_seconds=30.0,
        running_since=since,
    )
    session_file.change(lambda s: [ops.set_timer(s, paused), ops.set_timer(s, running)])
    session_file.change(
        lambda s: ops.set_timer(s, paused.model_copy(update={"added_seconds": 120}))
    )

    text = valid_text(session_file)
    assert "[[timers]]" in text and "running_since = 2026-11-23 10:00:00+00:00" in text
    loaded = load_session(session_file.path)
    assert ops.timer_state(loaded, "what-bugs-customers") == paused.model_copy(
        update={"added_seconds": 120}
    )
    assert ops.timer_state(loaded, "debate-blocks", "little-data") == running
    assert running.seconds_run(since + timedelta(seconds=15)) == 45.0
