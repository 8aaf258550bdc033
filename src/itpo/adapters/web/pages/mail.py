"""The outbox for administrators: every message the platform wrote, whether it went out and
why not, what it said, and a button that sends what is due."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from itpo.adapters.http import PlatformDep, RecordId, UowDep
from itpo.adapters.mail.smtp import sender_from
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.pages.admin import PageNumber, pages
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.bootstrap import Platform
from itpo.mail import outbox
from itpo.mail.model import MailKind, MailState
from itpo.mail.outbox import Delivery
from itpo.mail.ports import MailQuery

router = APIRouter()
Choice = Annotated[str, Query(max_length=40)]

KIND_NAMES: Mapping[str, str] = {
    "confirmation": "Confirmation link",
    "password_reset": "Password reset link",
    "deal_reminder": "Reminder: quiet deal",
    "renewal_reminder": "Reminder: opportunity to renew",
    "match_digest": "Digest of new matches",
    "request_expired": "Meeting request expired",
    "review_decision": "Review decision on a profile",
}
STATE_NAMES: Mapping[str, str] = {
    "waiting": "Waiting",
    "sent": "Sent",
    "failed": "Failed",
}


@router.get("/admin/mail")
def mail_list(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    state: Choice = "",
    kind: Choice = "",
    page: PageNumber = 1,
) -> Response:
    """The outbox, newest first, filtered by state and kind."""
    return _outbox(request, visit, platform, uow, state=state, kind=kind, page=page)


@router.post("/admin/mail/send")
def mail_send(request: Request, visit: VisitDep, platform: PlatformDep, uow: UowDep) -> Response:
    """Send what is due now, rather than at the courier's next round."""
    done = outbox.deliver(
        uow_factory=platform.uow,
        by=visit.principal,
        sender=sender_from(platform.settings),
        now=platform.clock,
    )
    return _outbox(request, visit, platform, uow, delivery=done)


def _outbox(
    request: Request,
    visit: Visit,
    platform: Platform,
    uow: SqlUnitOfWork,
    *,
    state: str = "",
    kind: str = "",
    page: int = 1,
    delivery: Delivery | None = None,
) -> Response:
    known_state = state if state in STATE_NAMES else ""
    known_kind = kind if kind in KIND_NAMES else ""
    size = platform.settings.page_size
    query = MailQuery(
        states=(MailState(known_state),) if known_state else (),
        kinds=(MailKind(known_kind),) if known_kind else (),
        limit=size,
        offset=(page - 1) * size,
    )
    found = outbox.list_messages(uow=uow, by=visit.principal, query=query)
    settings = platform.settings
    values: dict[str, Any] = {
        "messages": found.items,
        "total": found.total,
        "page": page,
        "pages": pages(found.total, size),
        "newest_first": True,
        "filters": {"state": known_state, "kind": known_kind},
        "kinds": KIND_NAMES,
        "states": STATE_NAMES,
        "server": f"{settings.smtp_host}:{settings.smtp_port}" if settings.smtp_host else None,
        "delivery": delivery,
    }
    return render(request, visit, "admin/mail.html", values)


@router.get("/admin/mail/{message_id:int}")
def mail_message(
    request: Request, visit: VisitDep, platform: PlatformDep, uow: UowDep, message_id: RecordId
) -> Response:
    """One message as it was written (its reading is audited)."""
    message = outbox.get_message(
        uow=uow, by=visit.principal, message_id=message_id, now=platform.clock
    )
    values = {"message": message, "kinds": KIND_NAMES, "states": STATE_NAMES}
    return render(request, visit, "admin/mail_message.html", values)
