"""An anonymous record keeps its owner from everyone who may not know it: not named, and
nothing that would lead to it either: not its external id (often made from the owner's name),
not the owner's country standing in for a record that states none, nor a reason drawn from it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.actors import OPERATOR
from tests.auth import administrator, bearer, user
from tests.records import opportunity_data, organisation_data

from itpo.accounts.model import Role
from itpo.accounts.principal import Principal
from itpo.adapters.app import create_app
from itpo.adapters.index_store import EncoderSpec
from itpo.bootstrap import Platform, bootstrap
from itpo.config import Settings
from itpo.registry import services

API = "/api/v1"
OWNER = "Hangzhou Dryer Works"


@pytest.fixture
def anonymous(
    database_url: str, tmp_path: Path, encoders: list[EncoderSpec]
) -> Iterator[tuple[Platform, dict[str, int]]]:
    """A Chinese firm's anonymous offer that names no market, and a Kenyan need it matches."""
    platform = bootstrap(
        Settings(database_url=database_url, data_dir=tmp_path / "data"), initialise=True
    )
    platform.encoders = encoders
    uow = platform.uow()
    for data in (
        organisation_data(external_id="org-hz", name=OWNER, country="CHN", city="Hangzhou"),
        organisation_data(
            external_id="org-ke",
            name="Meru Mango Growers",
            country="KEN",
            city="Meru",
            website=None,
        ),
    ):
        services.create_organisation(by=OPERATOR, uow=uow, data=data)
    offer = services.create_opportunity(
        by=OPERATOR,
        uow=uow,
        data=opportunity_data(
            external_id="demo:offer-hangzhou-dryer-works",
            organisation="org-hz",
            disclosure="anonymous",
            countries=[],
            title="Solar mango dryer",
            teaser="A solar dryer for mango cooperatives that halves post-harvest losses.",
        ),
    )
    need = services.create_opportunity(
        by=OPERATOR,
        uow=uow,
        data=opportunity_data(
            external_id="need-ke",
            organisation="org-ke",
            kind="technology_need",
            trl=None,
            min_trl=6,
            countries=["KEN"],
            title="Solar dryer for mango exporters",
            teaser="A Kenyan mango cooperative needs a solar dryer to cut losses.",
        ),
    )
    assert offer.id is not None and need.id is not None
    yield platform, {"offer": offer.id, "need": need.id, "kenyan": need.organisation_id}
    platform.close()


def kenyan_member(platform: Platform, ids: dict[str, int]) -> Principal:
    return user(platform, "ops@meru.example", Role.MEMBER, organisation_id=ids["kenyan"])


def client_of(platform: Platform, headers: dict[str, str] | None = None) -> TestClient:
    return TestClient(create_app(platform=platform), headers=headers or {})


def leaks(value: Any) -> list[str]:
    """What in an answer would lead to the owner."""
    text = str(value)
    return [hint for hint in (OWNER, "hangzhou", "CHN", "China", "中国") if hint in text]


def test_below_the_restricted_stage_an_anonymous_record_shows_no_external_id(
    anonymous: tuple[Platform, dict[str, int]],
) -> None:
    platform, ids = anonymous
    member = bearer(platform, kenyan_member(platform, ids))
    with client_of(platform, member) as client:
        one = client.get(f"{API}/opportunities/{ids['offer']}").json()
        listed = client.get(f"{API}/opportunities", params={"q": "mango dryer"}).json()["items"]
    assert "external_id" not in one and "amount_min" in one  # the member stage, less the id
    [listed_offer] = [o for o in listed if o["id"] == ids["offer"]]
    assert "external_id" not in listed_offer
    assert leaks(one) == [] and leaks(listed_offer) == []


def test_search_hides_the_owners_country_of_an_anonymous_record(
    anonymous: tuple[Platform, dict[str, int]],
) -> None:
    platform, ids = anonymous
    with client_of(platform) as public:
        hits = public.get(f"{API}/search", params={"q": "solar mango dryer"}).json()
    [hit] = [h for h in hits if h["opportunity_id"] == ids["offer"]]
    assert hit["countries"] == [] and hit["organisation"] == "(not disclosed)"
    assert leaks(hit) == []
    # Officers know the owner, so they see where it is.
    with client_of(platform, bearer(platform, administrator(platform))) as officer:
        hits = officer.get(f"{API}/search", params={"q": "solar mango dryer"}).json()
    [seen] = [h for h in hits if h["opportunity_id"] == ids["offer"]]
    assert seen["countries"] == ["CHN"] and seen["organisation"] == OWNER


def test_matches_hide_the_owners_country_and_the_reasons_drawn_from_it(
    anonymous: tuple[Platform, dict[str, int]],
) -> None:
    platform, ids = anonymous
    member = bearer(platform, kenyan_member(platform, ids))
    with client_of(platform, member) as client:
        answer = client.get(f"{API}/opportunities/{ids['need']}/matches")
    assert answer.status_code == 200, answer.text
    [match] = [m for m in answer.json() if m["opportunity_id"] == ids["offer"]]
    assert match["countries"] == [] and match["organisation"] == "(not disclosed)"
    assert all(r["component"] != "geography" for r in match["explained"])
    assert leaks(match) == [], leaks(match)
