"""Every diagnostic route and the status each kind of asker of the API matrix gets (the public,
a member of the "own" organisation, a member of the "other" one, the first with a read-only
token, an officer, an administrator). The world's diagnostic ({diagnostic}) is a draft of the
"own" organisation, so nothing here adds a record the other cases read: a new diagnostic is
sent with a band out of range (422), and the draft's submission too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.diagnostics import answers

ASKERS = ("public", "member", "other_member", "read_only", "officer", "admin")


@dataclass(frozen=True)
class DiagnosticCase:
    method: str
    path: str
    expected: dict[str, int]
    body: Callable[[Any], Any] | None = None
    params: dict[str, Any] | None = None
    files: dict[str, tuple[str, bytes, str]] | None = None


def by(**statuses: int) -> dict[str, int]:
    return {asker: statuses.get(asker, statuses.get("rest", 0)) for asker in ASKERS}


# The "own" organisation's diagnostic: its members and officers; to another firm it does not
# exist; the public is refused.
READ = by(public=403, other_member=404, rest=200)

DIAGNOSTIC_CASES: list[DiagnosticCase] = [
    DiagnosticCase("GET", "/diagnostics/questionnaire", by(rest=200)),
    DiagnosticCase("GET", "/diagnostics", by(public=403, rest=200)),
    DiagnosticCase(
        "POST",
        "/diagnostics",
        by(public=403, other_member=403, read_only=403, rest=422),
        body=lambda w: {
            "organisation_id": w.organisations["own"],
            "answers": answers(operations=6),
        },
    ),
    DiagnosticCase(
        "GET", "/diagnostics/progress/{org_own}", by(public=403, other_member=403, rest=200)
    ),
    DiagnosticCase("GET", "/diagnostics/{diagnostic}", READ),
    DiagnosticCase(
        "POST",
        "/diagnostics/{diagnostic}/submit",
        by(public=403, other_member=404, read_only=403, rest=422),
        body=lambda w: {"answers": {"operations": -1}},
    ),
    DiagnosticCase("GET", "/diagnostics/{diagnostic}/needs", READ),
    DiagnosticCase("GET", "/diagnostics/{diagnostic}/report.html", READ),
    DiagnosticCase("GET", "/diagnostics/{diagnostic}/report.pdf", READ),
]
