"""Review of opportunity profiles: the owner submits, an officer publishes against the
criteria or sends the profile back with the reason, the owner or an officer renews it before
it expires. Every step is kept in the profile's review history, audited, and told to the
owner's people by mail when an officer decides."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from itpo.accounts.access import may_act_for, require_scope, require_staff_write, require_write
from itpo.accounts.audit import record
from itpo.accounts.errors import Forbidden
from itpo.accounts.model import Scope
from itpo.accounts.principal import Principal
from itpo.clock import Clock, today, utc_now
from itpo.mail.letters import published_letter, sent_back_letter
from itpo.mail.links import SiteLinks
from itpo.mail.model import Letter, MailKind
from itpo.mail.outbox import queue
from itpo.mail.recipients import language_of, members_of
from itpo.registry.errors import Conflict, FieldError, ValidationError
from itpo.registry.model import Opportunity, Status
from itpo.registry.queries import OpportunityQuery
from itpo.registry.services import visible_opportunity
from itpo.review.criteria import Criterion, Finding, findings
from itpo.review.model import ReviewEntry, ReviewStep
from itpo.review.ports import ReviewUnitOfWork

# EEN profiles stay live for a year unless renewed; a renewal looks at most two years ahead.
DEFAULT_VALIDITY = dt.timedelta(days=365)
MAX_VALIDITY = dt.timedelta(days=2 * 366)
MIN_REASON, MAX_REASON = 10, 2000

SUBMITTABLE = frozenset({Status.DRAFT, Status.EXPIRED})
PUBLISHABLE = frozenset({Status.DRAFT, Status.IN_REVIEW, Status.EXPIRED})
RETURNABLE = frozenset({Status.IN_REVIEW, Status.PUBLISHED})
RENEWABLE = frozenset({Status.PUBLISHED, Status.EXPIRED})


def submit(
    *, uow: ReviewUnitOfWork, by: Principal, opportunity_id: int, now: Clock = utc_now
) -> Opportunity:
    """Ask the office to publish a draft (or an expired profile): its owner's members or an
    officer. A profile whose validity date is past is refused until the date is moved on."""
    with uow:
        found = _writable(uow, by, opportunity_id)
        _require_state(found, SUBMITTABLE, "submitted")
        if found.valid_until is not None and found.valid_until < today(now):
            raise ValidationError(
                [FieldError("valid_until", "is past: set a later date before submitting")]
            )
        changed = _moved(uow, found, Status.IN_REVIEW, found.valid_until, now)
        _keep(uow, by, changed, ReviewStep.SUBMITTED, now)
        uow.commit()
    return changed


def publish(
    *,
    uow: ReviewUnitOfWork,
    by: Principal,
    opportunity_id: int,
    confirmed: Sequence[str],
    links: SiteLinks,
    valid_until: dt.date | None = None,
    now: Clock = utc_now,
) -> Opportunity:
    """Publish a profile once an officer has confirmed every criterion; it stays live until
    `valid_until`, its own date, or a year from today, whichever is given first."""
    require_staff_write(by, "publish a profile")
    criteria = _criteria(confirmed, "confirmed")
    problems: list[FieldError] = []
    missing = [c.value for c in Criterion if c not in criteria]
    if missing:
        problems.append(
            FieldError(
                "confirmed",
                f"confirm every criterion or send the profile back (not confirmed: "
                f"{', '.join(missing)})",
            )
        )
    with uow:
        found = _visible(uow, by, opportunity_id)
        _require_state(found, PUBLISHABLE, "published")
        until = _validity(valid_until or found.valid_until, today(now), problems, valid_until)
        if problems:
            raise ValidationError(problems)
        changed = _moved(uow, found, Status.PUBLISHED, until, now)
        _keep(uow, by, changed, ReviewStep.PUBLISHED, now, criteria=criteria)
        _tell_owner(
            uow,
            changed,
            now,
            lambda lang, name: published_letter(
                lang=lang,
                name=name,
                title=changed.title,
                valid_until=until,
                link=links.opportunity_matches(opportunity_id),
            ),
        )
        uow.commit()
    return changed


def send_back(
    *,
    uow: ReviewUnitOfWork,
    by: Principal,
    opportunity_id: int,
    reason: str,
    wanting: Sequence[str],
    links: SiteLinks,
    now: Clock = utc_now,
) -> Opportunity:
    """Return a profile in review (or a published one found wanting) to its owner as a draft,
    naming the criteria it does not meet and why."""
    require_staff_write(by, "send a profile back")
    criteria = _criteria(wanting, "wanting")
    reason = reason.strip()
    problems: list[FieldError] = []
    if not criteria:
        problems.append(FieldError("wanting", "name at least one criterion the profile misses"))
    if not MIN_REASON <= len(reason) <= MAX_REASON:
        problems.append(
            FieldError("reason", f"say what to change in {MIN_REASON}..{MAX_REASON} characters")
        )
    if problems:
        raise ValidationError(problems)
    with uow:
        found = _visible(uow, by, opportunity_id)
        _require_state(found, RETURNABLE, "sent back")
        changed = _moved(uow, found, Status.DRAFT, found.valid_until, now)
        _keep(uow, by, changed, ReviewStep.SENT_BACK, now, criteria=criteria, reason=reason)
        _tell_owner(
            uow,
            changed,
            now,
            lambda lang, name: sent_back_letter(
                lang=lang,
                name=name,
                title=changed.title,
                reason=reason,
                criteria=[c.value for c in criteria],
                link=links.opportunity_review(opportunity_id),
            ),
        )
        uow.commit()
    return changed


def renew(
    *,
    uow: ReviewUnitOfWork,
    by: Principal,
    opportunity_id: int,
    valid_until: dt.date,
    now: Clock = utc_now,
) -> Opportunity:
    """Move a profile's validity date on: a published one stays published; an expired one is
    published again by an officer, or goes back to review when its owner renews it, as it has
    been off the exchange."""
    day = today(now)
    problems: list[FieldError] = []
    until = _validity(valid_until, day, problems, valid_until)
    with uow:
        found = _writable(uow, by, opportunity_id)
        _require_state(found, RENEWABLE, "renewed")
        if problems:
            raise ValidationError(problems)
        back = Status.PUBLISHED if found.status is Status.PUBLISHED or by.is_staff else None
        changed = _moved(uow, found, back or Status.IN_REVIEW, until, now)
        _keep(uow, by, changed, ReviewStep.RENEWED, now)
        if back is None:
            _keep(uow, by, changed, ReviewStep.SUBMITTED, now)
        uow.commit()
    return changed


def history(*, uow: ReviewUnitOfWork, by: Principal, opportunity_id: int) -> Sequence[ReviewEntry]:
    """The profile's review steps, oldest first, with the reviewers' reasons: for its
    owner's members and officers."""
    return review_sheet(uow=uow, by=by, opportunity_id=opportunity_id).history


@dataclass(frozen=True, slots=True)
class ReviewSheet:
    """A profile as its reviewer and its owner see it: what a machine finds wanting by
    criterion, its steps so far, and what the asker may do next."""

    opportunity: Opportunity
    findings: Sequence[Finding]
    history: Sequence[ReviewEntry]
    may_submit: bool
    may_decide: bool  # publish or send back
    may_renew: bool


def review_sheet(*, uow: ReviewUnitOfWork, by: Principal, opportunity_id: int) -> ReviewSheet:
    """For the profile's owner's members and officers."""
    with uow:
        found = _visible(uow, by, opportunity_id)
        _require_own_or_staff(by, found)
        owner = uow.organisations.get(found.organisation_id)
        siblings = uow.opportunities.list(
            OpportunityQuery(organisation_id=found.organisation_id)
        ).items
        steps = uow.reviews.history(opportunity_id)
    writes = by.scopes is None or Scope.WRITE in by.scopes
    staff = writes and by.is_staff
    return ReviewSheet(
        opportunity=found,
        findings=findings(found, owner, siblings),
        history=steps,
        may_submit=writes and found.status in SUBMITTABLE,
        may_decide=staff and found.status in PUBLISHABLE | RETURNABLE,
        may_renew=writes and found.status in RENEWABLE,
    )


def _visible(uow: ReviewUnitOfWork, by: Principal, opportunity_id: int) -> Opportunity:
    return visible_opportunity(uow=uow, by=by, opportunity_id=opportunity_id)[0]


def _writable(uow: ReviewUnitOfWork, by: Principal, opportunity_id: int) -> Opportunity:
    found = _visible(uow, by, opportunity_id)
    require_write(by, found.organisation_id)
    return found


def _require_own_or_staff(by: Principal, found: Opportunity) -> None:
    # The reviewers' reasons are for the owner and the office, not for every reader.
    require_scope(by, Scope.READ)
    if not may_act_for(by, found.organisation_id):
        raise Forbidden("only an officer, or a member of the owning organisation, may see this")


def _require_state(found: Opportunity, allowed: frozenset[Status], what: str) -> None:
    if found.status not in allowed:
        raise Conflict(f"a profile that is {found.status.value.replace('_', ' ')} is not {what}")


def _criteria(values: Sequence[str], field: str) -> tuple[Criterion, ...]:
    known = {c.value for c in Criterion}
    unknown = [v for v in values if v not in known]
    if unknown:
        raise ValidationError(
            [FieldError(field, f"{unknown[0]!r} is not a criterion ({', '.join(sorted(known))})")]
        )
    return tuple(c for c in Criterion if c.value in set(values))


def _validity(
    until: dt.date | None, day: dt.date, problems: list[FieldError], asked: dt.date | None
) -> dt.date:
    """The validity date to keep: one asked for must lie ahead within two years; a profile's
    own date must not be past; none at all is a year from today."""
    if until is None:
        return day + DEFAULT_VALIDITY
    if until <= day:
        problems.append(FieldError("valid_until", "must be after today"))
    elif asked is not None and until > day + MAX_VALIDITY:
        problems.append(FieldError("valid_until", "must be within two years"))
    return until


def _moved(
    uow: ReviewUnitOfWork,
    found: Opportunity,
    status: Status,
    valid_until: dt.date | None,
    now: Clock,
) -> Opportunity:
    # A step is stamped after the state it changes, even when clocks disagree (another
    # server's, a clock set back): readers that follow changes by stamp must see it.
    at = now()
    if found.updated_at is not None and at <= found.updated_at:
        at = found.updated_at + dt.timedelta(microseconds=1)
    changed = dataclasses.replace(found, status=status, valid_until=valid_until, updated_at=at)
    uow.opportunities.update_many([changed])
    return changed


def _keep(
    uow: ReviewUnitOfWork,
    by: Principal,
    opportunity: Opportunity,
    step: ReviewStep,
    now: Clock,
    *,
    criteria: Sequence[Criterion] = (),
    reason: str = "",
) -> None:
    assert opportunity.id is not None
    entry = ReviewEntry(
        opportunity_id=opportunity.id,
        step=step,
        at=now(),
        by_user_id=by.user_id,
        by_label=by.label,
        reason=reason,
        criteria=tuple(c.value for c in criteria),
        valid_until=opportunity.valid_until,
    )
    uow.reviews.add(entry)
    detail: dict[str, object] = {"status": opportunity.status.value}
    if criteria:
        detail["criteria"] = list(entry.criteria)
    if opportunity.valid_until is not None:
        detail["valid_until"] = opportunity.valid_until.isoformat()
    record(
        uow=uow,
        by=by,
        action=f"opportunity.{step.value}",
        subject_type="opportunity",
        subject_id=opportunity.id,
        detail=detail,
        now=now,
    )


def _tell_owner(
    uow: ReviewUnitOfWork,
    opportunity: Opportunity,
    now: Clock,
    write: Callable[[str, str], Letter],
) -> None:
    at = now()
    lang = language_of(uow.organisations.get(opportunity.organisation_id))
    for person in members_of(uow, opportunity.organisation_id):
        queue(
            uow,
            kind=MailKind.REVIEW_DECISION,
            to=person.email,
            letter=write(lang, person.display_name),
            at=at,
            subject_type="opportunity",
            subject_id=opportunity.id,
        )
