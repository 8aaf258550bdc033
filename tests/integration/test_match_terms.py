"""Soft terms, hard conditions and true "no match" sentences, end to end: records in the
database, the index beside it, the report the API, the pages and the command line show."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from tests.actors import OPERATOR
from tests.clock import TEST_DAY
from tests.e2e.claims import Pair, Side, check_sentence
from tests.records import opportunity_data, organisation_data

from itpo.adapters.cli import cli
from itpo.adapters.index_store import EncoderSpec
from itpo.bootstrap import Platform
from itpo.matching.service import MatchReport, MatchResult, match_report
from itpo.matching.tracking import match_and_record
from itpo.registry import services

API = "/api/v1"
ORGANISATIONS = [
    organisation_data(),  # org-sh-1, Pudong Solar Agritech, CHN
    organisation_data(
        external_id="org-ke-1",
        name="Meru Mango Growers",
        country="KEN",
        city="Meru",
        isic_classes=["1030"],
        website=None,
    ),
    organisation_data(
        external_id="org-de-1", name="Kassel Dryers", country="DEU", city="Kassel", website=None
    ),
    organisation_data(
        external_id="org-br-1",
        name="Belo Horizonte Roads",
        country="BRA",
        city="Belo Horizonte",
        isic_classes=["4210"],
        website=None,
    ),
]
NEED = opportunity_data(
    external_id="need-ke",
    kind="technology_need",
    organisation="org-ke-1",
    title="Solar dryer for mango exporters",
    teaser="A Kenyan mango cooperative needs a solar dryer to cut post-harvest losses.",
    isic_classes=["1030"],
    technology_areas=["green.post_harvest", "green.solar_thermal"],
    countries=["KEN"],
    trl=None,
    min_trl=7,
    cooperation_types=["licensing", "supply"],
    amount_min=80000,
    amount_max=200000,
)
DRYER: dict[str, Any] = {
    "kind": "technology_offer",
    "title": "Solar tunnel dryer for mango and pineapple",
    "teaser": "A solar tunnel dryer that dries mango slices for fruit cooperatives and halves "
    "post-harvest losses.",
    "isic_classes": ["2819", "1030"],
    "technology_areas": ["green.post_harvest", "green.solar_thermal"],
    "trl": 8,
    "cooperation_types": ["supply"],
    "amount_min": 60000,
    "amount_max": 150000,
}
OFFERS = {
    # Open to Kenya: a plain match.
    "open": opportunity_data(external_id="offer-open", **DRYER, countries=["KEN", "TZA"]),
    # Markets elsewhere, not insisted on: a match, its score lowered and the reason said.
    "soft": opportunity_data(
        external_id="offer-soft", organisation="org-de-1", **DRYER, countries=["GHA", "NGA"]
    ),
    # Markets elsewhere, insisted on: left out, shown as a near miss.
    "hard": opportunity_data(
        external_id="offer-hard",
        organisation="org-de-1",
        **(DRYER | {"title": "Solar cabinet dryer for mango"}),
        countries=["GHA"],
        hard_conditions=["markets"],
    ),
    # One TRL short of the need's minimum: left out, a near miss with the minimum named.
    "young": opportunity_data(
        external_id="offer-young",
        **(DRYER | {"trl": 6, "title": "Prototype solar mango dryer"}),
        countries=["KEN"],
    ),
}
ROADS = opportunity_data(
    external_id="project-roads",
    kind="investment_project",
    organisation="org-br-1",
    title="Rural feeder roads rehabilitation",
    teaser="Rehabilitating 400 km of gravel feeder roads and bridges in Minas Gerais.",
    isic_classes=["4210"],
    technology_areas=[],
    countries=["BRA"],
    trl=None,
    cooperation_types=["loan"],
    amount_min=40_000_000,
    amount_max=40_000_000,
    sdgs=[9],
)


@pytest.fixture
def ids(platform: Platform, encoders: list[EncoderSpec]) -> dict[str, int]:
    platform.encoders = encoders
    for data in ORGANISATIONS:
        services.create_organisation(by=OPERATOR, uow=platform.uow(), data=data)
    created = {}
    for name, data in {"need": NEED, **OFFERS, "roads": ROADS}.items():
        opportunity = services.create_opportunity(by=OPERATOR, uow=platform.uow(), data=data)
        assert opportunity.id is not None
        created[name] = opportunity.id
    return created


def report(platform: Platform, opportunity_id: int) -> MatchReport:
    return match_report(
        uow=platform.uow(),
        index=platform.index(),
        opportunity_id=opportunity_id,
        today=TEST_DAY,
        rates=platform.rates(),
    )


def pair(platform: Platform, asking: int, other: int) -> Pair:
    with platform.uow() as uow:
        a, b = uow.opportunities.get(asking), uow.opportunities.get(other)
        assert a is not None and b is not None
        owners = uow.organisations.get_many([a.organisation_id, b.organisation_id])
    return Pair(
        Side(a, owners[a.organisation_id]),
        Side(b, owners[b.organisation_id]),
        TEST_DAY,
        platform.rates(),
    )


def test_a_counterpart_outside_the_markets_is_still_matched_lower_and_says_why(
    platform: Platform, ids: dict[str, int]
) -> None:
    found = report(platform, ids["need"])
    by_id = {r.opportunity_id: r for r in found.results}
    assert ids["open"] in by_id and ids["soft"] in by_id
    assert by_id[ids["open"]].score > by_id[ids["soft"]].score
    lowered = [r for r in by_id[ids["soft"]].explained if r.text.startswith("Score lowered")]
    assert [r.component for r in lowered] == ["geography"]
    assert (
        "Kenya is outside the technology offer's stated markets (Ghana, Nigeria)" in lowered[0].text
    )
    for result in found.results:
        checked = pair(platform, ids["need"], result.opportunity_id)
        for reason in result.explained:
            assert check_sentence(reason.text, checked) == reason.component


def test_counterparts_left_out_by_a_hard_condition_are_near_misses_with_it_named(
    platform: Platform, ids: dict[str, int]
) -> None:
    found = report(platform, ids["need"])
    shown = {r.opportunity_id for r in found.results}
    near = {r.opportunity_id: r for r in found.near_misses}
    assert ids["hard"] not in shown and ids["young"] not in shown
    assert set(near) == {ids["hard"], ids["young"]}
    (market,) = near[ids["hard"]].left_out
    assert market.text == (
        "Left out: Kenya is outside the technology offer's stated markets (Ghana), which the "
        "technology offer makes a hard condition."
    )
    (trl,) = near[ids["young"]].left_out
    assert trl.text == (
        "Left out: the technology offer is at TRL 6, below the technology need's minimum of TRL 7."
    )
    for result in found.near_misses:
        checked = pair(platform, ids["need"], result.opportunity_id)
        for reason in (*result.left_out, *result.explained):
            assert check_sentence(reason.text, checked) == reason.component


def test_a_record_with_no_counterpart_is_told_why_in_both_languages(
    platform: Platform, ids: dict[str, int]
) -> None:
    found = report(platform, ids["roads"])
    assert found.results == () and found.near_misses == ()
    english = found.why_none("en")
    assert english is not None and english.text == (
        "No published investment mandate or technology offer on the platform shares this "
        "record's subject (ISIC 4210 Construction of roads and railways)."
    )
    chinese = found.why_none("zh")
    assert chinese is not None and "平台上没有与本条目主题" in chinese.text
    assert report(platform, ids["need"]).why_none("en") is None


def test_a_match_shows_one_score_from_both_sides_and_where_it_is_stored(
    platform: Platform, ids: dict[str, int]
) -> None:
    def shown(opportunity_id: int) -> dict[int, MatchResult]:
        report = match_and_record(
            uow=platform.uow(),
            by=OPERATOR,
            index=platform.index(),
            opportunity_id=opportunity_id,
            today=TEST_DAY,
        )
        return {r.opportunity_id: r for r in report.results}

    from_need, from_offer = shown(ids["need"]), shown(ids["soft"])
    assert from_need[ids["soft"]].score == from_offer[ids["need"]].score
    with platform.uow() as uow:
        stored = uow.matches.get(from_need[ids["soft"]].match_id or 0)
    assert stored is not None and stored.score == from_need[ids["soft"]].score


def test_the_api_gives_the_near_misses_and_the_reason_for_none(
    client: TestClient, ids: dict[str, int]
) -> None:
    answer = client.get(f"{API}/opportunities/{ids['need']}/near-misses")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert {m["opportunity_id"] for m in body["near_misses"]} == {ids["hard"], ids["young"]}
    assert body["no_match"] == {}
    assert all(m["left_out"] and m["left_out"][0]["facts"]["rule"] for m in body["near_misses"])
    roads = client.get(f"{API}/opportunities/{ids['roads']}/near-misses").json()
    assert roads["near_misses"] == [] and set(roads["no_match"]) == {"en", "zh"}
    listed = client.get(f"{API}/opportunities/{ids['need']}/matches").json()
    soft = next(m for m in listed if m["opportunity_id"] == ids["soft"])
    assert 0 < soft["relevance"] <= 1 and soft["left_out"] == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_command_line_shows_near_misses_and_why_there_is_none(
    platform: Platform, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    platform.index_store().rebuild()  # fills the cache the command reads
    monkeypatch.setenv("ITPO_DATA_DIR", str(platform.settings.data_dir))
    url = str(platform.settings.database_url)

    def run(*args: str) -> Any:
        return CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)

    shown = run("match", str(ids["need"]))
    assert shown.exit_code == 0, shown.output
    assert "Near misses" in shown.output and "hard condition" in shown.output
    none = run("match", str(ids["roads"]))
    assert none.exit_code == 0, none.output
    assert "No published investment mandate or technology offer" in " ".join(none.output.split())
    rows = json.loads(run("match", str(ids["need"]), "--json").output)
    assert ids["hard"] not in {row["opportunity_id"] for row in rows}
