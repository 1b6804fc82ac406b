"""Benchmark statistics, pinned on numbers worked out by hand."""

from __future__ import annotations

import math
from datetime import date

import pytest

from tests.sample_session import SAMPLE_DATE, sample_session
from workshop.core.agenda import Activity, ActivityKind, Criterion, Scale
from workshop.core.models import Rating, Session
from workshop.core.stats import (
    CriterionResult,
    SegmentResult,
    criterion_results,
    disagreement_threshold,
    text_bar,
    with_previous,
)


def _by_id(results: list[CriterionResult]) -> dict[str, CriterionResult]:
    return {result.criterion_id: result for result in results}


def test_results_follow_the_agenda_order_of_criteria() -> None:
    results = criterion_results(sample_session(), "benchmark")
    assert [r.criterion_id for r in results] == [
        "knowledge",
        "alignment",
        "attitudes",
        "partnership",
    ]
    assert results[1].title == "Goals | systems aligned"


def test_knowledge_mean_range_and_spread() -> None:
    # Scores 3, 4, 3, 4: mean 14 / 4 = 3.5; every score is 0.5 from it, so pstdev = 0.5.
    knowledge = _by_id(criterion_results(sample_session(), "benchmark"))["knowledge"]
    assert knowledge.count == 4
    assert knowledge.mean == 3.5
    assert (knowledge.min_score, knowledge.max_score) == (3, 4)
    assert knowledge.stdev == 0.5
    assert knowledge.target == 4.0
    assert knowledge.disagreement is False
    assert knowledge.previous is None


def test_alignment_is_flagged_as_disagreement() -> None:
    # Scores 1, 5, 2, 4: mean 12 / 4 = 3.0; squared gaps 4 + 4 + 1 + 1 = 10; 10 / 4 = 2.5.
    alignment = _by_id(criterion_results(sample_session(), "benchmark"))["alignment"]
    assert alignment.mean == 3.0
    assert (alignment.min_score, alignment.max_score) == (1, 5)
    assert alignment.stdev == pytest.approx(math.sqrt(2.5))
    assert alignment.stdev == pytest.approx(1.5811, abs=1e-4)
    assert alignment.disagreement is True


def test_a_range_of_half_the_scale_alone_is_not_disagreement() -> None:
    # Scores 4, 4, 5, 3: mean 4.0; squared gaps 0 + 0 + 1 + 1 = 2; 2 / 4 = 0.5; sd 0.707 < 1.0.
    attitudes = _by_id(criterion_results(sample_session(), "benchmark"))["attitudes"]
    assert attitudes.mean == 4.0
    assert attitudes.stdev == pytest.approx(math.sqrt(0.5))
    assert attitudes.max_score - attitudes.min_score == 2  # type: ignore[operator]
    assert attitudes.disagreement is False
    assert attitudes.target is None


def test_a_criterion_nobody_scored_has_no_mean() -> None:
    partnership = _by_id(criterion_results(sample_session(), "benchmark"))["partnership"]
    assert partnership.count == 0
    assert partnership.mean is None
    assert partnership.min_score is None and partnership.max_score is None
    assert partnership.stdev is None
    assert partnership.disagreement is False
    assert partnership.by_segment == {}
    assert partnership.target == 3.0


def test_segments_split_the_scores_and_no_segment_goes_under_empty() -> None:
    results = _by_id(criterion_results(sample_session(), "benchmark"))
    # knowledge: Support = Ana 3 + Ben 4 -> 3.5; Sales = Chloé 3; p4 (no segment) 4.
    assert results["knowledge"].by_segment == {
        "Sales": SegmentResult(1, 3.0),
        "Support": SegmentResult(2, 3.5),
        "": SegmentResult(1, 4.0),
    }
    # alignment: Support = 1 + 5 -> 3.0; Sales 2; no segment 4.
    assert results["alignment"].by_segment == {
        "Sales": SegmentResult(1, 2.0),
        "Support": SegmentResult(2, 3.0),
        "": SegmentResult(1, 4.0),
    }
    assert list(results["alignment"].by_segment) == ["Sales", "Support", ""]


def test_ratings_of_other_activities_criteria_and_people_are_handled() -> None:
    session = sample_session()
    session.ratings.append(
        Rating(activity="vote", participant="p1", criterion="knowledge", score=1)
    )
    session.ratings.append(
        Rating(activity="benchmark", participant="p1", criterion="unknown", score=1)
    )
    session.ratings.append(
        Rating(activity="benchmark", participant="gone", criterion="knowledge", score=5)
    )
    knowledge = _by_id(criterion_results(session, "benchmark"))["knowledge"]
    # 3, 4, 3, 4 and the departed participant's 5: mean 19 / 5 = 3.8.
    assert knowledge.count == 5
    assert knowledge.mean == pytest.approx(3.8)
    assert knowledge.by_segment[""] == SegmentResult(2, 4.5)


def test_an_unknown_activity_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        criterion_results(sample_session(), "nope")


def _ten_point_session(scores: list[int]) -> Session:
    session = sample_session()
    activity = Activity(
        id="ten",
        kind=ActivityKind.RATE,
        title="Ten",
        scale=Scale(low=1, high=10),
        criteria=[Criterion(id="c", title="C")],
    )
    steps = list(session.agenda.steps)
    steps[-1] = steps[-1].model_copy(update={"activities": [*steps[-1].activities, activity]})
    session.agenda = session.agenda.model_copy(update={"steps": steps})
    session.ratings = [
        Rating(activity="ten", participant=f"p{n + 1}", criterion="c", score=score)
        for n, score in enumerate(scores)
    ]
    return session


def test_disagreement_is_relative_to_the_scale() -> None:
    assert disagreement_threshold(Scale(low=1, high=5)) == 1.0
    assert disagreement_threshold(Scale(low=1, high=10)) == 2.25
    # On 1-10, scores 3 and 7 have sd 2.0 (< 2.25): agreement enough; 2 and 8 have sd 3.0.
    assert criterion_results(_ten_point_session([3, 7]), "ten")[0].disagreement is False
    assert criterion_results(_ten_point_session([2, 8]), "ten")[0].disagreement is True


def test_the_threshold_itself_counts_as_disagreement() -> None:
    session = sample_session()
    session.ratings = [
        Rating(activity="benchmark", participant="p1", criterion="knowledge", score=2),
        Rating(activity="benchmark", participant="p2", criterion="knowledge", score=4),
    ]
    knowledge = criterion_results(session, "benchmark")[0]
    assert knowledge.stdev == 1.0
    assert knowledge.disagreement is True


# --- previous sessions --------------------------------------------------------------------------


def _earlier(team: str, on: date, scores: dict[str, list[int]]) -> Session:
    session = sample_session()
    session.team = team
    session.date = on
    session.ratings = [
        Rating(activity="benchmark", participant=f"p{n + 1}", criterion=criterion, score=score)
        for criterion, values in scores.items()
        for n, score in enumerate(values)
    ]
    return session


def test_previous_comes_from_the_latest_earlier_session_of_the_team() -> None:
    current = sample_session()
    earlier = [
        # Same team, another spelling: knowledge 2, 3 -> 2.5; no alignment scores.
        _earlier(" SUPPORT DESK", date(2024, 12, 1), {"knowledge": [2, 3]}),
        # Same team, older: knowledge 1; alignment 2, 4 -> 3.0.
        _earlier("support desk", date(2024, 6, 1), {"knowledge": [1], "alignment": [2, 4]}),
        # Another team, more recent: ignored.
        _earlier("Sales", date(2025, 1, 1), {"knowledge": [5], "attitudes": [5]}),
        # The same day and later: not earlier.
        _earlier("Support desk", SAMPLE_DATE, {"knowledge": [5], "attitudes": [1]}),
        _earlier("Support desk", date(2025, 6, 1), {"knowledge": [5], "attitudes": [1]}),
    ]
    results = criterion_results(current, "benchmark")
    filled = _by_id(with_previous(results, earlier, current))
    assert filled["knowledge"].previous == 2.5
    assert filled["alignment"].previous == 3.0
    assert filled["attitudes"].previous is None
    assert filled["partnership"].previous is None
    # Everything else is kept, and the inputs are not changed.
    assert filled["knowledge"].mean == 3.5
    assert all(result.previous is None for result in results)


def test_a_session_without_a_team_has_no_previous() -> None:
    current = sample_session()
    current.team = ""
    earlier = [_earlier("", date(2024, 1, 1), {"knowledge": [1]})]
    filled = with_previous(criterion_results(current, "benchmark"), earlier, current)
    assert all(result.previous is None for result in filled)


# --- the text bar -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "low", "high", "width", "expected"),
    [
        (5, 1, 5, 20, "█" * 20),
        (1, 1, 5, 20, " " * 20),
        (3, 1, 5, 20, "█" * 10 + " " * 10),
        # 3.5 on 1-5 is 62.5%: 12.5 cells = 12 full blocks and a half block.
        (3.5, 1, 5, 20, "█" * 12 + "▌" + " " * 7),
        (2, 1, 5, 8, "██" + " " * 6),
        (1, 0, 8, 1, "▏"),
        (7, 1, 5, 4, "████"),
        (-3, 1, 5, 4, "    "),
        (None, 1, 5, 5, "     "),
        (3, 1, 5, 0, ""),
    ],
)
def test_text_bar(value: float | None, low: int, high: int, width: int, expected: str) -> None:
    assert text_bar(value, low, high, width) == expected


def test_text_bar_is_always_its_width() -> None:
    for tenth in range(0, 41):
        assert len(text_bar(1 + tenth / 10, 1, 5)) == 20
