"""Registry services: the one way organisations and opportunities are created, read and changed.

Every service takes `by`, the one asking, and decides inside whether they may: officers and
administrators act on every record, a member on its own organisation and its opportunities, the
public only reads what disclosure shows it. Each change is audited in its own transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from itpo.accounts.access import audience_of, require_staff_write, require_write, require_writer
from itpo.accounts.audit import record
from itpo.accounts.ports import AuditedUnitOfWork
from itpo.accounts.principal import Principal
from itpo.clock import Clock, utc_now
from itpo.registry.disclosure import Audience, Stage, scope, stage
from itpo.registry.errors import Conflict, FieldError, NotFound, ValidationError
from itpo.registry.model import Opportunity, Organisation, Status
from itpo.registry.queries import MAX_ID, OpportunityQuery, OrganisationQuery, Page
from itpo.registry.records import (
    opportunity_from,
    opportunity_values,
    opportunity_values_checked,
    organisation_from,
    record_to_mapping,
)

__all__ = [
    "Deletion",
    "create_opportunity",
    "create_organisation",
    "delete_opportunity",
    "delete_organisation",
    "editable_opportunity",
    "editable_organisation",
    "expire_overdue",
    "get_opportunity",
    "get_organisation",
    "list_opportunities",
    "list_organisations",
    "organisation_deletion",
    "require_author",
    "require_organisation_creator",
    "update_opportunity",
    "update_organisation",
    "visible_opportunity",
]

# An import keys its rows on external ids, so whoever may choose one could make a later
# import land on their record: only the office chooses them; members get one assigned.
OFFICE_CHOOSES = "is chosen by the office; leave it out and one is assigned"


def new_external_id() -> str:
    """An id for a record created without one, so that every export re-imports cleanly."""
    return f"itpo:{uuid.uuid4().hex[:20]}"


def create_organisation(
    *, uow: AuditedUnitOfWork, by: Principal, data: Mapping[str, Any], now: Clock = utc_now
) -> Organisation:
    """Validate and store a new organisation (officers and administrators)."""
    require_write(by, None)
    organisation = organisation_from(data)
    organisation.external_id = organisation.external_id or new_external_id()
    with uow:
        _refuse_taken_external_id(uow.organisations.ids_by_external_id, organisation.external_id)
        organisation.created_at = organisation.updated_at = now()
        organisation.id = uow.organisations.add_many([organisation])[0]
        _audit(uow, by, "organisation.create", "organisation", organisation.id, None, now)
        uow.commit()
    return organisation


def update_organisation(
    *,
    uow: AuditedUnitOfWork,
    by: Principal,
    organisation_id: int,
    changes: Mapping[str, Any],
    now: Clock = utc_now,
) -> Organisation:
    """Apply changes to an organisation (officers, or its own members); the whole record is
    validated again."""
    with uow:
        current = _organisation(uow, organisation_id)
        require_write(by, organisation_id)
        merged = {**record_to_mapping(current), **changes}
        updated = organisation_from(merged)
        if updated.external_id != current.external_id:
            _refuse_chosen_external_id(by)
            _refuse_taken_external_id(uow.organisations.ids_by_external_id, updated.external_id)
        updated.id, updated.created_at, updated.updated_at = current.id, current.created_at, now()
        uow.organisations.update_many([updated])
        detail = {"fields": _changed(current, updated)}
        _audit(uow, by, "organisation.update", "organisation", organisation_id, detail, now)
        uow.commit()
    return updated


def delete_organisation(
    *, uow: AuditedUnitOfWork, by: Principal, organisation_id: int, now: Clock = utc_now
) -> None:
    """Delete an organisation that has no opportunities and no member accounts left
    (officers and administrators)."""
    with uow:
        deletion = _deletion(uow, by, organisation_id)
        if deletion.opportunities:
            raise Conflict(
                f"organisation {organisation_id} still has {deletion.opportunities} "
                "opportunities; delete or move them first"
            )
        if deletion.members:
            raise Conflict(
                f"organisation {organisation_id} still has {deletion.members} member accounts, "
                "which the audit log refers to; disable the accounts instead of deleting it"
            )
        uow.organisations.delete(organisation_id)
        _audit(uow, by, "organisation.delete", "organisation", organisation_id, None, now)
        uow.commit()


@dataclasses.dataclass(frozen=True, slots=True)
class Deletion:
    """What deleting an organisation meets: the records of its that still hold it back."""

    organisation: Organisation
    opportunities: int
    members: int  # user accounts of the organisation, disabled ones too

    @property
    def allowed(self) -> bool:
        return not self.opportunities and not self.members


def organisation_deletion(
    *, uow: AuditedUnitOfWork, by: Principal, organisation_id: int
) -> Deletion:
    """Whether the organisation may be deleted now, and what holds it back when not (officers
    and administrators); NotFound when it does not exist."""
    with uow:
        return _deletion(uow, by, organisation_id)


def require_organisation_creator(by: Principal) -> None:
    """Refuse at once anyone who may not create organisations (before a form is shown)."""
    require_write(by, None)


def editable_organisation(
    *, uow: AuditedUnitOfWork, by: Principal, organisation_id: int
) -> Organisation:
    """An organisation whole, for a form that changes it (officers, and its own members):
    NotFound when it does not exist, Forbidden when the asker may only read it."""
    with uow:
        found = _organisation(uow, organisation_id)
    require_write(by, organisation_id)
    return found


def get_organisation(
    *, uow: AuditedUnitOfWork, by: Principal, organisation_id: int
) -> Organisation:
    """One organisation's profile (profiles are public), or NotFound."""
    with uow:
        return _organisation(uow, organisation_id)


def list_organisations(
    *, uow: AuditedUnitOfWork, by: Principal, query: OrganisationQuery
) -> Page[Organisation]:
    """Organisations that pass the query's filters, in id order (profiles are public)."""
    with uow:
        return uow.organisations.list(query)


def require_author(by: Principal) -> None:
    """Refuse at once anyone who may create no opportunity at all (before a form is shown)."""
    require_writer(by)


def create_opportunity(
    *, uow: AuditedUnitOfWork, by: Principal, data: Mapping[str, Any], now: Clock = utc_now
) -> Opportunity:
    """Validate and store a new opportunity (officers for any organisation, members for their
    own)."""
    require_author(by)
    values, problems = opportunity_values_checked(data)
    with uow:
        try:
            organisation_id = resolve_organisation(uow, data, values)
        except ValidationError as unknown:
            problems.extend(unknown.errors)
        if problems:
            raise ValidationError(problems)
        require_write(by, organisation_id)
        opportunity = opportunity_from(values, organisation_id=organisation_id)
        _require_publisher(by, None, opportunity.status)
        if opportunity.external_id is not None:
            _refuse_chosen_external_id(by)
        opportunity.external_id = opportunity.external_id or new_external_id()
        _refuse_taken_external_id(uow.opportunities.ids_by_external_id, opportunity.external_id)
        opportunity.created_at = opportunity.updated_at = now()
        opportunity.id = uow.opportunities.add_many([opportunity])[0]
        _audit(uow, by, "opportunity.create", "opportunity", opportunity.id, None, now)
        uow.commit()
    return opportunity


def update_opportunity(
    *,
    uow: AuditedUnitOfWork,
    by: Principal,
    opportunity_id: int,
    changes: Mapping[str, Any],
    now: Clock = utc_now,
) -> Opportunity:
    """Apply changes to an opportunity (officers, or members of its organisation; giving it to
    another organisation needs the right to write for both); the whole record is checked again."""
    with uow:
        current = _visible(uow, by, opportunity_id)
        require_write(by, current.organisation_id)
        merged = {**record_to_mapping(current), **changes}
        values = opportunity_values(merged)
        organisation_id = resolve_organisation(uow, merged, values)
        if organisation_id != current.organisation_id:
            require_write(by, organisation_id)
        updated = opportunity_from(values, organisation_id=organisation_id)
        _require_publisher(by, current.status, updated.status)
        if updated.external_id != current.external_id:
            _refuse_chosen_external_id(by)
            _refuse_taken_external_id(uow.opportunities.ids_by_external_id, updated.external_id)
        updated.id, updated.created_at, updated.updated_at = current.id, current.created_at, now()
        uow.opportunities.update_many([updated])
        detail = {"fields": _changed(current, updated)}
        _audit(uow, by, "opportunity.update", "opportunity", opportunity_id, detail, now)
        uow.commit()
    return updated


def delete_opportunity(
    *, uow: AuditedUnitOfWork, by: Principal, opportunity_id: int, now: Clock = utc_now
) -> None:
    """Delete an opportunity (officers, or members of its organisation)."""
    with uow:
        found = _visible(uow, by, opportunity_id)
        require_write(by, found.organisation_id)
        uow.opportunities.delete(opportunity_id)
        _audit(uow, by, "opportunity.delete", "opportunity", opportunity_id, None, now)
        uow.commit()


def get_opportunity(*, uow: AuditedUnitOfWork, by: Principal, opportunity_id: int) -> Opportunity:
    """One opportunity whole, for the asker's own further work (a form, a check); NotFound
    when the asker may not know it exists, so a hidden record and a missing one answer alike.

    To show a record, use the read side (`registry.reading`), which applies disclosure."""
    return visible_opportunity(uow=uow, by=by, opportunity_id=opportunity_id)[0]


def editable_opportunity(
    *, uow: AuditedUnitOfWork, by: Principal, opportunity_id: int, now: Clock = utc_now
) -> Opportunity:
    """An opportunity whole, for a form that changes it (officers, and members of its
    organisation): NotFound when hidden, Forbidden when the asker may only read it. Reading
    another organisation's restricted detail this way is audited, as any other view of it."""
    found = _visible(uow, by, opportunity_id)
    require_write(by, found.organisation_id)
    if not by.belongs_to(found.organisation_id):
        _audit(uow, by, "opportunity.view_restricted", "opportunity", opportunity_id, None, now)
    return found


def visible_opportunity(
    *, uow: AuditedUnitOfWork, by: Principal, opportunity_id: int
) -> tuple[Opportunity, Audience]:
    """The opportunity and the asker as disclosure sees them; NotFound when it is hidden."""
    seen_by = audience_of(uow, by)
    with uow:
        found = uow.opportunities.get(opportunity_id)
    if found is None or stage(seen_by, found) is Stage.HIDDEN:
        raise NotFound("opportunity", opportunity_id)
    return found, seen_by


def list_opportunities(
    *, uow: AuditedUnitOfWork, by: Principal, query: OpportunityQuery
) -> Page[Opportunity]:
    """Opportunities that pass the query's filters and that the asker may see, in id order."""
    seen_by = audience_of(uow, by)
    limits = scope(seen_by, owner=query.organisation_id)
    with uow:
        return uow.opportunities.list(dataclasses.replace(query, scope=limits))


def expire_overdue(
    *, uow: AuditedUnitOfWork, by: Principal, today: dt.date, now: Clock = utc_now
) -> int:
    """Mark published opportunities past their validity date as expired (officers and
    administrators); returns how many. The run is audited with the records it expired."""
    require_staff_write(by, "expire opportunities")
    query = OpportunityQuery(statuses=(Status.PUBLISHED,))
    with uow:
        overdue = [
            o
            for o in uow.opportunities.list(query).items
            if o.valid_until and o.valid_until < today
        ]
        stamp = now()
        for opportunity in overdue:
            opportunity.status, opportunity.updated_at = Status.EXPIRED, stamp
        uow.opportunities.update_many(overdue)
        detail = {"day": today.isoformat(), "expired": [o.id for o in overdue]}
        _audit(uow, by, "opportunity.expire", "opportunity", None, detail, now)
        uow.commit()
    return len(overdue)


def resolve_organisation(
    uow: AuditedUnitOfWork, data: Mapping[str, Any], values: Mapping[str, Any]
) -> int:
    """The owning organisation's id, from `organisation_id` or the `organisation` external id."""
    raw_id = data.get("organisation_id")
    if raw_id is not None and "organisation" not in data:
        if isinstance(raw_id, bool) or not isinstance(raw_id, int):
            raise ValidationError([FieldError("organisation_id", "must be a whole number")])
        if not 1 <= raw_id <= MAX_ID or uow.organisations.get(raw_id) is None:
            raise ValidationError([FieldError("organisation_id", f"no organisation {raw_id}")])
        return raw_id
    reference = values.get("organisation")
    if reference is None:
        raise ValidationError([FieldError("organisation", "is required")])
    found = uow.organisations.ids_by_external_id([reference]).get(reference)
    if found is None:
        message = f"no organisation with external_id {reference!r}"
        raise ValidationError([FieldError("organisation", message)])
    return found


def _organisation(uow: AuditedUnitOfWork, organisation_id: int) -> Organisation:
    found = uow.organisations.get(organisation_id)
    if found is None:
        raise NotFound("organisation", organisation_id)
    return found


def _deletion(uow: AuditedUnitOfWork, by: Principal, organisation_id: int) -> Deletion:
    found = _organisation(uow, organisation_id)
    require_staff_write(by, "delete an organisation")
    return Deletion(
        found,
        opportunities=uow.organisations.opportunity_count(organisation_id),
        members=uow.organisations.member_count(organisation_id),
    )


def _visible(uow: AuditedUnitOfWork, by: Principal, opportunity_id: int) -> Opportunity:
    return visible_opportunity(uow=uow, by=by, opportunity_id=opportunity_id)[0]


def statuses_for(by: Principal, current: Status | None) -> list[Status]:
    """The statuses the asker may give a profile in a form: officers publish; a member
    keeps a draft, submits it for review, or keeps a live profile live."""
    offered = [Status.DRAFT, Status.IN_REVIEW]
    if by.is_staff or current is Status.PUBLISHED:
        offered.append(Status.PUBLISHED)
    if current is not None and current not in offered:
        offered.append(current)
    return offered


def _require_publisher(by: Principal, before: Status | None, after: Status) -> None:
    """Only the office puts a profile live: a member submits it for review (status in
    review) and an officer publishes it; a member may edit a profile that is live already."""
    if after is Status.PUBLISHED and before is not Status.PUBLISHED and not by.is_staff:
        raise ValidationError(
            [FieldError("status", "is published by an officer: submit it for review instead")]
        )


def _refuse_chosen_external_id(by: Principal) -> None:
    if not by.is_staff:
        raise ValidationError([FieldError("external_id", OFFICE_CHOOSES)])


def _refuse_taken_external_id(
    lookup: Callable[[list[str]], dict[str, int]], external_id: str | None
) -> None:
    if external_id is not None and lookup([external_id]):
        raise Conflict(f"external_id {external_id!r} is already taken")


def _changed(before: Organisation | Opportunity, after: Organisation | Opportunity) -> list[str]:
    old, new = record_to_mapping(before), record_to_mapping(after)
    return sorted(k for k in new if k != "updated_at" and new[k] != old.get(k))


def _audit(
    uow: AuditedUnitOfWork,
    by: Principal,
    action: str,
    subject_type: str,
    subject_id: int | None,
    detail: Mapping[str, Any] | None,
    now: Clock,
) -> None:
    record(
        uow=uow,
        by=by,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        detail=detail,
        now=now,
    )
