"""Every practice route and the status each kind of asker of the API matrix gets (the public, a
member of the "own" organisation, a member of the "other" one, the first with a read-only
token, an officer, an administrator). The world's cases: the office's published one
({case_office}) and a draft the "other" organisation wrote ({case_other_draft}).

Changes are sent in a shape that reaches the rules without altering what other cases read: a
case saved unchanged, a reason left empty (422), publishing a published case (409); the one
that moves something, the draft's submission, is made by its writer before the officers, who
then meet a case already in review (409)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.practices import case_data

ASKERS = ("public", "member", "other_member", "read_only", "officer", "admin")


@dataclass(frozen=True)
class PracticeCase:
    method: str
    path: str
    expected: dict[str, int]
    body: Callable[[Any], Any] | None = None
    params: dict[str, Any] | None = None
    files: dict[str, tuple[str, bytes, str]] | None = None


def by(**statuses: int) -> dict[str, int]:
    return {asker: statuses.get(asker, statuses.get("rest", 0)) for asker in ASKERS}


WRITERS = by(public=403, read_only=403, rest=0)
OFFICERS = by(rest=403, officer=200, admin=200)
# The "other" organisation's draft: its members and officers; nobody else is told it exists.
DRAFT_READ = by(other_member=200, officer=200, admin=200, rest=404)
BAD_FILE = json.dumps({"cases": [case_data(figures=[{"value": 3, "source": 0}])]}).encode()

PRACTICE_CASES: list[PracticeCase] = [
    PracticeCase("GET", "/practices", by(rest=200)),
    PracticeCase("GET", "/practices", by(rest=200), params={"q": "mango drying", "lang": "zh"}),
    PracticeCase(
        "POST",
        "/practices",
        by(public=403, read_only=403, rest=201),
        body=lambda w: case_data(external_id=None),
    ),
    PracticeCase("GET", "/practices/template.xlsx", by(rest=200)),
    PracticeCase("GET", "/practices/export/{export}", by(rest=200)),
    PracticeCase(
        "POST",
        "/practices/import",
        by(rest=403, officer=422, admin=422),
        files={"file": ("cases.json", BAD_FILE, "application/json")},
    ),
    PracticeCase("GET", "/practices/{case_office}", by(rest=200)),
    PracticeCase("GET", "/practices/{case_other_draft}", DRAFT_READ),
    PracticeCase(
        "PUT",
        "/practices/{case_office}",
        by(public=403, member=403, other_member=403, read_only=403, officer=200, admin=200),
        body=lambda w: case_data(),
    ),
    PracticeCase(
        "POST",
        "/practices/{case_other_draft}/submit",
        by(public=403, member=404, other_member=200, read_only=403, officer=409, admin=409),
    ),
    PracticeCase(
        "POST",
        "/practices/{case_office}/publish",
        by(rest=403, officer=409, admin=409),
    ),
    PracticeCase(
        "POST",
        "/practices/{case_office}/send-back",
        by(rest=403, officer=422, admin=422),
        body=lambda w: {"reason": ""},
    ),
    PracticeCase(
        "POST",
        "/practices/{case_office}/withdraw",
        by(rest=403, officer=422, admin=422),
        body=lambda w: {"reason": ""},
    ),
    PracticeCase("GET", "/practices/{case_office}/versions", OFFICERS),
    PracticeCase("GET", "/practices/{case_other_draft}/versions", DRAFT_READ),
    PracticeCase("GET", "/practices/{case_office}/versions/{first_version}", OFFICERS),
    PracticeCase("GET", "/practices/{case_office}/opportunities", by(rest=200)),
    PracticeCase("GET", "/opportunities/{other_draft}/similar-practices", DRAFT_READ),
    PracticeCase("GET", "/opportunities/{own}/similar-practices", by(rest=200)),
]
