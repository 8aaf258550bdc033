"""Write the illustrative demo records: ``src/itpo/demo/data/illustrative.json``.

The records are data, written by hand in ``tools/demo_illustrative.yaml`` (YAML keeps long prose
readable): fictional organisations, and their technology offers, technology needs, investment
mandates and investment projects, one section per kind. Their keys are those of the import
format (docs/record-format.md), with two differences:

- ``details`` holds the hand-written text only. The builder adds one sentence of facts from the
  structured keys (places, readiness, amounts, cooperation) in the record's language, then the
  illustrative-record sentence, which it also adds to every organisation's ``description``.
- ``valid_for_days`` replaces ``valid_until``: ``itpo demo`` counts it from the day it loads the
  demo, so the demo never goes stale. Expired records state a negative number; a record that
  states none gets one of seven spans of one to two years, in turn (``VALID_FOR_DAYS``).

Every code is checked against the platform's own reference data (``itpo.registry.reference``:
ISIC Rev.4, ISO 3166 countries, ISO 4217 currencies, technology areas) and its record model; an
invalid code, an unknown key or a missing organisation stops the script and nothing is written.
tests/unit/demo/test_demo_builders.py checks that the build reproduces the shipped file.

Usage (with the project's environment, where ``itpo`` is installed)::

    .venv/bin/python tools/build_demo_illustrative.py [--source YAML] [--output PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from demo_facts import facts_sentence
from demo_records import CJK, DataError, Opportunity, Organisation, Records, check, read_records

from itpo.registry.model import Status

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT / "tools" / "demo_illustrative.yaml"
DEFAULT_OUTPUT = ROOT / "src" / "itpo" / "demo" / "data" / "illustrative.json"

SENTENCE_EN = "Illustrative record written for the ITPO Exchange demo."
SENTENCE_ZH = "本记录为 ITPO Exchange 演示而编写的示例。"

SOURCE = "Illustrative records written for the ITPO Exchange demo (fictional organisations)"
LICENCE = "CC0 1.0: written for the ITPO Exchange demo; any resemblance to real firms is unintended"

# Days from loading, about a year to two years, two months apart, given in this order so that
# neighbouring records in the file expire at different times.
VALID_FOR_DAYS = (487, 609, 426, 548, 365, 730, 670)


def valid_for_days(p: Opportunity, position: int) -> int:
    """The record's own span, or the next of the builder's; only expired records lie before
    the day of loading."""
    days = p.valid_for_days if p.valid_for_days is not None else VALID_FOR_DAYS[position % 7]
    if (p.status == Status.EXPIRED) != (days < 0):
        raise DataError(
            f"opportunity {p.external_id}: valid_for_days is negative for expired records, "
            "and only for them"
        )
    return days


def organisation_record(o: Organisation) -> dict[str, Any]:
    record: dict[str, Any] = {
        "external_id": o.external_id,
        "name": o.name,
        "kind": o.kind,
        "country": o.country,
        "city": o.city,
        "size": o.size,
    }
    if o.website:
        record["website"] = o.website
    if o.isic_classes:
        record["isic_classes"] = list(o.isic_classes)
    chinese = bool(CJK.search(o.description))
    record["description"] = (
        f"{o.description}{SENTENCE_ZH}" if chinese else f"{o.description} {SENTENCE_EN}"
    )
    record["languages"] = list(o.languages)
    return record


def details(p: Opportunity) -> str:
    sentence = SENTENCE_ZH if p.language == "zh" else SENTENCE_EN
    text = " ".join(part for part in (p.details, facts_sentence(p), sentence) if part)
    return text.replace("。 ", "。") if p.language == "zh" else text


def opportunity_record(p: Opportunity, position: int) -> dict[str, Any]:
    record: dict[str, Any] = {
        "external_id": p.external_id,
        "kind": p.kind,
        "organisation": p.organisation,
        "title": p.title,
        "teaser": p.teaser,
        "details": details(p),
        "language": p.language,
    }
    lists = {
        "isic_classes": list(p.isic_classes),
        "technology_areas": list(p.technology_areas),
        "sdgs": sorted(p.sdgs),
        "countries": list(p.countries),
    }
    record.update((key, value) for key, value in lists.items() if value)
    if p.trl is not None:
        record["trl"] = p.trl
    if p.min_trl is not None:
        record["min_trl"] = p.min_trl
    if p.cooperation_types:
        record["cooperation_types"] = list(p.cooperation_types)
    if p.amount is not None:
        record.update(amount_min=p.amount.low, amount_max=p.amount.high, currency=p.amount.currency)
    if p.hard_conditions:
        record["hard_conditions"] = list(p.hard_conditions)
    if p.energy_mwh_per_year is not None:
        record["energy_mwh_per_year"] = p.energy_mwh_per_year
    if p.co2_tonnes_per_year is not None:
        record["co2_tonnes_per_year"] = p.co2_tonnes_per_year
    record["disclosure"] = p.disclosure
    record["status"] = p.status
    record["valid_for_days"] = valid_for_days(p, position)
    return record


def build_document(records: Records) -> dict[str, Any]:
    """The shipped document, in the import format with relative validity."""
    return {
        "source": SOURCE,
        "licence": LICENCE,
        "organisations": [organisation_record(o) for o in records.organisations],
        "opportunities": [
            opportunity_record(p, position) for position, p in enumerate(records.opportunities)
        ],
    }


def write_document(document: dict[str, Any], output: Path) -> None:
    """Compact JSON, written whole or not at all."""
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    text = json.dumps(document, ensure_ascii=False, indent=None, separators=(",", ":"))
    partial.write_text(text + "\n", encoding="utf-8")
    os.replace(partial, output)


def summary(document: dict[str, Any]) -> str:
    opportunities = document["opportunities"]
    kinds = Counter(str(o["kind"]) for o in opportunities)
    languages = Counter(str(o["language"]) for o in opportunities)
    countries = {c for o in opportunities for c in o.get("countries", [])}
    countries |= {str(o["country"]) for o in document["organisations"]}
    return (
        f"{len(document['organisations'])} organisations, {dict(kinds)}, "
        f"languages {dict(languages)}, {len(countries)} countries"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    try:
        records = read_records(args.source)
        check(records)
        document = build_document(records)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    write_document(document, args.output)
    print(f"wrote {args.output}: {summary(document)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
