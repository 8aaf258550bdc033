"""Listings show each audience exactly the records its disclosure stage allows, counted right."""

from __future__ import annotations

import dataclasses

from tests.actors import OPERATOR
from tests.records import opportunity_data, organisation_data

from itpo.bootstrap import Platform
from itpo.registry import services
from itpo.registry.disclosure import PUBLIC, Audience, Stage, scope, stage
from itpo.registry.filters import opportunity_query
from itpo.registry.model import Opportunity


def seed(platform: Platform) -> dict[str, Opportunity]:
    uow = platform.uow()
    services.create_organisation(by=OPERATOR, uow=uow, data=organisation_data())
    services.create_organisation(
        by=OPERATOR,
        uow=uow,
        data=organisation_data(
            external_id="org-ke", name="Meru Mango", country="KEN", website=None
        ),
    )
    rows = {
        "public": opportunity_data(external_id="o1"),
        "anonymous": opportunity_data(external_id="o2", disclosure="anonymous"),
        "members": opportunity_data(external_id="o3", disclosure="members"),
        "draft": opportunity_data(external_id="o4", status="draft"),
        "kenyan_draft": opportunity_data(
            external_id="o5",
            status="draft",
            organisation="org-ke",
            kind="technology_need",
            trl=None,
        ),
        "closed": opportunity_data(external_id="o6", status="closed"),
    }
    return {
        name: services.create_opportunity(by=OPERATOR, uow=uow, data=row)
        for name, row in rows.items()
    }


def listed(platform: Platform, audience: Audience, **filters: object) -> tuple[set[int], int]:
    query = opportunity_query(**filters)  # type: ignore[arg-type]
    scoped = dataclasses.replace(query, scope=scope(audience))
    uow = platform.uow()
    with uow:  # the repository's own reading of a scope, as the services hand it one
        page = uow.opportunities.list(scoped)
    return {o.id for o in page.items if o.id is not None}, page.total


def test_each_audience_lists_what_it_may_see_with_the_right_total(platform: Platform) -> None:
    records = seed(platform)
    kenyan = records["kenyan_draft"].organisation_id
    audiences = [
        PUBLIC,
        Audience(signed_in=True, organisation_id=kenyan),
        Audience(signed_in=True, staff=True),
        Audience(
            signed_in=True, organisation_id=kenyan, introduced=frozenset({records["draft"].id or 0})
        ),
    ]
    for audience in audiences:
        expected = {o.id for o in records.values() if stage(audience, o) is not Stage.HIDDEN}
        ids, total = listed(platform, audience)
        assert ids == expected and total == len(expected)
        # With a facet filter (another access path) the scope holds too.
        ids, total = listed(platform, audience, country=["KEN"], limit=2)
        kenyan_ids = {o.id for o in records.values() if "KEN" in o.countries} & expected
        assert total == len(kenyan_ids) and ids <= kenyan_ids
    public_ids, _ = listed(platform, PUBLIC)
    assert public_ids == {records[n].id for n in ("public", "anonymous", "closed")}
