"""Export: records as plain mappings that re-import unchanged."""

from __future__ import annotations

from typing import Any

from itpo.registry.ports import UnitOfWork
from itpo.registry.queries import OpportunityQuery, OrganisationQuery
from itpo.registry.records import record_to_mapping


def export_records(
    *, uow: UnitOfWork, query: OpportunityQuery | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Opportunities passing the query and the organisations that own them (all when no query)."""
    with uow:
        opportunities = uow.opportunities.list(query or OpportunityQuery()).items
        if query is None:
            organisations = list(uow.organisations.list(OrganisationQuery()).items)
        else:
            owners = {o.organisation_id for o in opportunities}
            organisations = sorted(
                uow.organisations.get_many(owners).values(), key=lambda o: o.id or 0
            )
    external = {o.id: o.external_id for o in organisations}
    rows = []
    for opportunity in opportunities:
        row = record_to_mapping(opportunity)
        row["organisation"] = external[row.pop("organisation_id")]
        rows.append(row)
    return [record_to_mapping(o) for o in organisations], rows
