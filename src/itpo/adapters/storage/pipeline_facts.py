"""What the office's results read: each deal's few facts, and counts of what happened in the
registry and matching over a period."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from itpo.adapters.storage.match_tables import opportunity_match
from itpo.adapters.storage.pipeline_tables import deal, deal_event, interaction
from itpo.adapters.storage.tables import opportunity
from itpo.pipeline.facts import ActivityCounts, Amounts, DealFacts

FACT_COLUMNS = (
    "id",
    "office_id",
    "stage",
    "status",
    "agreement_type",
    "opened_on",
    "signed_on",
    "operational_on",
    "dropped_on",
    "currency",
    "verified_on",
    "countries",
    "isic_sections",
    "technology_areas",
    "sdgs",
    "direction",
    "illustrative",
)


def _amounts(m: sa.RowMapping, prefix: str) -> Amounts:
    return Amounts(
        committed=m[f"{prefix}_investment_committed"],
        realised=m[f"{prefix}_investment_realised"],
        technology=bool(m[f"{prefix}_technology"]),
        jobs_new=m[f"{prefix}_jobs_new"],
        jobs_safeguarded=m[f"{prefix}_jobs_safeguarded"],
        tco2_per_year=m[f"{prefix}_tco2_per_year"],
    )


def _amount_columns(prefix: str) -> list[sa.ColumnElement[Any]]:
    names = (
        "investment_committed",
        "investment_realised",
        "technology",
        "jobs_new",
        "jobs_safeguarded",
        "tco2_per_year",
    )
    return [deal.c[f"{prefix}_{name}"] for name in names]


def deal_facts(
    connection: sa.Connection, *, office_id: int | None, opened_by: dt.date
) -> list[DealFacts]:
    """What results read of each deal: one query for the deals, one for the log's moves to
    negotiating (the only stage date the deal does not keep itself)."""
    where = [deal.c.opened_on <= opened_by]
    if office_id is not None:
        where.append(deal.c.office_id == office_id)
    negotiating = (
        sa.select(deal_event.c.deal_id, sa.func.max(deal_event.c.at).label("at"))
        .join(deal, deal.c.id == deal_event.c.deal_id)
        .where(deal_event.c.kind == "stage", deal_event.c.to_value == "negotiating", *where)
        .group_by(deal_event.c.deal_id)
    )
    moved = {row.deal_id: row.at.date() for row in connection.execute(negotiating)}
    columns: list[sa.ColumnElement[Any]] = [deal.c[name] for name in FACT_COLUMNS]
    columns += _amount_columns("projected") + _amount_columns("verified")
    found = []
    for row in connection.execute(sa.select(*columns).where(*where)):
        m = row._mapping
        found.append(
            DealFacts(
                id=m["id"],
                office_id=m["office_id"],
                stage=m["stage"],
                status=m["status"],
                agreement_type=m["agreement_type"],
                opened_on=m["opened_on"],
                signed_on=m["signed_on"],
                operational_on=m["operational_on"],
                dropped_on=m["dropped_on"],
                negotiating_on=moved.get(m["id"]),
                currency=m["currency"],
                projected=_amounts(m, "projected"),
                verified=_amounts(m, "verified") if m["verified_on"] is not None else None,
                countries=tuple(m["countries"]),
                isic_sections=tuple(m["isic_sections"]),
                technology_areas=tuple(m["technology_areas"]),
                sdgs=tuple(m["sdgs"]),
                direction=m["direction"],
                illustrative=m["illustrative"],
            )
        )
    return found


def activity(
    connection: sa.Connection, *, start: dt.datetime, end: dt.datetime, office_id: int | None
) -> ActivityCounts:
    published = ("published", "expired", "closed")
    by_kind = connection.execute(
        sa.select(opportunity.c.kind, sa.func.count())
        .where(
            opportunity.c.status.in_(published),
            opportunity.c.created_at >= start,
            opportunity.c.created_at < end,
        )
        .group_by(opportunity.c.kind)
    )
    proposed = connection.execute(
        sa.select(sa.func.count())
        .select_from(opportunity_match)
        .where(opportunity_match.c.created_at >= start, opportunity_match.c.created_at < end)
    ).scalar_one()
    decided = connection.execute(
        sa.select(opportunity_match.c.state, sa.func.count())
        .where(
            opportunity_match.c.state.in_(["introduced", "declined"]),
            opportunity_match.c.updated_at >= start,
            opportunity_match.c.updated_at < end,
        )
        .group_by(opportunity_match.c.state)
    )
    states: dict[str, int] = {str(k): int(v) for k, v in decided}
    logged = sa.select(interaction.c.kind, sa.func.count()).where(
        interaction.c.occurred_on >= start.date(), interaction.c.occurred_on < end.date()
    )
    if office_id is not None:
        logged = logged.join(deal, deal.c.id == interaction.c.deal_id).where(
            deal.c.office_id == office_id
        )
    kinds: dict[str, int] = {
        str(k): int(v) for k, v in connection.execute(logged.group_by(interaction.c.kind))
    }
    return ActivityCounts(
        opportunities_by_kind={str(k): int(v) for k, v in by_kind},
        matches_proposed=int(proposed),
        matches_introduced=int(states.get("introduced", 0)),
        matches_declined=int(states.get("declined", 0)),
        interactions_by_kind={str(k): int(v) for k, v in kinds.items()},
    )
