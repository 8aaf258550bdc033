"""The forms of a deal's page that keep records about it: an interaction, an evidence document,
the outcome submitted for verification, a second officer's answer, and a party's confirmation
link (shown once, on the page that asked for it)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from itpo.adapters.http import PlatformDep, RecordId, UowDep
from itpo.adapters.links import confirmation_link
from itpo.adapters.web.pages.deals import FormText, refused, show_deal
from itpo.adapters.web.visit import VisitDep
from itpo.mail import sending
from itpo.pipeline import evidence, interactions, verification
from itpo.registry.errors import Conflict, ValidationError

router = APIRouter()
ShortText = Annotated[str, Form(max_length=400)]


@router.post("/deals/{deal_id:int}/interactions")
def log_interaction(
    request: Request,
    deal_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    kind: ShortText = "",
    occurred_on: ShortText = "",
    subject: FormText = "",
    with_whom: FormText = "",
    notes: FormText = "",
) -> Response:
    """Log a meeting, call, visit or e-mail on the deal (its parties and officers)."""
    visit.require_user()
    sent = {
        "kind": kind,
        "occurred_on": occurred_on,
        "subject": subject,
        "with_whom": with_whom,
        "notes": notes,
    }
    try:
        interactions.log_interaction(
            uow=uow,
            by=visit.principal,
            kind=kind,
            occurred_on=occurred_on or None,
            subject=subject,
            with_whom=with_whom or None,
            notes=notes or None,
            deal_id=deal_id,
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        return refused(request, visit, platform, uow, deal_id, "interaction", error, sent)
    return RedirectResponse(f"/deals/{deal_id}?done=logged#interactions", status_code=303)


@router.post("/deals/{deal_id:int}/evidence")
def add_evidence(
    request: Request,
    deal_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    file: Annotated[UploadFile | None, File()] = None,
    kind: ShortText = "",
    description: FormText = "",
) -> Response:
    """File a document on the deal (its parties and officers), checked by its content."""
    visit.require_user()
    limit = platform.settings.max_upload_mb * 1024 * 1024
    content = file.file.read(limit + 1) if file is not None else b""
    try:
        evidence.add_evidence(
            uow=uow,
            by=visit.principal,
            deal_id=deal_id,
            kind=kind,
            filename=(file.filename or "") if file is not None else "",
            content=content,
            description=description or None,
            max_bytes=min(limit, evidence.MAX_EVIDENCE_BYTES),
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        sent = {"kind": kind, "description": description}
        return refused(request, visit, platform, uow, deal_id, "evidence", error, sent)
    return RedirectResponse(f"/deals/{deal_id}?done=filed#evidence", status_code=303)


@router.post("/deals/{deal_id:int}/submit")
async def submit_outcome(
    request: Request, deal_id: RecordId, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """Submit the outcome for verification (officers), the checklist ticked against the
    documents that back it."""
    visit.require_user()
    form = await request.form()
    checklist = [v for v in form.getlist("checklist") if isinstance(v, str)]
    chosen = [v for v in form.getlist("evidence_id") if isinstance(v, str)]
    note = form.get("note")
    try:
        verification.submit_outcome(
            uow=uow,
            by=visit.principal,
            deal_id=deal_id,
            checklist=checklist,
            evidence_ids=[int(v) for v in chosen if v.isdigit()],
            note=note if isinstance(note, str) and note.strip() else None,
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        sent = {"checklist": checklist, "evidence_id": chosen}
        return refused(request, visit, platform, uow, deal_id, "submit", error, sent)
    return RedirectResponse(f"/deals/{deal_id}?done=submitted#verification", status_code=303)


@router.post("/deals/{deal_id:int}/verify")
def verify_outcome(
    request: Request,
    deal_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    answer: ShortText = "",
    reason: FormText = "",
) -> Response:
    """Verify the submitted outcome or send it back with a reason (a second officer)."""
    visit.require_user()
    try:
        if answer == "return":
            verification.return_outcome(
                uow=uow, by=visit.principal, deal_id=deal_id, reason=reason, now=platform.clock
            )
        else:
            verification.verify_outcome(
                uow=uow, by=visit.principal, deal_id=deal_id, now=platform.clock
            )
    except (ValidationError, Conflict) as error:
        sent = {"reason": reason}
        return refused(request, visit, platform, uow, deal_id, "verify", error, sent)
    done = "returned" if answer == "return" else "verified"
    return RedirectResponse(f"/deals/{deal_id}?done={done}#verification", status_code=303)


@router.post("/deals/{deal_id:int}/confirmations")
def request_confirmation(
    request: Request,
    deal_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    organisation_id: ShortText = "",
    email: ShortText = "",
) -> Response:
    """Ask a party to confirm the outcome (officers): the link is shown here, once."""
    visit.require_user()
    sent = {"organisation_id": organisation_id, "email": email}
    try:
        issued = sending.send_confirmation_request(
            uow=uow,
            by=visit.principal,
            deal_id=deal_id,
            organisation_id=int(organisation_id) if organisation_id.isdigit() else 0,
            email=email,
            links=platform.links(),
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        return refused(request, visit, platform, uow, deal_id, "confirm", error, sent)
    link = confirmation_link(str(request.base_url), issued.token)
    return show_deal(request, visit, platform, uow, deal_id, issued_link=link)
