"""Deals: opened from an introduced match, a meeting or an officer's word, moved through
their stages when what each stage needs is there, held or dropped with a reason; every
change written with its line in the deal's log and the audit log, or not at all."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from itpo.accounts.audit import record
from itpo.accounts.principal import Principal
from itpo.clock import Clock, today, utc_now
from itpo.matching.decisions import MatchState
from itpo.pipeline.access import (
    Action,
    allowed,
    require_officer,
    require_seen,
)
from itpo.pipeline.changes import MAX_TITLE, apply_changes
from itpo.pipeline.model import (
    Deal,
    DealEvent,
    DealSource,
    DealStatus,
    Stage,
    Submission,
)
from itpo.pipeline.people import label_of, staff_user
from itpo.pipeline.place import place_of, projected_from
from itpo.pipeline.ports import DealQuery, PipelineUnitOfWork
from itpo.pipeline.stages import NextStage, missing_for, next_stage
from itpo.registry.errors import Conflict, FieldError, NotFound, ValidationError
from itpo.registry.model import Opportunity, Organisation
from itpo.registry.queries import Page, check_paging

MAX_REASON = 2000


@dataclass(frozen=True, slots=True)
class DealView:
    """A deal as its page shows it: what it needs next, its log, how long it has stood at
    its stage, its latest submission for verification, and what the asker may do."""

    deal: Deal
    next: NextStage
    events: tuple[DealEvent, ...]
    days_in_stage: int | None
    submission: Submission | None
    actions: frozenset[Action]
    parties: tuple[Named, ...] = ()
    opportunities: tuple[Named, ...] = ()
    officer: str | None = None


@dataclass(frozen=True, slots=True)
class Named:
    """A record the deal links, by id and name, for whoever may see the deal."""

    id: int
    name: str


class StaleDeal(Conflict):
    """Someone changed the deal after the asker read it."""


def open_deal_from_match(
    *,
    uow: PipelineUnitOfWork,
    by: Principal,
    match_id: int,
    home: str = "CHN",
    officer_id: int | None = None,
    now: Clock = utc_now,
) -> Deal:
    """A deal for an introduced match (officers): both opportunities and organisations,
    projected figures from the records and the project's appraisal. One deal per match."""
    require_officer(by, "open a deal")
    with uow:
        match = uow.matches.get(match_id)
        if match is None:
            raise NotFound("match", match_id)
        if match.state is not MatchState.INTRODUCED:
            raise Conflict(
                f"match {match_id} is {match.state.value}; a deal opens once both sides "
                "accepted the introduction"
            )
        existing = uow.deals.by_match(match_id)
        if existing is not None:
            raise Conflict(f"match {match_id} already has deal {existing.id}")
        opportunities = _opportunities(uow, (match.first_id, match.second_id))
        deal = _new_deal(
            uow,
            by,
            opportunities,
            source=DealSource.MATCH,
            match_id=match_id,
            officer_id=officer_id,
            home=home,
            now=now,
        )
        return _add(uow, by, deal, now)


def open_deal(
    *,
    uow: PipelineUnitOfWork,
    by: Principal,
    organisation_ids: tuple[int, int | None],
    opportunity_ids: tuple[int | None, int | None] = (None, None),
    title: str | None = None,
    source: DealSource = DealSource.OUTSIDE,
    meeting_id: int | None = None,
    officer_id: int | None = None,
    home: str = "CHN",
    illustrative: bool = False,
    now: Clock = utc_now,
) -> Deal:
    """A deal brokered outside the platform, or met at an event (officers): two organisations
    (the second may be outside the registry), each with its opportunity when there is one.
    An illustrative deal (the demo's) is marked so wherever it shows and is counted apart."""
    require_officer(by, "open a deal")
    if source is DealSource.MATCH:
        raise Conflict("a deal from a match opens from the match itself")
    with uow:
        organisations = _organisations(uow, organisation_ids)
        opportunities = _opportunities(uow, tuple(i for i in opportunity_ids if i is not None))
        owners = {o.organisation_id for o in opportunities}
        strangers = owners - {o.id for o in organisations}
        if strangers:
            raise ValidationError(
                [FieldError("opportunity_ids", "each opportunity must belong to a party")]
            )
        deal = _new_deal(
            uow,
            by,
            opportunities,
            organisations=organisations,
            source=source,
            meeting_id=meeting_id,
            officer_id=officer_id,
            home=home,
            now=now,
            title=title,
        )
        return _add(uow, by, dataclasses.replace(deal, illustrative=illustrative), now)


def get_deal(
    *, uow: PipelineUnitOfWork, by: Principal, deal_id: int, now: Clock = utc_now
) -> DealView:
    """One deal with its log and what it needs next: officers, and the parties' members."""
    with uow:
        deal = _seen(uow, by, deal_id)
        events = uow.deals.events(deal_id)
        submission = uow.verifications.latest_submission(deal_id)
        parties, opportunities, officer = _linked(uow, deal)
    since = deal.stage_since or deal.opened_on
    return DealView(
        deal=deal,
        next=next_stage(deal),
        events=tuple(events),
        days_in_stage=(today(now) - since).days if since else None,
        submission=submission,
        actions=allowed(by, deal, submission),
        parties=parties,
        opportunities=opportunities,
        officer=officer,
    )


def _linked(
    uow: PipelineUnitOfWork, deal: Deal
) -> tuple[tuple[Named, ...], tuple[Named, ...], str | None]:
    """The parties, opportunities and officer a deal names: whoever sees the deal sees them
    (the parties were introduced, so neither is anonymous to the other any more)."""
    parties = []
    for organisation_id in deal.organisation_ids:
        organisation = uow.organisations.get(organisation_id)
        if organisation is not None:
            parties.append(Named(organisation_id, organisation.name))
    opportunities = []
    for opportunity_id in (deal.first_opportunity_id, deal.second_opportunity_id):
        found = uow.opportunities.get(opportunity_id) if opportunity_id is not None else None
        if found is not None and opportunity_id is not None:
            opportunities.append(Named(opportunity_id, found.title))
    officer = uow.users.get(deal.officer_id) if deal.officer_id is not None else None
    return tuple(parties), tuple(opportunities), officer.display_name if officer else None


def list_deals(*, uow: PipelineUnitOfWork, by: Principal, query: DealQuery) -> Page[Deal]:
    """Deals that pass the query: officers see all, a member its organisation's; the public
    is asked to sign in."""
    check_paging(query.limit, query.offset)
    if by.is_anonymous:
        require_officer(by, "list deals")
    if not by.is_staff:
        query = dataclasses.replace(query, party_of=by.organisation_id or -1)
    with uow:
        return uow.deals.find(query)


def update_deal(
    *,
    uow: PipelineUnitOfWork,
    by: Principal,
    deal_id: int,
    changes: Mapping[str, Any],
    expected_version: int | None = None,
    now: Clock = utc_now,
) -> Deal:
    """Change a deal's fields (officers). A deal keeps holding what its stage needs: a change
    that would empty a required field is refused, naming it."""
    require_officer(by, "change a deal")
    with uow:
        deal = _seen(uow, by, deal_id)
        _check_version(deal, expected_version)
        changed = apply_changes(deal, changes, today=today(now))
        _check_people(uow, changed)
        _require_fields(changed, changed.stage, "stay at")
        changed = dataclasses.replace(changed, updated_at=now())
        _store(uow, deal, changed)
        record(
            uow=uow,
            by=by,
            action="deal.update",
            subject_type="deal",
            subject_id=deal_id,
            detail={"fields": sorted(_changed_fields(deal, changed))},
            now=now,
        )
        uow.commit()
    return changed


def move_deal(
    *,
    uow: PipelineUnitOfWork,
    by: Principal,
    deal_id: int,
    to: str,
    changes: Mapping[str, Any] | None = None,
    reason: str | None = None,
    expected_version: int | None = None,
    now: Clock = utc_now,
) -> Deal:
    """Move an active deal to another stage (officers), setting the fields it needs in the
    same step. Forward moves need every field of the stages up to the new one (the refusal
    names each missing field, and nothing is written); a move back needs a reason."""
    require_officer(by, "move a deal")
    target = _stage(to)
    with uow:
        deal = _seen(uow, by, deal_id)
        _check_version(deal, expected_version)
        if deal.status is not DealStatus.ACTIVE:
            raise Conflict(f"deal {deal_id} is {deal.status.value}; resume it before moving it")
        if target is deal.stage:
            raise Conflict(f"deal {deal_id} is already at {target.value}")
        changed = apply_changes(deal, changes or {}, today=today(now))
        _check_people(uow, changed)
        backward = list(Stage).index(target) < list(Stage).index(deal.stage)
        text = _reason(reason, required=backward, why="a move back to an earlier stage")
        _require_fields(changed, target, "move to")
        stamp = now()
        changed = dataclasses.replace(
            changed, stage=target, stage_since=stamp.date(), updated_at=stamp
        )
        _store(uow, deal, changed)
        _log(uow, by, deal, "stage", deal.stage.value, target.value, text, stamp)
        record(
            uow=uow,
            by=by,
            action="deal.move",
            subject_type="deal",
            subject_id=deal_id,
            detail={"from": deal.stage.value, "to": target.value, "reason": text},
            now=now,
        )
        uow.commit()
    return changed


def set_status(
    *,
    uow: PipelineUnitOfWork,
    by: Principal,
    deal_id: int,
    status: str,
    reason: str | None = None,
    on: dt.date | None = None,
    expected_version: int | None = None,
    now: Clock = utc_now,
) -> Deal:
    """Put a deal on hold or drop it (with a reason; a drop with its date, today unless
    given), or resume it (officers). The stage it reached is kept."""
    require_officer(by, "change a deal's status")
    new = _status(status)
    with uow:
        deal = _seen(uow, by, deal_id)
        _check_version(deal, expected_version)
        if new is deal.status:
            raise Conflict(f"deal {deal_id} is already {new.value}")
        text = _reason(reason, required=new is not DealStatus.ACTIVE, why=f"{new.value}")
        dropped_on = _dropped_on(new, on, today(now))
        stamp = now()
        changed = dataclasses.replace(
            deal,
            status=new,
            status_reason=text if new is not DealStatus.ACTIVE else "",
            dropped_on=dropped_on,
            updated_at=stamp,
        )
        _store(uow, deal, changed)
        _log(uow, by, deal, "status", deal.status.value, new.value, text, stamp)
        record(
            uow=uow,
            by=by,
            action="deal.status",
            subject_type="deal",
            subject_id=deal_id,
            detail={"from": deal.status.value, "to": new.value, "reason": text},
            now=now,
        )
        uow.commit()
    return changed


def seen_deal(uow: PipelineUnitOfWork, by: Principal, deal_id: int) -> Deal:
    """The deal, once the asker may see it; NotFound otherwise (inside a unit of work)."""
    return _seen(uow, by, deal_id)


def store_deal(uow: PipelineUnitOfWork, before: Deal, after: Deal) -> None:
    """Write a changed deal, refusing when someone changed it meanwhile."""
    _store(uow, before, after)


def _seen(uow: PipelineUnitOfWork, by: Principal, deal_id: int) -> Deal:
    deal = uow.deals.get(deal_id)
    if deal is None:
        raise NotFound("deal", deal_id)
    require_seen(by, deal)
    return deal


def _store(uow: PipelineUnitOfWork, before: Deal, after: Deal) -> None:
    if not uow.deals.update(after, expected_version=before.version):
        raise StaleDeal(f"deal {before.id} was changed meanwhile; read it again")
    after.version = before.version + 1


def _check_version(deal: Deal, expected: int | None) -> None:
    if expected is not None and expected != deal.version:
        raise StaleDeal(
            f"deal {deal.id} is at version {deal.version}, not {expected}: it was changed "
            "meanwhile; read it again"
        )


def _require_fields(deal: Deal, stage: Stage, verb: str) -> None:
    missing = missing_for(deal, stage)
    if missing:
        raise ValidationError(
            [FieldError(name, f"is required to {verb} {stage.value}") for name in missing]
        )


def _check_people(uow: PipelineUnitOfWork, deal: Deal) -> None:
    if deal.officer_id is not None and staff_user(uow, deal.officer_id) is None:
        raise ValidationError(
            [FieldError("officer_id", f"user {deal.officer_id} is not an active officer")]
        )
    if deal.office_id is not None and uow.offices.get(deal.office_id) is None:
        raise ValidationError([FieldError("office_id", f"office {deal.office_id} not found")])


def _stage(value: str) -> Stage:
    try:
        return Stage(str(value).strip().lower())
    except ValueError:
        allowed_stages = ", ".join(s.value for s in Stage)
        raise ValidationError(
            [FieldError("stage", f"{value!r} is not one of: {allowed_stages}")]
        ) from None


def _status(value: str) -> DealStatus:
    try:
        return DealStatus(str(value).strip().lower())
    except ValueError:
        allowed_statuses = ", ".join(s.value for s in DealStatus)
        raise ValidationError(
            [FieldError("status", f"{value!r} is not one of: {allowed_statuses}")]
        ) from None


def _reason(value: str | None, *, required: bool, why: str) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError([FieldError("reason", f"{why} needs a reason")])
    if len(text) > MAX_REASON:
        raise ValidationError(
            [FieldError("reason", f"at most {MAX_REASON} characters, not {len(text)}")]
        )
    return text


def _dropped_on(status: DealStatus, on: dt.date | None, day: dt.date) -> dt.date | None:
    if status is not DealStatus.DROPPED:
        if on is not None:
            raise ValidationError([FieldError("on", "a date goes with a drop only")])
        return None
    if on is not None and on > day:
        raise ValidationError([FieldError("on", f"{on.isoformat()} is in the future")])
    return on or day


def _log(
    uow: PipelineUnitOfWork,
    by: Principal,
    deal: Deal,
    kind: str,
    before: str | None,
    after: str,
    reason: str,
    at: dt.datetime,
) -> None:
    assert deal.id is not None
    uow.deals.add_event(
        DealEvent(
            deal_id=deal.id,
            at=at,
            kind=kind,
            from_value=before,
            to_value=after,
            reason=reason,
            by_id=by.user_id,
            by_label=label_of(by),
        )
    )


def _changed_fields(before: Deal, after: Deal) -> set[str]:
    names = {f.name for f in dataclasses.fields(Deal)} - {"updated_at", "version"}
    return {n for n in names if getattr(before, n) != getattr(after, n)}


def _organisations(uow: PipelineUnitOfWork, ids: tuple[int, int | None]) -> list[Organisation]:
    first, second = ids
    if second is not None and first == second:
        raise ValidationError(
            [FieldError("organisation_ids", "a deal is between two different organisations")]
        )
    found = uow.organisations.get_many([i for i in ids if i is not None])
    missing = [i for i in ids if i is not None and i not in found]
    if missing:
        raise ValidationError(
            [FieldError("organisation_ids", f"organisation {i} not found") for i in missing]
        )
    return [found[i] for i in ids if i is not None]


def _opportunities(uow: PipelineUnitOfWork, ids: tuple[int, ...]) -> list[Opportunity]:
    found = uow.opportunities.get_many(ids)
    missing = [i for i in ids if i not in found]
    if missing:
        raise ValidationError(
            [FieldError("opportunity_ids", f"opportunity {i} not found") for i in missing]
        )
    return [found[i] for i in ids]


def _new_deal(
    uow: PipelineUnitOfWork,
    by: Principal,
    opportunities: list[Opportunity],
    *,
    source: DealSource,
    home: str,
    now: Clock,
    organisations: list[Organisation] | None = None,
    match_id: int | None = None,
    meeting_id: int | None = None,
    officer_id: int | None = None,
    title: str | None = None,
) -> Deal:
    if organisations is None:
        owners = uow.organisations.get_many([o.organisation_id for o in opportunities])
        organisations = [owners[o.organisation_id] for o in opportunities]
    responsible = officer_id if officer_id is not None else (by.user_id if by.is_staff else None)
    officer = staff_user(uow, responsible) if responsible is not None else None
    if responsible is not None and officer is None:
        raise ValidationError(
            [FieldError("officer_id", f"user {responsible} is not an active officer")]
        )
    appraisal = _latest_appraisal(uow, opportunities)
    projected, currency = projected_from(opportunities, appraisal)
    stamp = now()
    first = opportunities[0] if opportunities else None
    second = opportunities[1] if len(opportunities) > 1 else None
    return Deal(
        title=_title(title, opportunities, organisations),
        source=source,
        first_organisation_id=_id(organisations[0]),
        second_organisation_id=_id(organisations[1]) if len(organisations) > 1 else None,
        first_opportunity_id=first.id if first else None,
        second_opportunity_id=second.id if second else None,
        match_id=match_id,
        meeting_id=meeting_id,
        office_id=by.office_id or (officer.office_id if officer else None),
        officer_id=responsible,
        currency=currency,
        projected=projected,
        sdgs=sorted({g for o in opportunities for g in o.sdgs}),
        place=place_of(organisations, opportunities, home=home),
        opened_on=stamp.date(),
        stage_since=stamp.date(),
        created_at=stamp,
        updated_at=stamp,
    )


def _add(uow: PipelineUnitOfWork, by: Principal, deal: Deal, now: Clock) -> Deal:
    deal.id = uow.deals.add(deal)
    assert deal.created_at is not None
    _log(uow, by, deal, "stage", None, deal.stage.value, "", deal.created_at)
    record(
        uow=uow,
        by=by,
        action="deal.create",
        subject_type="deal",
        subject_id=deal.id,
        detail={"source": deal.source.value, "match_id": deal.match_id},
        now=now,
    )
    uow.commit()
    return deal


def _latest_appraisal(
    uow: PipelineUnitOfWork, opportunities: list[Opportunity]
) -> Mapping[str, Any] | None:
    for opportunity in opportunities:
        assert opportunity.id is not None
        stored = uow.appraisals.list_for_opportunity(opportunity.id)
        if stored:
            return stored[-1].summary
    return None


def _title(
    given: str | None, opportunities: list[Opportunity], organisations: list[Organisation]
) -> str:
    if given and given.strip():
        text = given.strip()
        if len(text) > MAX_TITLE:
            raise ValidationError(
                [FieldError("title", f"is {len(text)} characters long; at most {MAX_TITLE}")]
            )
        return text
    names = [o.title for o in opportunities] or [o.name for o in organisations]
    return " / ".join(names)[:MAX_TITLE]


def _id(organisation: Organisation) -> int:
    assert organisation.id is not None
    return organisation.id
