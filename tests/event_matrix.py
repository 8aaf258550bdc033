"""Every event route and the status each kind of asker gets: the anonymous public, a member of
a participant (with a full token and a read-only one), a member of an organisation outside the
event, an officer and an administrator.

Changes are sent in a shape that reaches the rules without altering the records where they
would pass (registering an organisation registered already answers 409 once past the access
check, an answer without its reason 422), so every asker meets the same event; the two that
do change something (cancel, attendance) are idempotent or answer 409 the second time. Shared
with the API matrix, which checks that no route is left out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

EVENT_ASKERS = ("public", "party", "read_only", "other_member", "officer", "admin")


@dataclass(frozen=True)
class EventCase:
    method: str
    path: str  # {event}, {party}, {kenya}, {request}, {cancel} and {meeting} from the world
    expected: dict[str, int]
    body: Callable[[dict[str, int]], Any] | None = None
    params: dict[str, Any] | None = None


def statuses(**given: int) -> dict[str, int]:
    return {asker: given.get(asker, given.get("rest", 0)) for asker in EVENT_ASKERS}


FORUM = {
    "name": "Matrix forum",
    "place": "Shanghai",
    "time_zone": "Asia/Shanghai",
    "sessions": [{"day": "2027-03-16", "start": "09:00", "end": "11:00"}],
    "tables": 2,
}
OFFICERS = statuses(rest=403, officer=200, admin=200)
# The party's own records: its members (a read-only token too) and officers; other members are
# not told they exist, the public is asked to sign in.
OWN_READ = statuses(public=403, other_member=404, rest=200)

EVENT_CASES: list[EventCase] = [
    EventCase("GET", "/events", statuses(rest=200)),
    EventCase(
        "POST",
        "/events",
        statuses(rest=403, officer=201, admin=201),
        body=lambda ids: FORUM,
    ),
    EventCase("GET", "/events/{event}", statuses(rest=200)),
    EventCase("GET", "/events/{event}/participants", statuses(public=403, rest=200)),
    EventCase(
        "POST",
        "/events/{event}/participants",
        statuses(rest=403, officer=409, admin=409),
        body=lambda ids: {"organisation_id": ids["kenya_organisation"], "attendees": ["A. N."]},
    ),
    EventCase(
        "PUT",
        "/event-participants/{kenya}/availability",
        statuses(rest=403, officer=422, admin=422),
        body=lambda ids: {"blocked": [999]},
    ),
    EventCase("GET", "/event-participants/{party}/agenda", OWN_READ),
    EventCase("GET", "/event-participants/{party}/agenda", OWN_READ, params={"format": "ics"}),
    EventCase(
        "GET",
        "/event-participants/{party}/suggestions",
        statuses(public=403, other_member=404, read_only=403, rest=200),
    ),
    EventCase("GET", "/events/{event}/requests", statuses(public=403, rest=200)),
    EventCase(
        "POST",
        "/meeting-requests",
        statuses(rest=403, officer=409, admin=409),
        body=lambda ids: {"from_id": ids["kenya"], "to_id": ids["party"]},
    ),
    EventCase(
        "POST",
        "/meeting-requests/{request}/answer",
        statuses(public=403, other_member=404, read_only=403, rest=422),
        body=lambda ids: {"accept": False},
    ),
    EventCase(
        "POST",
        "/meeting-requests/{cancel}/cancel",
        statuses(public=403, other_member=404, read_only=403, party=404, officer=200, admin=409),
        body=lambda ids: {"reason": "Flight changed"},
    ),
    EventCase(
        "POST",
        "/events/{event}/schedule",
        OFFICERS,
        body=lambda ids: {"seconds": 0.5},
    ),
    EventCase("POST", "/events/{event}/publish", OFFICERS),
    EventCase("POST", "/events/{event}/registration", OFFICERS, body=lambda ids: {"open": True}),
    EventCase("GET", "/events/{event}/meetings", statuses(public=403, rest=200)),
    EventCase(
        "POST",
        "/event-meetings/{meeting}/attendance",
        OFFICERS,
        body=lambda ids: {"held": True},
    ),
    EventCase(
        "POST",
        "/event-meetings/{meeting}/move",
        statuses(rest=403, officer=422, admin=422),
        body=lambda ids: {"slot": 999, "table": 0},
    ),
    EventCase(
        "POST",
        "/event-meetings/{meeting}/feedback",
        statuses(public=403, other_member=404, read_only=403, rest=422),
        body=lambda ids: {"participant_id": ids["party"], "answer": "splendid"},
    ),
    EventCase("GET", "/events/{event}/figures", OFFICERS),
    EventCase("GET", "/events/{event}/table-plan", OFFICERS),
]
