"""Who may see and do what with deals.

Officers and administrators work every deal; a member sees the deals its organisation is a
party to, logs interactions and adds evidence on them, and confirms outcomes, but moves no
stage and verifies nothing: the office answers for its results. For anyone else a deal does
not exist, so a hidden deal and a missing one answer alike.
"""

from __future__ import annotations

from enum import StrEnum

from itpo.accounts.access import require_scope
from itpo.accounts.errors import Forbidden
from itpo.accounts.model import Scope
from itpo.accounts.principal import Principal
from itpo.pipeline.model import Deal, DealStatus, Submission, Verification
from itpo.registry.errors import NotFound


class Action(StrEnum):
    """What the asker may do with one deal: the pages and the API show what this allows."""

    EDIT = "edit"
    MOVE = "move"
    HOLD = "hold"
    DROP = "drop"
    RESUME = "resume"
    LOG_INTERACTION = "log_interaction"
    ADD_EVIDENCE = "add_evidence"
    SUBMIT = "submit"
    VERIFY = "verify"
    REQUEST_CONFIRMATION = "request_confirmation"


def may_see(by: Principal, deal: Deal) -> bool:
    if by.is_anonymous or not by.may(Scope.READ):
        return False
    return by.is_staff or any(by.belongs_to(o) for o in deal.organisation_ids)


def require_seen(by: Principal, deal: Deal) -> None:
    if not may_see(by, deal):
        raise NotFound("deal", deal.id)


def require_officer(by: Principal, what: str) -> None:
    """Change the pipeline: officers and administrators, with a token that may write."""
    require_scope(by, Scope.WRITE)
    if not by.is_staff:
        raise Forbidden(f"only an officer or an administrator may {what}")


def require_party_or_officer(by: Principal, deal: Deal, what: str) -> None:
    require_seen(by, deal)
    require_scope(by, Scope.WRITE)
    if not by.is_staff and not any(by.belongs_to(o) for o in deal.organisation_ids):
        raise Forbidden(f"only an officer or a party to the deal may {what}")


def same_person(by: Principal, submission: Submission) -> bool:
    """Whether the one asking is the one who submitted: the same account, or for the command
    line (which has none) the same name on the same host."""
    if by.user_id is not None or submission.submitted_by_id is not None:
        return by.user_id == submission.submitted_by_id
    return by.label == submission.submitted_by


def require_second_officer(by: Principal, submission: Submission) -> None:
    """The four-eyes rule: an officer or administrator other than the one who submitted."""
    require_officer(by, "verify a deal's outcome")
    if same_person(by, submission):
        raise Forbidden(
            f"{submission.submitted_by} submitted this outcome, so another officer or an "
            "administrator must verify it (four eyes)"
        )


def allowed(by: Principal, deal: Deal, waiting: Submission | None) -> frozenset[Action]:
    """Every action the asker may take on the deal now."""
    if not may_see(by, deal) or not by.may(Scope.WRITE):
        return frozenset()
    actions = {Action.LOG_INTERACTION, Action.ADD_EVIDENCE}
    if not by.is_staff:
        return frozenset(actions)
    actions |= {Action.EDIT, Action.REQUEST_CONFIRMATION}
    if deal.status is DealStatus.ACTIVE:
        actions |= {Action.MOVE, Action.HOLD, Action.DROP, Action.SUBMIT}
    else:
        actions.add(Action.RESUME)
        if deal.status is DealStatus.ON_HOLD:
            actions.add(Action.DROP)
    if waiting is not None:
        actions.discard(Action.SUBMIT)
        if waiting.state is Verification.SUBMITTED and not same_person(by, waiting):
            actions.add(Action.VERIFY)
    return frozenset(actions)
