"""A name is offered, never asked: anonymous by default; a participant who types a name has it
beside their ideas on the facilitator's screen (as `author`), never on the projector."""

from __future__ import annotations

from markupsafe import escape

from tests.web.conftest import KEY, Person, Room, form_token, joined
from workshop.core import ops
from workshop.store.session_text import load_session

ACTIVITY = "what-bugs-customers"


def send(person: Person, text: str, name: str | None = None) -> int:
    data = {"form_token": form_token(person.page()), "activity": ACTIVITY, "text": text}
    if name is not None:
        data["name"] = name
    return person.post("/idea", data=data).status_code


def authors(room: Room) -> dict[str, str]:
    return {idea.text: idea.author for idea in load_session(room.path).ideas}


def test_the_name_is_offered_empty_and_not_required(room: Room) -> None:
    page = joined(room).page()
    assert 'name="name"' in page and "Your name (optional)" in page
    field = page.split('name="name"')[1].split(">")[0]
    assert 'value=""' in field and "required" not in field


def test_an_idea_without_a_name_is_anonymous(room: Room) -> None:
    person = joined(room)
    assert send(person, "No name given") == 303
    assert send(person, "Name left empty", "   ") == 303
    assert authors(room) == {"No name given": "", "Name left empty": ""}
    assert all(not p.name for p in load_session(room.path).participants)


def test_a_name_given_goes_with_the_idea_and_is_offered_again(room: Room) -> None:
    person = joined(room)
    assert send(person, "Signed idea", "Ana Lima") == 303
    assert authors(room) == {"Signed idea": "Ana Lima"}
    assert 'value="Ana Lima"' in person.page()  # kept for the next idea; can be emptied
    assert send(person, "Unsigned after all", "") == 303
    assert authors(room)["Unsigned after all"] == ""
    assert 'value=""' in person.page().split('name="name"')[1].split(">")[0]

    other = joined(room)
    assert "Ana Lima" not in other.page()


def test_the_projector_never_shows_a_name(room: Room) -> None:
    send(joined(room), "Revealed idea", "Ana Lima")
    room.change(lambda d: ops.set_revealed(d, ACTIVITY, True))
    page = room.person().get(f"/projector/{KEY}").text
    assert "Revealed idea" in page and "Ana Lima" not in page


def test_a_long_name_is_refused_and_the_idea_kept_on_the_page(room: Room) -> None:
    person = joined(room)
    before = room.path.read_bytes()
    response = person.post(
        "/idea",
        data={
            "form_token": form_token(person.page()),
            "activity": ACTIVITY,
            "text": "Kept on the page",
            "name": "N" * 61,
        },
    )
    assert response.status_code == 422
    assert "A name can be at most 60 characters" in response.text
    assert "Kept on the page" in response.text
    assert room.path.read_bytes() == before


def test_a_hostile_name_is_stored_as_typed_and_escaped_on_the_page(room: Room) -> None:
    person = joined(room)
    name = '<b>Ana</b> "[bold]x[/]"'
    assert send(person, "Hostile name", name) == 303
    assert authors(room)["Hostile name"] == name
    page = person.page()
    assert "<b>Ana</b>" not in page and str(escape(name)) in page
