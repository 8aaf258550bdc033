"""Registry services: the one way organisations and opportunities are created, read and changed."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from itpo.registry.errors import Conflict, FieldError, NotFound, ValidationError
from itpo.registry.model import Opportunity, Organisation, Status
from itpo.registry.ports import UnitOfWork
from itpo.registry.queries import OpportunityQuery, OrganisationQuery, Page
from itpo.registry.records import (
    opportunity_from,
    opportunity_values,
    organisation_from,
    record_to_mapping,
)

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_external_id() -> str:
    """An id for a record created without one, so that every export re-imports cleanly."""
    return f"itpo:{uuid.uuid4().hex[:20]}"


def create_organisation(
    *, uow: UnitOfWork, data: Mapping[str, Any], now: Clock = utc_now
) -> Organisation:
    """Validate and store a new organisation."""
    organisation = organisation_from(data)
    organisation.external_id = organisation.external_id or new_external_id()
    with uow:
        _refuse_taken_external_id(uow.organisations.ids_by_external_id, organisation.external_id)
        organisation.created_at = organisation.updated_at = now()
        organisation.id = uow.organisations.add_many([organisation])[0]
        uow.commit()
    return organisation


def update_organisation(
    *, uow: UnitOfWork, organisation_id: int, changes: Mapping[str, Any], now: Clock = utc_now
) -> Organisation:
    """Apply changes to an organisation; the whole record is validated again."""
    with uow:
        current = _organisation(uow, organisation_id)
        merged = {**record_to_mapping(current), **changes}
        updated = organisation_from(merged)
        if updated.external_id != current.external_id:
            _refuse_taken_external_id(uow.organisations.ids_by_external_id, updated.external_id)
        updated.id, updated.created_at, updated.updated_at = current.id, current.created_at, now()
        uow.organisations.update_many([updated])
        uow.commit()
    return updated


def delete_organisation(*, uow: UnitOfWork, organisation_id: int) -> None:
    """Delete an organisation that has no opportunities and no member accounts left."""
    with uow:
        _organisation(uow, organisation_id)
        count = uow.organisations.opportunity_count(organisation_id)
        if count:
            raise Conflict(
                f"organisation {organisation_id} still has {count} opportunities; "
                "delete or move them first"
            )
        members = uow.organisations.member_count(organisation_id)
        if members:
            raise Conflict(
                f"organisation {organisation_id} still has {members} member accounts, which "
                "the audit log refers to; disable the accounts instead of deleting it"
            )
        uow.organisations.delete(organisation_id)
        uow.commit()


def get_organisation(*, uow: UnitOfWork, organisation_id: int) -> Organisation:
    """One organisation, or NotFound."""
    with uow:
        return _organisation(uow, organisation_id)


def list_organisations(*, uow: UnitOfWork, query: OrganisationQuery) -> Page[Organisation]:
    """Organisations that pass the query's filters, in id order."""
    with uow:
        return uow.organisations.list(query)


def create_opportunity(
    *, uow: UnitOfWork, data: Mapping[str, Any], now: Clock = utc_now
) -> Opportunity:
    """Validate and store a new opportunity."""
    values = opportunity_values(data)
    with uow:
        organisation_id = resolve_organisation(uow, data, values)
        opportunity = opportunity_from(values, organisation_id=organisation_id)
        opportunity.external_id = opportunity.external_id or new_external_id()
        _refuse_taken_external_id(uow.opportunities.ids_by_external_id, opportunity.external_id)
        opportunity.created_at = opportunity.updated_at = now()
        opportunity.id = uow.opportunities.add_many([opportunity])[0]
        uow.commit()
    return opportunity


def update_opportunity(
    *, uow: UnitOfWork, opportunity_id: int, changes: Mapping[str, Any], now: Clock = utc_now
) -> Opportunity:
    """Apply changes to an opportunity; the whole record is validated again."""
    with uow:
        current = _opportunity(uow, opportunity_id)
        merged = {**record_to_mapping(current), **changes}
        values = opportunity_values(merged)
        organisation_id = resolve_organisation(uow, merged, values)
        updated = opportunity_from(values, organisation_id=organisation_id)
        if updated.external_id != current.external_id:
            _refuse_taken_external_id(uow.opportunities.ids_by_external_id, updated.external_id)
        updated.id, updated.created_at, updated.updated_at = current.id, current.created_at, now()
        uow.opportunities.update_many([updated])
        uow.commit()
    return updated


def delete_opportunity(*, uow: UnitOfWork, opportunity_id: int) -> None:
    """Delete an opportunity."""
    with uow:
        _opportunity(uow, opportunity_id)
        uow.opportunities.delete(opportunity_id)
        uow.commit()


def get_opportunity(*, uow: UnitOfWork, opportunity_id: int) -> Opportunity:
    """One opportunity, or NotFound."""
    with uow:
        return _opportunity(uow, opportunity_id)


def list_opportunities(*, uow: UnitOfWork, query: OpportunityQuery) -> Page[Opportunity]:
    """Opportunities that pass the query's filters, in id order."""
    with uow:
        return uow.opportunities.list(query)


def resolve_organisation(
    uow: UnitOfWork, data: Mapping[str, Any], values: Mapping[str, Any]
) -> int:
    """The owning organisation's id, from `organisation_id` or the `organisation` external id."""
    raw_id = data.get("organisation_id")
    if raw_id is not None and "organisation" not in data:
        if isinstance(raw_id, bool) or not isinstance(raw_id, int):
            raise ValidationError([FieldError("organisation_id", "must be a whole number")])
        if uow.organisations.get(raw_id) is None:
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


def _organisation(uow: UnitOfWork, organisation_id: int) -> Organisation:
    found = uow.organisations.get(organisation_id)
    if found is None:
        raise NotFound("organisation", organisation_id)
    return found


def _opportunity(uow: UnitOfWork, opportunity_id: int) -> Opportunity:
    found = uow.opportunities.get(opportunity_id)
    if found is None:
        raise NotFound("opportunity", opportunity_id)
    return found


def _refuse_taken_external_id(
    lookup: Callable[[list[str]], dict[str, int]], external_id: str | None
) -> None:
    if external_id is not None and lookup([external_id]):
        raise Conflict(f"external_id {external_id!r} is already taken")


def expire_overdue(*, uow: UnitOfWork, today: dt.date, now: Clock = utc_now) -> int:
    """Mark published opportunities past their validity date as expired; returns how many."""
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
        uow.commit()
    return len(overdue)
