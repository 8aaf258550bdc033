"""Export: records as plain mappings that re-import unchanged."""

from __future__ import annotations

from typing import Any

from itpo.accounts.access import require_staff_read
from itpo.accounts.audit import record
from itpo.accounts.ports import AuditedUnitOfWork
from itpo.accounts.principal import Principal
from itpo.clock import Clock, utc_now
from itpo.registry.queries import OpportunityQuery, OrganisationQuery
from itpo.registry.records import record_to_mapping


def export_records(
    *,
    uow: AuditedUnitOfWork,
    by: Principal,
    query: OpportunityQuery | None = None,
    source: str | None = None,
    now: Clock = utc_now,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Opportunities passing the query and the organisations that own them (all when no query),
    restricted detail included: officers and administrators with a token that may read. Every
    export is audited, with the file it is for (`source`)."""
    require_staff_read(by, "export the registry")
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
    detail = {"file": source, "organisations": len(organisations), "opportunities": len(rows)}
    record(uow=uow, by=by, action="export", subject_type="file", detail=detail, now=now)
    return [record_to_mapping(o) for o in organisations], rows
