"""What waits for the office's reviewers: profiles submitted (the longest waiting first),
published profiles changed since they were reviewed, profiles about to expire and those that
have expired. Each with what a machine sees wanting, so a reviewer starts where it matters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from itpo.accounts.access import require_staff_read
from itpo.accounts.principal import Principal
from itpo.clock import Clock, today, utc_now
from itpo.registry.errors import FieldError, ValidationError
from itpo.registry.model import Opportunity, Organisation, Status
from itpo.registry.queries import OpportunityQuery
from itpo.review.criteria import Finding, findings
from itpo.review.model import ReviewEntry, ReviewStep
from itpo.review.ports import ReviewUnitOfWork

DEFAULT_NOTICE_DAYS = 30
MAX_NOTICE_DAYS = 365
# Expired profiles older than this are the owner's to renew, not the reviewer's to chase.
EXPIRED_WINDOW = dt.timedelta(days=90)


@dataclass(frozen=True, slots=True)
class DeskItem:
    opportunity: Opportunity
    organisation: Organisation | None
    since: dt.date  # submitted, changed, or the validity date
    findings: Sequence[Finding] = ()


@dataclass(frozen=True, slots=True)
class ReviewDesk:
    in_review: Sequence[DeskItem] = field(default_factory=tuple)
    changed: Sequence[DeskItem] = field(default_factory=tuple)
    expiring: Sequence[DeskItem] = field(default_factory=tuple)
    expired: Sequence[DeskItem] = field(default_factory=tuple)

    @property
    def waiting(self) -> int:
        return len(self.in_review) + len(self.changed)


def review_desk(
    *,
    uow: ReviewUnitOfWork,
    by: Principal,
    notice_days: int = DEFAULT_NOTICE_DAYS,
    now: Clock = utc_now,
) -> ReviewDesk:
    """The office's review work today (officers and administrators)."""
    require_staff_read(by, "see the review desk")
    if not 1 <= notice_days <= MAX_NOTICE_DAYS:
        raise ValidationError([FieldError("notice_days", f"must be within 1..{MAX_NOTICE_DAYS}")])
    day = today(now)
    with uow:
        submitted = _list(uow, OpportunityQuery(statuses=(Status.IN_REVIEW,)))
        published = _list(uow, OpportunityQuery(statuses=(Status.PUBLISHED,)))
        expired = [
            o
            for o in _list(uow, OpportunityQuery(statuses=(Status.EXPIRED,)))
            if o.valid_until is not None and o.valid_until >= day - EXPIRED_WINDOW
        ]
        ids = [o.id for o in [*submitted, *published] if o.id is not None]
        asked = uow.reviews.latest(ids, (ReviewStep.SUBMITTED,))
        reviewed = uow.reviews.latest(ids, (ReviewStep.PUBLISHED, ReviewStep.RENEWED))
        changed = [o for o in published if _changed_since(o, reviewed)]
        horizon = day + dt.timedelta(days=notice_days)
        expiring = [
            o for o in published if o.valid_until is not None and day <= o.valid_until <= horizon
        ]
        owners = uow.organisations.get_many(
            {o.organisation_id for o in [*submitted, *changed, *expiring, *expired]}
        )
        siblings = _by_owner([*submitted, *published])

        def item(o: Opportunity, since: dt.date, checked: bool = False) -> DeskItem:
            owner = owners.get(o.organisation_id)
            seen = findings(o, owner, siblings.get(o.organisation_id, ())) if checked else ()
            return DeskItem(o, owner, since, tuple(seen))

        return ReviewDesk(
            in_review=[
                item(o, _submitted_at(o, asked).date(), checked=True)
                for o in sorted(submitted, key=lambda o: (_submitted_at(o, asked), o.id or 0))
            ],
            changed=[item(o, _day(o.updated_at), checked=True) for o in changed],
            expiring=sorted(
                (item(o, o.valid_until or day) for o in expiring), key=lambda i: i.since
            ),
            expired=sorted(
                (item(o, o.valid_until or day) for o in expired),
                key=lambda i: i.since,
                reverse=True,
            ),
        )


def _list(uow: ReviewUnitOfWork, query: OpportunityQuery) -> list[Opportunity]:
    return list(uow.opportunities.list(query).items)


def _day(moment: dt.datetime | None) -> dt.date:
    return (moment or dt.datetime.now(dt.UTC)).date()


def _submitted_at(o: Opportunity, asked: dict[int, ReviewEntry]) -> dt.datetime:
    # A profile put in review by an import or a form has no submission step: its last change.
    entry = asked.get(o.id or 0)
    if entry is not None:
        return entry.at
    return o.updated_at or dt.datetime.now(dt.UTC)


def _changed_since(o: Opportunity, reviewed: dict[int, ReviewEntry]) -> bool:
    """Changed after its last review. A profile published by an import, never reviewed here,
    is the importing office's own and not on the desk."""
    entry = reviewed.get(o.id or 0)
    return entry is not None and o.updated_at is not None and o.updated_at > entry.at


def _by_owner(opportunities: Sequence[Opportunity]) -> dict[int, list[Opportunity]]:
    found: dict[int, list[Opportunity]] = {}
    for o in opportunities:
        found.setdefault(o.organisation_id, []).append(o)
    return found
