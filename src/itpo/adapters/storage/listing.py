"""Filtered listings of opportunities that stay fast at a million rows.

Facet filters (country, ISIC, SDG, area) are answered from the covering index on the facet
table and intersected there; column filters (kind, status, owner, text) apply on the row. The
page itself is fetched in one of two ways, chosen by how many records match: few matches are
looked up by id, many are found by walking the table in id order until the page is full,
which stops early instead of collecting every match first.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from itpo.adapters.storage.tables import opportunity, opportunity_facet
from itpo.registry import facets
from itpo.registry.disclosure import Scope
from itpo.registry.queries import OpportunityQuery

# Walking in id order visits about (offset + limit) * rows / matches rows; looking matches up
# by id costs about the number of facet entries, which grows with the matches. Walk when the
# walk is the shorter of the two by this margin.
WALK_ADVANTAGE = 4


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def facet_filters(query: OpportunityQuery) -> list[tuple[str, list[str]]]:
    chosen = [
        (facets.COUNTRY, sorted(query.countries) if query.countries is not None else None),
        (facets.ISIC, list(query.isic) or None),
        (facets.SDG, [str(g) for g in query.sdgs] or None),
        (facets.AREA, list(query.technology_areas) or None),
    ]
    return [(facet, values) for facet, values in chosen if values is not None]


# SQLite's trigram index (migration 0002) answers substrings of three characters or more.
TEXT_INDEX = sa.table("opportunity_text", sa.column("rowid"))
TRIGRAM = 3


def text_condition(text: str, dialect: str) -> sa.ColumnElement[bool]:
    """Title or teaser contains the text, case-insensitively."""
    if dialect == "sqlite" and len(text) >= TRIGRAM:
        phrase = '"' + text.replace('"', '""') + '"'
        matching = sa.select(TEXT_INDEX.c.rowid).where(
            sa.literal_column("opportunity_text").op("MATCH")(phrase)
        )
        return opportunity.c.id.in_(matching)
    pattern = _like(text)
    return sa.or_(
        opportunity.c.title.ilike(pattern, escape="\\"),
        opportunity.c.teaser.ilike(pattern, escape="\\"),
    )


def column_conditions(query: OpportunityQuery, dialect: str) -> list[sa.ColumnElement[bool]]:
    conditions: list[sa.ColumnElement[bool]] = []
    if query.kinds:
        conditions.append(opportunity.c.kind.in_([k.value for k in query.kinds]))
    if query.statuses:
        conditions.append(opportunity.c.status.in_([s.value for s in query.statuses]))
    if query.organisation_id is not None:
        conditions.append(opportunity.c.organisation_id == query.organisation_id)
    if query.text:
        conditions.append(text_condition(query.text, dialect))
    if query.valid_until_between is not None:
        first, last = query.valid_until_between
        conditions.append(opportunity.c.valid_until.between(first, last))
    if query.scope is not None:
        conditions.append(scope_condition(query.scope))
    return conditions


def scope_condition(scope: Scope) -> sa.ColumnElement[bool]:
    """Records the audience may see: shown statuses and disclosures, its own, its introduced."""
    c = opportunity.c
    allowed: list[sa.ColumnElement[bool]] = [
        sa.and_(
            c.status.in_(sorted(s.value for s in scope.statuses)),
            c.disclosure.in_(sorted(d.value for d in scope.disclosures)),
        )
    ]
    if scope.organisation_id is not None:
        allowed.append(c.organisation_id == scope.organisation_id)
    if scope.extra_ids:
        allowed.append(c.id.in_(sorted(scope.extra_ids)))
    return sa.or_(*allowed)


def _driving_order(filters: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    # The first filter drives the scan and the others are probed per row, so lead with the one
    # likely to match least: technology families are broad, and fewer values match fewer rows.
    return sorted(filters, key=lambda f: (f[0] == facets.AREA, len(f[1])))


def matching_ids(query: OpportunityQuery) -> tuple[sa.Select[Any], bool] | None:
    """Ids passing every facet filter, and whether an id may repeat; None without facet filters.

    The first filter is read from the covering index; each other filter is a probe of the
    primary key (opportunity_id, facet, value) per row, which beats intersecting whole lists.
    """
    filters = _driving_order(facet_filters(query))
    if not filters:
        return None
    (facet, values), rest = filters[0], filters[1:]
    lead = opportunity_facet.alias("lead")
    ids = sa.select(lead.c.opportunity_id).where(lead.c.facet == facet, lead.c.value.in_(values))
    for number, (other, other_values) in enumerate(rest):
        probe = opportunity_facet.alias(f"probe{number}")
        ids = ids.where(
            sa.exists().where(
                probe.c.opportunity_id == lead.c.opportunity_id,
                probe.c.facet == other,
                probe.c.value.in_(other_values),
            )
        )
    return ids, len(values) > 1


def count_statement(query: OpportunityQuery, dialect: str) -> sa.Select[Any]:
    found, columns = matching_ids(query), column_conditions(query, dialect)
    if found is not None and not columns:
        ids, may_repeat = found
        counted = ids.distinct() if may_repeat else ids
        return sa.select(sa.func.count()).select_from(counted.subquery())
    where = list(columns)
    if found is not None:
        where.append(opportunity.c.id.in_(found[0]))
    return sa.select(sa.func.count()).select_from(opportunity).where(sa.true(), *where)


def page_statement(
    query: OpportunityQuery, dialect: str, *, matches: int, rows: int
) -> sa.Select[Any]:
    """The page's rows; `matches` and `rows` (a table-size estimate) choose the access path."""
    where = column_conditions(query, dialect)
    if _walk_is_shorter(query, matches=matches, rows=rows):
        where.extend(_exists(facet, values) for facet, values in facet_filters(query))
    else:
        found = matching_ids(query)
        if found is not None:
            where.append(opportunity.c.id.in_(found[0]))
    statement = sa.select(opportunity).where(sa.true(), *where).order_by(opportunity.c.id)
    return statement.limit(query.limit).offset(query.offset)


def _walk_is_shorter(query: OpportunityQuery, *, matches: int, rows: int) -> bool:
    if query.limit is None or matches == 0 or not facet_filters(query):
        return False
    walked = (query.offset + query.limit) * rows / matches
    return walked < WALK_ADVANTAGE * matches


def _exists(facet: str, values: Iterable[str]) -> sa.ColumnElement[bool]:
    found = opportunity_facet.alias()
    return sa.exists().where(
        found.c.opportunity_id == opportunity.c.id,
        found.c.facet == facet,
        found.c.value.in_(list(values)),
    )


def table_size_statement() -> sa.Select[Any]:
    """Highest id: an upper bound of the row count that costs one index probe."""
    return sa.select(sa.func.max(opportunity.c.id))
