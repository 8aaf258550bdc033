"""Matchmaking end to end: records in the database, the index beside it, explained matches out."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from tests.actors import OPERATOR
from tests.auth import administrator, bearer
from tests.clock import TEST_DAY
from tests.records import opportunity_data, organisation_data

from itpo.adapters.app import create_app
from itpo.adapters.cli import cli
from itpo.adapters.index_store import EncoderSpec
from itpo.bootstrap import Platform
from itpo.matching.service import MatchResult, find_matches
from itpo.matching.terms import generic_keys
from itpo.matching.text import tokenize, words
from itpo.registry import reference, services
from itpo.registry.model import Opportunity

TODAY = TEST_DAY
SECRET = "Royalty floor 4.5 percent, contact Mr Zhang privately"
SECRET_ZH = "许可费下限百分之四点五请私下联系"

ORGANISATIONS = [
    organisation_data(),  # org-sh-1, Pudong Solar Agritech, CHN
    organisation_data(external_id="org-ke-1", name="Meru Mango Growers", country="KEN",
                      city="Meru", isic_classes=["1030"], website=None),
    organisation_data(external_id="org-ke-2", name="Athi River Cement", country="KEN",
                      city="Athi River", isic_classes=["2394"], website=None),
    organisation_data(external_id="org-de-1", name="Kassel Dryers", country="DEU",
                      city="Kassel", website=None),
]  # fmt: skip

OPPORTUNITIES: dict[str, dict[str, Any]] = {
    "offer_zh": opportunity_data(
        external_id="offer-zh", title="太阳能隧道式芒果干燥机",
        teaser="日处理2吨鲜芒果的太阳能隧道干燥机，采后损失减半，适合非洲合作社。",
        language="zh", details=SECRET_ZH + "。" + SECRET, isic_classes=["2819", "1030"],
        countries=["KEN", "TZA"], trl=8, cooperation_types=["licensing", "supply"]),
    "need": opportunity_data(
        external_id="need-ke", kind="technology_need", organisation="org-ke-1",
        title="Solar dryer for mango exporters",
        teaser="A Kenyan mango cooperative needs a solar dryer to cut post-harvest losses.",
        details="Budget approved. " + SECRET, isic_classes=["1030"], countries=["KEN"],
        trl=None, min_trl=6, cooperation_types=["licensing"], amount_min=80000,
        amount_max=200000, sdgs=[2, 12]),
    "cement": opportunity_data(
        external_id="need-cement", kind="technology_need", organisation="org-ke-2",
        title="Lower-clinker cement grinding",
        teaser="A cement plant wants grinding aids to cut clinker and kiln fuel per tonne.",
        details=SECRET, isic_classes=["2394"], technology_areas=[], sdgs=[9, 13],
        countries=["KEN"], trl=None, min_trl=7, cooperation_types=["supply"]),
    "expired": opportunity_data(
        external_id="offer-expired", organisation="org-de-1",
        title="Solar mango dryer for cooperatives",
        teaser="A solar dryer for mango cooperatives that halves post-harvest losses.",
        status="expired", countries=[]),
    "same_org": opportunity_data(
        external_id="offer-same-org", organisation="org-ke-1",
        title="Mango drying racks from a Kenyan cooperative",
        teaser="Solar mango drying racks made by our cooperative.", countries=[]),
    "draft": opportunity_data(
        external_id="need-draft", kind="technology_need", organisation="org-ke-2",
        title="Kiln heat recovery", teaser="Waste heat recovery for a kiln.", status="draft",
        trl=None, countries=["KEN"]),
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


def matches(platform: Platform, opportunity_id: int, top: int = 10) -> list[MatchResult]:
    return find_matches(
        uow=platform.uow(),
        index=platform.index(),
        opportunity_id=opportunity_id,
        today=TODAY,
        top=top,
    )


def record(platform: Platform, opportunity_id: int) -> Opportunity:
    return services.get_opportunity(by=OPERATOR, uow=platform.uow(), opportunity_id=opportunity_id)


def public_text(opportunity: Opportunity) -> str:
    return f"{opportunity.title} {opportunity.teaser}"


def assert_true_of(reason: str, asking: Opportunity, other: Opportunity, home: str) -> None:
    """Each kind of sentence the explanation writes, checked against the two records."""
    if found := re.match(r"Same sector: ISIC (\d{4}) (.+)\.$", reason):
        code = found[1]
        assert code in asking.isic_classes and code in other.isic_classes
        assert reference.isic_entry(code).title_en == found[2]
    elif found := re.match(r"Matching terms: (.+)\.$", reason):
        for word in found[1].split(", "):
            assert word.casefold() in public_text(asking).casefold()
            assert set(tokenize(word, "en")) <= set(tokenize(public_text(other), other.language))
            keys = {w.key for w in words(word, asking.language)}
            assert None not in keys and not keys & generic_keys(asking.language, "deal"), word
    elif found := re.match(r"Market fit: (.+) is one of the .+'s target markets\.$", reason):
        names = {reference.country(code).name_en for code in other.countries}
        assert found[1] in names
        assert found[1] in {reference.country(c).name_en for c in [*asking.countries, home]}
    elif found := re.match(r"Both accept (.+)\.$", reason):
        shared = {t.value.replace("_", " ") for t in asking.cooperation_types}
        shared &= {t.value.replace("_", " ") for t in other.cooperation_types}
        assert set(found[1].split(", ")) <= shared
    elif found := re.match(r"Both contribute to (.+)\.$", reason):
        numbers = {int(n) for n in re.findall(r"SDG (\d+)", found[1])}
        assert numbers and numbers <= set(asking.sdgs) & set(other.sdgs)
    elif found := re.match(
        r"Readiness fits: the .+ is at TRL (\d); the .+ TRL (\d) or more", reason
    ):
        assert (other.trl, asking.min_trl) == (int(found[1]), int(found[2]))
    elif reason.startswith("Amounts fit"):
        assert asking.amount_min is not None and other.amount_min is not None
    elif reason.startswith(("Shared technology areas", "Related technology")):
        assert set(asking.technology_areas) & set(other.technology_areas)
    else:
        raise AssertionError(f"a reason the test does not know how to check: {reason}")


def test_the_english_need_finds_the_chinese_offer_first(
    platform: Platform, ids: dict[str, int]
) -> None:
    found = matches(platform, ids["need"])
    assert found[0].opportunity_id == ids["offer_zh"]
    assert found[0].organisation == "Pudong Solar Agritech"
    assert 0 < found[0].score <= 100
    assert set(found[0].components) >= {"text", "isic", "geography"}


def test_the_chinese_offer_finds_the_english_need_first_and_explains_in_chinese(
    platform: Platform, ids: dict[str, int]
) -> None:
    found = matches(platform, ids["offer_zh"])
    assert found[0].opportunity_id == ids["need"]
    assert any("行业相同" in reason for reason in found[0].reasons)


def test_ineligible_records_never_appear(platform: Platform, ids: dict[str, int]) -> None:
    shown = {m.opportunity_id for m in matches(platform, ids["need"], top=50)}
    assert shown == {ids["offer_zh"]}  # not the expired, same-organisation, need or draft ones


def test_every_reason_is_true_of_the_records_and_no_detail_leaks(
    platform: Platform, ids: dict[str, int]
) -> None:
    asking = record(platform, ids["need"])
    found = matches(platform, ids["need"])
    assert found and all(m.reasons for m in found)
    for match in found:
        other = record(platform, match.opportunity_id)
        for reason in match.reasons:
            assert_true_of(reason, asking, other, "KEN")
        text = json.dumps(match.to_dict(), ensure_ascii=False)
        assert "Royalty" not in text and "Zhang" not in text and SECRET_ZH not in text


def test_a_record_created_after_the_index_was_built_is_matched_without_a_rebuild(
    platform: Platform, ids: dict[str, int]
) -> None:
    assert matches(platform, ids["need"])
    store = platform.index_store()
    encoded = store.encoded
    new = services.create_opportunity(
        by=OPERATOR,
        uow=platform.uow(),
        data=opportunity_data(
            external_id="offer-new",
            organisation="org-de-1",
            title="Solar mango dryer kit",
            teaser="A flat-pack solar dryer kit for mango and pineapple growers.",
            countries=[],
        ),
    )
    assert new.id is not None
    assert new.id in {m.opportunity_id for m in matches(platform, ids["need"])}
    assert store.encoded - encoded == 2  # its one text, once per encoder: no rebuild


def test_an_edited_record_that_is_no_longer_published_leaves_the_matches(
    platform: Platform, ids: dict[str, int]
) -> None:
    assert matches(platform, ids["need"])
    services.update_opportunity(
        by=OPERATOR,
        uow=platform.uow(),
        opportunity_id=ids["offer_zh"],
        changes={"status": "closed"},
    )
    assert matches(platform, ids["need"]) == []


def test_a_rebuild_reuses_every_cached_vector(platform: Platform, ids: dict[str, int]) -> None:
    first = platform.index_store().rebuild()
    assert first.documents == 4 and first.encoded == 8
    assert platform.index_store().rebuild().encoded == 0


def test_the_api_answers_matches_with_reasons_and_refuses_records_not_live(
    platform: Platform, ids: dict[str, int]
) -> None:
    headers = bearer(platform, administrator(platform))
    app = create_app(platform=platform)
    with TestClient(app, raise_server_exceptions=False, headers=headers) as client:
        answer = client.get(f"/api/v1/opportunities/{ids['need']}/matches?top=3")
        assert answer.status_code == 200
        body = answer.json()
        assert body[0]["opportunity_id"] == ids["offer_zh"]
        assert body[0]["kind"] == "technology_offer" and body[0]["reasons"]
        assert set(body[0]) >= {"title", "organisation", "score", "components", "near_miss"}
        assert client.get("/api/v1/opportunities/9999/matches").status_code == 404
        draft = client.get(f"/api/v1/opportunities/{ids['draft']}/matches")
        assert draft.status_code == 409 and "published" in draft.json()["detail"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_cli_prints_a_table_json_and_one_line_errors(
    platform: Platform, ids: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    platform.index_store().rebuild()  # fills the cache the command reads
    monkeypatch.setenv("ITPO_DATA_DIR", str(platform.settings.data_dir))
    url = str(platform.settings.database_url)

    def run(*args: str) -> Any:
        return CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)

    table = run("match", str(ids["need"]))
    assert table.exit_code == 0 and "太阳能隧道式芒果干燥机" in table.output
    rows = json.loads(run("match", str(ids["need"]), "--json", "--top", "1").output)
    assert [row["opportunity_id"] for row in rows] == [ids["offer_zh"]]
    draft = run("match", str(ids["draft"]))
    assert draft.exit_code == 1 and "must be published" in draft.output
    assert len(draft.output.strip().splitlines()) == 1
    assert run("match", "9999").exit_code == 1
    rebuilt = run("index", "rebuild")
    assert rebuilt.exit_code == 0 and "0 texts encoded" in rebuilt.output
