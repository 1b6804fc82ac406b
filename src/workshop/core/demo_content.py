"""What the demo session says: its team, the room's ideas, themes, votes, notes and actions.

Made up, in the voice of a customer-service team; `demo` puts it into a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from workshop.core.agenda import Horizon

TEAM = "Northwind Customer Service"
TITLE = "Customer focus workshop"
FACILITATOR = "Jordan Ellis"
START_TIME = time(9, 0)

PARTICIPANTS = [
    ("Maria Okafor", "Contact centre"),
    ("Tom Brennan", "Contact centre"),
    ("Priya Shah", "Billing"),
    ("Daniel Reyes", "Field service"),
    ("Aisha Mensah", "Sales"),
    ("Lena Kowalski", "Operations"),
]

# The three brainstorms of the customer-focus agenda, in order: (key, text).
WHAT_BUGS_CUSTOMERS = [
    ("handoffs", "Being passed between three departments before anyone owns the problem #handoffs"),
    (
        "repeat-story",
        "Having to give their account number and the whole story again every time "
        "they're transferred #handoffs",
    ),
    ("monday-hold", "Hold times of 20 minutes or more on Monday mornings #phone"),
    (
        "unreadable-invoice",
        "Invoices full of codes instead of words, and no phone number on them #billing",
    ),
    ("no-callback", "We promise a callback within 24 hours and then nobody calls"),
    (
        "all-day-window",
        "Engineer visits booked 8 to 6, so they have to take a whole day off #field",
    ),
    ("price-mismatch", "The website says one price and the contract says another #billing"),
    ("silent-delays", "Nobody tells them an order is late; they find out when it doesn't turn up"),
    ("complaint-silence", "Complaint emails get an automatic reply and then a week of silence"),
    ("paper-forms", "Having to print, sign and scan a form just to change their address #forms"),
]
WHERE_WE_GET_IT_RIGHT = [
    (
        "day-off-callback",
        "Sam rang a customer back on his day off to confirm the refund had actually gone through",
    ),
    (
        "on-the-way-text",
        "Engineers text when they're 30 minutes away; customers mention it in "
        "almost every survey #field",
    ),
    ("late-fee", "Billing waives the first late fee without a fight and explains why #billing"),
    (
        "plain-renewals",
        "Since we rewrote the renewal letters in plain English, calls about them "
        "have nearly stopped",
    ),
    (
        "storm-calls",
        "When the storm shut the depot we phoned every affected customer before they phoned us",
    ),
    ("shadowing", "New starters sit in on calls for a week before they touch a customer account"),
    ("thank-you-notes", "The warehouse puts a handwritten thank-you in repeat orders"),
    ("first-call-fix", "We fix the small stuff on the first call, no ticket needed"),
]
TOUCH_POINTS = [
    ("phone-menu", "The phone menu: six options before you reach a human #phone"),
    ("invoice", "The monthly invoice #billing"),
    ("doorstep", "The engineer on the doorstep #field"),
    ("car-park", "The car park at the service centre: no visitor spaces"),
    ("order-emails", "Order confirmation and delivery emails"),
    ("contact-form", "The website contact form, which lands in a shared inbox nobody owns"),
    ("reception", "The reception desk at head office"),
]
IDEA_POOLS = [WHAT_BUGS_CUSTOMERS, WHERE_WE_GET_IT_RIGHT, TOUCH_POINTS]

THEMES = [
    (
        "Nobody owns the problem",
        ["handoffs", "repeat-story", "no-callback", "complaint-silence", "contact-form"],
    ),
    (
        "Bills customers can understand",
        ["unreadable-invoice", "price-mismatch", "late-fee", "plain-renewals", "invoice"],
    ),
    (
        "Keep customers in the loop",
        ["silent-delays", "on-the-way-text", "storm-calls", "order-emails"],
    ),
    ("Waiting on us", ["monday-hold", "all-day-window", "phone-menu"]),
]

# Each participant's dots, in order of preference: a theme's position or an idea's key.
DOT_VOTES: list[list[tuple[int | str, int]]] = [
    [(0, 3), (1, 2)],
    [(0, 2), (3, 2), ("car-park", 1)],
    [(1, 3), (0, 2)],
    [(3, 3), (2, 2)],
    [(2, 2), (0, 2), ("paper-forms", 1)],
    [(0, 3), (1, 1), ("paper-forms", 1)],
]

# Where the room puts itself on a 1-5 scale; criteria not listed sit at 3.
TYPICAL_SCORES = {
    "basic-knowledge": 3,
    "deeper-understanding": 2,
    "customer-partnership": 2,
    "shared-goals": 3,
    "shared-values": 4,
    "systems-processes": 2,
    "structure": 2,
    "customer-knowledge": 3,
    "customer-behaviour": 4,
    "customer-attitudes": 4,
    "acting-on-feedback": 2,
}


@dataclass(frozen=True)
class DebateNoteText:
    item: str
    verdict: str
    evidence: str
    points_for: list[str]
    points_against: list[str]
    process: str
    convenience: str
    decision: str


DEBATE_NOTES = [
    DebateNoteText(
        item="blaming-front-line",
        verdict="yes",
        evidence="Three of last month's five escalations were written up as agent error; all "
        "three were the transfer system dropping the case notes.",
        points_for=[
            "Escalation reports name the agent, not the step that failed",
            "Coaching is our first answer to every spike in complaints",
        ],
        points_against=["Team leads got the billing-code problem fixed last year"],
        process="Complaint escalation review",
        convenience="Ours: naming a person closes the case quickly. The customer meets the "
        "same failure next time.",
        decision="Escalation reviews ask which step failed before asking who was on the call.",
    ),
    DebateNoteText(
        item="internal-customers",
        verdict="partly",
        evidence="Visit windows are 8 to 6 because that suits the depot rota, not because "
        "customers asked for it.",
        points_for=["Field service plans around depot shifts", "Billing answers to finance first"],
        points_against=["Sales and the contact centre share a weekly customer review"],
        process="Booking an engineer visit",
        convenience="The depot's",
        decision="Pilot two-hour visit windows in one region next quarter.",
    ),
]


@dataclass(frozen=True)
class ActionText:
    title: str
    owner: str
    horizon: Horizon
    measure: str
    ideas: list[str]
    due_in_days: int | None


ACTIONS = [
    ActionText(
        "One owner for every complaint, from the first call to the last",
        "Maria Okafor",
        Horizon.THREE_MONTHS,
        "Complaints transferred more than once: from about 40% to under 10%",
        ["handoffs", "repeat-story", "complaint-silence"],
        90,
    ),
    ActionText(
        "Rewrite the invoice in plain words, with a direct phone number on it",
        "Priya Shah",
        Horizon.THREE_MONTHS,
        "Billing queries per 1,000 invoices down by a third",
        ["unreadable-invoice", "price-mismatch"],
        90,
    ),
    ActionText(
        "Two-hour visit windows, and a text when the engineer is on the way",
        "Daniel Reyes",
        Horizon.SIX_MONTHS,
        "Missed appointments halved; no complaints about all-day windows",
        ["all-day-window", "on-the-way-text"],
        180,
    ),
    ActionText(
        "Tell customers about a delay before they have to ask",
        "Lena Kowalski",
        Horizon.BEYOND,
        "Delayed orders where the customer heard from us first: 90%",
        ["silent-delays", "order-emails"],
        None,
    ),
]

PRESENT_NOTE = (
    "Most of the room agreed the 85/15 rule matches what they see: the failures customers "
    "call about start in hand-offs between teams. Nobody could say what we last changed because "
    "of customer feedback."
)


DISPUTED_CRITERION = 5
"""One criterion the room disagrees on, so the demo shows a disagreement flag."""
DISPUTED_SCORES = (1, 5, 2, 5, 1, 4)
