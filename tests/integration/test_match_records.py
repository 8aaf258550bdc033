"""Matches kept as records: ids, verdicts and states, learning from verdicts, free-text search."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from tests.actors import OPERATOR
from tests.clock import TEST_DAY
from tests.records import opportunity_data, organisation_data

from itpo.adapters.cli import cli
from itpo.adapters.index_store import EncoderSpec
from itpo.bootstrap import Platform
from itpo.matching.cache import MatchCache
from itpo.matching.decisions import Match
from itpo.matching.learning import LearningRefused
from itpo.matching.tracking import (
    current_weights,
    give_feedback,
    learn,
    match_and_record,
    recorded_matches,
)
from itpo.matching.weights import COMPONENTS, ScoringWeights
from itpo.registry import services

SECRET = "Royalty floor 4.5 percent, call Mr Zhang on 139 0000 0000"

ORGANISATIONS = [
    organisation_data(),  # org-sh-1, Pudong Solar Agritech, CHN
    organisation_data(external_id="org-ke-1", name="Meru Mango Growers", country="KEN",
                      city="Meru", isic_classes=["1030"], website=None),
    organisation_data(external_id="org-de-1", name="Kassel Dryers", country="DEU",
                      city="Kassel", website=None),
]  # fmt: skip

OPPORTUNITIES: dict[str, dict[str, Any]] = {
    "offer_zh": opportunity_data(
        external_id="offer-zh", title="太阳能隧道式芒果干燥机",
        teaser="日处理2吨鲜芒果的太阳能隧道干燥机，采后损失减半，适合非洲合作社。",
        language="zh", details=SECRET, isic_classes=["2819", "1030"],
        countries=["KEN", "TZA"], trl=8, cooperation_types=["licensing", "supply"]),
    "offer_de": opportunity_data(
        external_id="offer-de", organisation="org-de-1", title="Solar dryer kit for fruit",
        teaser="A flat-pack solar dryer for mango and pineapple growers, built locally.",
        details=SECRET, countries=[], trl=7, cooperation_types=["licensing"]),
    "need": opportunity_data(
        external_id="need-ke", kind="technology_need", organisation="org-ke-1",
        title="Solar dryer for mango exporters",
        teaser="A Kenyan mango cooperative needs a solar dryer to cut post-harvest losses.",
        details="Budget approved. " + SECRET, isic_classes=["1030"], countries=["KEN"],
        trl=None, min_trl=6, cooperation_types=["licensing"], amount_min=80000,
        amount_max=200000, sdgs=[2, 12]),
}  # fmt: skip


@pytest.fixture
def ids(platform: Platform, encoders: list[EncoderSpec]) -> dict[str, int]:
    platform.encoders = encoders
    for data in ORGANISATIONS:
        services.create_organisation(by=OPERATOR, uow=platform.uow(), data=data)
    created = {}
    for name, data in OPPORTUNITIES.items():
        opportunity = services.create_opportunity(by=OPERATOR, uow=platform.uow(), data=data)
        assert opportunity.id is not None
        created[name] = opportunity.id
    return created


def found(client: TestClient, opportunity_id: int, **params: Any) -> list[dict[str, Any]]:
    answer = client.get(f"/api/v1/opportunities/{opportunity_id}/matches", params=params)
    assert answer.status_code == 200, answer.text
    rows: list[dict[str, Any]] = answer.json()
    return rows


def feedback(client: TestClient, match_id: int, **body: Any) -> Any:
    return client.post(f"/api/v1/matches/{match_id}/feedback", json=body)


def test_a_pair_is_one_stored_match_whichever_side_asks(
    client: TestClient, ids: dict[str, int]
) -> None:
    from_need = {row["opportunity_id"]: row for row in found(client, ids["need"])}
    assert set(from_need) == {ids["offer_zh"], ids["offer_de"]}
    assert {row["state"] for row in from_need.values()} == {"proposed"}
    from_offer = found(client, ids["offer_zh"])
    assert [row["opportunity_id"] for row in from_offer] == [ids["need"]]
    assert from_offer[0]["match_id"] == from_need[ids["offer_zh"]]["match_id"]
    listing = client.get("/api/v1/matches", params={"opportunity_id": ids["need"]}).json()
    assert listing["total"] == 2
    # Asking again keeps the same records rather than adding new ones.
    found(client, ids["need"])
    assert client.get("/api/v1/matches").json()["total"] == 2


def test_both_sides_accepting_makes_the_introduction(
    client: TestClient, ids: dict[str, int]
) -> None:
    match_id = found(client, ids["need"])[0]["match_id"]
    shortlisted = feedback(client, match_id, verdict="accept", reason="good fit")
    assert shortlisted.status_code == 200 and shortlisted.json()["state"] == "shortlisted"
    first, second = shortlisted.json()["opportunity_ids"]
    assert feedback(client, match_id, verdict="accept", side=first).json()["state"] == "interested"
    introduced = feedback(client, match_id, verdict="accept", side=second).json()
    assert introduced["state"] == "introduced"
    assert [d["side"] for d in introduced["decisions"]] == [None, first, second]
    assert client.get(f"/api/v1/matches/{match_id}").json() == introduced
    listed = client.get("/api/v1/matches", params={"state": "introduced"}).json()
    assert [m["id"] for m in listed["items"]] == [match_id]
    assert client.get("/api/v1/matches", params={"state": "declined"}).json()["total"] == 0


def test_a_declined_counterpart_is_not_proposed_again(
    client: TestClient, ids: dict[str, int]
) -> None:
    rows = {row["opportunity_id"]: row for row in found(client, ids["need"])}
    german = rows[ids["offer_de"]]["match_id"]
    declined = feedback(
        client, german, verdict="decline", side=ids["need"], reason="we need local service"
    )
    assert declined.json()["state"] == "declined"
    assert [row["opportunity_id"] for row in found(client, ids["need"])] == [ids["offer_zh"]]
    again = found(client, ids["need"], include_declined="true")
    assert {row["opportunity_id"]: row["state"] for row in again}[ids["offer_de"]] == "declined"
    # The owner changes its mind: its latest verdict counts, and the match is back.
    feedback(client, german, verdict="accept", side=ids["need"])
    assert ids["offer_de"] in {row["opportunity_id"] for row in found(client, ids["need"])}


def test_bad_feedback_is_refused_and_writes_nothing(
    client: TestClient, ids: dict[str, int]
) -> None:
    match_id = found(client, ids["need"])[0]["match_id"]
    no_reason = feedback(client, match_id, verdict="decline")
    assert no_reason.status_code == 422
    assert no_reason.json()["detail"][0]["loc"] == ["body", "reason"]
    stranger = feedback(client, match_id, verdict="accept", side=ids["need"] + 1000)
    assert stranger.status_code == 422 and "not part of match" in stranger.text
    assert feedback(client, match_id, verdict="maybe").status_code == 422
    assert feedback(client, match_id, verdict="accept", reason="x" * 2001).status_code == 422
    assert feedback(client, 99999, verdict="accept").status_code == 404
    assert client.get("/api/v1/matches/99999").status_code == 404
    assert client.get("/api/v1/matches", params={"opportunity_id": 99999}).status_code == 404
    assert client.get("/api/v1/matches", params={"state": "won"}).status_code == 422
    stored = client.get(f"/api/v1/matches/{match_id}").json()
    assert stored["decisions"] == [] and stored["state"] == "proposed"


def test_matches_and_search_never_show_restricted_detail(
    client: TestClient, ids: dict[str, int]
) -> None:
    rows = found(client, ids["need"])
    records = [client.get(f"/api/v1/matches/{row['match_id']}").json() for row in rows]
    hits = client.get("/api/v1/search", params={"q": "solar mango dryer"}).json()
    for body in (rows, records, hits):
        text = json.dumps(body, ensure_ascii=False)
        assert "Royalty" not in text and "Zhang" not in text and "Budget" not in text


def test_search_ranks_live_records_across_languages(
    client: TestClient, ids: dict[str, int]
) -> None:
    hits = client.get("/api/v1/search", params={"q": "solar dryer for mango growers"}).json()
    assert {hit["opportunity_id"] for hit in hits[:3]} == set(ids.values())
    assert "solar dryer" in [term.casefold() for term in hits[0]["matched_terms"]]
    # A Chinese query finds the English need and the Chinese offer; the kind filter holds.
    needs = client.get(
        "/api/v1/search", params={"q": "芒果干燥设备", "kind": "technology_need"}
    ).json()
    assert [hit["opportunity_id"] for hit in needs] == [ids["need"]]
    assert needs[0]["organisation"] == "Meru Mango Growers"
    offers = client.get(
        "/api/v1/search", params={"q": "mango dryer", "lang": "en", "kind": "technology_offer"}
    ).json()
    assert {hit["opportunity_id"] for hit in offers} == {ids["offer_zh"], ids["offer_de"]}


def test_search_refuses_bad_queries_with_the_field_named(
    client: TestClient, ids: dict[str, int]
) -> None:
    assert client.get("/api/v1/search").status_code == 422
    blank = client.get("/api/v1/search", params={"q": "   "})
    assert blank.status_code == 422 and "empty" in blank.text
    assert client.get("/api/v1/search", params={"q": "x" * 2001}).status_code == 422
    language = client.get("/api/v1/search", params={"q": "dryer", "lang": "not a language"})
    assert language.status_code == 422 and "lang" in language.text
    kind = client.get("/api/v1/search", params={"q": "dryer", "kind": "gift"})
    assert kind.status_code == 422


def decided_pairs(platform: Platform, count: int) -> list[Match]:
    """`count` stored matches between fresh needs and offers, with components that differ
    mostly in sector fit, as a promotion office's history might."""
    uow = platform.uow()
    services.create_organisation(
        by=OPERATOR,
        uow=uow,
        data=organisation_data(
            external_id="org-many", name="Many Needs Ltd", country="KEN", website=None
        ),
    )
    side = max(2, int(count**0.5) + 1)
    needs = [
        services.create_opportunity(
            by=OPERATOR,
            uow=uow,
            data=opportunity_data(
                external_id=f"need-{n}",
                kind="technology_need",
                organisation="org-many",
                title=f"Need {n}",
                teaser="A need.",
                trl=None,
                countries=["KEN"],
            ),
        )
        for n in range(side)
    ]
    offers = [
        services.create_opportunity(
            by=OPERATOR,
            uow=uow,
            data=opportunity_data(
                external_id=f"offer-{n}", title=f"Offer {n}", teaser="An offer.", countries=[]
            ),
        )
        for n in range(side)
    ]
    stamp = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    made = []
    for number, (need, offer) in enumerate(itertools.product(needs, offers)):
        if number == count:
            break
        assert need.id is not None and offer.id is not None
        sector, place = (number % 5) / 4, (number % 3) / 2
        components = dict.fromkeys(COMPONENTS, 0.5) | {"isic": sector, "geography": place}
        first, second = sorted((need.id, offer.id))
        made.append(Match(first, second, 60.0, components, 1, stamp, stamp))
    with uow:
        ids = uow.matches.save_many(made)
        uow.commit()
    return [dataclasses.replace(m, id=i) for m, i in zip(made, ids, strict=True)]


def test_learning_from_verdicts_stores_a_new_version_that_later_matches_use(
    platform: Platform, ids: dict[str, int]
) -> None:
    pairs = decided_pairs(platform, 30)
    for match in pairs:
        # The office accepts pairs in the same sector and declines the others.
        accepted = match.components["isic"] >= 0.5
        assert match.id is not None
        give_feedback(
            by=OPERATOR,
            uow=platform.uow(),
            match_id=match.id,
            verdict="accept" if accepted else "decline",
            reason="" if accepted else "different sector",
        )
    before = current_weights(platform.uow())
    dry = learn(by=OPERATOR, uow=platform.uow(), dry_run=True)
    assert not dry.stored and current_weights(platform.uow()) == before
    report = learn(by=OPERATOR, uow=platform.uow())
    assert report.decisions == 30 and report.stored
    assert report.after.version == before.version + 1 == 2
    assert report.agreement_after >= report.agreement_before

    # Sector fit explains every verdict, so its share of the weight grows.
    def isic_share(weights: ScoringWeights) -> float:
        return weights["isic"] / sum(weights.values.values())

    assert isic_share(report.after) > isic_share(report.before)
    assert report.after["geography"] < report.before["geography"]
    assert current_weights(platform.uow()) == report.after
    results = match_and_record(
        by=OPERATOR,
        uow=platform.uow(),
        index=platform.index(),
        opportunity_id=ids["need"],
        today=TEST_DAY,
    ).results
    assert results and all(r.match_id is not None for r in results)
    with platform.uow() as uow:
        stored = uow.matches.for_opportunity(ids["need"])
    assert {m.weights_version for m in stored.values()} == {2}


def test_learning_refuses_too_few_verdicts_and_stores_nothing(
    platform: Platform, ids: dict[str, int]
) -> None:
    pairs = decided_pairs(platform, 4)
    for match in pairs:
        assert match.id is not None
        give_feedback(by=OPERATOR, uow=platform.uow(), match_id=match.id, verdict="accept")
    with pytest.raises(LearningRefused, match="too few"):
        learn(by=OPERATOR, uow=platform.uow())
    assert current_weights(platform.uow()).version == 1


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_cli_records_verdicts_learns_and_searches(
    platform: Platform, ids: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    platform.index_store().rebuild()  # fills the vector cache the commands read
    monkeypatch.setenv("ITPO_DATA_DIR", str(platform.settings.data_dir))
    url = str(platform.settings.database_url)

    def run(*args: str) -> Any:
        return CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)

    rows = json.loads(run("match", str(ids["need"]), "--json").output)
    match_id = rows[0]["match_id"]
    assert rows[0]["state"] == "proposed"
    table = run("match", str(ids["need"]))
    assert table.exit_code == 0 and "proposed" in table.output
    accepted = run("matches", "accept", str(match_id), "--side", str(ids["need"]), "--json")
    assert accepted.exit_code == 0 and json.loads(accepted.output)["state"] == "interested"
    missing = run("matches", "decline", str(match_id))
    assert missing.exit_code == 2 and "--reason" in missing.output
    stranger = run("matches", "accept", str(match_id), "--side", "99999")
    assert stranger.exit_code == 1 and "not part of match" in stranger.output
    listed = json.loads(run("matches", "list", "--state", "interested", "--json").output)
    assert [m["id"] for m in listed["items"]] == [match_id]
    shown = run("matches", "show", str(match_id))
    assert shown.exit_code == 0 and f"owner of {ids['need']}" in shown.output
    refused = run("learn")
    assert refused.exit_code == 1 and "too few" in refused.output
    weights = json.loads(run("weights", "--json").output)
    assert weights["current"]["version"] == 1 and weights["history"] == []
    hits = json.loads(
        run("search", "mango solar dryer", "--kind", "technology_offer", "--json").output
    )
    assert {hit["opportunity_id"] for hit in hits} == {ids["offer_zh"], ids["offer_de"]}
    blank = run("search", "  ")
    assert blank.exit_code == 1 and "empty" in blank.output
    # The tables people read show the same.
    table = run("weights")
    assert table.exit_code == 0 and "version 1" in table.output.lower()
    found = run("search", "mango solar dryer", "--kind", "technology_offer")
    assert found.exit_code == 0 and "Kassel" in found.output


def test_currency_rates_come_from_the_settings(platform: Platform) -> None:
    platform.settings.currency_rates = {"KES": 0.0077}
    rates = platform.rates()
    assert rates["KES"] == 0.0077 and rates["USD"] == 1.0 and "EUR" in rates


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_bad_currency_rate_setting_is_one_clear_line(
    platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ITPO_CURRENCY_RATES", '{"KES": -1}')
    result = CliRunner().invoke(
        cli, ["--db", str(platform.settings.database_url), "weights"], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert "ITPO_CURRENCY_RATES" in result.output and "positive" in result.output


def test_cached_answers_are_reused_and_a_decline_shows_at_once(
    platform: Platform, ids: dict[str, int]
) -> None:
    cache = MatchCache()

    def ask() -> list[int]:
        found = match_and_record(
            by=OPERATOR,
            uow=platform.uow(),
            index=platform.index(),
            opportunity_id=ids["need"],
            today=TEST_DAY,
            cache=cache,
            generation=1,
        ).results
        return [r.opportunity_id for r in found]

    first = ask()
    assert set(first) == {ids["offer_zh"], ids["offer_de"]}
    assert ask() == first and cache.hits == 1  # the same answer, from the cache
    with platform.uow() as uow:
        match = uow.matches.for_opportunity(ids["need"])[ids["offer_de"]]
    assert match.id is not None
    give_feedback(
        by=OPERATOR, uow=platform.uow(), match_id=match.id, verdict="decline", reason="too far"
    )
    assert ask() == [ids["offer_zh"]]


def test_a_renamed_owner_shows_in_the_next_cached_answer(
    platform: Platform, ids: dict[str, int]
) -> None:
    cache = MatchCache(owners_seconds=0)  # owners looked at on every hit

    def owners() -> dict[int, str]:
        found = match_and_record(
            by=OPERATOR,
            uow=platform.uow(),
            index=platform.index(),
            opportunity_id=ids["need"],
            today=TEST_DAY,
            cache=cache,
            generation=1,
        ).results
        return {r.opportunity_id: r.organisation for r in found}

    assert owners()[ids["offer_de"]] == "Kassel Dryers"
    with platform.uow() as uow:
        kassel = uow.opportunities.get(ids["offer_de"])
    assert kassel is not None
    services.update_organisation(
        by=OPERATOR,
        uow=platform.uow(),
        organisation_id=kassel.organisation_id,
        changes={"name": "Kassel Solar Dryers"},
    )
    assert owners()[ids["offer_de"]] == "Kassel Solar Dryers"  # the same generation


def test_the_read_only_answer_is_the_recorded_one_or_none(
    platform: Platform, ids: dict[str, int]
) -> None:
    cache, today = MatchCache(), TEST_DAY
    asked: dict[str, Any] = {
        "uow": platform.uow(),
        "by": OPERATOR,
        "opportunity_id": ids["need"],
        "today": today,
        "cache": cache,
        "generation": 1,
    }
    assert recorded_matches(**asked) is None  # nothing computed yet
    report = match_and_record(index=platform.index(), **asked)
    recorded = report.results
    assert recorded_matches(**asked) == report
    with platform.uow() as uow:
        assert all(r.match_id is not None for r in recorded)
        stored = uow.matches.for_opportunity(ids["need"])
    assert {r.match_id for r in recorded} == {m.id for m in stored.values()}
    # A pair not stored yet (here: deleted) needs a write, which the read-only path leaves.
    with platform.uow() as uow:
        uow.connection.exec_driver_sql("DELETE FROM opportunity_match")
        uow.commit()
    assert recorded_matches(**asked) is None
    assert [
        r.opportunity_id for r in match_and_record(index=platform.index(), **asked).results
    ] == [r.opportunity_id for r in recorded]


def test_viewing_a_pair_from_both_sides_writes_it_once(
    platform: Platform, ids: dict[str, int]
) -> None:
    cache, today = MatchCache(), TEST_DAY
    asked: dict[str, Any] = {
        "uow": platform.uow(),
        "by": OPERATOR,
        "today": today,
        "cache": cache,
        "generation": 1,
    }
    for side in ("need", "offer_zh", "need", "offer_zh"):
        match_and_record(index=platform.index(), opportunity_id=ids[side], **asked)
    # Whatever each side's own view of the pair's score, neither needs a write any more.
    assert recorded_matches(opportunity_id=ids["need"], **asked) is not None
    assert recorded_matches(opportunity_id=ids["offer_zh"], **asked) is not None
