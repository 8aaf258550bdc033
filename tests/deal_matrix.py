"""Every deal, interaction, evidence, confirmation and results route, and the status each kind
of asker gets: the anonymous public, a member of a party to the deal (with a full token and a
read-only one), a member of an outside organisation, the officer who opened the deal, a second
officer and an administrator.

Changes are sent in a shape that reaches the rules without altering the record where they
would pass (a stage move without the fields it needs answers 422 once past the access check, a
submission before the agreement is signed 409), so every asker meets the same deal. Shared with the API matrix, which checks that no route is
left out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

DEAL_ASKERS = ("public", "party", "read_only", "other_member", "officer", "second", "admin")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass(frozen=True)
class DealCase:
    method: str
    path: str  # {deal}, {evidence}, {token} and {party} are filled from the world
    expected: dict[str, int]
    body: Callable[[dict[str, int]], Any] | None = None
    params: dict[str, Any] | None = None
    files: dict[str, tuple[str, bytes, str]] | None = None
    data: dict[str, str] | None = None


def statuses(**given: int) -> dict[str, int]:
    """Each asker's status: those named, `rest` for the others."""
    return {asker: given.get(asker, given.get("rest", 0)) for asker in DEAL_ASKERS}


def _fixed(value: Any) -> Callable[[dict[str, int]], Any]:
    return lambda ids: value


def _brokered(ids: dict[str, int]) -> dict[str, Any]:
    return {"organisation_ids": [ids["party"]], "title": "Brokered at a trade fair"}


def _interaction(ids: dict[str, int]) -> dict[str, Any]:
    return {
        "kind": "call",
        "occurred_on": "2026-10-25",
        "subject": "Follow-up",
        "deal_id": ids["deal"],
    }


def _confirmation(ids: dict[str, int]) -> dict[str, Any]:
    return {"organisation_id": ids["party"], "email": "ops@meru.example"}


STAFF_ONLY_READ = statuses(public=403, rest=403, officer=200, second=200, admin=200)
PARTY_READ = statuses(public=404, other_member=404, rest=200)
# Officers' changes: refused to everyone else before the deal is looked up, so the answer says
# nothing about whether it exists.
OFFICERS_CHANGE = statuses(public=403, other_member=403, party=403, read_only=403)

DEAL_CASES: list[DealCase] = [
    DealCase("GET", "/deals", statuses(public=403, rest=200)),
    DealCase(
        "POST",
        "/deals",
        statuses(public=403, party=403, read_only=403, other_member=403, rest=201),
        body=_brokered,
    ),
    DealCase("GET", "/deals/{deal}", PARTY_READ),
    DealCase(
        "PATCH",
        "/deals/{deal}",
        {**OFFICERS_CHANGE, "officer": 200, "second": 200, "admin": 200},
        body=_fixed({"changes": {"title": "Solar dryers for Meru"}}),
    ),
    DealCase(
        "POST",
        "/deals/{deal}/stage",
        {**OFFICERS_CHANGE, "officer": 422, "second": 422, "admin": 422},
        body=_fixed({"to": "negotiating"}),
    ),
    DealCase(
        "POST",
        "/deals/{deal}/status",
        {**OFFICERS_CHANGE, "officer": 422, "second": 422, "admin": 422},
        body=_fixed({"status": "on_hold"}),
    ),
    # Every interaction of the office is for its officers; a deal's for its parties too.
    DealCase(
        "GET",
        "/interactions",
        statuses(public=403, party=403, read_only=403, other_member=403, rest=200),
    ),
    DealCase(
        "GET",
        "/interactions",
        statuses(public=404, other_member=404, rest=200),
        params={"deal_id": "{deal}"},
    ),
    DealCase(
        "POST",
        "/interactions",
        statuses(public=403, read_only=403, other_member=404, rest=201),
        body=_interaction,
    ),
    DealCase("GET", "/deals/{deal}/evidence", PARTY_READ),
    DealCase(
        "POST",
        "/deals/{deal}/evidence",
        statuses(public=403, read_only=403, other_member=404, rest=201),
        data={"kind": "press_release", "description": "Announcement"},
        files={"file": ("announcement.pdf", PDF, "application/pdf")},
    ),
    DealCase("GET", "/evidence/{evidence}/content", PARTY_READ),
    DealCase("GET", "/deals/{deal}/submissions", PARTY_READ),
    DealCase(
        "POST",
        "/deals/{deal}/submissions",
        {**OFFICERS_CHANGE, "officer": 409, "second": 409, "admin": 409},
        body=_fixed({"checklist": ["signed_agreement"], "evidence_ids": []}),
    ),
    DealCase(
        "POST",
        "/deals/{deal}/verify",
        {**OFFICERS_CHANGE, "officer": 409, "second": 409, "admin": 409},
    ),
    DealCase(
        "POST",
        "/deals/{deal}/return",
        {**OFFICERS_CHANGE, "officer": 409, "second": 409, "admin": 409},
        body=_fixed({"reason": "The agreement is not signed"}),
    ),
    DealCase("GET", "/deals/{deal}/confirmations", PARTY_READ),
    DealCase(
        "POST",
        "/deals/{deal}/confirmations",
        {**OFFICERS_CHANGE, "officer": 201, "second": 201, "admin": 201},
        body=_confirmation,
    ),
    # The link is the credential: whoever holds it reads what it asks, signed in or not.
    DealCase("GET", "/confirmations/{token}", statuses(rest=200)),
    DealCase(
        "POST",
        "/confirmations/{token}",
        statuses(rest=422),
        body=_fixed({"confirmed": True, "additionality": "perhaps"}),
    ),
    DealCase("GET", "/results", STAFF_ONLY_READ, params={"year": 2026}),
    DealCase(
        "GET",
        "/results/deals",
        STAFF_ONLY_READ,
        params={"year": 2026, "key": "stage:introduced"},
    ),
    DealCase("GET", "/reports", STAFF_ONLY_READ, params={"year": 2026, "format": "html"}),
]
