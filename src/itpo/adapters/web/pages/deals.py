"""/deals: the deals the visitor may see, one deal with everything kept about it, and the
officer's changes (open from a match, edit, move a stage, hold, drop, resume), each through
the pipeline's services, their refusals shown beside the fields they name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from itpo.adapters.http import MAX_ID, PlatformDep, RecordId, UowDep
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.bootstrap import Platform
from itpo.pipeline import confirmations, deals, evidence, interactions, verification
from itpo.pipeline.model import (
    FIGURE_NAMES,
    Additionality,
    AgreementType,
    DealStatus,
    EvidenceKind,
    InteractionKind,
    Stage,
)
from itpo.pipeline.ports import DealQuery
from itpo.pipeline.presenting import deal_summary_dict, deal_view_dict
from itpo.pipeline.stages import FIELD_LABELS, required_for
from itpo.registry.errors import Conflict, ValidationError

router = APIRouter()
PAGE_SIZE = 25
MAX_FORM_TEXT = 100_000  # far above the domain's own limits, which it words beside the field
FormText = Annotated[str, Form(max_length=MAX_FORM_TEXT)]
OffsetQuery = Annotated[int, Query(ge=0, le=10_000_000)]
# What a finished change says at the top of the page it comes back to.
DONE: Mapping[str, str] = {
    "opened": "The deal is open.",
    "saved": "The deal is saved.",
    "moved": "The deal moved to its new stage.",
    "status": "The deal's status changed.",
    "logged": "The interaction is logged.",
    "filed": "The document is filed.",
    "submitted": "The outcome is submitted: another officer verifies it.",
    "verified": "The outcome is verified.",
    "returned": "The outcome went back to its officer with your reason.",
}
FIELD_KINDS: Mapping[str, str] = {
    "agreement_type": "agreement",
    "expected_signing_on": "date",
    "signed_on": "date",
    "operational_on": "date",
    "technology": "text",
}
FIGURE_LABELS: Mapping[str, str] = {
    "investment_committed": "Investment committed",
    "investment_realised": "Investment realised",
    "technology": "Technology transferred",
    "technology_trl": "Technology readiness (TRL)",
    "jobs_new": "New jobs",
    "jobs_safeguarded": "Jobs safeguarded",
    "tco2_per_year": "tCO2 avoided a year",
}


@router.get("/deals")
def deal_list(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    stage: Annotated[list[Stage] | None, Query()] = None,
    deal_status: Annotated[list[DealStatus] | None, Query(alias="status")] = None,
    q: Annotated[str, Query(max_length=200)] = "",
    offset: OffsetQuery = 0,
) -> Response:
    """Deals, most recently changed first: every deal for officers, a member's organisation's
    for members, each with what its next stage still needs."""
    visit.require_user()
    stages, statuses = tuple(dict.fromkeys(stage or ())), tuple(dict.fromkeys(deal_status or ()))
    query = DealQuery(
        stages=stages,
        statuses=statuses,
        text=q.strip() or None,
        limit=PAGE_SIZE,
        offset=offset,
    )
    page = deals.list_deals(uow=uow, by=visit.principal, query=query)
    values = {
        "deals": [deal_summary_dict(deal, platform.rates()) for deal in page.items],
        "total": page.total,
        "offset": offset,
        "size": PAGE_SIZE,
        "stages": list(Stage),
        "statuses": list(DealStatus),
        "chosen_stages": [s.value for s in stages],
        "chosen_statuses": [s.value for s in statuses],
        "q": q,
        "field_labels": FIELD_LABELS,
    }
    return render(request, visit, "deals/list.html", values)


@router.post("/deals")
def open_deal(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    match_id: Annotated[int, Form(ge=1, le=MAX_ID)],
) -> Response:
    """Open a deal from an introduced match (officers), then show it."""
    visit.require_user()
    deal = deals.open_deal_from_match(
        uow=uow,
        by=visit.principal,
        match_id=match_id,
        home=platform.settings.home_country,
        now=platform.clock,
    )
    return RedirectResponse(f"/deals/{deal.id}?done=opened", status_code=303)


@router.get("/deals/{deal_id:int}")
def deal_page(
    request: Request,
    deal_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    done: Annotated[str, Query(max_length=40)] = "",
) -> Response:
    """One deal: its parties, figures, log, interactions, evidence, verification and
    confirmations, and the forms of what the visitor may do with it."""
    visit.require_user()
    return show_deal(request, visit, platform, uow, deal_id, done=done)


def show_deal(
    request: Request,
    visit: Visit,
    platform: Platform,
    uow: SqlUnitOfWork,
    deal_id: int,
    *,
    done: str = "",
    form: str = "",
    problems: Mapping[str, str] | None = None,
    sent: Mapping[str, Any] | None = None,
    refusal: str | None = None,
    issued_link: str | None = None,
    status: int = 200,
) -> Response:
    """The deal page; after a refused form, that form keeps what was sent and shows why."""
    by = visit.principal
    view = deals.get_deal(uow=uow, by=by, deal_id=deal_id, now=platform.clock)
    shown = deal_view_dict(view, platform.rates())
    staff = by.is_staff
    next_needs = (
        list(required_for(view.deal, view.next.stage)) if view.next.stage is not None else []
    )
    values = {
        "deal": shown,
        "figure_names": FIGURE_NAMES,
        "figure_labels": FIGURE_LABELS,
        "field_labels": FIELD_LABELS,
        "field_kinds": FIELD_KINDS,
        "next_needs": next_needs,
        "stages": list(Stage),
        "agreement_types": list(AgreementType),
        "interaction_kinds": list(InteractionKind),
        "evidence_kinds": list(EvidenceKind),
        "additionality": list(Additionality),
        "interactions": list(
            interactions.list_interactions(uow=uow, by=by, deal_id=deal_id, limit=100).items
        ),
        "evidence": evidence.list_evidence(uow=uow, by=by, deal_id=deal_id),
        "submissions": verification.list_submissions(uow=uow, by=by, deal_id=deal_id),
        "confirmations": (
            confirmations.list_confirmations(uow=uow, by=by, deal_id=deal_id) if staff else []
        ),
        "done": DONE.get(done),
        "form": form,
        "problems": dict(problems or {}),
        "sent": dict(sent or {}),
        "refusal": refusal,
        "issued_link": issued_link,
        "today": platform.today().isoformat(),
    }
    return render(request, visit, "deals/deal.html", values, status=status)


def refused(
    request: Request,
    visit: Visit,
    platform: Platform,
    uow: SqlUnitOfWork,
    deal_id: int,
    form: str,
    error: ValidationError | Conflict,
    sent: Mapping[str, Any],
) -> Response:
    """The deal page again with the form as sent: a bad field beside its field (422), a
    change the deal's state does not allow as a notice (409)."""
    if isinstance(error, ValidationError):
        problems = {e.field: e.message for e in error.errors}
        return show_deal(
            request,
            visit,
            platform,
            uow,
            deal_id,
            form=form,
            problems=problems,
            sent=sent,
            status=422,
        )
    return show_deal(
        request, visit, platform, uow, deal_id, form=form, sent=sent, refusal=str(error), status=409
    )


def _changes(form: Mapping[str, Any], names: list[str]) -> dict[str, Any]:
    """The form's values of these fields; a field left empty is cleared."""
    return {name: form.get(name, "") for name in names if name in form}


@router.post("/deals/{deal_id:int}/edit")
async def edit_deal(
    request: Request, deal_id: RecordId, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """Change the deal's fields and figures (officers)."""
    visit.require_user()
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    names = [
        "title",
        "currency",
        "expected_signing_on",
        "notes",
        "sdgs",
        *[f"{group}.{name}" for group in ("projected", "outcome") for name in FIGURE_NAMES],
    ]
    version = form.get("version", "")
    try:
        deals.update_deal(
            uow=uow,
            by=visit.principal,
            deal_id=deal_id,
            changes=_changes(form, names),
            expected_version=int(version) if version.isdigit() else None,
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        return refused(request, visit, platform, uow, deal_id, "edit", error, form)
    return RedirectResponse(f"/deals/{deal_id}?done=saved", status_code=303)


@router.post("/deals/{deal_id:int}/stage")
async def move_deal(
    request: Request, deal_id: RecordId, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """Move the deal to a stage with the fields that stage needs (officers)."""
    visit.require_user()
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    to = form.get("to", "")
    try:
        wanted = required_for(
            deals.get_deal(uow=uow, by=visit.principal, deal_id=deal_id).deal, Stage(to)
        )
    except ValueError:
        wanted = ()
    changes = {name: form[name] for name in wanted if form.get(name, "").strip()}
    version = form.get("version", "")
    try:
        deals.move_deal(
            uow=uow,
            by=visit.principal,
            deal_id=deal_id,
            to=to,
            changes=changes,
            reason=form.get("reason") or None,
            expected_version=int(version) if version.isdigit() else None,
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        return refused(request, visit, platform, uow, deal_id, "move", error, form)
    return RedirectResponse(f"/deals/{deal_id}?done=moved", status_code=303)


@router.post("/deals/{deal_id:int}/status")
def change_status(
    request: Request,
    deal_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    status: Annotated[str, Form(max_length=40)] = "",
    reason: FormText = "",
) -> Response:
    """Hold, drop or resume the deal (officers); holding and dropping need a reason."""
    visit.require_user()
    try:
        deals.set_status(
            uow=uow,
            by=visit.principal,
            deal_id=deal_id,
            status=status,
            reason=reason or None,
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        sent = {"status": status, "reason": reason}
        return refused(request, visit, platform, uow, deal_id, "status", error, sent)
    return RedirectResponse(f"/deals/{deal_id}?done=status", status_code=303)
