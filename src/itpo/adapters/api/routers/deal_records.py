"""What is kept about a deal: /api/v1/interactions, a deal's evidence, its outcome's
verification by a second officer, and the parties' confirmations through single-use links."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Path, Query, Request, Response, UploadFile, status

from itpo.adapters.api.auth import PrincipalDep
from itpo.adapters.api.deal_schemas import (
    ConfirmationAnswer,
    ConfirmationAsk,
    ConfirmationAsked,
    ConfirmationIssued,
    ConfirmationPublic,
    DealDetail,
    EvidencePublic,
    InteractionLog,
    InteractionPublic,
    OutcomeReturn,
    OutcomeSubmit,
    SubmissionPublic,
)
from itpo.adapters.api.schemas import Page, Problem
from itpo.adapters.http import (
    MAX_ID,
    LimitQuery,
    OffsetQuery,
    PlatformDep,
    RecordId,
    UowDep,
    client_address,
    page_limit,
)
from itpo.adapters.links import confirmation_link
from itpo.mail import sending
from itpo.pipeline import confirmations, deals, evidence, interactions, verification
from itpo.pipeline.model import EvidenceKind
from itpo.pipeline.presenting import (
    confirmation_dict,
    confirmation_request_dict,
    deal_view_dict,
    evidence_dict,
    interaction_dict,
    submission_dict,
)

router = APIRouter(tags=["deals"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such deal, or not one of the asker's"}
}
REFUSED: dict[int | str, dict[str, Any]] = {
    **NOT_FOUND,
    409: {"model": Problem, "description": "Not possible where the deal stands"},
    422: {"model": Problem, "description": "A bad field, named"},
}
BAD_LINK: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "Unknown, used or expired link"}
}
TokenPath = Annotated[str, Path(min_length=1, max_length=200, description="The link's secret")]


@router.get("/interactions", response_model=Page[InteractionPublic], responses=NOT_FOUND)
def list_interactions(
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    deal_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    organisation_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    limit: LimitQuery = None,
    offset: OffsetQuery = 0,
) -> dict[str, Any]:
    """Interactions, the latest first: a deal's (its parties and officers), an
    organisation's or every one (officers)."""
    page = interactions.list_interactions(
        uow=uow,
        by=principal,
        deal_id=deal_id,
        organisation_id=organisation_id,
        limit=page_limit(platform.settings, limit),
        offset=offset,
    )
    items = [interaction_dict(i) for i in page.items]
    return {"items": items, "total": page.total, "limit": page.limit, "offset": page.offset}


@router.post(
    "/interactions",
    response_model=InteractionPublic,
    status_code=status.HTTP_201_CREATED,
    responses=REFUSED,
)
def log_interaction(
    body: InteractionLog, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Log a meeting, call, visit or e-mail against a deal (its officers and parties) or an
    organisation (officers)."""
    logged = interactions.log_interaction(
        uow=uow,
        by=principal,
        kind=body.kind.value,
        occurred_on=body.occurred_on,
        subject=body.subject,
        notes=body.notes,
        with_whom=body.with_whom,
        deal_id=body.deal_id,
        organisation_id=body.organisation_id,
        now=platform.clock,
    )
    return interaction_dict(logged)


@router.get("/deals/{deal_id}/evidence", response_model=list[EvidencePublic], responses=NOT_FOUND)
def list_evidence(deal_id: RecordId, uow: UowDep, principal: PrincipalDep) -> list[dict[str, Any]]:
    """The documents behind a deal's outcome (its parties and officers)."""
    return [
        evidence_dict(e) for e in evidence.list_evidence(uow=uow, by=principal, deal_id=deal_id)
    ]


@router.post(
    "/deals/{deal_id}/evidence",
    response_model=EvidencePublic,
    status_code=status.HTTP_201_CREATED,
    responses=REFUSED,
)
def add_evidence(
    deal_id: RecordId,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    file: Annotated[UploadFile, File(description="PDF, image, Word or Excel document")],
    kind: Annotated[EvidenceKind, Form()],
    description: Annotated[str | None, Form(max_length=2000)] = None,
) -> dict[str, Any]:
    """Upload a document behind the outcome (its officers): its type is read from its bytes,
    its size checked, and it is kept with its SHA-256."""
    limit = platform.settings.max_upload_mb * 1024 * 1024
    content = file.file.read(limit + 1)
    added = evidence.add_evidence(
        uow=uow,
        by=principal,
        deal_id=deal_id,
        kind=kind.value,
        filename=file.filename or "",
        content=content,
        description=description,
        max_bytes=min(limit, evidence.MAX_EVIDENCE_BYTES),
        now=platform.clock,
    )
    return evidence_dict(added)


@router.get(
    "/evidence/{evidence_id}/content",
    response_class=Response,
    responses={
        200: {"description": "The document as uploaded", "content": {"application/pdf": {}}},
        404: {"model": Problem, "description": "No such document, or not the asker's"},
    },
)
def evidence_document(
    evidence_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> Response:
    """Download a document (the deal's parties and officers); every view is audited."""
    kept, content = evidence.evidence_content(
        uow=uow, by=principal, evidence_id=evidence_id, now=platform.clock
    )
    return Response(
        content,
        media_type=kept.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="evidence-{kept.id}"',
            "X-Content-SHA256": kept.sha256,
            "Cache-Control": "no-store",
        },
    )


@router.get(
    "/deals/{deal_id}/submissions", response_model=list[SubmissionPublic], responses=NOT_FOUND
)
def list_submissions(
    deal_id: RecordId, uow: UowDep, principal: PrincipalDep
) -> list[dict[str, Any]]:
    """Every outcome submitted for verification, with the second officer's answer."""
    found = verification.list_submissions(uow=uow, by=principal, deal_id=deal_id)
    return [submission_dict(s) for s in found]


@router.post(
    "/deals/{deal_id}/submissions",
    response_model=SubmissionPublic,
    status_code=status.HTTP_201_CREATED,
    responses=REFUSED,
)
def submit_outcome(
    deal_id: RecordId,
    body: OutcomeSubmit,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Submit the deal's outcome for verification (its officers) against the checklist of
    its stage, each item backed by evidence."""
    submitted = verification.submit_outcome(
        uow=uow,
        by=principal,
        deal_id=deal_id,
        checklist=[kind.value for kind in body.checklist],
        evidence_ids=body.evidence_ids,
        note=body.note,
        now=platform.clock,
    )
    return submission_dict(submitted)


@router.post("/deals/{deal_id}/verify", response_model=DealDetail, responses=REFUSED)
def verify_outcome(
    deal_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Verify the submitted outcome: an officer other than the one who submitted it, or an
    administrator. Its figures become the deal's verified figures."""
    verification.verify_outcome(uow=uow, by=principal, deal_id=deal_id, now=platform.clock)
    view = deals.get_deal(uow=uow, by=principal, deal_id=deal_id, now=platform.clock)
    return deal_view_dict(view, platform.rates())


@router.post("/deals/{deal_id}/return", response_model=DealDetail, responses=REFUSED)
def return_outcome(
    deal_id: RecordId,
    body: OutcomeReturn,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Send the submitted outcome back with a reason (a second officer or an administrator)."""
    verification.return_outcome(
        uow=uow, by=principal, deal_id=deal_id, reason=body.reason, now=platform.clock
    )
    view = deals.get_deal(uow=uow, by=principal, deal_id=deal_id, now=platform.clock)
    return deal_view_dict(view, platform.rates())


@router.get(
    "/deals/{deal_id}/confirmations",
    response_model=list[ConfirmationPublic],
    responses=NOT_FOUND,
)
def list_confirmations(
    deal_id: RecordId, uow: UowDep, principal: PrincipalDep
) -> list[dict[str, Any]]:
    """The confirmations asked of the deal's parties and their answers."""
    found = confirmations.list_confirmations(uow=uow, by=principal, deal_id=deal_id)
    return [confirmation_dict(c) for c in found]


@router.post(
    "/deals/{deal_id}/confirmations",
    response_model=ConfirmationIssued,
    status_code=status.HTTP_201_CREATED,
    responses=REFUSED,
)
def request_confirmation(
    deal_id: RecordId,
    body: ConfirmationAsk,
    request: Request,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Ask a party to confirm the outcome (its officers): a single-use link that expires,
    shown once."""
    issued = sending.send_confirmation_request(
        uow=uow,
        by=principal,
        deal_id=deal_id,
        organisation_id=body.organisation_id,
        email=body.email,
        links=platform.links(),
        valid_days=body.valid_days,
        now=platform.clock,
    )
    link = confirmation_link(str(request.base_url), issued.token)
    return {**confirmation_dict(issued.confirmation), "link": link}


@router.get("/confirmations/{token}", response_model=ConfirmationAsked, responses=BAD_LINK)
def confirmation_asked(token: TokenPath, platform: PlatformDep, uow: UowDep) -> dict[str, Any]:
    """What a link asks its party to confirm (no sign-in: the link is the credential)."""
    asked = confirmations.confirmation_request(uow=uow, token=token, now=platform.clock)
    return confirmation_request_dict(asked, platform.rates())


@router.post(
    "/confirmations/{token}",
    response_model=ConfirmationPublic,
    responses={**BAD_LINK, 422: {"model": Problem, "description": "A bad answer, named"}},
)
def confirm_outcome(
    token: TokenPath,
    body: ConfirmationAnswer,
    request: Request,
    platform: PlatformDep,
    uow: UowDep,
) -> dict[str, Any]:
    """Answer through the link, once: whether the outcome is as stated, and how much the
    office's support mattered."""
    answered = confirmations.confirm_outcome(
        uow=uow,
        token=token,
        confirmed=body.confirmed,
        additionality=None if body.additionality is None else body.additionality.value,
        comment=body.comment,
        ip=client_address(request),
        now=platform.clock,
    )
    return confirmation_dict(answered)
