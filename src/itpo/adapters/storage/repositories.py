"""SQLAlchemy Core repositories for the registry: rows in, records out."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from typing import Any, TypeVar

import sqlalchemy as sa

from itpo.adapters.storage import listing, text_index
from itpo.adapters.storage.account_tables import user_account
from itpo.adapters.storage.tables import (
    installation_secret,
    opportunity,
    opportunity_facet,
    organisation,
)
from itpo.registry import facets
from itpo.registry.model import (
    Condition,
    CooperationType,
    Disclosure,
    Opportunity,
    OpportunityKind,
    Organisation,
    OrganisationKind,
    OrganisationSize,
    Status,
)
from itpo.registry.queries import OpportunityQuery, OrganisationQuery, Page

CHUNK = 500  # keeps IN lists and bound parameters well inside every backend's limits
T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _row_values(record: Organisation | Opportunity) -> dict[str, Any]:
    values = {f.name: getattr(record, f.name) for f in fields(record) if f.name != "id"}
    return {k: (v.value if hasattr(v, "value") else v) for k, v in values.items()}


def _list_values(values: dict[str, Any]) -> dict[str, Any]:
    for key in ("cooperation_types", "hard_conditions"):
        if key in values:
            values[key] = [getattr(v, "value", v) for v in values[key]]
    return values


def organisation_from_row(row: sa.Row[Any]) -> Organisation:
    m = row._mapping
    return Organisation(
        id=m["id"],
        external_id=m["external_id"],
        name=m["name"],
        kind=OrganisationKind(m["kind"]),
        country=m["country"],
        city=m["city"],
        website=m["website"],
        size=OrganisationSize(m["size"]) if m["size"] else None,
        isic_classes=list(m["isic_classes"]),
        description=m["description"],
        languages=list(m["languages"]),
        created_at=m["created_at"],
        updated_at=m["updated_at"],
    )


def opportunity_from_row(row: sa.Row[Any]) -> Opportunity:
    m = row._mapping
    return Opportunity(
        id=m["id"],
        external_id=m["external_id"],
        kind=OpportunityKind(m["kind"]),
        organisation_id=m["organisation_id"],
        title=m["title"],
        teaser=m["teaser"],
        details=m["details"],
        language=m["language"],
        isic_classes=list(m["isic_classes"]),
        technology_areas=list(m["technology_areas"]),
        sdgs=list(m["sdgs"]),
        countries=list(m["countries"]),
        trl=m["trl"],
        min_trl=m["min_trl"],
        cooperation_types=[CooperationType(c) for c in m["cooperation_types"]],
        amount_min=m["amount_min"],
        amount_max=m["amount_max"],
        currency=m["currency"],
        hard_conditions=[Condition(c) for c in m["hard_conditions"]],
        energy_mwh_per_year=m["energy_mwh_per_year"],
        co2_tonnes_per_year=m["co2_tonnes_per_year"],
        disclosure=Disclosure(m["disclosure"]),
        status=Status(m["status"]),
        valid_until=m["valid_until"],
        created_at=m["created_at"],
        updated_at=m["updated_at"],
    )


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SqlOrganisationRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add_many(
        self, organisations: Sequence[Organisation], *, imported: bool = False
    ) -> list[int]:
        if not organisations:
            return []
        rows = [{**_row_values(o), "imported": imported} for o in organisations]
        ids = _insert_keyed(self.connection, organisation, rows)
        for record, new_id in zip(organisations, ids, strict=True):
            record.id = new_id
        return ids

    def update_many(self, organisations: Sequence[Organisation]) -> None:
        if not organisations:
            return
        rows = [{**_row_values(o), "row_id": o.id} for o in organisations]
        for row in rows:
            del row["created_at"]  # set once, when the record is created
        values: dict[str, Any] = {c: sa.bindparam(c) for c in rows[0] if c != "row_id"}
        statement = (
            sa.update(organisation)
            .where(organisation.c.id == sa.bindparam("row_id"))
            .values(values)
        )
        self.connection.execute(statement, rows)

    def get(self, organisation_id: int) -> Organisation | None:
        return self.get_many([organisation_id]).get(organisation_id)

    def get_many(self, organisation_ids: Iterable[int]) -> dict[int, Organisation]:
        found: dict[int, Organisation] = {}
        for part in chunks(sorted(set(organisation_ids))):
            query = sa.select(organisation).where(organisation.c.id.in_(part))
            found.update((r.id, organisation_from_row(r)) for r in self.connection.execute(query))
        return found

    def ids_by_external_id(self, external_ids: Iterable[str]) -> dict[str, int]:
        return _ids_by_external_id(self.connection, organisation, external_ids)

    def imported_ids(self, organisation_ids: Iterable[int]) -> set[int]:
        return _imported_ids(self.connection, organisation, organisation_ids)

    def delete(self, organisation_id: int) -> None:
        self.connection.execute(sa.delete(organisation).where(organisation.c.id == organisation_id))

    def opportunity_count(self, organisation_id: int) -> int:
        query = sa.select(sa.func.count()).where(opportunity.c.organisation_id == organisation_id)
        return int(self.connection.scalar(query) or 0)

    def member_count(self, organisation_id: int) -> int:
        query = sa.select(sa.func.count()).where(user_account.c.organisation_id == organisation_id)
        return int(self.connection.scalar(query) or 0)

    def list(self, query: OrganisationQuery) -> Page[Organisation]:
        conditions: list[sa.ColumnElement[bool]] = []
        if query.kinds:
            conditions.append(organisation.c.kind.in_([k.value for k in query.kinds]))
        if query.countries is not None:
            conditions.append(organisation.c.country.in_(sorted(query.countries)))
        if query.text:
            pattern = _like(query.text)
            conditions.append(
                sa.or_(
                    organisation.c.name.ilike(pattern, escape="\\"),
                    organisation.c.description.ilike(pattern, escape="\\"),
                )
            )
        where = sa.and_(sa.true(), *conditions)
        total = self.connection.scalar(
            sa.select(sa.func.count()).select_from(organisation).where(where)
        )
        select = sa.select(organisation).where(where).order_by(organisation.c.id)
        select = select.limit(query.limit).offset(query.offset)
        items = [organisation_from_row(r) for r in self.connection.execute(select)]
        return Page(items=items, total=int(total or 0), limit=query.limit, offset=query.offset)


class SqlOpportunityRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add_many(
        self, opportunities: Sequence[Opportunity], *, imported: bool = False
    ) -> list[int]:
        if not opportunities:
            return []
        rows = [{**_list_values(_row_values(o)), "imported": imported} for o in opportunities]
        ids = _insert_keyed(self.connection, opportunity, rows)
        for record, new_id in zip(opportunities, ids, strict=True):
            record.id = new_id
        self._insert_facets(opportunities)
        text_index.add(self.connection, ids)
        return ids

    def update_many(self, opportunities: Sequence[Opportunity]) -> None:
        if not opportunities:
            return
        rows = [{**_list_values(_row_values(o)), "row_id": o.id} for o in opportunities]
        for row in rows:
            del row["created_at"]  # set once, when the record is created
        values: dict[str, Any] = {c: sa.bindparam(c) for c in rows[0] if c != "row_id"}
        statement = (
            sa.update(opportunity).where(opportunity.c.id == sa.bindparam("row_id")).values(values)
        )
        ids = [o.id for o in opportunities]
        text_index.remove(self.connection, ids)
        self.connection.execute(statement, rows)
        text_index.add(self.connection, ids)
        for part in chunks(ids):
            self.connection.execute(
                sa.delete(opportunity_facet).where(opportunity_facet.c.opportunity_id.in_(part))
            )
        self._insert_facets(opportunities)

    def _insert_facets(self, opportunities: Sequence[Opportunity]) -> None:
        rows = [
            (o.id, facet, value)
            for o in opportunities
            for facet, value in sorted(facets.facet_values(o))
        ]
        if rows:
            # Straight to the driver: a bulk load has hundreds of thousands of facet rows, and
            # per-row parameter processing would cost more than the insert itself.
            mark = "?" if self.connection.dialect.paramstyle == "qmark" else "%s"
            sql = f"INSERT INTO opportunity_facet (opportunity_id, facet, value) VALUES ({mark}, {mark}, {mark})"
            self.connection.exec_driver_sql(sql, rows)

    def get(self, opportunity_id: int) -> Opportunity | None:
        row = self.connection.execute(
            sa.select(opportunity).where(opportunity.c.id == opportunity_id)
        ).first()
        return opportunity_from_row(row) if row else None

    def get_many(self, opportunity_ids: Iterable[int]) -> dict[int, Opportunity]:
        """The records with these ids, keyed by id; ids not stored are left out. One query
        per CHUNK ids: the lists live on the row as JSON, so a record is one row."""
        found: dict[int, Opportunity] = {}
        for part in chunks(sorted(set(opportunity_ids))):
            query = sa.select(opportunity).where(opportunity.c.id.in_(part))
            found.update((r.id, opportunity_from_row(r)) for r in self.connection.execute(query))
        return found

    def ids_by_external_id(self, external_ids: Iterable[str]) -> dict[str, int]:
        return _ids_by_external_id(self.connection, opportunity, external_ids)

    def imported_ids(self, opportunity_ids: Iterable[int]) -> set[int]:
        return _imported_ids(self.connection, opportunity, opportunity_ids)

    def delete(self, opportunity_id: int) -> None:
        text_index.remove(self.connection, [opportunity_id])
        # Facets go first: SQLite only cascades when foreign keys are on for the connection.
        self.connection.execute(
            sa.delete(opportunity_facet).where(opportunity_facet.c.opportunity_id == opportunity_id)
        )
        self.connection.execute(sa.delete(opportunity).where(opportunity.c.id == opportunity_id))

    def list(self, query: OpportunityQuery) -> Page[Opportunity]:
        dialect = self.connection.dialect.name
        total = int(self.connection.scalar(listing.count_statement(query, dialect)) or 0)
        rows = int(self.connection.scalar(listing.table_size_statement()) or 0)
        if total == 0 or query.limit == 0:
            return Page(items=[], total=total, limit=query.limit, offset=query.offset)
        page = listing.page_statement(query, dialect, matches=total, rows=rows)
        items = [opportunity_from_row(r) for r in self.connection.execute(page)]
        return Page(items=items, total=total, limit=query.limit, offset=query.offset)

    def refresh_statistics(self) -> None:
        """Let the query planner see the data's shape after a bulk change."""
        if self.connection.dialect.name == "sqlite":
            self.connection.exec_driver_sql("ANALYZE")
        else:
            for table in ("opportunity", "opportunity_facet", "organisation"):
                self.connection.exec_driver_sql(f"ANALYZE {table}")


def _insert_keyed(
    connection: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]
) -> list[int]:
    """Insert rows that each carry an external_id and return their new ids in order.

    Every record has an external_id (the services and imports assign one), so ids are read back
    by it: a plain batched insert is many times faster than RETURNING row by row on SQLite.
    """
    keys = [row["external_id"] for row in rows]
    if any(key is None for key in keys):
        raise ValueError(f"every {table.name} needs an external_id before it is stored")
    connection.execute(sa.insert(table), rows)
    found = _ids_by_external_id(connection, table, keys)
    return [found[key] for key in keys]


def _ids_by_external_id(
    connection: sa.Connection, table: sa.Table, external_ids: Iterable[str]
) -> dict[str, int]:
    found: dict[str, int] = {}
    for part in chunks(sorted(set(external_ids))):
        query = sa.select(table.c.external_id, table.c.id).where(table.c.external_id.in_(part))
        found.update((r.external_id, r.id) for r in connection.execute(query))
    return found


def _imported_ids(connection: sa.Connection, table: sa.Table, ids: Iterable[int]) -> set[int]:
    found: set[int] = set()
    for part in chunks(sorted(set(ids))):
        query = sa.select(table.c.id).where(table.c.id.in_(part), table.c.imported)
        found.update(connection.scalars(query))
    return found


class SqlInstallationRepository:
    """Secrets of this installation, made at random once and kept in the database, so a backup
    carries them and every worker reads the same."""

    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def secret(self, name: str) -> str:
        query = sa.select(installation_secret.c.value).where(installation_secret.c.name == name)
        found = self.connection.scalar(query)
        if found is not None:
            return str(found)
        value = secrets.token_hex(32)
        self.connection.execute(sa.insert(installation_secret).values(name=name, value=value))
        return value
