"""The demo builders in tools/: they reproduce the shipped files, and refuse bad records."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
TOOLS = ROOT / "tools"
DATA_DIR = ROOT / "src" / "itpo" / "demo" / "data"
RAW_DATA_DIR = Path("/work/shared/data")
RAW_PROJECTS = RAW_DATA_DIR / "projects" / "world_bank_projects.json"


def run(script: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(TOOLS / script), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def test_the_illustrative_build_reproduces_the_shipped_file(tmp_path: Path) -> None:
    output = tmp_path / "illustrative.json"
    built = run("build_demo_illustrative.py", "--output", output)
    assert built.returncode == 0, built.stderr
    assert output.read_bytes() == (DATA_DIR / "illustrative.json").read_bytes()


@pytest.mark.skipif(
    not RAW_PROJECTS.is_file(),
    reason=f"the World Bank source projects ({RAW_PROJECTS}) are not on this machine",
)
def test_the_world_bank_build_reproduces_the_shipped_file(tmp_path: Path) -> None:
    output = tmp_path / "world_bank_projects.json"
    built = run("build_demo_projects.py", "--data-dir", RAW_DATA_DIR, "--output", output)
    assert built.returncode == 0, built.stderr
    assert output.read_bytes() == (DATA_DIR / "world_bank_projects.json").read_bytes()


# ---------------------------------------------------------------------------------------------
# A small records file, and what the builder makes of it
# ---------------------------------------------------------------------------------------------

ORGANISATION: dict[str, Any] = {
    "external_id": "demo:org:tana-dryers",
    "name": "Tana Dryers Ltd",
    "kind": "company",
    "country": "KEN",
    "city": "Nairobi",
    "size": "small",
    "isic_classes": ["2819"],
    "languages": ["en"],
    "description": "Makes solar dryers.",
}
OFFER: dict[str, Any] = {
    "external_id": "demo:offer-tana-dryer",
    "organisation": "demo:org:tana-dryers",
    "language": "en",
    "title": "Solar dryer for mango cooperatives",
    "teaser": "Dries a tonne of mango slices a day.",
    "details": "Built and serviced locally.",
    "isic_classes": ["2819"],
    "technology_areas": ["green.solar_thermal"],
    "sdgs": [7, 2],
    "countries": ["KEN", "TZA"],
    "trl": 8,
    "cooperation_types": ["supply"],
    "amount_min": 12000,
    "amount_max": 30000,
    "currency": "USD",
}
EXPIRED: dict[str, Any] = {
    **OFFER,
    "external_id": "demo:offer-tana-old-dryer",
    "teaser": "An earlier dryer.",
    "status": "expired",
    "valid_for_days": -90,
}


def records_file(folder: Path, change: Callable[[dict[str, Any]], None] | None = None) -> Path:
    document = copy.deepcopy(
        {"organisations": [ORGANISATION], "technology_offers": [OFFER, EXPIRED]}
    )
    if change is not None:
        change(document)
    path = folder / "records.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def test_the_builder_adds_the_facts_the_demo_sentence_and_relative_validity(
    tmp_path: Path,
) -> None:
    output = tmp_path / "out.json"
    built = run(
        "build_demo_illustrative.py", "--source", records_file(tmp_path), "--output", output
    )
    assert built.returncode == 0, built.stderr
    document = json.loads(output.read_text("utf-8"))
    [organisation] = document["organisations"]
    assert organisation["description"] == (
        "Makes solar dryers. Illustrative record written for the ITPO Exchange demo."
    )
    offer, expired = document["opportunities"]
    assert offer["details"] == (
        "Built and serviced locally. Target markets: Kenya and Tanzania; readiness TRL 8; "
        "indicative price USD 12,000–30,000; cooperation: supply. "
        "Illustrative record written for the ITPO Exchange demo."
    )
    assert offer["kind"] == "technology_offer"
    assert offer["sdgs"] == [2, 7]
    assert (offer["status"], offer["valid_for_days"]) == ("published", 487)
    assert (expired["status"], expired["valid_for_days"]) == ("expired", -90)
    assert "valid_until" not in offer


def test_the_builder_keeps_the_hard_conditions_a_record_declares(tmp_path: Path) -> None:
    output = tmp_path / "out.json"
    source = records_file(tmp_path, _set(OFFERS, "hard_conditions", ["markets", "amount"]))
    built = run("build_demo_illustrative.py", "--source", source, "--output", output)
    assert built.returncode == 0, built.stderr
    offer, expired = json.loads(output.read_text("utf-8"))["opportunities"]
    assert offer["hard_conditions"] == ["markets", "amount"]
    assert "hard_conditions" not in expired


def _set(section: str, key: str, value: object, index: int = 0) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        document[section][index][key] = value

    return change


def _drop(section: str, key: str) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        del document[section][0][key]

    return change


def _both(*changes: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        for one in changes:
            one(document)

    return change


def _repeat_offer(document: dict[str, Any]) -> None:
    document["technology_offers"].append({**OFFER, "teaser": "Another teaser."})


OFFERS, ORGANISATIONS = "technology_offers", "organisations"
OFFER_ID, EXPIRED_ID, ORG_ID = (
    OFFER["external_id"],
    EXPIRED["external_id"],
    ORGANISATION["external_id"],
)
BAD_RECORDS: dict[str, tuple[Callable[[dict[str, Any]], None], str, str]] = {
    # what is wrong: (the change, the record named, the key or words named)
    "unknown ISIC class": (_set(OFFERS, "isic_classes", ["9999"]), OFFER_ID, "isic_classes"),
    "ISIC class as a number": (_set(OFFERS, "isic_classes", [2819]), OFFER_ID, "isic_classes"),
    "unknown country": (_set(OFFERS, "countries", ["XKX"]), OFFER_ID, "countries"),
    "country in lower case": (_set(OFFERS, "countries", ["ken"]), OFFER_ID, "countries"),
    "unknown technology area": (
        _set(OFFERS, "technology_areas", ["green.cold_fusion"]),
        OFFER_ID,
        "technology_areas",
    ),
    "unknown cooperation type": (
        _set(OFFERS, "cooperation_types", ["barter"]),
        OFFER_ID,
        "cooperation_types",
    ),
    "unknown hard condition": (
        _set(OFFERS, "hard_conditions", ["region"]),
        OFFER_ID,
        "hard_conditions",
    ),
    "markets held without countries": (
        _both(_set(OFFERS, "hard_conditions", ["markets"]), _drop(OFFERS, "countries")),
        OFFER_ID,
        "markets needs countries",
    ),
    "unknown currency": (_set(OFFERS, "currency", "XYZ"), OFFER_ID, "currency"),
    "amount without currency": (_drop(OFFERS, "currency"), OFFER_ID, "currency"),
    "amounts out of order": (_set(OFFERS, "amount_min", 50000), OFFER_ID, "amount_max"),
    "SDG 18": (_set(OFFERS, "sdgs", [18]), OFFER_ID, "sdgs"),
    "readiness on a need's key": (_set(OFFERS, "min_trl", 5), OFFER_ID, "min_trl"),
    "unknown status": (_set(OFFERS, "status", "archived"), OFFER_ID, "status"),
    "misspelt key": (_set(OFFERS, "contries", ["KEN"]), OFFER_ID, "'contries'"),
    "missing teaser": (_drop(OFFERS, "teaser"), OFFER_ID, "teaser"),
    "empty title": (_set(OFFERS, "title", " "), OFFER_ID, "title"),
    "language not matching the text": (_set(OFFERS, "language", "zh"), OFFER_ID, "language"),
    "unknown owner": (_set(OFFERS, "organisation", "demo:org:nobody"), OFFER_ID, "organisation"),
    "repeated external_id": (_repeat_offer, OFFER_ID, "external_id"),
    "external_id outside demo:": (
        _set(OFFERS, "external_id", "offer-tana"),
        "offer-tana",
        "external_id",
    ),
    "expired record with days ahead": (
        _set(OFFERS, "valid_for_days", 90, index=1),
        EXPIRED_ID,
        "valid_for_days",
    ),
    "published record with days past": (
        _set(OFFERS, "valid_for_days", -1),
        OFFER_ID,
        "valid_for_days",
    ),
    "days as text": (_set(OFFERS, "valid_for_days", "90"), OFFER_ID, "valid_for_days"),
    "organisation's country unknown": (_set(ORGANISATIONS, "country", "XKX"), ORG_ID, "country"),
    "organisation's size unknown": (_set(ORGANISATIONS, "size", "huge"), ORG_ID, "size"),
    "organisation's ISIC class unknown": (
        _set(ORGANISATIONS, "isic_classes", ["0000"]),
        ORG_ID,
        "isic_classes",
    ),
}


@pytest.mark.parametrize("problem", BAD_RECORDS, ids=list(BAD_RECORDS))
def test_a_bad_record_stops_the_build_naming_it_and_its_key_and_writes_nothing(
    tmp_path: Path, problem: str
) -> None:
    change, record, named = BAD_RECORDS[problem]
    output = tmp_path / "out.json"
    output.write_text("as before", "utf-8")
    source = records_file(tmp_path, change)
    built = run("build_demo_illustrative.py", "--source", source, "--output", output)
    assert built.returncode == 1, built.stdout
    assert built.stderr.startswith("error: "), built.stderr
    assert record in built.stderr and named in built.stderr, built.stderr
    assert output.read_text("utf-8") == "as before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "records.yaml"]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("organisations: [\n", "not valid YAML"),
        ("- a list\n", "expected organisations"),
        ("organisations: []\noffers: []\n", "unknown section 'offers'"),
        ("organisations: {}\n", "organisations: expected a list"),
        ("organisations: [plain text]\n", "organisations item 1: expected a mapping"),
    ],
    ids=["broken YAML", "not a mapping", "unknown section", "section not a list", "bad item"],
)
def test_a_malformed_records_file_stops_the_build_saying_where(
    tmp_path: Path, text: str, named: str
) -> None:
    source = tmp_path / "records.yaml"
    source.write_text(text, "utf-8")
    built = run("build_demo_illustrative.py", "--source", source, "--output", tmp_path / "o.json")
    assert built.returncode == 1
    assert named in built.stderr, built.stderr
    assert not (tmp_path / "o.json").exists()
