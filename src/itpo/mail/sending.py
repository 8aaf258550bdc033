"""Links people are given, sent by mail too: a party's confirmation link and a user's
password-reset link. The link and its message are written in one transaction, so a link is
never issued without its message, nor a message without its link."""

from __future__ import annotations

from typing import Protocol

from itpo.accounts.policy import DEFAULT_POLICY, AccountPolicy
from itpo.accounts.principal import Principal
from itpo.accounts.resets import IssuedReset, issue_password_reset
from itpo.clock import Clock, utc_now
from itpo.mail.letters import confirmation_letter, reset_letter
from itpo.mail.links import SiteLinks
from itpo.mail.model import MailKind
from itpo.mail.outbox import queue
from itpo.mail.ports import MailUnitOfWork
from itpo.mail.recipients import language_of
from itpo.pipeline.confirmations import (
    DEFAULT_VALID_DAYS,
    IssuedConfirmation,
    request_confirmation,
)
from itpo.pipeline.ports import PipelineUnitOfWork


class SendingUnitOfWork(PipelineUnitOfWork, MailUnitOfWork, Protocol):
    """The work that issues a link and the outbox, in one transaction."""


def send_confirmation_request(
    *,
    uow: SendingUnitOfWork,
    by: Principal,
    deal_id: int,
    organisation_id: int,
    email: str,
    links: SiteLinks,
    valid_days: int = DEFAULT_VALID_DAYS,
    now: Clock = utc_now,
) -> IssuedConfirmation:
    """A party's single-use confirmation link (officers), mailed to the address given."""
    with uow:
        issued = request_confirmation(
            uow=uow,
            by=by,
            deal_id=deal_id,
            organisation_id=organisation_id,
            email=email,
            valid_days=valid_days,
            now=now,
        )
        confirmation = issued.confirmation
        deal = uow.deals.get(deal_id)
        organisation = uow.organisations.get(organisation_id)
        assert deal is not None and organisation is not None  # checked by the request
        letter = confirmation_letter(
            lang=language_of(organisation),
            deal_title=deal.title,
            organisation=organisation.name,
            link=links.confirmation(issued.token),
            expires_at=confirmation.expires_at,
        )
        queue(
            uow,
            kind=MailKind.CONFIRMATION,
            to=confirmation.email,
            letter=letter,
            at=confirmation.created_at,
            subject_type="deal",
            subject_id=deal_id,
        )
        uow.commit()
    return issued


def send_password_reset(
    *,
    uow: SendingUnitOfWork,
    by: Principal,
    user_id: int,
    links: SiteLinks,
    policy: AccountPolicy = DEFAULT_POLICY,
    now: Clock = utc_now,
) -> IssuedReset:
    """A password-reset link issued by an administrator, mailed to the user."""
    with uow:
        issued = issue_password_reset(uow=uow, by=by, user_id=user_id, policy=policy, now=now)
        organisation = (
            uow.organisations.get(issued.user.organisation_id)
            if issued.user.organisation_id is not None
            else None
        )
        letter = reset_letter(
            lang=language_of(organisation),
            name=issued.user.display_name,
            link=links.password_reset(issued.token),
            expires_at=issued.expires_at,
        )
        queue(
            uow,
            kind=MailKind.PASSWORD_RESET,
            to=issued.user.email,
            letter=letter,
            at=now(),
            subject_type="user",
            subject_id=issued.user.id,
        )
        uow.commit()
    return issued
