"""The success index, pinned on hand-worked examples (see the definition in core/success.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from workshop.core import ops
from workshop.core.agenda import ActionStatus, Agenda, Horizon
from workshop.core.models import Action, Review, Session
from workshop.core.success import (
    QuarterPoint,
    TrackedAction,
    action_key,
    done_on,
    index_by,
    index_by_owner,
    index_over_time,
    quarter_ends,
    state_at,
    success_index,
    track,
    tracked_actions,
)

START = date(2026, 1, 1)
TZ = timezone(timedelta(hours=1))


def review(on: date, progress: int, status: str = "on-track") -> Review:
    return Review(date=on, progress=progress, status=ActionStatus(status))


def action(
    action_id: str = "a1",
    *,
    horizon: str = "3m",
    reviews: list[Review] | None = None,
    status: str | None = None,
    start: date = START,
    owner: str = "",
    due: date | None = None,
) -> Action:
    reviews = reviews or []
    if status is None:
        status = reviews[-1].status if reviews else "not-started"
    return Action(
        id=action_id,
        title=f"Action {action_id}",
        owner=owner,
        horizon=Horizon(horizon),
        status=ActionStatus(status),
        created=datetime(start.year, start.month, start.day, 10, 0, tzinfo=TZ),
        reviews=reviews,
        due=due,
    )


def tracked(*actions: Action, team: str = "") -> list[TrackedAction]:
    return [
        TrackedAction(action=a, start=a.created.date() if a.created else START, team=team)
        for a in actions
    ]


DAY_91 = START + timedelta(days=91)  # 2026-04-02: a 3-month action is due


def test_no_actions_have_no_index() -> None:
    assert success_index([], DAY_91) is None


def test_all_dropped_actions_have_no_index() -> None:
    dropped = [
        action("a1", reviews=[review(date(2026, 2, 1), 1, "dropped")]),
        action("a2", horizon="beyond", status="dropped"),
    ]
    assert success_index(tracked(*dropped), DAY_91) is None


def test_an_action_dropped_later_still_counts_before_its_drop() -> None:
    later = action(reviews=[review(date(2026, 2, 1), 2), review(date(2026, 5, 1), 2, "dropped")])
    assert success_index(tracked(later), DAY_91) == pytest.approx(50.0)
    assert success_index(tracked(later), date(2026, 5, 1)) is None


def test_reviews_out_of_date_order_are_taken_by_date() -> None:
    # Saved newest first: the list order must not matter.
    unordered = action(reviews=[review(date(2026, 3, 1), 3), review(date(2026, 2, 1), 1)])

    assert success_index(tracked(unordered), date(2026, 2, 15)) == pytest.approx(25.0)
    assert success_index(tracked(unordered), date(2026, 3, 15)) == pytest.approx(75.0)
    # Before any review: progress 0.
    assert success_index(tracked(unordered), date(2026, 1, 15)) == pytest.approx(0.0)


def test_of_two_reviews_on_one_date_the_one_saved_later_wins() -> None:
    same_day = action(reviews=[review(date(2026, 2, 1), 1), review(date(2026, 2, 1), 3)])
    assert success_index(tracked(same_day), DAY_91) == pytest.approx(75.0)


def test_one_done_action_is_100_whatever_its_score() -> None:
    done = action(reviews=[review(date(2026, 2, 1), 2, "done")])
    assert success_index(tracked(done), DAY_91) == pytest.approx(100.0)


def test_mixed_horizons_weigh_by_the_share_of_the_horizon_passed() -> None:
    # At day 91: a 3m action weighs 91/91 = 1, a 6m one 91/182 = 0.5, a beyond one 91/365.
    # Progress: 3m 2/4 = 0.5; 6m 1/4 = 0.25; beyond 4/4 = 1.
    # Times 730: numerator 0.5*730 + 0.25*365 + 1*182 = 638.25; denominator 730 + 365 + 182.
    actions = tracked(
        action("a1", horizon="3m", reviews=[review(date(2026, 3, 20), 2)]),
        action("a2", horizon="6m", reviews=[review(date(2026, 3, 20), 1)]),
        action("a3", horizon="beyond", reviews=[review(date(2026, 3, 20), 4)]),
    )
    assert success_index(actions, DAY_91) == pytest.approx(100 * 638.25 / 1277)  # 49.98


def test_a_3_month_action_due_now_counts_more_than_a_beyond_one() -> None:
    due_now = action("a1", horizon="3m", reviews=[review(date(2026, 3, 1), 4)])
    beyond = action("a2", horizon="beyond")  # no progress
    # Weights 1 and 91/365: 100 * 1 / (1 + 91/365) = 100 * 365 / 456.
    assert success_index(tracked(due_now, beyond), DAY_91) == pytest.approx(100 * 365 / 456)


def test_a_new_action_counts_a_little() -> None:
    old_done = action("a1", reviews=[review(date(2026, 3, 1), 4, "done")])
    brand_new = action("a2", start=DAY_91)  # weight floor 0.1, progress 0
    assert success_index(tracked(old_done, brand_new), DAY_91) == pytest.approx(100 / 1.1)


def test_an_action_not_yet_started_is_left_out() -> None:
    later = action("a1", start=date(2026, 6, 1))
    assert success_index(tracked(later), DAY_91) is None
    assert state_at(later, date(2026, 6, 1), DAY_91) is None


def test_a_due_date_sets_the_horizon() -> None:
    # 6m horizon but due after 30 days: at day 30 it weighs 1, not 30/182.
    short = action("a1", horizon="6m", due=START + timedelta(days=30))
    plain = action("a2", horizon="6m", reviews=[review(date(2026, 1, 10), 4)])
    on = START + timedelta(days=30)
    # Weights 1 and 30/182 (progress 0 and 1): 100 * (30/182) / (1 + 30/182) = 100 * 30 / 212.
    assert success_index(tracked(short, plain), on) == pytest.approx(100 * 30 / 212)
    # At day 15 the plain one is under the floor: weights 0.5 and 0.1 -> 100 * 0.1 / 0.6.
    on = START + timedelta(days=15)
    assert success_index(tracked(short, plain), on) == pytest.approx(100 / 6)


def test_a_status_set_without_a_review_counts_from_the_last_review() -> None:
    marked_done = action(reviews=[review(date(2026, 2, 1), 2)], status="done")
    assert success_index(tracked(marked_done), date(2026, 1, 20)) == pytest.approx(0.0)
    assert success_index(tracked(marked_done), date(2026, 2, 1)) == pytest.approx(100.0)
    assert done_on(marked_done, START) == date(2026, 2, 1)

    never_reviewed = action(status="dropped")
    assert success_index(tracked(never_reviewed), DAY_91) is None


def test_index_by_owner_and_team() -> None:
    ana = action("a1", owner="Ana", reviews=[review(date(2026, 3, 1), 4)])
    ben = action("a2", owner="Ben", reviews=[review(date(2026, 3, 1), 1)])
    both = tracked(ana, team="Support") + tracked(ben, team="Billing")

    assert index_by_owner(both, DAY_91) == {"Ana": 100.0, "Ben": 25.0}
    assert index_by(both, DAY_91, lambda t: t.team) == {"Support": 100.0, "Billing": 25.0}


def _session(title: str, on: date, team: str, agenda: Agenda) -> Session:
    return ops.new_session(title, agenda, team=team, on=on)


def test_a_carried_action_counts_once_across_sessions(agenda: Agenda) -> None:
    first = _session("Kick-off", START, "Support", agenda)
    first.actions.append(action("a1", reviews=[review(date(2026, 3, 1), 1)]))
    second = _session("Quarterly review", date(2026, 4, 1), "Support", agenda)
    carried = action("a1", reviews=[review(date(2026, 3, 1), 1), review(date(2026, 4, 1), 3)])
    second.actions.append(carried.model_copy(update={"carried_from": action_key(first, "a1")}))

    counted = tracked_actions([first, second])

    assert [(t.session_title, t.action.id) for t in counted] == [("Quarterly review", "a1")]
    assert success_index(counted, date(2026, 4, 1)) == pytest.approx(75.0)
    assert success_index(track(first), date(2026, 4, 1)) == pytest.approx(25.0)


def test_quarter_ends_run_to_the_last_date() -> None:
    assert quarter_ends(date(2025, 11, 5), date(2026, 5, 10)) == [
        date(2025, 12, 31),
        date(2026, 3, 31),
        date(2026, 5, 10),
    ]
    assert quarter_ends(date(2026, 3, 31), date(2026, 3, 31)) == [date(2026, 3, 31)]


def test_index_over_time_is_taken_at_each_quarter_end() -> None:
    # Starts 2026-01-01 (3m); reviewed 2 on 2026-03-01, done on 2026-05-01.
    one = action(reviews=[review(date(2026, 3, 1), 2), review(date(2026, 5, 1), 3, "done")])
    points = index_over_time(tracked(one), date(2026, 8, 15))
    assert points == [
        QuarterPoint("2026-Q1", date(2026, 3, 31), pytest.approx(50.0)),
        QuarterPoint("2026-Q2", date(2026, 6, 30), pytest.approx(100.0)),
        QuarterPoint("2026-Q3", date(2026, 8, 15), pytest.approx(100.0)),
    ]
    assert index_over_time([], date(2026, 8, 15)) == []
