"""In-memory repositories for unit tests of the domain: the same contract, no database."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self

from itpo.accounts.model import AuditEntry, AuditQuery
from itpo.registry.facets import facet_values
from itpo.registry.model import Opportunity, Organisation
from itpo.registry.queries import OpportunityQuery, OrganisationQuery, Page


class FakeOrganisations:
    def __init__(
        self,
        store: dict[int, Organisation],
        opportunities: dict[int, Opportunity],
        imported: set[int] | None = None,
    ) -> None:
        self.store, self.opportunities = store, opportunities
        self.imported = imported if imported is not None else set()

    def add_many(
        self, organisations: Sequence[Organisation], *, imported: bool = False
    ) -> list[int]:
        ids = []
        for organisation in organisations:
            organisation.id = max(self.store, default=0) + 1
            self.store[organisation.id] = copy.deepcopy(organisation)
            ids.append(organisation.id)
        if imported:
            self.imported.update(ids)
        return ids

    def imported_ids(self, organisation_ids: Iterable[int]) -> set[int]:
        return self.imported & set(organisation_ids)

    def update_many(self, organisations: Sequence[Organisation]) -> None:
        for organisation in organisations:
            assert organisation.id in self.store
            created = self.store[organisation.id].created_at
            self.store[organisation.id] = copy.deepcopy(organisation)
            self.store[organisation.id].created_at = created

    def get(self, organisation_id: int) -> Organisation | None:
        return copy.deepcopy(self.store.get(organisation_id))

    def get_many(self, organisation_ids: Iterable[int]) -> dict[int, Organisation]:
        return {i: copy.deepcopy(self.store[i]) for i in organisation_ids if i in self.store}

    def ids_by_external_id(self, external_ids: Iterable[str]) -> dict[str, int]:
        wanted = set(external_ids)
        return {o.external_id: i for i, o in self.store.items() if o.external_id in wanted}

    def delete(self, organisation_id: int) -> None:
        del self.store[organisation_id]

    def opportunity_count(self, organisation_id: int) -> int:
        return sum(o.organisation_id == organisation_id for o in self.opportunities.values())

    def member_count(self, organisation_id: int) -> int:
        return 0  # the registry's fake holds no user accounts

    def list(self, query: OrganisationQuery) -> Page[Organisation]:
        items = [o for _, o in sorted(self.store.items())]
        end = None if query.limit is None else query.offset + query.limit
        return Page(
            items=items[query.offset : end],
            total=len(items),
            limit=query.limit,
            offset=query.offset,
        )


class FakeOpportunities:
    def __init__(self, store: dict[int, Opportunity], imported: set[int] | None = None) -> None:
        self.store = store
        self.imported = imported if imported is not None else set()

    def add_many(
        self, opportunities: Sequence[Opportunity], *, imported: bool = False
    ) -> list[int]:
        ids = []
        for opportunity in opportunities:
            opportunity.id = max(self.store, default=0) + 1
            self.store[opportunity.id] = copy.deepcopy(opportunity)
            ids.append(opportunity.id)
        if imported:
            self.imported.update(ids)
        return ids

    def imported_ids(self, opportunity_ids: Iterable[int]) -> set[int]:
        return self.imported & set(opportunity_ids)

    def update_many(self, opportunities: Sequence[Opportunity]) -> None:
        for opportunity in opportunities:
            assert opportunity.id in self.store
            self.store[opportunity.id] = copy.deepcopy(opportunity)

    def get(self, opportunity_id: int) -> Opportunity | None:
        return copy.deepcopy(self.store.get(opportunity_id))

    def get_many(self, opportunity_ids: Iterable[int]) -> dict[int, Opportunity]:
        return {i: copy.deepcopy(self.store[i]) for i in opportunity_ids if i in self.store}

    def ids_by_external_id(self, external_ids: Iterable[str]) -> dict[str, int]:
        wanted = set(external_ids)
        return {o.external_id: i for i, o in self.store.items() if o.external_id in wanted}

    def delete(self, opportunity_id: int) -> None:
        del self.store[opportunity_id]

    def refresh_statistics(self) -> None:
        pass

    def list(self, query: OpportunityQuery) -> Page[Opportunity]:
        items = [o for _, o in sorted(self.store.items()) if _passes(o, query)]
        end = None if query.limit is None else query.offset + query.limit
        return Page(
            items=items[query.offset : end],
            total=len(items),
            limit=query.limit,
            offset=query.offset,
        )


def _passes(o: Opportunity, query: OpportunityQuery) -> bool:
    values = facet_values(o)
    checks = [
        not query.kinds or o.kind in query.kinds,
        not query.statuses or o.status in query.statuses,
        query.countries is None or bool(set(o.countries) & query.countries),
        not query.isic or any(("isic", code) in values for code in query.isic),
        not query.sdgs or bool(set(o.sdgs) & set(query.sdgs)),
        not query.technology_areas or any(("area", a) in values for a in query.technology_areas),
        query.organisation_id is None or o.organisation_id == query.organisation_id,
        not query.text or query.text.lower() in (o.title + " " + o.teaser).lower(),
    ]
    return all(checks)


class FakeAuditLog:
    """The audit log as a list: entries are only ever appended."""

    def __init__(self, store: list[AuditEntry]) -> None:
        self.store = store

    def add(self, entry: AuditEntry) -> int:
        self.store.append(dataclasses.replace(entry, id=len(self.store) + 1))
        return len(self.store)

    def add_many(self, entries: Sequence[AuditEntry]) -> None:
        for entry in entries:
            self.add(entry)

    def list(self, query: AuditQuery) -> Page[AuditEntry]:
        found = [
            e
            for e in reversed(self.store)
            if (query.action is None or e.action.split(".")[0] == query.action.split(".")[0])
            and (query.actor_id is None or e.actor_id == query.actor_id)
        ]
        end = None if query.limit is None else query.offset + query.limit
        return Page(found[query.offset : end], len(found), query.limit, query.offset)


class FakeIntroductions:
    """Introductions, by organisation: the opportunities introduced to its records."""

    def __init__(self, store: dict[int, set[int]]) -> None:
        self.store = store

    def introduced_counterparts(self, organisation_id: int) -> set[int]:
        return set(self.store.get(organisation_id, set()))


class FakeInstallation:
    def __init__(self, store: dict[str, str]) -> None:
        self.store = store

    def secret(self, name: str) -> str:
        return self.store.setdefault(name, f"secret of {name}")


@dataclass
class _Committed:
    organisations: dict[int, Organisation] = field(default_factory=dict)
    opportunities: dict[int, Opportunity] = field(default_factory=dict)
    imported_organisations: set[int] = field(default_factory=set)
    imported_opportunities: set[int] = field(default_factory=set)
    audit: list[AuditEntry] = field(default_factory=list)
    secrets: dict[str, str] = field(default_factory=dict)


class FakeUnitOfWork:
    """Commits by copying the working state over the committed one; rollback discards it.
    Re-entrant, as the real one: a service inside another shares its transaction."""

    def __init__(self) -> None:
        self.committed = _Committed()
        self.introductions: dict[int, set[int]] = {}
        self.commits = 0
        self._depth = 0
        self._reset()

    @property
    def committed_organisations(self) -> dict[int, Organisation]:
        return self.committed.organisations

    @property
    def committed_opportunities(self) -> dict[int, Opportunity]:
        return self.committed.opportunities

    def _reset(self) -> None:
        working = copy.deepcopy(self.committed)
        self.working = working
        self.organisations = FakeOrganisations(
            working.organisations, working.opportunities, working.imported_organisations
        )
        self.opportunities = FakeOpportunities(
            working.opportunities, working.imported_opportunities
        )
        self.audit = FakeAuditLog(working.audit)
        self.installation = FakeInstallation(working.secrets)
        self.matches = FakeIntroductions(self.introductions)

    def __enter__(self) -> Self:
        self._depth += 1
        if self._depth == 1:
            self._reset()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._depth -= 1
        if self._depth == 0:
            self.rollback()

    def commit(self) -> None:
        if self._depth == 1:
            self.committed = copy.deepcopy(self.working)
            self.commits += 1

    def rollback(self) -> None:
        self._reset()
