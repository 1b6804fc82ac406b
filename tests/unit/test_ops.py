"""The rules of changing a session: ids, tags, undo, themes, votes, ratings, the log."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from workshop.core import ops
from workshop.core.agenda import Agenda
from workshop.core.errors import RuleError
from workshop.core.models import Review, Session
from workshop.core.tally import ranking, top_items

NINE = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def session(agenda: Agenda) -> Session:
    return ops.new_session("Service desk", agenda, on=date(2026, 11, 23))


def test_a_deleted_ideas_id_is_never_given_again(session: Session) -> None:
    first, second = ops.add_idea(session, "one"), ops.add_idea(session, "two")
    ops.delete_idea(session, second.id)

    third = ops.add_idea(session, "three")

    assert (first.id, second.id, third.id) == ("i1", "i2", "i3")
    session.ideas.append(third.model_copy(update={"id": "i41"}))  # as if edited by hand
    assert ops.add_idea(session, "after a hand edit").id == "i42"


class _CountedIdeas(list):  # type: ignore[type-arg]
    """A list of ideas that counts how many of them were read (to see whether ids are scanned)."""

    reads = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in super().__iter__():
            self.reads += 1
            yield item

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        self.reads += 1
        return super().__getitem__(index)


def test_loading_raises_each_counter_to_the_highest_id_in_the_file(session: Session) -> None:
    for text in ("a", "b", "c"):
        ops.add_idea(session, text)
    data = session.model_dump()
    data["id_counters"] = {"i": 1}  # a hand-edited file: the counter lags behind the ids
    data["ideas"][1]["id"] = "i17"

    loaded = Session.model_validate(data)

    assert loaded.id_counters["i"] == 17
    assert ops.add_idea(loaded, "after the hand edit").id == "i18"


def test_next_id_does_not_scan_every_id_when_the_counters_are_known(session: Session) -> None:
    for n in range(200):
        ops.add_idea(session, f"idea {n}")
    loaded = Session.model_validate(session.model_dump())
    loaded.ideas = _CountedIdeas(loaded.ideas)

    new_id = ops.next_id(loaded.ideas, "i", loaded.id_counters)

    assert new_id == "i201"
    assert loaded.ideas.reads <= 1  # the last idea only, not all 200


def test_next_id_scans_when_ideas_were_put_in_past_the_counter(session: Session) -> None:
    ops.add_idea(session, "one")
    session.ideas.append(session.ideas[0].model_copy(update={"id": "i9"}))
    session.ideas.append(session.ideas[0].model_copy(update={"id": "i5"}))

    assert ops.add_idea(session, "two").id == "i10"  # i9 is not the last, and is not reused


def test_hash_words_become_lower_case_tags_once(session: Session) -> None:
    text = "Invoices #Billing are late #billing; see issue#4"
    idea = ops.add_idea(session, text, tags=["#Phone"])

    assert idea.tags == ["billing", "phone"]
    assert idea.text == text


def test_a_new_idea_goes_to_the_current_brainstorm_or_the_first_one(session: Session) -> None:
    session.current_activity = "getting-it-right"
    assert ops.add_idea(session, "a").activity == "getting-it-right"
    session.current_activity = "benchmark"
    assert ops.add_idea(session, "b").activity == "what-bugs-customers"


def test_empty_text_and_unknown_activities_are_refused(session: Session) -> None:
    with pytest.raises(RuleError, match="needs some text"):
        ops.add_idea(session, "   \n")
    with pytest.raises(RuleError, match="no activity 'nowhere'"):
        ops.add_idea(session, "x", activity="nowhere")


def test_text_that_cannot_be_stored_is_mended_not_refused(session: Session) -> None:
    assert ops.add_idea(session, "broken \ud800 surrogate").text == "broken \ufffd surrogate"


def test_undoing_a_delete_puts_the_idea_back_where_it_was(session: Session) -> None:
    for text in ("a", "b", "c"):
        ops.add_idea(session, text)
    index, removed = ops.delete_idea(session, "i2")

    ops.restore_idea(session, index, removed)

    assert [i.text for i in session.ideas] == ["a", "b", "c"]
    assert session.ideas[1] is removed


def test_undoing_a_delete_keeps_the_id_and_a_new_idea_never_takes_it(session: Session) -> None:
    ops.add_idea(session, "a")
    index, removed = ops.delete_idea(session, "i1")
    ops.add_idea(session, "added meanwhile")

    ops.restore_idea(session, index, removed)

    assert [(i.id, i.text) for i in session.ideas] == [("i1", "a"), ("i2", "added meanwhile")]


def test_merging_themes_moves_ideas_and_votes(session: Session) -> None:
    idea = ops.add_idea(session, "x")
    money, bills = ops.add_theme(session, "Money"), ops.add_theme(session, "Bills")
    ops.move_to_theme(session, idea.id, bills.id)
    ops.set_tally(session, "prioritise", bills.id, 4)

    ops.merge_themes(session, bills.id, money.id)

    assert [t.title for t in session.themes] == ["Money"]
    assert session.ideas[0].theme == money.id
    assert [(v.target, v.count) for v in session.votes] == [(money.id, 4)]
    with pytest.raises(RuleError):
        ops.merge_themes(session, money.id, money.id)


def test_deleting_a_theme_ungroups_its_ideas_and_undo_regroups_them(session: Session) -> None:
    idea = ops.add_idea(session, "x")
    theme = ops.add_theme(session, "Money")
    ops.move_to_theme(session, idea.id, theme.id)

    index, removed, members = ops.delete_theme(session, theme.id)
    assert session.ideas[0].theme == "" and session.themes == []

    ops.restore_theme(session, index, removed, members)
    assert session.ideas[0].theme == theme.id and session.themes == [removed]


def test_dot_votes_keep_to_the_agendas_budget(session: Session) -> None:
    ideas = [ops.add_idea(session, f"idea {n}") for n in range(3)]
    voter = ops.add_participant(session, "Ana")

    with pytest.raises(RuleError, match="over the budget of 5"):
        ops.cast_votes(session, "prioritise", voter.id, {ideas[0].id: 3, ideas[1].id: 3})
    with pytest.raises(RuleError, match="at most 3 votes on one item"):
        ops.cast_votes(session, "prioritise", voter.id, {ideas[0].id: 4})
    ops.cast_votes(session, "prioritise", voter.id, {ideas[0].id: 3, ideas[1].id: 2})
    ops.cast_votes(session, "prioritise", voter.id, {ideas[2].id: 1})  # replaces her dots

    assert ops.votes_of(session, "prioritise", voter.id) == {ideas[2].id: 1}


def test_dots_given_one_at_a_time_add_up_on_the_latest_session(session: Session) -> None:
    ideas = [ops.add_idea(session, f"Idea {n}", activity="what-bugs-customers") for n in range(2)]
    voter = ops.add_participant(session)
    first, second = ideas[0].id, ideas[1].id

    assert ops.change_dots(session, "prioritise", voter.id, first, +1) == {}
    assert ops.change_dots(session, "prioritise", voter.id, first, +1) == {first: 1}
    ops.change_dots(session, "prioritise", voter.id, second, +1)
    assert ops.votes_of(session, "prioritise", voter.id) == {first: 2, second: 1}

    ops.change_dots(session, "prioritise", voter.id, first, -1)
    assert ops.votes_of(session, "prioritise", voter.id) == {first: 1, second: 1}
    with pytest.raises(RuleError, match="no dot on that item"):
        ops.change_dots(session, "prioritise", voter.id, second, -2)
    ops.change_dots(session, "prioritise", voter.id, first, +2)
    with pytest.raises(RuleError, match="at most 3 votes on one item"):
        ops.change_dots(session, "prioritise", voter.id, first, +1)
    assert ops.votes_of(session, "prioritise", voter.id) == {first: 3, second: 1}


def test_a_show_of_hands_tally_replaces_the_last_one(session: Session) -> None:
    idea = ops.add_idea(session, "x")
    ops.set_tally(session, "prioritise", idea.id, 7)
    ops.set_tally(session, "prioritise", idea.id, 9)

    assert [(v.target, v.count) for v in session.votes] == [(idea.id, 9)]
    with pytest.raises(RuleError, match="no idea or theme"):
        ops.set_tally(session, "prioritise", "i99", 1)


def test_the_ranking_shows_ties_as_ties_and_leaves_hidden_ideas_out(session: Session) -> None:
    a, b, c, d = (ops.add_idea(session, text) for text in "abcd")
    for idea, count in ((a, 3), (b, 5), (c, 3), (d, 9)):
        ops.set_tally(session, "prioritise", idea.id, count)
    ops.set_hidden(session, d.id, True)

    ranked = ranking(session, "prioritise")

    assert [(r.title, r.votes, r.rank, r.tied) for r in ranked] == [
        ("b", 5, 1, False),
        ("a", 3, 2, True),
        ("c", 3, 2, True),
    ]
    assert [r.title for r in top_items(session, "prioritise", limit=2)] == ["b", "a", "c"]


def test_a_score_must_be_on_the_scale_and_none_leaves_it_out(session: Session) -> None:
    person = ops.add_participant(session)
    ops.set_rating(session, "benchmark", person.id, "structure", 4)
    ops.set_rating(session, "benchmark", person.id, "structure", 2)
    assert [(r.criterion, r.score) for r in session.ratings] == [("structure", 2)]

    with pytest.raises(RuleError, match="from 1 to 5"):
        ops.set_rating(session, "benchmark", person.id, "structure", 6)
    ops.set_rating(session, "benchmark", person.id, "structure", None)
    assert session.ratings == []


def test_moving_through_the_agenda_closes_one_log_entry_and_opens_the_next(
    session: Session,
) -> None:
    ops.start_activity(session, "the-case", at=NINE)
    ops.start_activity(session, "leader-questions", at=NINE + timedelta(minutes=14))

    assert [(e.activity, e.started, e.ended) for e in session.log] == [
        ("the-case", NINE, NINE + timedelta(minutes=14)),
        ("leader-questions", NINE + timedelta(minutes=14), None),
    ]
    assert session.current_activity == "leader-questions"


def test_reviews_are_kept_in_date_order_and_set_the_status(session: Session) -> None:
    action = ops.add_action(session, "Send invoices on day one", owner="Ana")
    later = Review(date=date(2027, 5, 1), progress=4, status="done")
    earlier = Review(date=date(2027, 2, 1), progress=2, status="on-track")

    ops.add_review(session, action.id, later)
    updated = ops.add_review(session, action.id, earlier)

    assert updated.reviews == [earlier, later]
    assert updated.status == "done"


def test_an_action_links_only_to_known_ideas_and_moves_within_the_plan(session: Session) -> None:
    with pytest.raises(RuleError, match="no idea or theme with id 'i9'"):
        ops.add_action(session, "x", ideas=["i9"])
    for title in ("first", "second", "third"):
        ops.add_action(session, title)

    ops.move_action(session, "a3", -5)

    assert [a.title for a in session.actions] == ["third", "first", "second"]


def test_a_record_is_named_by_its_id_and_its_text_cut_at_a_word() -> None:
    assert ops.label("idea", "i12", "Invoices arrive after the due date") == (
        "idea i12 “Invoices arrive after…”"
    )
    assert ops.short("Short one") == "Short one"
    assert ops.short("line one\nline two") == "line one line two"
    assert ops.short("Unbreakablewordthatgoesonandon") == "Unbreakablewordthatgoes…"  # 24 in all


def test_a_participant_just_added_can_be_taken_back_but_not_one_with_scores(
    session: Session,
) -> None:
    first = ops.add_participant(session)
    second = ops.add_participant(session)
    ops.set_rating(session, "benchmark", second.id, "basic-knowledge", 3)
    ops.remove_participant(session, first.id)
    assert [p.id for p in session.participants] == [second.id]
    with pytest.raises(RuleError, match="has scores or votes"):
        ops.remove_participant(session, second.id)


def test_typed_text_is_stored_as_typed_and_blank_counts_as_empty(session: Session) -> None:
    idea = ops.add_idea(session, "\t=tab-formula ", author=" Ana ")
    assert (idea.text, idea.author) == ("\t=tab-formula ", " Ana ")
    assert ops.edit_idea(session, idea.id, "  indented").text == "  indented"
    theme = ops.add_theme(session, " Money ")
    assert ops.rename_theme(session, theme.id, "Money  ").title == "Money  "
    action = ops.add_action(session, " Call back ", owner="Bo ", measure=" < 2 days")
    assert (action.title, action.owner, action.measure) == (" Call back ", "Bo ", " < 2 days")
    participant = ops.add_participant(session, name=" Ana", segment="Sales ")
    assert (participant.name, participant.segment) == (" Ana", "Sales ")
    assert ops.new_session(" Spaced ", session.agenda, team=" Desk ").team == " Desk "
    for blank in (" ", "\t\n"):
        with pytest.raises(RuleError):
            ops.add_idea(session, blank)
        with pytest.raises(RuleError):
            ops.add_action(session, blank)
