"""Loading many opportunities at once, on SQLite and PostgreSQL."""

from __future__ import annotations

from tests.actors import OPERATOR
from tests.records import opportunity_data, organisation_data

from itpo.adapters.storage.repositories import CHUNK
from itpo.bootstrap import Platform
from itpo.registry import services


def seed(platform: Platform) -> list[int]:
    services.create_organisation(by=OPERATOR, uow=platform.uow(), data=organisation_data())
    ids = []
    for number in range(3):
        data = opportunity_data(
            external_id=f"opp-{number}", title=f"Solar dryer {number}", sdgs=[2, 7, number + 8]
        )
        created = services.create_opportunity(by=OPERATOR, uow=platform.uow(), data=data)
        assert created.id is not None
        ids.append(created.id)
    return ids


def test_get_many_returns_each_record_as_get_does(platform: Platform) -> None:
    ids = seed(platform)
    with platform.uow() as uow:
        found = uow.opportunities.get_many(ids)
        one_by_one = {i: uow.opportunities.get(i) for i in ids}
    assert found == one_by_one
    assert [found[i].sdgs for i in ids] == [[2, 7, 8], [2, 7, 9], [2, 7, 10]]


def test_get_many_leaves_out_unknown_ids_and_reads_repeated_ids_once(platform: Platform) -> None:
    first, *_ = seed(platform)
    with platform.uow() as uow:
        found = uow.opportunities.get_many([first, first, 99_999])
    assert list(found) == [first]


def test_get_many_reads_more_ids_than_fit_in_one_query(platform: Platform) -> None:
    ids = seed(platform)
    wanted = [*range(100_000, 100_000 + 2 * CHUNK), *ids]
    with platform.uow() as uow:
        assert sorted(uow.opportunities.get_many(iter(wanted))) == ids
        assert uow.opportunities.get_many([]) == {}
