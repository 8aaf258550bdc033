"""Reminders, queued in the outbox: to a deal's officer when a live deal has had no
interaction for so many days (again each time as many days pass in silence), and to an
organisation's people when one of its published opportunities is about to expire. Each
reminder has a key, so running this twice a day queues nothing new."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from itpo.accounts.principal import Principal, require_administrator
from itpo.clock import Clock, today, utc_now
from itpo.mail.letters import deal_reminder_letter, renewal_letter
from itpo.mail.links import SiteLinks
from itpo.mail.model import Letter, MailKind
from itpo.mail.outbox import queue
from itpo.mail.ports import MailUnitOfWork
from itpo.mail.recipients import language_of, members_of
from itpo.pipeline.model import Deal, DealStatus, Verification
from itpo.pipeline.ports import DealQuery, PipelineUnitOfWork
from itpo.registry.errors import FieldError, ValidationError
from itpo.registry.model import Status
from itpo.registry.queries import OpportunityQuery

DEFAULT_QUIET_DAYS = 30
DEFAULT_NOTICE_DAYS = 30
MAX_DAYS = 365


class RemindingUnitOfWork(PipelineUnitOfWork, MailUnitOfWork, Protocol):
    """Deals and the registry read, and the outbox written, in one transaction."""


@dataclass(frozen=True, slots=True)
class Reminded:
    deals: int = 0  # reminders queued about quiet deals
    renewals: int = 0  # reminders queued about opportunities about to expire
    unaddressed: int = 0  # due, but nobody to send them to (no officer, no member account)

    def as_dict(self) -> dict[str, int]:
        return {"deals": self.deals, "renewals": self.renewals, "unaddressed": self.unaddressed}


def send_reminders(
    *,
    uow: RemindingUnitOfWork,
    by: Principal,
    links: SiteLinks,
    quiet_days: int = DEFAULT_QUIET_DAYS,
    notice_days: int = DEFAULT_NOTICE_DAYS,
    now: Clock = utc_now,
) -> Reminded:
    """Queue every reminder that is due today (administrators, or the scheduler)."""
    require_administrator(by)
    problems = [
        FieldError(name, f"must be within 1..{MAX_DAYS}")
        for name, days in (("quiet_days", quiet_days), ("notice_days", notice_days))
        if not 1 <= days <= MAX_DAYS
    ]
    if problems:
        raise ValidationError(problems)
    at, day = now(), today(now)
    with uow:
        deals, missing = _quiet_deals(uow, links, day, quiet_days, at)
        renewals, unaddressed = _renewals(uow, links, day, notice_days, at)
        uow.commit()
    return Reminded(deals=deals, renewals=renewals, unaddressed=missing + unaddressed)


def _quiet_deals(
    uow: RemindingUnitOfWork, links: SiteLinks, day: dt.date, quiet_days: int, at: dt.datetime
) -> tuple[int, int]:
    found = uow.deals.find(DealQuery(statuses=(DealStatus.ACTIVE,), limit=None))
    queued = unaddressed = 0
    for deal in found.items:
        last = _last_heard(deal)
        if deal.id is None or last is None or deal.verification is Verification.VERIFIED:
            continue
        silent = (day - last).days
        if silent < quiet_days:
            continue
        officer = uow.users.get(deal.officer_id) if deal.officer_id is not None else None
        if officer is None or not officer.active:
            unaddressed += 1
            continue
        letter = deal_reminder_letter(
            lang="en",
            name=officer.display_name,
            deal_title=deal.title,
            quiet_days=silent,
            stage=deal.stage.value.replace("_", " "),
            link=links.deal(deal.id),
        )
        # Once per spell of quiet_days: a deal silent for 65 days with 30 is reminded twice.
        key = f"deal-quiet:{deal.id}:{last.isoformat()}:{silent // quiet_days}"
        queued += _queued(
            uow, officer.email, letter, at, key, MailKind.DEAL_REMINDER, deal.id, "deal"
        )
    return queued, unaddressed


def _last_heard(deal: Deal) -> dt.date | None:
    """The day of the deal's latest interaction, or of its opening when it has none."""
    return deal.last_interaction_on or deal.opened_on


def _renewals(
    uow: RemindingUnitOfWork, links: SiteLinks, day: dt.date, notice_days: int, at: dt.datetime
) -> tuple[int, int]:
    query = OpportunityQuery(
        statuses=(Status.PUBLISHED,),
        valid_until_between=(day, day + dt.timedelta(days=notice_days)),
    )
    queued = unaddressed = 0
    for opportunity in uow.opportunities.list(query).items:
        if opportunity.id is None or opportunity.valid_until is None:
            continue
        people = members_of(uow, opportunity.organisation_id)
        if not people:
            unaddressed += 1
            continue
        lang = language_of(uow.organisations.get(opportunity.organisation_id))
        for person in people:
            letter = renewal_letter(
                lang=lang,
                name=person.display_name,
                title=opportunity.title,
                valid_until=opportunity.valid_until,
                link=links.opportunity_review(opportunity.id),
            )
            key = f"renew:{opportunity.id}:{opportunity.valid_until.isoformat()}:{person.id}"
            queued += _queued(
                uow,
                person.email,
                letter,
                at,
                key,
                MailKind.RENEWAL_REMINDER,
                opportunity.id,
                "opportunity",
            )
    return queued, unaddressed


def _queued(
    uow: MailUnitOfWork,
    to: str,
    letter: Letter,
    at: dt.datetime,
    key: str,
    kind: MailKind,
    subject_id: int,
    subject_type: str,
) -> int:
    added = queue(
        uow,
        kind=kind,
        to=to,
        letter=letter,
        at=at,
        key=key,
        subject_type=subject_type,
        subject_id=subject_id,
    )
    return 0 if added is None else 1
