"""The read side: organisations and opportunities as one asker may see them.

The API, the pages and the command line present records only through these functions, so they
show the same fields to the same asker: disclosure removes what the asker may not see, the view
says what the asker may do with the record, and a view of another organisation's restricted
detail is audited here, once, whichever adapter asked.

A summary view (cards, lists) carries no restricted detail, so it is never audited; a full view
(a record's page, an API answer) carries everything the asker's stage allows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from itpo.accounts.access import audience_of, may_act_for, may_see_people
from itpo.accounts.audit import record_many
from itpo.accounts.model import Scope
from itpo.accounts.ports import AuditedUnitOfWork
from itpo.accounts.principal import Principal
from itpo.clock import Clock, utc_now
from itpo.registry.disclosure import (
    MEMBER_FIELDS,
    OWNER_FIELDS,
    Audience,
    Stage,
    owner_shown,
    redact,
    scope,
    stage,
)
from itpo.registry.model import Opportunity, OpportunityKind, Organisation
from itpo.registry.presenting import opportunity_dict, organisation_dict
from itpo.registry.queries import OpportunityQuery, OrganisationQuery, Page
from itpo.registry.services import get_organisation, list_organisations, visible_opportunity

# An organisation's records are read in batches this size (to leave out the ones that may not
# be listed under it before counting): most organisations have a handful.
BATCH = 500
SUMMARY_FIELDS = MEMBER_FIELDS | OWNER_FIELDS


class Depth(Enum):
    SUMMARY = "summary"  # what a card or a list row shows: never restricted detail
    FULL = "full"  # everything the asker's stage allows


@dataclass(frozen=True, slots=True)
class OpportunityView:
    """One opportunity as one asker may see it, and what the asker may do with it."""

    id: int
    stage: Stage
    values: Mapping[str, Any]  # JSON-ready; a field the asker may not see is absent
    owner_shown: bool
    may_edit: bool  # change or delete it
    may_match: bool  # see its matches and decide on them


def present(
    uow: AuditedUnitOfWork,
    by: Principal,
    records: Sequence[Opportunity],
    *,
    home: str,
    depth: Depth,
    seen_by: Audience | None = None,
) -> list[OpportunityView]:
    """Views of records the caller has already read for this asker (hidden ones dropped)."""
    audience = seen_by or audience_of(uow, by)
    with uow:
        owners = uow.organisations.get_many({o.organisation_id for o in records})
    return [
        _view(o, owners, audience, by, home, depth)
        for o in records
        if stage(audience, o) is not Stage.HIDDEN
    ]


def view_opportunity(
    *,
    uow: AuditedUnitOfWork,
    by: Principal,
    opportunity_id: int,
    home: str,
    depth: Depth = Depth.FULL,
    now: Clock = utc_now,
) -> OpportunityView:
    """One opportunity at the asker's disclosure stage; NotFound when it is hidden."""
    found, seen_by = visible_opportunity(uow=uow, by=by, opportunity_id=opportunity_id)
    shown = present(uow, by, [found], home=home, depth=depth, seen_by=seen_by)
    audit_restricted_views(uow, by, shown, now=now)
    return shown[0]


def view_opportunities(
    *,
    uow: AuditedUnitOfWork,
    by: Principal,
    query: OpportunityQuery,
    home: str,
    depth: Depth = Depth.FULL,
    newest_first: bool = False,
    now: Clock = utc_now,
) -> Page[OpportunityView]:
    """The opportunities of the query that the asker may see, as views; oldest first, or
    newest first (ids grow as records are created)."""
    seen_by = audience_of(uow, by)
    limited = dataclasses.replace(query, scope=scope(seen_by, owner=query.organisation_id))
    with uow:
        page = _page(uow, limited, newest_first)
    views = present(uow, by, list(page.items), home=home, depth=depth, seen_by=seen_by)
    audit_restricted_views(uow, by, views, now=now)
    return Page(views, page.total, page.limit, page.offset, page.facets)


def listed_under(
    *,
    uow: AuditedUnitOfWork,
    by: Principal,
    organisation_id: int,
    home: str,
    limit: int,
    offset: int = 0,
) -> Page[OpportunityView]:
    """An organisation's records the asker may see and may know are its own, newest first, as
    summaries: an anonymous record listed under its owner would unmask it."""
    get_organisation(uow=uow, by=by, organisation_id=organisation_id)
    seen_by = audience_of(uow, by)
    query = OpportunityQuery(
        organisation_id=organisation_id, scope=scope(seen_by, owner=organisation_id), limit=BATCH
    )
    found: list[Opportunity] = []
    with uow:
        start = 0
        while True:
            page = uow.opportunities.list(dataclasses.replace(query, offset=start))
            found.extend(o for o in page.items if owner_shown(seen_by, o))
            start += BATCH
            if start >= page.total or not page.items:
                break
    found.sort(key=lambda o: o.id or 0, reverse=True)
    shown = found[offset : offset + limit]
    views = present(uow, by, shown, home=home, depth=Depth.SUMMARY, seen_by=seen_by)
    return Page(views, len(found), limit, offset)


def organisation_profile(
    *, uow: AuditedUnitOfWork, by: Principal, organisation_id: int
) -> dict[str, Any]:
    """An organisation's public profile."""
    return organisation_dict(get_organisation(uow=uow, by=by, organisation_id=organisation_id))


@dataclass(frozen=True, slots=True)
class OrganisationView:
    """An organisation's public profile, and what the asker may do with it."""

    values: Mapping[str, Any]
    own: bool  # the asker is one of its members
    sees_status: bool  # its records' status (drafts, records in review) is shown
    may_edit: bool  # change the profile, and create opportunities for it
    may_delete: bool
    may_see_people: bool  # its user accounts


def view_organisation(
    *, uow: AuditedUnitOfWork, by: Principal, organisation_id: int
) -> OrganisationView:
    """An organisation's profile as the asker may see it; NotFound when it does not exist."""
    profile = organisation_profile(uow=uow, by=by, organisation_id=organisation_id)
    acts = may_act_for(by, organisation_id)
    return OrganisationView(
        values=profile,
        own=by.belongs_to(organisation_id),
        sees_status=acts,
        may_edit=acts and by.may(Scope.WRITE),
        may_delete=by.is_staff and by.may(Scope.WRITE),
        may_see_people=may_see_people(by, organisation_id),
    )


def organisation_profiles(
    *, uow: AuditedUnitOfWork, by: Principal, query: OrganisationQuery
) -> Page[dict[str, Any]]:
    """Organisations' public profiles, in id order."""
    page = list_organisations(uow=uow, by=by, query=query)
    return Page([organisation_dict(o) for o in page.items], page.total, page.limit, page.offset)


@dataclass(frozen=True, slots=True)
class PairSide:
    """One opportunity of a match as the asker may see it: `title` None when it is hidden
    from the asker (another's draft, a deleted record)."""

    id: int
    title: str | None
    kind: OpportunityKind | None
    organisation: str | None  # None: not disclosed to the asker
    own: bool


def pair_sides(*, uow: AuditedUnitOfWork, by: Principal, ids: Iterable[int]) -> dict[int, PairSide]:
    """The opportunities of some matches at the asker's disclosure stage, in two queries."""
    wanted = set(ids)
    seen_by = audience_of(uow, by)
    with uow:
        found = uow.opportunities.get_many(wanted)
        owners = uow.organisations.get_many({o.organisation_id for o in found.values()})
    sides: dict[int, PairSide] = {}
    for key in wanted:
        record = found.get(key)
        if record is None or stage(seen_by, record) is Stage.HIDDEN:
            sides[key] = PairSide(key, None, None, None, False)
            continue
        owner = owners.get(record.organisation_id)
        named = owner.name if owner and owner_shown(seen_by, record) else None
        own = by.belongs_to(record.organisation_id)
        sides[key] = PairSide(key, record.title, record.kind, named, own)
    return sides


def audit_restricted_views(
    uow: AuditedUnitOfWork,
    by: Principal,
    views: Iterable[OpportunityView],
    *,
    now: Clock = utc_now,
) -> None:
    """Reading another organisation's restricted detail leaves a trace, one entry a record,
    in a transaction of its own that begins with the write."""
    seen = [
        v.id
        for v in views
        if v.stage is Stage.RESTRICTED
        and "details" in v.values
        and not by.belongs_to(v.values.get("organisation_id"))
    ]
    record_many(
        uow=uow,
        by=by,
        action="opportunity.view_restricted",
        subject_type="opportunity",
        subject_ids=seen,
        now=now,
    )


def _page(uow: AuditedUnitOfWork, query: OpportunityQuery, newest_first: bool) -> Page[Opportunity]:
    if not newest_first:
        return uow.opportunities.list(query)
    total = uow.opportunities.list(dataclasses.replace(query, limit=0, offset=0)).total
    size = total if query.limit is None else query.limit
    end = total - query.offset
    if end <= 0:
        return Page([], total, query.limit, query.offset)
    start = max(0, end - size)
    found = uow.opportunities.list(dataclasses.replace(query, limit=end - start, offset=start))
    return Page(list(reversed(found.items)), total, query.limit, query.offset, found.facets)


def _view(
    record: Opportunity,
    owners: Mapping[int, Organisation],
    audience: Audience,
    by: Principal,
    home: str,
    depth: Depth,
) -> OpportunityView:
    assert record.id is not None  # stored records always have one
    values = redact(opportunity_dict(record, owners, home=home), audience, record)
    if depth is Depth.SUMMARY:
        values = {k: v for k, v in values.items() if k in SUMMARY_FIELDS}
    acts = may_act_for(by, record.organisation_id)
    return OpportunityView(
        id=record.id,
        stage=stage(audience, record),
        values=values,
        owner_shown=owner_shown(audience, record),
        may_edit=acts and by.may(Scope.WRITE),
        may_match=acts and by.may(Scope.MATCH),
    )
