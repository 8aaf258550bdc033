"""The parties' word on a deal's outcome: an officer sends each party a link that works once
and expires; through it the party confirms the outcome (or says it is wrong) and how much the
office's support mattered."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from itpo.accounts.audit import record
from itpo.accounts.credentials import digest, new_secret
from itpo.accounts.fields import Checks
from itpo.accounts.principal import Principal
from itpo.clock import Clock, utc_now
from itpo.pipeline.access import require_officer
from itpo.pipeline.deals import seen_deal
from itpo.pipeline.model import Additionality, Confirmation, Deal
from itpo.pipeline.ports import PipelineUnitOfWork
from itpo.registry.errors import FieldError, NotFound, ValidationError

DEFAULT_VALID_DAYS = 14
MAX_VALID_DAYS = 90
MAX_COMMENT = 2000
BAD_LINK = "this confirmation link is not valid, was used already or has expired"


@dataclass(frozen=True, slots=True)
class IssuedConfirmation:
    """The link's secret, to send to the party; storage keeps only its digest."""

    token: str
    confirmation: Confirmation


@dataclass(frozen=True, slots=True)
class ConfirmationRequest:
    """What the party sees through the link: the deal and the outcome it is asked about."""

    confirmation: Confirmation
    deal: Deal
    organisation_name: str


class BadLink(NotFound):
    def __init__(self) -> None:
        super().__init__("confirmation link", "given")
        self.args = (BAD_LINK,)


def request_confirmation(
    *,
    uow: PipelineUnitOfWork,
    by: Principal,
    deal_id: int,
    organisation_id: int,
    email: str,
    valid_days: int = DEFAULT_VALID_DAYS,
    now: Clock = utc_now,
) -> IssuedConfirmation:
    """A single-use link for one party of the deal to confirm its outcome (officers)."""
    require_officer(by, "ask a party to confirm an outcome")
    checks = Checks()
    address = checks.email(email)
    if not 1 <= valid_days <= MAX_VALID_DAYS:
        checks.add("valid_days", f"must be within 1..{MAX_VALID_DAYS}")
    checks.done()
    with uow:
        deal = seen_deal(uow, by, deal_id)
        if organisation_id not in deal.organisation_ids:
            raise ValidationError(
                [FieldError("organisation_id", f"organisation {organisation_id} is not a party")]
            )
        token, stamp = new_secret(), now()
        confirmation = Confirmation(
            deal_id=deal_id,
            organisation_id=organisation_id,
            email=address,
            token_hash=digest(token),
            created_at=stamp,
            expires_at=stamp + dt.timedelta(days=valid_days),
        )
        confirmation_id = uow.verifications.add_confirmation(confirmation)
        record(
            uow=uow,
            by=by,
            action="confirmation.create",
            subject_type="deal",
            subject_id=deal_id,
            detail={"organisation_id": organisation_id, "email": address},
            now=now,
        )
        uow.commit()
    return IssuedConfirmation(token, dataclasses.replace(confirmation, id=confirmation_id))


def confirmation_request(
    *, uow: PipelineUnitOfWork, token: str, now: Clock = utc_now
) -> ConfirmationRequest:
    """What a link asks its party to confirm; BadLink when it is unknown, used or expired."""
    with uow:
        confirmation = _open(uow, token, now())
        deal = uow.deals.get(confirmation.deal_id)
        organisation = uow.organisations.get(confirmation.organisation_id)
    if deal is None or organisation is None:
        raise BadLink()
    return ConfirmationRequest(confirmation, deal, organisation.name)


def confirm_outcome(
    *,
    uow: PipelineUnitOfWork,
    token: str,
    confirmed: bool,
    additionality: str | None,
    comment: str | None = None,
    ip: str | None = None,
    now: Clock = utc_now,
) -> Confirmation:
    """The party's answer through its link, kept once: a second use, or a use after the link
    expired, is refused. Audited under the party's link."""
    checks = Checks()
    answer = checks.choice("additionality", additionality, Additionality) if additionality else None
    if confirmed and answer is None and not checks.errors:
        checks.add("additionality", "say how much the office's support mattered")
    text = checks.text("comment", comment, max_length=MAX_COMMENT, required=False)
    checks.done()
    stamp = now()
    with uow:
        confirmation = _open(uow, token, stamp)
        answered = dataclasses.replace(
            confirmation, used_at=stamp, confirmed=confirmed, additionality=answer, comment=text
        )
        if not uow.verifications.use_confirmation(answered):
            raise BadLink()
        party = Principal.anonymous(ip)
        record(
            uow=uow,
            by=dataclasses.replace(party, label=f"confirmation link of {confirmation.email}"),
            action="confirmation.answer",
            subject_type="deal",
            subject_id=confirmation.deal_id,
            detail={
                "organisation_id": confirmation.organisation_id,
                "confirmed": confirmed,
                "additionality": answer.value if answer else None,
            },
            now=now,
        )
        uow.commit()
    return answered


def list_confirmations(
    *, uow: PipelineUnitOfWork, by: Principal, deal_id: int
) -> list[Confirmation]:
    """The confirmations asked of a deal's parties and their answers: parties and officers."""
    with uow:
        seen_deal(uow, by, deal_id)
        return uow.verifications.confirmations(deal_id)


def _open(uow: PipelineUnitOfWork, token: str, at: dt.datetime) -> Confirmation:
    if not token or len(token) > 200:
        raise BadLink()
    found = uow.verifications.confirmation_by_hash(digest(token))
    if found is None or found.used_at is not None or found.expires_at <= at:
        raise BadLink()
    return found
