"""/api/v1/mail: the outbox, for administrators: every message the platform wrote, whether it
went out, and what it said."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from itpo.adapters.api.auth import PrincipalDep
from itpo.adapters.api.schemas import Page, Problem
from itpo.adapters.http import LimitQuery, OffsetQuery, PlatformDep, RecordId, UowDep, page_limit
from itpo.mail import outbox
from itpo.mail.model import MailKind, MailState
from itpo.mail.ports import MailQuery
from itpo.mail.presenting import message_dict, message_summary_dict

router = APIRouter(tags=["mail"])
REFUSED: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "Not signed in, or a bad token"},
    403: {"model": Problem, "description": "Administrators only"},
}


class MessageSummary(BaseModel):
    id: int
    kind: MailKind
    to: str
    subject: str
    state: MailState = Field(
        description="waiting (to send, or kept without a mail server), sent, failed"
    )
    attempts: int
    last_error: str
    subject_type: str | None
    subject_id: int | None
    created_at: dt.datetime
    next_attempt_at: dt.datetime
    sent_at: dt.datetime | None


class MessagePublic(MessageSummary):
    body: str


@router.get("/mail", response_model=Page[MessageSummary], responses=REFUSED)
def list_mail(
    principal: PrincipalDep,
    platform: PlatformDep,
    uow: UowDep,
    state: Annotated[list[MailState] | None, Query()] = None,
    kind: Annotated[list[MailKind] | None, Query()] = None,
    to: Annotated[str | None, Query(max_length=320)] = None,
    limit: LimitQuery = None,
    offset: OffsetQuery = 0,
) -> dict[str, Any]:
    """The outbox, newest first (administrators); filter by state, kind and recipient."""
    query = MailQuery(
        states=state or (),
        kinds=kind or (),
        to=to,
        limit=page_limit(platform.settings, limit),
        offset=offset,
    )
    page = outbox.list_messages(uow=uow, by=principal, query=query)
    return {
        "items": [message_summary_dict(m) for m in page.items],
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
    }


@router.get(
    "/mail/{message_id}",
    response_model=MessagePublic,
    responses={**REFUSED, 404: {"model": Problem, "description": "No such message"}},
)
def show_mail(
    message_id: RecordId, principal: PrincipalDep, platform: PlatformDep, uow: UowDep
) -> dict[str, Any]:
    """One message with its text (administrators); each reading is audited, since a message
    may carry a live link."""
    message = outbox.get_message(uow=uow, by=principal, message_id=message_id, now=platform.clock)
    return message_dict(message)
