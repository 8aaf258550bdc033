"""In-memory repositories for unit tests of the domain: the same contract, no database."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from types import TracebackType
from typing import Self

from itpo.registry.facets import facet_values
from itpo.registry.model import Opportunity, Organisation
from itpo.registry.queries import OpportunityQuery, OrganisationQuery, Page


class FakeOrganisations:
    def __init__(
        self, store: dict[int, Organisation], opportunities: dict[int, Opportunity]
    ) -> None:
        self.store, self.opportunities = store, opportunities

    def add_many(self, organisations: Sequence[Organisation]) -> list[int]:
        ids = []
        for organisation in organisations:
            organisation.id = max(self.store, default=0) + 1
            self.store[organisation.id] = copy.deepcopy(organisation)
            ids.append(organisation.id)
        return ids

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
    def __init__(self, store: dict[int, Opportunity]) -> None:
        self.store = store

    def add_many(self, opportunities: Sequence[Opportunity]) -> list[int]:
        ids = []
        for opportunity in opportunities:
            opportunity.id = max(self.store, default=0) + 1
            self.store[opportunity.id] = copy.deepcopy(opportunity)
            ids.append(opportunity.id)
        return ids

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


class FakeUnitOfWork:
    """Commits by copying the working state over the committed one; rollback discards it."""

    def __init__(self) -> None:
        self.committed_organisations: dict[int, Organisation] = {}
        self.committed_opportunities: dict[int, Opportunity] = {}
        self.commits = 0
        self._reset()

    def _reset(self) -> None:
        organisations = copy.deepcopy(self.committed_organisations)
        opportunities = copy.deepcopy(self.committed_opportunities)
        self.organisations = FakeOrganisations(organisations, opportunities)
        self.opportunities = FakeOpportunities(opportunities)

    def __enter__(self) -> Self:
        self._reset()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        self.committed_organisations = copy.deepcopy(self.organisations.store)
        self.committed_opportunities = copy.deepcopy(self.opportunities.store)
        self.commits += 1

    def rollback(self) -> None:
        self._reset()
