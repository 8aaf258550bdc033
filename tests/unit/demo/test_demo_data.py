"""The demo data set that ``itpo demo`` loads, checked as shipped.

Two files in ``src/itpo/demo/data/``: ``world_bank_projects.json`` (built by
tools/build_demo_projects.py) and ``illustrative.json`` (tools/build_demo_illustrative.py from
tools/demo_illustrative.yaml). Codes are checked with the platform's ``itpo.registry.reference``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from itpo.registry import reference

ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = ROOT / "src" / "itpo" / "demo" / "data"
WORLD_BANK_FILE = DATA_DIR / "world_bank_projects.json"
ILLUSTRATIVE_FILE = DATA_DIR / "illustrative.json"

SENTENCE_EN = "Illustrative record written for the ITPO Exchange demo."
SENTENCE_ZH = "本记录为 ITPO Exchange 演示而编写的示例。"

KINDS = ("technology_offer", "technology_need", "investment_project", "investment_mandate")
ORG_KINDS = {"company", "investor", "public_agency", "research", "ngo", "promotion_agency"}
ORG_SIZES = {"micro", "small", "medium", "large"}
COOPERATION = {
    "licensing",
    "joint_venture",
    "equity",
    "loan",
    "supply",
    "distribution",
    "technical_assistance",
    "joint_rnd",
}
STATUSES = {"draft", "in_review", "published", "expired", "closed"}
DISCLOSURES = {"public", "anonymous", "members"}


@cache
def load(path: Path) -> dict[str, Any]:
    document = json.loads(path.read_text("utf-8"))
    assert isinstance(document, dict)
    return document


def documents() -> dict[str, dict[str, Any]]:
    return {"world_bank": load(WORLD_BANK_FILE), "illustrative": load(ILLUSTRATIVE_FILE)}


def all_opportunities() -> Iterator[dict[str, Any]]:
    for document in documents().values():
        yield from document["opportunities"]


def all_organisations() -> Iterator[dict[str, Any]]:
    for document in documents().values():
        yield from document["organisations"]


# ---------------------------------------------------------------------------------------------
# Shape, counts, identity
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [WORLD_BANK_FILE, ILLUSTRATIVE_FILE], ids=lambda p: p.name)
def test_file_has_the_import_shape_and_names_its_source(path: Path) -> None:
    document = load(path)
    assert set(document) == {"source", "licence", "organisations", "opportunities"}
    assert document["source"].strip()
    assert document["licence"].strip()
    assert isinstance(document["organisations"], list)
    assert isinstance(document["opportunities"], list)


def test_each_kind_has_at_least_60_records_across_both_files() -> None:
    counts = Counter(o["kind"] for o in all_opportunities())
    assert set(counts) == set(KINDS)
    for kind in KINDS:
        assert counts[kind] >= 60, (kind, counts[kind])


def test_illustrative_file_has_the_promised_counts_per_kind() -> None:
    counts = Counter(o["kind"] for o in load(ILLUSTRATIVE_FILE)["opportunities"])
    assert counts["technology_offer"] >= 70
    assert counts["technology_need"] >= 70
    assert counts["investment_mandate"] >= 65
    assert counts["investment_project"] >= 20


def test_world_bank_file_keeps_almost_every_source_project() -> None:
    projects = load(WORLD_BANK_FILE)["opportunities"]
    assert len(projects) >= 490
    assert {p["kind"] for p in projects} == {"investment_project"}
    assert all(re.fullmatch(r"wb:P\d{6}", p["external_id"]) for p in projects)


def test_the_data_set_covers_at_least_60_countries() -> None:
    countries = {c for o in all_opportunities() for c in o.get("countries", [])}
    countries |= {o["country"] for o in all_organisations()}
    assert len(countries) >= 60, len(countries)


def test_external_ids_are_unique_across_both_files() -> None:
    for records in (list(all_organisations()), list(all_opportunities())):
        ids = Counter(r["external_id"] for r in records)
        assert all(ids.values()), "every record has an external_id"
        duplicates = [i for i, n in ids.items() if n > 1]
        assert not duplicates, duplicates[:10]
        assert all(len(i) <= 100 for i in ids)


def test_illustrative_external_ids_start_with_demo() -> None:
    document = load(ILLUSTRATIVE_FILE)
    for record in [*document["organisations"], *document["opportunities"]]:
        assert record["external_id"].startswith("demo:"), record["external_id"]


def test_every_opportunity_names_an_organisation_of_its_file() -> None:
    for name, document in documents().items():
        known = {o["external_id"] for o in document["organisations"]}
        missing = [
            o["external_id"] for o in document["opportunities"] if o["organisation"] not in known
        ]
        assert not missing, (name, missing[:10])


# ---------------------------------------------------------------------------------------------
# Codes and values
# ---------------------------------------------------------------------------------------------


def test_organisation_fields_are_valid() -> None:
    for org in all_organisations():
        where = org["external_id"]
        assert org["name"].strip(), where
        assert len(org["name"]) <= 200, where
        assert org["kind"] in ORG_KINDS, where
        assert re.fullmatch(r"[A-Z]{3}", org["country"]), where
        assert reference.is_country(org["country"]), (where, org["country"])
        assert org.get("size", "small") in ORG_SIZES, where
        assert len(org.get("city", "")) <= 100, where
        assert len(org.get("description", "")) <= 5000, where
        for code in org.get("isic_classes", []):
            assert re.fullmatch(r"\d{4}", code), (where, code)
            assert reference.is_isic_class(code), (where, code)
        for language in org.get("languages", []):
            assert re.fullmatch(r"[a-z]{2}", language), (where, language)


def test_opportunity_codes_are_valid() -> None:
    for opp in all_opportunities():
        where = opp["external_id"]
        assert opp["kind"] in KINDS, where
        assert re.fullmatch(r"[a-z]{2}", opp["language"]), where
        for code in opp.get("isic_classes", []):
            assert re.fullmatch(r"\d{4}", code), (where, code)
            assert reference.is_isic_class(code), (where, code)
        for code in opp.get("countries", []):
            assert re.fullmatch(r"[A-Z]{3}", code), (where, code)
            assert reference.is_country(code), (where, code)
        for area in opp.get("technology_areas", []):
            assert reference.is_technology_area(area), (where, area)
        for sdg in opp.get("sdgs", []):
            assert isinstance(sdg, int), (where, sdg)
            assert 1 <= sdg <= 17, (where, sdg)
        assert set(opp.get("cooperation_types", [])) <= COOPERATION, where
        assert opp.get("status", "draft") in STATUSES, where
        assert opp.get("disclosure", "public") in DISCLOSURES, where
        assert "valid_until" not in opp, (where, "validity is stated relative to the load day")
        assert isinstance(opp["valid_for_days"], int), where


def test_readiness_levels_sit_on_the_right_kinds() -> None:
    for opp in all_opportunities():
        if "trl" in opp:
            assert opp["kind"] in ("technology_offer", "investment_project"), opp["external_id"]
            assert 1 <= opp["trl"] <= 9
        if "min_trl" in opp:
            assert opp["kind"] in ("technology_need", "investment_mandate"), opp["external_id"]
            assert 1 <= opp["min_trl"] <= 9


def test_amounts_are_ordered_and_carry_a_valid_currency() -> None:
    for opp in all_opportunities():
        where = opp["external_id"]
        low, high = opp.get("amount_min"), opp.get("amount_max")
        if low is None and high is None:
            continue
        assert "currency" in opp, where
        assert reference.is_currency(opp["currency"]), where
        assert opp["currency"] == opp["currency"].upper(), where
        if low is not None:
            assert low >= 0, where
        if low is not None and high is not None:
            assert low <= high, where
        for field in ("energy_mwh_per_year", "co2_tonnes_per_year"):
            assert opp.get(field, 0) >= 0, (where, field)


def test_hard_conditions_are_rare_valid_and_backed_by_what_they_need() -> None:
    needs = {"markets": "countries", "cooperation": "cooperation_types", "amount": "amount_max"}
    declaring = [o for o in all_opportunities() if o.get("hard_conditions")]
    assert 1 <= len(declaring) <= 5, [o["external_id"] for o in declaring]
    for opp in declaring:
        assert set(opp["hard_conditions"]) <= set(needs), opp["external_id"]
        for condition in opp["hard_conditions"]:
            assert opp.get(needs[condition]), (opp["external_id"], condition)
    assert not any("hard_conditions" in o for o in load(WORLD_BANK_FILE)["opportunities"])


def test_texts_are_present_and_within_limits() -> None:
    for opp in all_opportunities():
        where = opp["external_id"]
        assert opp["title"].strip(), where
        assert len(opp["title"]) <= 300, where
        assert opp["teaser"].strip(), where
        assert len(opp["teaser"]) <= 2000, where
        assert len(opp.get("details", "")) <= 20000, where


def test_world_bank_projects_cite_their_source() -> None:
    for opp in load(WORLD_BANK_FILE)["opportunities"]:
        assert "Source: World Bank Projects API" in opp["details"], opp["external_id"]
        assert opp["details"].rstrip().endswith("CC BY 4.0"), opp["external_id"]
        if "amount_min" in opp:
            assert opp["currency"] == "USD"
            assert opp["amount_min"] == opp["amount_max"]


# ---------------------------------------------------------------------------------------------
# The illustrative records
# ---------------------------------------------------------------------------------------------


def _starts_or_ends_with(text: str, sentence: str) -> bool:
    text = text.strip()
    return text.startswith(sentence) or text.endswith(sentence)


def test_illustrative_records_carry_the_illustrative_sentence() -> None:
    document = load(ILLUSTRATIVE_FILE)
    for org in document["organisations"]:
        description = org.get("description", "")
        assert _starts_or_ends_with(description, SENTENCE_EN) or _starts_or_ends_with(
            description, SENTENCE_ZH
        ), org["external_id"]
    for opp in document["opportunities"]:
        sentence = SENTENCE_ZH if opp["language"] == "zh" else SENTENCE_EN
        assert _starts_or_ends_with(opp.get("details", ""), sentence), opp["external_id"]


def test_illustrative_records_mix_languages() -> None:
    languages = Counter(o["language"] for o in load(ILLUSTRATIVE_FILE)["opportunities"])
    total = sum(languages.values())
    assert 0.25 <= languages["zh"] / total <= 0.45, languages
    assert languages["fr"] >= 5, languages
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for opp in load(ILLUSTRATIVE_FILE)["opportunities"]:
        is_chinese = bool(cjk.search(opp["title"] + opp["teaser"]))
        assert is_chinese == (opp["language"] == "zh"), opp["external_id"]


def test_illustrative_records_are_distinct() -> None:
    opportunities = load(ILLUSTRATIVE_FILE)["opportunities"]
    for field in ("title", "teaser", "details"):
        values = Counter(o[field] for o in opportunities)
        assert max(values.values()) == 1, field


def test_illustrative_statuses_and_dates_are_consistent() -> None:
    opportunities = load(ILLUSTRATIVE_FILE)["opportunities"]
    statuses = Counter(o["status"] for o in opportunities)
    assert statuses["published"] > len(opportunities) * 0.8
    assert statuses["draft"] + statuses["in_review"] >= 3
    assert statuses["expired"] >= 2
    disclosures = Counter(o["disclosure"] for o in opportunities)
    assert disclosures["public"] > len(opportunities) * 0.8
    assert disclosures["anonymous"] >= 2
    for opp in opportunities:
        if opp["status"] == "expired":
            assert opp["valid_for_days"] < 0, opp["external_id"]
        else:
            assert 365 <= opp["valid_for_days"] <= 730, opp["external_id"]


def test_world_bank_projects_are_valid_for_one_to_two_years_from_loading() -> None:
    for opp in load(WORLD_BANK_FILE)["opportunities"]:
        assert opp["status"] == "published", opp["external_id"]
        assert 365 <= opp["valid_for_days"] <= 730, opp["external_id"]


DEALS_FILE = DATA_DIR / "deals.json"
STEP_KINDS = {"move", "interaction", "evidence", "submit", "verify", "status"}


def test_every_demo_deal_joins_a_shipped_offer_to_a_shipped_need_in_order_of_days() -> None:
    shipped = {
        o["external_id"]: o["kind"]
        for name in (WORLD_BANK_FILE, ILLUSTRATIVE_FILE)
        for o in json.loads(name.read_text("utf-8"))["opportunities"]
    }
    deals = json.loads(DEALS_FILE.read_text("utf-8"))["deals"]
    assert len(deals) >= 5
    for deal in deals:
        assert shipped.get(deal["offer"]) == "technology_offer", deal["offer"]
        assert shipped.get(deal["need"]) == "technology_need", deal["need"]
        days = [deal["opened"], *(step["on"] for step in deal["steps"])]
        assert days == sorted(days, reverse=True), deal["offer"]  # days before the loading
        assert all(len(STEP_KINDS & step.keys()) == 1 for step in deal["steps"]), deal["offer"]
