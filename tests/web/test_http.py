"""The room's HTTP contract (issue #12), on a real session file through Starlette's client."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from typing import Any

import pytest
from markupsafe import escape
from starlette.testclient import TestClient

from tests.web.conftest import (
    CODE,
    KEY,
    Clock,
    Person,
    Room,
    form_token,
    join,
    joined,
    send_idea,
)
from workshop.core import ops
from workshop.core.models import TimerState
from workshop.store.session_file import SessionFile
from workshop.store.session_text import load_session
from workshop.web.app import create_app


def escaped(text: str) -> str:
    """Text as the pages' templates escape it."""
    return str(escape(text))


def idea_texts(room: Room) -> list[str]:
    return [idea.text for idea in load_session(room.path).ideas]


# --- joining ----------------------------------------------------------------------------------


def test_the_join_page_asks_for_the_code_and_sets_a_strict_cookie(room: Room) -> None:
    person = room.person()
    response = person.get("/")

    assert response.status_code == 200
    assert '<label for="code">Code</label>' in response.text
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie


def test_a_wrong_code_is_refused_and_the_right_one_joins_with_a_new_token(room: Room) -> None:
    person = room.person()
    wrong = join(person, "654321")
    assert wrong.status_code == 403
    assert "not the code on the screen" in wrong.text
    before = person.cookies["workshop_token"]

    right = join(person)
    assert right.status_code == 303 and right.headers["location"] == "/"
    assert person.cookies["workshop_token"] != before  # the token is rotated on joining
    assert "Your idea" in person.page()


def test_only_wrong_codes_count_and_twenty_a_minute_block_that_address(room: Room) -> None:
    for _ in range(5):  # the room joining: right codes never count
        assert join(room.person()).status_code == 303
    intruder = room.person()
    for _ in range(20):
        assert join(intruder, "000000").status_code == 403
    blocked = join(room.person())  # now even the right code waits, from that address
    assert blocked.status_code == 429
    assert "wait a minute" in blocked.text

    room.clock.now += 61
    assert join(room.person()).status_code == 303


def test_a_form_without_this_visitors_signature_is_refused(room: Room) -> None:
    person = room.person()
    person.get("/")
    response = person.post("/join", data={"form_token": "0" * 64, "code": CODE})
    assert response.status_code == 403
    assert "expired" in response.text


def test_a_cross_site_post_is_refused_and_writes_nothing(room: Room) -> None:
    person = joined(room)
    token = form_token(person.page())
    before = room.path.read_bytes()
    data = {"form_token": token, "activity": "what-bugs-customers", "text": "from evil"}

    other_origin = person.post("/idea", data=data, headers={"Origin": "http://evil.example"})
    cross_site = person.post("/idea", data=data, headers={"Sec-Fetch-Site": "cross-site"})

    assert other_origin.status_code == 403 and cross_site.status_code == 403
    assert room.path.read_bytes() == before
    same_origin = person.post("/idea", data=data, headers={"Origin": "http://testserver"})
    assert same_origin.status_code == 303


# --- ideas ------------------------------------------------------------------------------------


def test_an_idea_is_saved_shown_to_its_sender_and_anonymous_in_the_file(room: Room) -> None:
    person = joined(room)
    response = send_idea(person, "Invoices arrive late #billing")

    assert response.status_code == 303
    assert idea_texts(room) == ["Invoices arrive late #billing"]
    assert "Invoices arrive late #billing" in person.get("/?sent=1").text
    text = room.path.read_text()
    token = person.cookies["workshop_token"]
    assert token not in text  # only its hash is kept
    [participant] = load_session(room.path).participants
    assert participant.name == "" and len(participant.token_hash) == 64
    assert [i.author for i in load_session(room.path).ideas] == [""]


def test_each_participant_sees_only_their_own_ideas(room: Room) -> None:
    ana, ben = joined(room), joined(room)
    send_idea(ana, "Idea from Ana")
    send_idea(ben, "Idea from Ben")
    room.change(lambda d: ops.add_idea(d, "Typed by the facilitator"))

    assert "Idea from Ana" in ana.page() and "Idea from Ben" not in ana.page()
    assert "Idea from Ben" in ben.page() and "Idea from Ana" not in ben.page()
    assert "Typed by the facilitator" not in ana.page()


def test_an_idea_over_500_characters_is_refused_with_the_limit_and_kept(room: Room) -> None:
    person = joined(room)
    long_text = "word " * 101
    response = send_idea(person, long_text)

    assert response.status_code == 422
    assert "at most 500 characters" in response.text
    assert escaped(long_text.strip()) in response.text  # what was typed is still there
    assert idea_texts(room) == []


def test_a_body_over_4_kb_is_refused_before_it_is_read(room: Room) -> None:
    person = joined(room)
    token = form_token(person.page())
    response = person.post(
        "/idea",
        data={"form_token": token, "activity": "what-bugs-customers", "text": "x" * 5000},
    )
    assert response.status_code == 413
    assert idea_texts(room) == []


def test_five_ideas_at_once_then_one_every_two_seconds(room: Room) -> None:
    person = joined(room)
    for number in range(5):
        assert send_idea(person, f"idea {number}").status_code == 303
    sixth = send_idea(person, "one too many")
    assert sixth.status_code == 429
    assert "Wait 2 s" in sixth.text and "one too many" in sixth.text

    room.clock.now += 2
    assert send_idea(person, "one too many").status_code == 303
    assert len(idea_texts(room)) == 6


def test_an_idea_typed_when_the_facilitator_moved_on_counts_where_it_was_written(
    room: Room,
) -> None:
    person = joined(room)
    token = form_token(person.page())  # the page of the brainstorm
    room.change(lambda d: ops.start_activity(d, "getting-it-right"))

    response = person.post(
        "/idea",
        data={"form_token": token, "activity": "what-bugs-customers", "text": "Late invoices"},
    )
    assert response.status_code == 303
    [idea] = load_session(room.path).ideas
    assert idea.activity == "what-bugs-customers"


def test_an_idea_for_a_brainstorm_that_has_not_started_is_refused(room: Room) -> None:
    person = joined(room)
    response = send_idea(person, "Too early", activity="touch-points")
    assert response.status_code == 409
    assert "has not started yet" in response.text
    assert "Too early" in response.text  # kept on the page to copy
    assert idea_texts(room) == []


def test_user_text_is_escaped_everywhere(room: Room) -> None:
    person = joined(room)
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    send_idea(person, hostile)
    room.change(lambda d: ops.set_revealed(d, "what-bugs-customers", True))

    for page in (person.page(), room.person().get(f"/projector/{KEY}").text):
        assert "<script>alert" not in page and "<img src=x" not in page
    assert escaped(hostile) in person.page()


# --- votes and scores -------------------------------------------------------------------------


@pytest.fixture
def vote(room: Room) -> Room:
    room.change(lambda d: [ops.add_idea(d, f"idea {n}") for n in range(3)])
    room.change(lambda d: ops.start_activity(d, "prioritise"))
    return room


def send_dots(person: Person, dots: dict[str, str], activity: str = "prioritise") -> object:
    token = form_token(person.page())
    data = {"form_token": token, "activity": activity}
    data.update({f"dots-{target}": count for target, count in dots.items()})
    return person.post("/dots", data=data)


def test_the_vote_page_shows_the_budget_and_items(vote: Room) -> None:
    page = joined(vote).page()
    assert "You have 5 dots; at most 3 on one item" in page
    assert page.count('name="dots-i1"') == 4  # 0 to 3 dots


def test_dots_within_budget_are_saved_and_shown_back(vote: Room) -> None:
    person = joined(vote)
    assert send_dots(person, {"i1": "3", "i2": "2", "i3": "0"}).status_code == 303
    votes = load_session(vote.path).votes
    assert sorted((v.target, v.count) for v in votes) == [("i1", 3), ("i2", 2)]
    assert "You have given 5" in person.page()


@pytest.mark.parametrize(
    ("dots", "status", "message"),
    [
        ({"i1": "3", "i2": "3"}, 422, "you have 5"),
        ({"i9": "1"}, 422, "not in this vote"),
        ({"i1": "4"}, 422, "At most 3 dots"),
        ({"i1": "two"}, 422, "whole numbers"),
    ],
)
def test_bad_dots_are_refused_and_nothing_is_written(
    vote: Room, dots: dict[str, str], status: int, message: str
) -> None:
    person = joined(vote)
    before = vote.path.read_bytes()
    response = send_dots(person, dots)
    assert response.status_code == status  # type: ignore[attr-defined]
    assert message in response.text  # type: ignore[attr-defined]
    assert vote.path.read_bytes() == before


def test_dots_for_a_vote_that_has_ended_are_refused(vote: Room) -> None:
    person = joined(vote)
    token = form_token(person.page())
    vote.change(lambda d: ops.start_activity(d, "action-plan"))
    before = vote.path.read_bytes()

    response = person.post(
        "/dots", data={"form_token": token, "activity": "prioritise", "dots-i1": "1"}
    )
    assert response.status_code == 409
    assert "has ended" in response.text
    assert vote.path.read_bytes() == before


def test_scores_on_the_scale_are_saved_and_outside_it_refused(room: Room) -> None:
    room.change(lambda d: ops.start_activity(d, "benchmark"))
    person = joined(room)
    page = person.page()
    activity = load_session(room.path).agenda.activity("benchmark")
    first = activity.criteria[0]
    assert first.title in page
    scale = activity.rating_scale
    if scale.low_label:
        assert scale.low_label in page
    token = form_token(page)

    outside = person.post(
        "/scores", data={"form_token": token, "activity": "benchmark", f"score-{first.id}": "9"}
    )
    assert outside.status_code == 422 and "nothing was recorded" in outside.text
    assert load_session(room.path).ratings == []

    ok = person.post(
        "/scores", data={"form_token": token, "activity": "benchmark", f"score-{first.id}": "4"}
    )
    assert ok.status_code == 303
    assert [(r.criterion, r.score) for r in load_session(room.path).ratings] == [(first.id, 4)]


def test_other_activities_show_the_prompt_and_wait(room: Room) -> None:
    room.change(lambda d: ops.start_activity(d, "the-case"))
    page = joined(room).page()
    prompt = load_session(room.path).agenda.activity("the-case").prompts[0]
    assert escaped(prompt) in page
    assert "Waiting for the next activity." in page


# --- the projector ----------------------------------------------------------------------------


def test_the_projector_needs_its_key(room: Room) -> None:
    assert room.person().get("/projector/wrong-key").status_code == 404
    assert room.person().get(f"/projector/{KEY}").status_code == 200


def test_the_projector_shows_code_qr_and_count_but_ideas_only_once_revealed(room: Room) -> None:
    person = joined(room)
    send_idea(person, "Visible idea")
    room.change(lambda d: ops.add_idea(d, "Hidden idea"))
    room.change(lambda d: ops.set_hidden(d, "i2", True))
    projector = room.person()

    page = projector.get(f"/projector/{KEY}").text
    assert CODE in page and "<svg" in page and 'class="qr' in page
    assert re.search(r'id="idea-count">1<', page)  # hidden ideas are not counted
    assert "Visible idea" not in page  # not revealed yet

    room.change(lambda d: ops.set_revealed(d, "what-bugs-customers", True))
    page = projector.get(f"/projector/{KEY}").text
    assert "Visible idea" in page and "Hidden idea" not in page


def test_the_projector_never_shows_facilitator_notes(room: Room) -> None:
    room.change(lambda d: ops.set_note(d, "what-bugs-customers", "SECRET facilitator note"))
    room.change(lambda d: ops.set_revealed(d, "what-bugs-customers", True))
    page = room.person().get(f"/projector/{KEY}").text
    agenda_notes = load_session(room.path).agenda.activity("what-bugs-customers").notes
    assert "SECRET facilitator note" not in page
    if agenda_notes:
        assert escaped(agenda_notes.splitlines()[0]) not in page


def test_the_projector_shows_the_tally_and_the_means_once_revealed(vote: Room) -> None:
    person = joined(vote)
    send_dots(person, {"i2": "3"})
    vote.change(lambda d: ops.set_revealed(d, "prioritise", True))
    page = vote.person().get(f"/projector/{KEY}").text
    assert "1. idea 1" in page  # i2 is "idea 1", ranked first

    vote.change(lambda d: ops.start_activity(d, "benchmark"))
    criterion = load_session(vote.path).agenda.activity("benchmark").criteria[0]
    token = form_token(person.page())
    person.post(
        "/scores", data={"form_token": token, "activity": "benchmark", f"score-{criterion.id}": "4"}
    )
    vote.change(lambda d: ops.set_revealed(d, "benchmark", True))
    page = vote.person().get(f"/projector/{KEY}").text
    assert "4.0 ± 0.0 (1)" in page


# --- the page itself --------------------------------------------------------------------------


def test_pages_have_a_strict_policy_no_inline_script_and_no_framing(room: Room) -> None:
    person = joined(room)
    for response in (person.get("/"), room.person().get(f"/projector/{KEY}")):
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe" not in policy
        assert "frame-ancestors 'none'" in policy
        assert response.headers["x-frame-options"] == "DENY"
        scripts = re.findall(r"<script([^>]*)>", response.text)
        assert scripts and all("src=" in attributes for attributes in scripts)
        assert "hx-on" not in response.text and " on" + "click" not in response.text


def test_htmx_and_its_sse_extension_are_vendored_with_their_licences(room: Room) -> None:
    client = room.person()
    for path in (
        "/static/htmx.min.js",
        "/static/htmx-ext-sse.min.js",
        "/static/htmx.LICENSE.txt",
        "/static/htmx-ext-sse.LICENSE.txt",
        "/static/workshop.js",
    ):
        assert client.get(path).status_code == 200, path
    assert 'defineExtension("sse"' in client.get("/static/htmx-ext-sse.min.js").text


# --- the timer and a restart ------------------------------------------------------------------


def test_the_timer_comes_from_the_file(room: Room) -> None:
    person = joined(room)
    assert "15 min" in person.page()  # planned, not started

    started = datetime.fromtimestamp(room.clock.now - 60, tz=UTC)
    running = TimerState(activity="what-bugs-customers", planned_seconds=900, running_since=started)
    room.change(lambda d: ops.set_timer(d, running))
    page = person.page()
    assert "14:00 left" in page
    assert 'data-remaining="840"' in page  # the page counts down from here

    paused = TimerState(activity="what-bugs-customers", planned_seconds=900, elapsed_seconds=90)
    room.change(lambda d: ops.set_timer(d, paused))
    page = person.page()
    assert "13:30 left (paused)" in page and "data-remaining" not in page


def test_a_restarted_server_knows_its_participants_by_their_cookie(room: Room) -> None:
    person = joined(room)
    send_idea(person, "Before the restart")

    restarted = create_app(room.path, join_code="999999", projector_key=KEY, clock=room.clock)
    with TestClient(restarted) as client:
        client.cookies = person.cookies
        page = client.get("/").text
    assert "Your idea" in page and "Before the restart" in page  # no new code asked


def test_the_dots_form_checks_only_the_dots_given_so_it_stays_small(vote: Room) -> None:
    # A browser sends only checked radios: with no "0" checked for items left alone, a vote
    # on hundreds of ideas stays within the 4 KB a form may send.
    person = joined(vote)
    assert " checked" not in person.page()
    send_dots(person, {"i2": "3"})
    checked = re.findall(r'name="dots-(\w+)" value="(\d)" checked', person.page())
    assert checked == [("i2", "3")]


def test_joining_again_keeps_the_participants_token(room: Room) -> None:
    person = joined(room)
    token = person.cookies["workshop_token"]
    assert join(person).status_code == 303
    assert person.cookies["workshop_token"] == token  # same person, same dots


def test_only_the_served_host_name_is_answered(room: Room) -> None:
    # Against DNS rebinding: `workshop serve` names the hosts it answers to.
    app = create_app(room.path, join_code=CODE, projector_key=KEY, allowed_hosts=["127.0.0.1"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/").status_code == 200
        assert client.get("/", headers={"Host": "evil.example"}).status_code == 400


def test_the_referrer_policy_lets_browsers_send_their_origin_with_a_form(room: Room) -> None:
    # With "no-referrer", Chromium sends `Origin: null` with a same-origin form, and the
    # Origin check refused every join in a real browser: found by driving Chromium by hand.
    response = room.person().get("/")
    assert response.headers["referrer-policy"] == "same-origin"
    person = room.person()
    token = form_token(person.page())
    refused = person.post(
        "/join", data={"form_token": token, "code": CODE}, headers={"Origin": "null"}
    )
    assert refused.status_code == 403  # a sandboxed frame's "null" origin is not ours


def test_an_idea_the_disk_cannot_take_is_kept_and_saved_by_a_retry(
    session_file: SessionFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_file.change(lambda d: ops.start_activity(d, "what-bugs-customers"))
    clock = Clock()
    app = create_app(
        session_file.path, join_code=CODE, projector_key=KEY, clock=clock, save_wait=0.3
    )
    with TestClient(app) as client:
        room = Room(session_file.path, clock, client)
        person = joined(room)
        real_write = os.write
        full = [True]

        def write(descriptor: int, data: Any) -> int:
            if full[0]:
                raise OSError(28, "No space left on device")
            return real_write(descriptor, data)

        monkeypatch.setattr(os, "write", write)
        response = send_idea(person, "Kept through a full disk")
        assert response.status_code == 202
        assert "not saved yet" in response.text and "No need to send it again" in response.text
        assert idea_texts(room) == []

        full[0] = False
        clock.now += 3  # the next retry is due
        live = app.state.room.live
        client.portal.call(live.wait_for_change, live.version, 10.0)  # type: ignore[union-attr]
        assert idea_texts(room) == ["Kept through a full disk"]
