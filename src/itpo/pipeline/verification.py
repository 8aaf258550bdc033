"""Four eyes on a deal's outcome: the officer submits the outcome with its evidence against
the checklist of its stage, and a different officer or an administrator verifies it (its
figures become the deal's verified figures) or sends it back with a reason."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection

from itpo.accounts.audit import record
from itpo.accounts.principal import Principal
from itpo.clock import Clock, today, utc_now
from itpo.pipeline.access import require_officer, require_second_officer
from itpo.pipeline.deals import seen_deal, store_deal
from itpo.pipeline.model import (
    Deal,
    DealStatus,
    EvidenceKind,
    Stage,
    Submission,
    Verification,
    stage_rank,
)
from itpo.pipeline.people import label_of
from itpo.pipeline.ports import PipelineUnitOfWork
from itpo.pipeline.stages import VERIFICATION_CHECKLIST, missing_for
from itpo.registry.errors import Conflict, FieldError, ValidationError

MAX_NOTE = 2000


def submit_outcome(
    *,
    uow: PipelineUnitOfWork,
    by: Principal,
    deal_id: int,
    checklist: Collection[str],
    evidence_ids: Collection[int],
    note: str | None = None,
    now: Clock = utc_now,
) -> Submission:
    """Send a signed or operational deal's outcome for verification (officers): every
    checklist item its stage asks for, each backed by a document of that kind on the deal."""
    require_officer(by, "submit a deal's outcome")
    with uow:
        deal = seen_deal(uow, by, deal_id)
        _check_submittable(uow, deal)
        items = _checklist(checklist)
        _check_evidence(uow, deal, deal.stage, items, evidence_ids)
        text = _note(note, "note", required=False)
        stamp = now()
        submission = Submission(
            deal_id=deal_id,
            stage=deal.stage,
            outcome=deal.outcome,
            checklist=items,
            evidence_ids=tuple(sorted(set(evidence_ids))),
            note=text,
            submitted_by_id=by.user_id,
            submitted_by=label_of(by),
            submitted_at=stamp,
        )
        submission_id = uow.verifications.add_submission(submission)
        store_deal(
            uow,
            deal,
            dataclasses.replace(deal, verification=Verification.SUBMITTED, updated_at=stamp),
        )
        _audit(uow, by, "deal.submit", deal_id, submission_id, now)
        uow.commit()
    return dataclasses.replace(submission, id=submission_id)


def verify_outcome(
    *, uow: PipelineUnitOfWork, by: Principal, deal_id: int, now: Clock = utc_now
) -> Deal:
    """Verify the outcome waiting on a deal: an officer or administrator other than the one
    who submitted it. The figures submitted become the deal's verified figures."""
    require_officer(by, "verify a deal's outcome")
    with uow:
        deal, waiting = _waiting(uow, by, deal_id)
        require_second_officer(by, waiting)
        stamp = now()
        answered = _answer(waiting, by, Verification.VERIFIED, "", stamp)
        if not uow.verifications.review(answered):
            raise Conflict(f"the outcome of deal {deal_id} was answered meanwhile")
        changed = dataclasses.replace(
            deal,
            verified=waiting.outcome,
            verification=Verification.VERIFIED,
            verified_on=today(now),
            updated_at=stamp,
        )
        store_deal(uow, deal, changed)
        _audit(uow, by, "deal.verify", deal_id, waiting.id, now)
        uow.commit()
    return changed


def return_outcome(
    *,
    uow: PipelineUnitOfWork,
    by: Principal,
    deal_id: int,
    reason: str | None,
    now: Clock = utc_now,
) -> Deal:
    """Send a waiting outcome back to its officer with a reason (a second officer)."""
    require_officer(by, "send a deal's outcome back")
    text = _note(reason, "reason", required=True)
    with uow:
        deal, waiting = _waiting(uow, by, deal_id)
        require_second_officer(by, waiting)
        stamp = now()
        if not uow.verifications.review(_answer(waiting, by, Verification.RETURNED, text, stamp)):
            raise Conflict(f"the outcome of deal {deal_id} was answered meanwhile")
        changed = dataclasses.replace(deal, verification=Verification.RETURNED, updated_at=stamp)
        store_deal(uow, deal, changed)
        _audit(uow, by, "deal.return", deal_id, waiting.id, now, reason=text)
        uow.commit()
    return changed


def list_submissions(*, uow: PipelineUnitOfWork, by: Principal, deal_id: int) -> list[Submission]:
    """A deal's submissions for verification, oldest first: its parties and officers."""
    with uow:
        seen_deal(uow, by, deal_id)
        return uow.verifications.submissions(deal_id)


def _check_submittable(uow: PipelineUnitOfWork, deal: Deal) -> None:
    if deal.status is DealStatus.DROPPED:
        raise Conflict(f"deal {deal.id} was dropped; a dropped deal has no outcome to verify")
    if stage_rank(deal.stage) < stage_rank(Stage.AGREEMENT_SIGNED):
        raise Conflict(
            f"deal {deal.id} is {deal.stage.value}; an outcome is submitted once the "
            "agreement is signed"
        )
    missing = missing_for(deal, deal.stage)
    if missing:
        raise ValidationError(
            [FieldError(n, f"is required to submit a {deal.stage.value} outcome") for n in missing]
        )
    assert deal.id is not None
    waiting = uow.verifications.latest_submission(deal.id)
    if waiting is not None and waiting.state is Verification.SUBMITTED:
        raise Conflict(f"deal {deal.id} already has an outcome waiting for verification")


def _checklist(values: Collection[str]) -> tuple[EvidenceKind, ...]:
    items: list[EvidenceKind] = []
    for value in values:
        try:
            items.append(EvidenceKind(str(value).strip().lower()))
        except ValueError:
            allowed = ", ".join(k.value for k in EvidenceKind)
            raise ValidationError(
                [FieldError("checklist", f"{value!r} is not one of: {allowed}")]
            ) from None
    return tuple(dict.fromkeys(items))


def _check_evidence(
    uow: PipelineUnitOfWork,
    deal: Deal,
    stage: Stage,
    items: tuple[EvidenceKind, ...],
    evidence_ids: Collection[int],
) -> None:
    assert deal.id is not None
    filed = {e.id: e for e in uow.evidence.for_deal(deal.id)}
    errors: list[FieldError] = []
    strangers = [i for i in evidence_ids if i not in filed]
    if strangers:
        errors.append(
            FieldError("evidence_ids", f"not documents of deal {deal.id}: {sorted(strangers)}")
        )
    backed = {filed[i].kind for i in evidence_ids if i in filed}
    for item in items:
        if item not in backed:
            errors.append(FieldError("checklist", f"{item.value} has no document of its kind"))
    for group in VERIFICATION_CHECKLIST.get(stage, ()):
        if not set(group) & set(items):
            wanted = " or ".join(k.value for k in group)
            errors.append(
                FieldError(
                    "checklist", f"an outcome at {stage.value} needs {wanted}, with evidence"
                )
            )
    if errors:
        raise ValidationError(errors)


def _waiting(uow: PipelineUnitOfWork, by: Principal, deal_id: int) -> tuple[Deal, Submission]:
    deal = seen_deal(uow, by, deal_id)
    waiting = uow.verifications.latest_submission(deal_id)
    if waiting is None or waiting.state is not Verification.SUBMITTED:
        raise Conflict(f"deal {deal_id} has no outcome waiting for verification")
    return deal, waiting


def _answer(
    waiting: Submission, by: Principal, state: Verification, reason: str, at: dt.datetime
) -> Submission:
    return dataclasses.replace(
        waiting,
        state=state,
        reviewed_by_id=by.user_id,
        reviewed_by=label_of(by),
        reviewed_at=at,
        review_reason=reason,
    )


def _note(value: str | None, field: str, *, required: bool) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError([FieldError(field, "is required: say what is missing or wrong")])
    if len(text) > MAX_NOTE:
        raise ValidationError([FieldError(field, f"at most {MAX_NOTE} characters")])
    return text


def _audit(
    uow: PipelineUnitOfWork,
    by: Principal,
    action: str,
    deal_id: int,
    submission_id: int | None,
    now: Clock,
    *,
    reason: str = "",
) -> None:
    detail: dict[str, object] = {"submission_id": submission_id}
    if reason:
        detail["reason"] = reason
    record(
        uow=uow,
        by=by,
        action=action,
        subject_type="deal",
        subject_id=deal_id,
        detail=detail,
        now=now,
    )
