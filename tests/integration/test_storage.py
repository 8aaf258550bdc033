"""Registry services over real databases: the same tests on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from tests.actors import OPERATOR
from tests.auth import user
from tests.records import opportunity_data, organisation_data

from itpo.accounts.model import Role
from itpo.adapters.storage import text_index
from itpo.adapters.storage.tables import include_name, metadata
from itpo.bootstrap import Platform
from itpo.registry import services
from itpo.registry.errors import Conflict, NotFound, ValidationError
from itpo.registry.filters import opportunity_query, organisation_query


def seed(platform: Platform) -> None:
    uow = platform.uow()
    services.create_organisation(by=OPERATOR, uow=uow, data=organisation_data())
    services.create_organisation(
        by=OPERATOR,
        uow=uow,
        data=organisation_data(
            external_id="org-ke",
            name="Meru Mango Co-operative",
            kind="ngo",
            country="KEN",
            city="Meru",
            website=None,
        ),
    )
    rows = [
        opportunity_data(),
        opportunity_data(
            external_id="opp-2",
            kind="technology_need",
            organisation="org-ke",
            title="Drying mango slices for export",
            trl=None,
            min_trl=6,
            countries=["KEN"],
            isic_classes=["1030"],
            sdgs=[2, 8],
            technology_areas=["green.solar_thermal"],
            cooperation_types=["supply"],
        ),
        opportunity_data(
            external_id="opp-3",
            kind="technology_offer",
            title="Biogas digester",
            countries=["VNM"],
            isic_classes=["3520"],
            sdgs=[7, 13],
            technology_areas=["green.bioenergy"],
            status="draft",
        ),
    ]
    for row in rows:
        services.create_opportunity(by=OPERATOR, uow=uow, data=row)


def titles(platform: Platform, **filters: object) -> list[str]:
    query = opportunity_query(**filters)  # type: ignore[arg-type]
    page = services.list_opportunities(by=OPERATOR, uow=platform.uow(), query=query)
    return [o.title for o in page.items]


def test_a_created_opportunity_reads_back_with_every_field(platform: Platform) -> None:
    seed(platform)
    found = services.list_opportunities(
        by=OPERATOR, uow=platform.uow(), query=opportunity_query(q="cassava")
    )
    [offer] = found.items
    again = services.get_opportunity(by=OPERATOR, uow=platform.uow(), opportunity_id=offer.id or 0)
    assert again == offer
    assert again.countries == ["KEN", "TZA"]
    assert again.amount_max == 250000
    assert again.created_at is not None and again.created_at.tzinfo is not None


def test_filters_by_kind_and_country(platform: Platform) -> None:
    seed(platform)
    assert titles(platform, kind=["technology_need"], country=["KEN"]) == [
        "Drying mango slices for export"
    ]
    assert titles(platform, country=["TZA"]) == ["Solar tunnel dryer for mango and cassava"]


def test_region_filter_covers_every_country_in_it(platform: Platform) -> None:
    seed(platform)
    assert len(titles(platform, region=["Eastern Africa"])) == 2
    assert titles(platform, region=["South-eastern Asia"]) == ["Biogas digester"]


def test_country_and_region_together_must_both_hold(platform: Platform) -> None:
    seed(platform)
    assert titles(platform, country=["VNM"], region=["Eastern Africa"]) == []


def test_isic_filter_works_at_every_level_of_the_hierarchy(platform: Platform) -> None:
    seed(platform)
    for code in ("1030", "103", "10", "C"):
        assert len(titles(platform, isic=[code])) == 2, code
    assert titles(platform, isic=["D"]) == ["Biogas digester"]


def test_sdg_area_family_status_and_text_filters(platform: Platform) -> None:
    seed(platform)
    assert titles(platform, sdg=["13"]) == ["Biogas digester"]
    assert len(titles(platform, area=["green"])) == 3
    assert titles(platform, area=["green.bioenergy"]) == ["Biogas digester"]
    assert titles(platform, status=["draft"]) == ["Biogas digester"]
    assert titles(platform, q="MANGO") == [
        "Solar tunnel dryer for mango and cassava",
        "Drying mango slices for export",
    ]


def test_text_filter_treats_wildcards_literally(platform: Platform) -> None:
    seed(platform)
    assert titles(platform, q="%") == []
    assert titles(platform, q="_") == []


def test_paging_reports_the_total(platform: Platform) -> None:
    seed(platform)
    page = services.list_opportunities(
        by=OPERATOR, uow=platform.uow(), query=opportunity_query(limit=2, offset=1)
    )
    assert page.total == 3 and len(page.items) == 2


def test_an_edit_is_validated_whole_and_refiles_the_facets(platform: Platform) -> None:
    seed(platform)
    [need] = services.list_opportunities(
        by=OPERATOR, uow=platform.uow(), query=opportunity_query(kind=["technology_need"])
    ).items
    services.update_opportunity(
        by=OPERATOR, uow=platform.uow(), opportunity_id=need.id or 0, changes={"countries": ["ETH"]}
    )
    assert titles(platform, country=["ETH"]) == ["Drying mango slices for export"]
    assert titles(platform, kind=["technology_need"], country=["KEN"]) == []
    with pytest.raises(ValidationError, match="min_trl"):
        services.update_opportunity(
            by=OPERATOR,
            uow=platform.uow(),
            opportunity_id=need.id or 0,
            changes={"kind": "technology_offer"},
        )
    unchanged = services.get_opportunity(
        by=OPERATOR, uow=platform.uow(), opportunity_id=need.id or 0
    )
    assert unchanged.kind.value == "technology_need"
    assert unchanged.updated_at is not None and unchanged.created_at is not None
    assert unchanged.updated_at >= unchanged.created_at


def test_an_external_id_can_be_taken_only_once(platform: Platform) -> None:
    seed(platform)
    with pytest.raises(Conflict, match="already taken"):
        services.create_opportunity(by=OPERATOR, uow=platform.uow(), data=opportunity_data())


def test_an_organisation_with_opportunities_is_not_deleted(platform: Platform) -> None:
    seed(platform)
    [owner] = services.list_organisations(
        by=OPERATOR, uow=platform.uow(), query=organisation_query(country=["KEN"])
    ).items
    with pytest.raises(Conflict, match="still has 1 opportunities"):
        services.delete_organisation(by=OPERATOR, uow=platform.uow(), organisation_id=owner.id or 0)


def test_an_organisation_with_member_accounts_is_not_deleted(platform: Platform) -> None:
    seed(platform)
    [owner] = services.list_organisations(
        by=OPERATOR, uow=platform.uow(), query=organisation_query(country=["KEN"])
    ).items
    assert owner.id is not None
    for found in services.list_opportunities(
        by=OPERATOR, uow=platform.uow(), query=opportunity_query(organisation_id=owner.id)
    ).items:
        services.delete_opportunity(by=OPERATOR, uow=platform.uow(), opportunity_id=found.id or 0)
    user(platform, "member@kenya.example", Role.MEMBER, organisation_id=owner.id)
    with pytest.raises(Conflict, match="still has 1 member accounts"):
        services.delete_organisation(by=OPERATOR, uow=platform.uow(), organisation_id=owner.id)
    assert (
        services.get_organisation(by=OPERATOR, uow=platform.uow(), organisation_id=owner.id).id
        == owner.id
    )


def test_deleting_an_opportunity_removes_it_and_its_facets(platform: Platform) -> None:
    seed(platform)
    [offer] = services.list_opportunities(
        by=OPERATOR, uow=platform.uow(), query=opportunity_query(q="Biogas")
    ).items
    services.delete_opportunity(by=OPERATOR, uow=platform.uow(), opportunity_id=offer.id or 0)
    assert titles(platform, area=["green.bioenergy"]) == []
    with pytest.raises(NotFound):
        services.get_opportunity(by=OPERATOR, uow=platform.uow(), opportunity_id=offer.id or 0)


def test_an_opportunity_must_name_an_existing_organisation(platform: Platform) -> None:
    with pytest.raises(ValidationError, match="no organisation with external_id 'org-x'"):
        services.create_opportunity(
            by=OPERATOR, uow=platform.uow(), data=opportunity_data(organisation="org-x")
        )


def test_organisations_filter_by_region_and_text(platform: Platform) -> None:
    seed(platform)
    query = organisation_query(region=["Africa"], q="mango")
    page = services.list_organisations(by=OPERATOR, uow=platform.uow(), query=query)
    assert [o.name for o in page.items] == ["Meru Mango Co-operative"]


def test_text_filter_finds_substrings_in_any_script_and_case(platform: Platform) -> None:
    seed(platform)
    chinese = opportunity_data(
        external_id="opp-zh",
        language="zh",
        title="太阳能果蔬烘干设备",
        teaser="日处理两吨的太阳能隧道式烘干机。",
    )
    services.create_opportunity(by=OPERATOR, uow=platform.uow(), data=chinese)
    assert titles(platform, q="果蔬烘干") == ["太阳能果蔬烘干设备"]
    assert titles(platform, q="烘干") == ["太阳能果蔬烘干设备"]  # two characters: no trigram
    assert titles(platform, q="TUNNEL DRYER FOR") == ["Solar tunnel dryer for mango and cassava"]
    assert titles(platform, q='dryer "for') == []


def test_text_filter_follows_edits_and_deletes(platform: Platform) -> None:
    seed(platform)
    [offer] = services.list_opportunities(
        by=OPERATOR, uow=platform.uow(), query=opportunity_query(q="Biogas")
    ).items
    services.update_opportunity(
        by=OPERATOR,
        uow=platform.uow(),
        opportunity_id=offer.id or 0,
        changes={"title": "Anaerobic digester"},
    )
    assert titles(platform, q="Biogas") == []
    assert titles(platform, q="anaerobic") == ["Anaerobic digester"]
    services.delete_opportunity(by=OPERATOR, uow=platform.uow(), opportunity_id=offer.id or 0)
    assert titles(platform, q="anaerobic") == []


def test_the_migrations_build_exactly_the_declared_schema(platform: Platform) -> None:
    with platform.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        assert compare_metadata(context, metadata) == []


def test_published_opportunities_past_their_date_expire(platform: Platform) -> None:
    seed(platform)
    count = services.expire_overdue(by=OPERATOR, uow=platform.uow(), today=dt.date(2028, 1, 1))
    assert count == 2  # the draft stays a draft
    assert titles(platform, status=["expired"]) == [
        "Solar tunnel dryer for mango and cassava",
        "Drying mango slices for export",
    ]
    assert services.expire_overdue(by=OPERATOR, uow=platform.uow(), today=dt.date(2028, 1, 1)) == 0


def test_the_text_index_stays_consistent_with_the_table(platform: Platform) -> None:
    seed(platform)
    [offer] = services.list_opportunities(
        by=OPERATOR, uow=platform.uow(), query=opportunity_query(q="Biogas")
    ).items
    services.update_opportunity(
        by=OPERATOR,
        uow=platform.uow(),
        opportunity_id=offer.id or 0,
        changes={"teaser": "Covered lagoon digesters."},
    )
    services.delete_opportunity(by=OPERATOR, uow=platform.uow(), opportunity_id=1)
    with platform.engine.begin() as connection:
        assert text_index.is_consistent(connection)


def test_a_record_in_several_matching_countries_is_counted_once(platform: Platform) -> None:
    seed(platform)
    for filters in (
        {"region": ["Eastern Africa"]},
        {"region": ["Africa"], "sdg": ["2"]},
        {"country": ["KEN", "TZA"], "area": ["green"], "isic": ["10"]},
    ):
        query = opportunity_query(limit=1, **filters)  # type: ignore[arg-type]
        page = services.list_opportunities(by=OPERATOR, uow=platform.uow(), query=query)
        assert page.total == 2, filters
