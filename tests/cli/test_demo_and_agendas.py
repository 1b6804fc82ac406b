"""The demo session keeps the session's rules, and agenda files are found the way users expect."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from tests.cli.conftest import RunCli
from workshop.core.agenda import ActivityKind, Agenda, Horizon
from workshop.core.demo import demo_session
from workshop.core.errors import InvalidFileError
from workshop.store.agendas import (
    DEFAULT_AGENDA,
    find_agenda,
    known_agendas,
    load_agenda,
    shipped_agendas,
    user_agendas,
)
from workshop.store.session_text import parse_session, render_session

ON = date(2026, 3, 4)


@pytest.fixture(scope="module")
def customer_focus() -> Agenda:
    return load_agenda(find_agenda(DEFAULT_AGENDA))


def test_the_demo_is_the_same_every_time(customer_focus: Agenda) -> None:
    first = render_session(demo_session(customer_focus, ON))
    assert render_session(demo_session(customer_focus, ON)) == first
    assert parse_session(Path("demo.toml"), first) == demo_session(customer_focus, ON)


def test_the_demo_opens_at_the_first_brainstorm_with_ideas_in_every_brainstorm(
    customer_focus: Agenda,
) -> None:
    session = demo_session(customer_focus, ON)
    assert session.team == "Northwind Customer Service"
    assert session.date == ON
    brainstorms = [a.id for a in customer_focus.activities() if a.kind is ActivityKind.BRAINSTORM]
    assert session.current_activity == brainstorms[0]
    per_activity = Counter(idea.activity for idea in session.ideas)
    assert 20 <= len(session.ideas) <= 30
    assert set(per_activity) == set(brainstorms)
    assert any(idea.tags for idea in session.ideas)


def test_the_demo_groups_votes_and_rates_within_the_rules(customer_focus: Agenda) -> None:
    session = demo_session(customer_focus, ON)
    assert 3 <= len(session.themes) <= 4
    for theme in session.themes:
        assert sum(idea.theme == theme.id for idea in session.ideas) >= 3
    assert len(session.participants) == 6
    assert all(p.name and p.segment for p in session.participants)
    assert len({p.segment for p in session.participants}) >= 4

    (vote,) = [a for a in customer_focus.activities() if a.kind is ActivityKind.VOTE]
    spent: Counter[str] = Counter()
    for cast in session.votes:
        assert cast.activity == vote.id
        assert cast.count <= vote.vote_budget.max_per_idea
        spent[cast.voter] += cast.count
    assert set(spent) == {p.id for p in session.participants}
    assert max(spent.values()) <= vote.vote_budget.votes_per_person

    (rate,) = [a for a in customer_focus.activities() if a.kind is ActivityKind.RATE]
    scored = {(r.participant, r.criterion) for r in session.ratings}
    assert scored == {(p.id, c.id) for p in session.participants for c in rate.criteria}
    scale = rate.rating_scale
    assert all(scale.low <= r.score <= scale.high for r in session.ratings)
    assert len({r.score for r in session.ratings}) >= 3


def test_the_demo_has_debate_notes_actions_and_a_log(customer_focus: Agenda) -> None:
    session = demo_session(customer_focus, ON)
    assert len(session.debate) == 2
    assert all(note.verdict and note.decision for note in session.debate)
    assert len(session.actions) == 4
    assert {a.horizon for a in session.actions} == set(Horizon)
    idea_ids = {idea.id for idea in session.ideas}
    for action in session.actions:
        assert action.owner and action.measure
        assert action.ideas and set(action.ideas) <= idea_ids
    # The log runs up to the current activity (the first brainstorm), which is still running.
    order = [a.id for a in customer_focus.activities()]
    assert [e.activity for e in session.log] == order[: order.index(session.current_activity) + 1]
    assert [e.ended is None for e in session.log] == [False] * (len(session.log) - 1) + [True]
    starts = [entry.started for entry in session.log]
    assert starts == sorted(starts)
    for idea in session.ideas:
        logged = [e for e in session.log if e.activity == idea.activity]
        if logged and logged[0].ended is not None:
            assert logged[0].started <= idea.created <= logged[0].ended


@pytest.mark.parametrize("path", shipped_agendas(), ids=lambda path: path.stem)
def test_the_demo_works_for_every_shipped_agenda(path: Path) -> None:
    session = demo_session(load_agenda(path), ON)
    assert parse_session(path, render_session(session)) == session


def test_the_demo_works_for_an_agenda_with_one_brainstorm_and_nothing_else() -> None:
    agenda = Agenda.model_validate(
        {
            "title": "One thing",
            "steps": [
                {
                    "id": "s",
                    "title": "S",
                    "activities": [{"id": "ideas", "kind": "brainstorm", "title": "Ideas"}],
                }
            ],
        }
    )
    session = demo_session(agenda, ON)
    assert {idea.activity for idea in session.ideas} == {"ideas"}
    assert session.votes == [] and session.ratings == [] and session.debate == []
    assert len(session.actions) == 4


# --- agendas ----------------------------------------------------------------------------------


def test_shipped_agendas_are_sorted_and_include_the_default() -> None:
    names = [path.stem for path in shipped_agendas()]
    assert names == sorted(names)
    assert {DEFAULT_AGENDA, "pulse", "quarterly-review"} <= set(names)
    assert user_agendas() == []


def test_find_agenda_by_path_by_name_and_a_user_agenda_overriding_a_shipped_one(
    tmp_path: Path, home: Path
) -> None:
    own = tmp_path / "elsewhere.toml"
    own.write_text("title = 'x'\n", encoding="utf-8")
    assert find_agenda(str(own)) == own
    shipped_pulse = find_agenda("pulse")
    assert shipped_pulse in shipped_agendas()

    user_folder = home / "agendas"
    user_folder.mkdir(parents=True)
    (user_folder / "pulse.toml").write_bytes(shipped_pulse.read_bytes())
    (user_folder / "mine.toml").write_bytes(shipped_pulse.read_bytes())
    assert find_agenda("pulse") == user_folder / "pulse.toml"
    assert find_agenda("mine") == user_folder / "mine.toml"
    assert list(known_agendas()) == ["customer-focus", "mine", "pulse", "quarterly-review"]


def test_an_unknown_agenda_name_lists_the_known_ones() -> None:
    with pytest.raises(InvalidFileError) as raised:
        find_agenda("weekly")
    assert str(raised.value) == (
        "weekly: no such agenda file or agenda name "
        "(known agendas: customer-focus, pulse, quarterly-review)"
    )


def test_load_agenda_names_the_file_and_the_key(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text('title = "A"\nsteps = []\n', encoding="utf-8")
    with pytest.raises(InvalidFileError) as raised:
        load_agenda(path)
    assert str(raised.value).startswith(f"{path}: steps: ")


def test_the_demo_can_be_in_progress_now(customer_focus: Agenda) -> None:
    from datetime import UTC, datetime

    began = datetime(2026, 11, 23, 15, 40, tzinfo=UTC)
    session = demo_session(customer_focus, ON, current_started=began)

    running = session.log[-1]
    assert running.activity == session.current_activity
    assert running.started == began and running.ended is None
    before = session.log[-2]
    assert before.ended == began


def test_nothing_in_a_demo_started_late_in_the_evening_is_in_the_future(
    customer_focus: Agenda,
) -> None:
    from datetime import datetime, timedelta, timezone

    started = datetime(2026, 12, 5, 23, 26, tzinfo=timezone(timedelta(hours=-5)))
    session = demo_session(customer_focus, started.date(), current_started=started)

    stamps = [idea.created for idea in session.ideas] + [
        action.created for action in session.actions if action.created
    ]
    assert len(stamps) == len(session.ideas) + len(session.actions) > 20
    assert max(stamps) <= started
    assert [a.created for a in session.actions] == sorted(a.created for a in session.actions)


def test_the_report_on_a_demo_made_late_in_the_evening_shows_its_actions(
    workshop: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime, time

    from workshop.core import clock

    late = datetime.combine(date.today(), time(23, 50)).astimezone()
    monkeypatch.setattr(clock, "now", lambda: late)
    made = workshop("demo", "--print")
    assert made.exit_code == 0
    folder = Path(made.err.strip().removeprefix("Demo session: ")).parent

    reported = workshop("report", "--dir", folder, "--as-of", date.today().isoformat())

    assert reported.exit_code == 0
    assert "No actions yet" not in reported.out
    assert "Maria Okafor" in reported.out
