"""The illustrative demo records as written in ``tools/demo_illustrative.yaml``, read and checked.

Every key of the file is named below with the type it takes; an unknown or missing key, a value
of the wrong type, or a code that the platform's reference data (``itpo.registry.reference``)
does not know stops the build with an error naming the record and the key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from itpo.registry import reference
from itpo.registry.model import (
    Condition,
    CooperationType,
    Disclosure,
    OpportunityKind,
    OrganisationKind,
    OrganisationSize,
    Status,
)

SECTIONS: dict[str, OpportunityKind] = {
    "technology_offers": OpportunityKind.TECHNOLOGY_OFFER,
    "technology_needs": OpportunityKind.TECHNOLOGY_NEED,
    "investment_mandates": OpportunityKind.INVESTMENT_MANDATE,
    "investment_projects": OpportunityKind.INVESTMENT_PROJECT,
}
LANGUAGES = ("en", "zh", "fr")  # the languages the facts sentence is written in
WITH_TRL = {OpportunityKind.TECHNOLOGY_OFFER, OpportunityKind.INVESTMENT_PROJECT}
WITH_MIN_TRL = {OpportunityKind.TECHNOLOGY_NEED, OpportunityKind.INVESTMENT_MANDATE}
CJK = re.compile(r"[\u4e00-\u9fff]")
LANGUAGE_CODE = re.compile(r"[a-z]{2}")


class DataError(Exception):
    """The records file is inconsistent; the message names the record and the key."""


@dataclass(frozen=True)
class Amount:
    low: float
    high: float
    currency: str


@dataclass(frozen=True)
class Organisation:
    external_id: str
    name: str
    kind: str
    country: str
    city: str
    size: str
    isic_classes: tuple[str, ...]
    languages: tuple[str, ...]
    description: str
    website: str = ""


@dataclass(frozen=True)
class Opportunity:
    kind: str
    external_id: str
    organisation: str
    language: str
    title: str
    teaser: str
    details: str  # the hand-written part; the builder adds the facts and the demo sentence
    isic_classes: tuple[str, ...] = ()
    technology_areas: tuple[str, ...] = ()
    sdgs: tuple[int, ...] = ()
    countries: tuple[str, ...] = ()
    trl: int | None = None
    min_trl: int | None = None
    cooperation_types: tuple[str, ...] = ()
    amount: Amount | None = None
    hard_conditions: tuple[str, ...] = ()
    energy_mwh_per_year: float | None = None
    co2_tonnes_per_year: float | None = None
    status: str = Status.PUBLISHED.value
    disclosure: str = Disclosure.PUBLIC.value
    valid_for_days: int | None = None  # None: the builder picks one of its spans


@dataclass(frozen=True)
class Records:
    organisations: list[Organisation]
    opportunities: list[Opportunity]


# ---------------------------------------------------------------------------------------------
# Keys and their types
# ---------------------------------------------------------------------------------------------


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return _is_whole(value) or isinstance(value, float)


def _list_of(check: Callable[[object], bool]) -> Callable[[object], bool]:
    return lambda value: isinstance(value, list) and all(check(v) for v in value)


TEXT = ("a text", _is_text)
TEXTS = ("a list of texts", _list_of(_is_text))
WHOLE = ("a whole number", _is_whole)
WHOLES = ("a list of whole numbers", _list_of(_is_whole))
NUMBER = ("a number", _is_number)
Spec = tuple[str, Callable[[object], bool]]

ORGANISATION_KEYS: dict[str, Spec] = {
    "external_id": TEXT,
    "name": TEXT,
    "kind": TEXT,
    "country": TEXT,
    "city": TEXT,
    "size": TEXT,
    "isic_classes": TEXTS,
    "languages": TEXTS,
    "description": TEXT,
    "website": TEXT,
}
ORGANISATION_OPTIONAL = {"website"}
OPPORTUNITY_KEYS: dict[str, Spec] = {
    "external_id": TEXT,
    "organisation": TEXT,
    "language": TEXT,
    "title": TEXT,
    "teaser": TEXT,
    "details": TEXT,
    "isic_classes": TEXTS,
    "technology_areas": TEXTS,
    "sdgs": WHOLES,
    "countries": TEXTS,
    "trl": WHOLE,
    "min_trl": WHOLE,
    "cooperation_types": TEXTS,
    "amount_min": NUMBER,
    "amount_max": NUMBER,
    "currency": TEXT,
    "hard_conditions": TEXTS,
    "energy_mwh_per_year": NUMBER,
    "co2_tonnes_per_year": NUMBER,
    "status": TEXT,
    "disclosure": TEXT,
    "valid_for_days": WHOLE,
}
OPPORTUNITY_REQUIRED = {"external_id", "organisation", "language", "title", "teaser", "details"}
AMOUNT_KEYS = ("amount_min", "amount_max", "currency")
LISTS = {
    "isic_classes",
    "technology_areas",
    "sdgs",
    "countries",
    "cooperation_types",
    "hard_conditions",
    "languages",
}


def _fields(
    item: object, keys: Mapping[str, Spec], required: set[str], where: str
) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise DataError(f"{where}: expected a mapping of keys to values")
    if isinstance(item.get("external_id"), str):
        where = f"{where} ({item['external_id']})"
    for key, value in item.items():
        if key not in keys:
            raise DataError(f"{where}: unknown key {key!r}")
        description, check = keys[key]
        if not check(value):
            raise DataError(f"{where}: {key} must be {description}, not {value!r}")
    missing = sorted(required - set(item))
    if missing:
        raise DataError(f"{where}: missing {', '.join(missing)}")
    return {k: tuple(v) if k in LISTS else v for k, v in item.items()}


def _organisation(item: object, where: str) -> Organisation:
    required = set(ORGANISATION_KEYS) - ORGANISATION_OPTIONAL
    return Organisation(**_fields(item, ORGANISATION_KEYS, required, where))


def _opportunity(item: object, kind: OpportunityKind, where: str) -> Opportunity:
    fields = _fields(item, OPPORTUNITY_KEYS, OPPORTUNITY_REQUIRED, where)
    stated = [k for k in AMOUNT_KEYS if k in fields]
    if stated and len(stated) != len(AMOUNT_KEYS):
        raise DataError(
            f"{where} ({fields['external_id']}): amount_min, amount_max and currency go together"
        )
    amount = Amount(*(fields.pop(k) for k in AMOUNT_KEYS)) if stated else None
    return Opportunity(kind=kind.value, amount=amount, **fields)


def _items(document: Mapping[str, Any], section: str) -> list[object]:
    items = document.get(section, [])
    if not isinstance(items, list):
        raise DataError(f"{section}: expected a list of records")
    return items


def read_records(path: Path) -> Records:
    """The records of the file, each key checked for its type; codes are checked by `check`."""
    try:
        document = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as error:
        raise DataError(f"{path.name} is not valid YAML: {error}") from None
    if not isinstance(document, dict):
        raise DataError(f"{path.name}: expected organisations and the sections {list(SECTIONS)}")
    unknown = sorted(set(document) - {"organisations", *SECTIONS})
    if unknown:
        raise DataError(f"{path.name}: unknown section {unknown[0]!r}")
    organisations = [
        _organisation(item, f"organisations item {n}")
        for n, item in enumerate(_items(document, "organisations"), start=1)
    ]
    opportunities = [
        _opportunity(item, kind, f"{section} item {n}")
        for section, kind in SECTIONS.items()
        for n, item in enumerate(_items(document, section), start=1)
    ]
    return Records(organisations, opportunities)


# ---------------------------------------------------------------------------------------------
# Codes, against the platform's reference data
# ---------------------------------------------------------------------------------------------


# The reference module also accepts codes in other cases and with spaces; the file writes each
# code as the platform stores it.
def _is_country(code: str) -> bool:
    return code in reference.countries()


def _is_isic_class(code: str) -> bool:
    return code == code.strip() and reference.is_isic_class(code)


def _is_technology_area(code: str) -> bool:
    return code in reference.technology_areas()


def _is_currency(code: str) -> bool:
    return code in reference.currencies()


def _is_language(code: str) -> bool:
    return LANGUAGE_CODE.fullmatch(code) is not None


def _one_of(values: type[StrEnum]) -> tuple[str, Callable[[str], bool]]:
    allowed = [v.value for v in values]
    return f"one of {', '.join(allowed)}", allowed.__contains__


CODES: dict[str, tuple[str, Callable[[str], bool]]] = {
    "country": ("an ISO 3166 alpha-3 country code", _is_country),
    "countries": ("an ISO 3166 alpha-3 country code", _is_country),
    "isic_classes": ("an ISIC Rev.4 class", _is_isic_class),
    "technology_areas": ("a technology area of the platform", _is_technology_area),
    "currency": ("an ISO 4217 currency code", _is_currency),
    "languages": ("a two-letter language code", _is_language),
    "language": (f"one of {', '.join(LANGUAGES)}", LANGUAGES.__contains__),
    "kind": _one_of(OrganisationKind),
    "size": _one_of(OrganisationSize),
    "cooperation_types": _one_of(CooperationType),
    "hard_conditions": _one_of(Condition),
    "status": _one_of(Status),
    "disclosure": _one_of(Disclosure),
}
ORGANISATION_CODES = ("kind", "size", "country", "isic_classes", "languages")
OPPORTUNITY_CODES = (
    "language",
    "isic_classes",
    "countries",
    "technology_areas",
    "cooperation_types",
    "hard_conditions",
    "status",
    "disclosure",
)


def _check_codes(record: Organisation | Opportunity, keys: tuple[str, ...], where: str) -> None:
    for key in keys:
        stated = getattr(record, key)
        what, known = CODES[key]
        for value in stated if isinstance(stated, tuple) else (stated,):
            if not known(value):
                raise DataError(f"{where}: {key}: {value!r} is not {what}")


def check_organisation(o: Organisation) -> None:
    where = f"organisation {o.external_id}"
    if not o.external_id.startswith("demo:org:"):
        raise DataError(f"{where}: external_id must start with 'demo:org:'")
    _check_codes(o, ORGANISATION_CODES, where)


def _check_numbers(p: Opportunity, where: str) -> None:
    if not all(1 <= sdg <= 17 for sdg in p.sdgs):
        raise DataError(f"{where}: sdgs are numbered 1 to 17")
    if p.trl is not None and (p.kind not in WITH_TRL or not 1 <= p.trl <= 9):
        raise DataError(f"{where}: trl is for offers and projects, 1 to 9")
    if p.min_trl is not None and (p.kind not in WITH_MIN_TRL or not 1 <= p.min_trl <= 9):
        raise DataError(f"{where}: min_trl is for needs and mandates, 1 to 9")
    if p.amount is not None:
        if not 0 <= p.amount.low <= p.amount.high:
            raise DataError(f"{where}: amount_min must be at least 0 and at most amount_max")
        what, known = CODES["currency"]
        if not known(p.amount.currency):
            raise DataError(f"{where}: currency: {p.amount.currency!r} is not {what}")


def _check_conditions(p: Opportunity, where: str) -> None:
    stated = {
        Condition.MARKETS.value: ("countries", bool(p.countries)),
        Condition.COOPERATION.value: ("cooperation_types", bool(p.cooperation_types)),
        Condition.AMOUNT.value: ("amount_min, amount_max and currency", p.amount is not None),
    }
    for condition in p.hard_conditions:
        needed, present = stated[condition]
        if not present:
            raise DataError(f"{where}: hard_conditions: {condition} needs {needed}")


def check_opportunity(p: Opportunity, organisations: set[str]) -> None:
    where = f"opportunity {p.external_id}"
    if not p.external_id.startswith("demo:") or p.external_id.startswith("demo:org:"):
        raise DataError(f"{where}: external_id must start with 'demo:' (not 'demo:org:')")
    if p.organisation not in organisations:
        raise DataError(f"{where}: organisation {p.organisation!r} is not in the file")
    _check_codes(p, OPPORTUNITY_CODES, where)
    if (p.language == "zh") != bool(CJK.search(p.title + p.teaser + p.details)):
        raise DataError(f"{where}: language {p.language} does not match the text")
    if len(p.title) > 300 or len(p.teaser) > 2000:
        raise DataError(f"{where}: title (300) or teaser (2000 characters) too long")
    _check_numbers(p, where)
    _check_conditions(p, where)


def check(records: Records) -> None:
    """Stop at the first record that names an unknown code, a missing owner or a repeat."""
    seen: set[str] = set()
    for o in records.organisations:
        check_organisation(o)
        if o.external_id in seen:
            raise DataError(f"organisation {o.external_id}: external_id repeats another record")
        seen.add(o.external_id)
    owners = {o.external_id for o in records.organisations}
    teasers: set[str] = set()
    for p in records.opportunities:
        check_opportunity(p, owners)
        if p.external_id in seen:
            raise DataError(f"opportunity {p.external_id}: external_id repeats another record")
        if p.teaser in teasers:
            raise DataError(f"opportunity {p.external_id}: teaser repeats another record")
        seen.add(p.external_id)
        teasers.add(p.teaser)
