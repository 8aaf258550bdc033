"""The fields of each record, declared as data: parser, rule and help text in one place.

Import files, the Excel template, the API and the docs all read these declarations, so a rule
is written once. Parsers accept both native values (JSON, API) and text (CSV, Excel cells).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

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

LIST_SEPARATOR = ";"
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


class FieldProblem(ValueError):
    """A single value is unacceptable; the message says why in words."""


Parser = Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    parse: Parser
    help: str
    required: bool = False
    allowed: tuple[str, ...] = ()
    is_list: bool = False


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# Control characters other than tab and line breaks: no text of a record holds them, and
# PostgreSQL refuses NUL outright.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def control_problem(value: str) -> str | None:
    """Why a text cannot be kept, when it holds a control character; None when it can."""
    found = _CONTROL.search(value)
    if found is None:
        return None
    return f"holds the control character U+{ord(found.group()):04X}, which no text may hold"


def text(max_length: int) -> Parser:
    def parse(value: Any) -> str | None:
        if _blank(value):
            return None
        if not isinstance(value, str):
            raise FieldProblem(f"must be text, got {type(value).__name__}")
        problem = control_problem(value)
        if problem:
            raise FieldProblem(problem)
        stripped = value.strip()
        if len(stripped) > max_length:
            raise FieldProblem(f"is {len(stripped)} characters long; at most {max_length} allowed")
        return stripped

    return parse


def choice(enum: type[StrEnum]) -> Parser:
    def parse(value: Any) -> StrEnum | None:
        if _blank(value):
            return None
        key = str(value).strip().lower().replace(" ", "_").replace("-", "_")
        try:
            return enum(key)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            raise FieldProblem(f"{value!r} is not one of: {allowed}") from None

    return parse


def _items(value: Any, separators: str) -> list[Any]:
    if _blank(value):
        return []
    if isinstance(value, str):
        parts = re.split(f"[{re.escape(separators)}]", value)
        return [p.strip() for p in parts if p.strip()]
    if isinstance(value, list | tuple):
        return [v.strip() if isinstance(v, str) else v for v in value if not _blank(v)]
    raise FieldProblem(f"must be a list, got {type(value).__name__}")


def unique(items: Sequence[Any]) -> list[Any]:
    return list(dict.fromkeys(items))


def list_of(item: Parser, separators: str = ";,") -> Parser:
    def parse(value: Any) -> list[Any]:
        return unique([item(v) for v in _items(value, separators)])

    return parse


def country_code(value: Any) -> str:
    try:
        return reference.country(str(value)).code
    except reference.UnknownCode:
        raise FieldProblem(f"{value!r} is not an ISO 3166 country code") from None


def isic_class(value: Any) -> str:
    code = str(value).strip()
    if isinstance(value, int) or (code.isdigit() and len(code) == 3):
        code = code.zfill(4)  # spreadsheets drop the leading zero of "0111"
    if not reference.is_isic_class(code):
        raise FieldProblem(f"{value!r} is not an ISIC Rev.4 class (four digits, e.g. 1030)")
    return code


def technology_area(value: Any) -> str:
    code = str(value).strip().lower()
    if not reference.is_technology_area(code):
        raise FieldProblem(f"{value!r} is not a technology area; see `itpo reference areas`")
    return code


def currency_code(value: Any) -> str | None:
    if _blank(value):
        return None
    code = str(value).strip().upper()
    if not reference.is_currency(code):
        raise FieldProblem(f"{value!r} is not an ISO 4217 currency code")
    return code


def language_code(value: Any) -> str | None:
    if _blank(value):
        return None
    code = str(value).strip().lower()
    if not _LANGUAGE.match(code):
        raise FieldProblem(f"{value!r} is not an ISO 639-1 language code (two letters, e.g. en)")
    return code


def website(value: Any) -> str | None:
    url: str | None = text(300)(value)
    if url is not None and not _URL.match(url):
        raise FieldProblem(f"{url!r} is not an http(s) address")
    return url


def integer(low: int, high: int) -> Parser:
    def parse(value: Any) -> int | None:
        if _blank(value):
            return None
        number = _to_number(value)
        if number != int(number):
            raise FieldProblem(f"{value!r} is not a whole number")
        if not low <= number <= high:
            raise FieldProblem(f"{int(number)} is outside {low}-{high}")
        return int(number)

    return parse


def amount(value: Any) -> float | None:
    if _blank(value):
        return None
    number = _to_number(value)
    if number < 0:
        raise FieldProblem(f"{value!r} is negative")
    if number > 1e15:
        raise FieldProblem(f"{value!r} is implausibly large")
    return number


def _to_number(value: Any) -> float:
    if isinstance(value, bool):
        raise FieldProblem(f"{value!r} is not a number")
    if isinstance(value, int | float):
        number = float(value)
    else:
        try:
            number = float(str(value).strip().replace(",", "").replace("_", ""))
        except ValueError:
            raise FieldProblem(f"{value!r} is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise FieldProblem(f"{value!r} is not a finite number")
    return number


def date(value: Any) -> dt.date | None:
    if _blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise FieldProblem(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _enum_values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(e.value for e in enum)


ORGANISATION_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("external_id", text(100), "Stable identifier chosen by the source; re-imports update the record with this id."),
    FieldSpec("name", text(200), "Name of the organisation.", required=True),
    FieldSpec("kind", choice(OrganisationKind), "What the organisation is.", required=True, allowed=_enum_values(OrganisationKind)),
    FieldSpec("country", lambda v: None if _blank(v) else country_code(v), "Country of the head office, ISO 3166 alpha-3 (KEN, CHN).", required=True),
    FieldSpec("city", text(100), "City of the head office."),
    FieldSpec("website", website, "Web address, http(s)."),
    FieldSpec("size", choice(OrganisationSize), "Size class.", allowed=_enum_values(OrganisationSize)),
    FieldSpec("isic_classes", list_of(isic_class), "ISIC Rev.4 classes of its activity, four digits, separated by ';'.", is_list=True),
    FieldSpec("description", text(5000), "What the organisation does."),
    FieldSpec("languages", list_of(lambda v: language_code(v)), "Working languages, ISO 639-1, separated by ';'.", is_list=True),
)  # fmt: skip

OPPORTUNITY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("external_id", text(100), "Stable identifier chosen by the source; re-imports update the record with this id."),
    FieldSpec("kind", choice(OpportunityKind), "What is offered or sought.", required=True, allowed=_enum_values(OpportunityKind)),
    FieldSpec("organisation", text(100), "The organisation's external_id; required (the API also takes organisation_id)."),
    FieldSpec("title", text(300), "Short title.", required=True),
    FieldSpec("teaser", text(2000), "Public summary, shown to anyone once published.", required=True),
    FieldSpec("details", text(20000), "Restricted detail: shown to the owner, officers and introduced counterparts."),
    FieldSpec("language", language_code, "Language of the text, ISO 639-1 (en, zh, fr).", required=True),
    FieldSpec("isic_classes", list_of(isic_class), "ISIC Rev.4 classes, four digits, separated by ';'.", is_list=True),
    FieldSpec("technology_areas", list_of(technology_area), "Technology-area codes, separated by ';'.", is_list=True),
    FieldSpec("sdgs", list_of(integer(1, 17)), "Sustainable Development Goals served, numbers 1-17, separated by ';'.", is_list=True),
    FieldSpec("countries", list_of(country_code), "Location (needs, projects) or target markets (offers, mandates), ISO 3166 alpha-3, separated by ';'.", is_list=True),
    FieldSpec("trl", integer(1, 9), "Technology readiness level 1-9 of an offer or project."),
    FieldSpec("min_trl", integer(1, 9), "Lowest readiness level a need or mandate accepts, 1-9."),
    FieldSpec("cooperation_types", list_of(choice(CooperationType)), "Forms of cooperation sought, separated by ';'.", allowed=_enum_values(CooperationType), is_list=True),
    FieldSpec("amount_min", amount, "Lower end of the amount, in the currency given."),
    FieldSpec("amount_max", amount, "Upper end of the amount, in the currency given."),
    FieldSpec("currency", currency_code, "ISO 4217 currency of the amounts (USD, CNY, EUR)."),
    FieldSpec("hard_conditions", list_of(choice(Condition)), "Terms a counterpart must meet to be matched at all, separated by ';': markets (located in this record's countries), cooperation (accepts one of its cooperation types), amount (its amount range overlaps this one). Any other mismatch only lowers the score.", allowed=_enum_values(Condition), is_list=True),
    FieldSpec("energy_mwh_per_year", amount, "Energy generated or saved, MWh per year."),
    FieldSpec("co2_tonnes_per_year", amount, "CO2 avoided, tonnes per year."),
    FieldSpec("disclosure", choice(Disclosure), "public; anonymous (teaser public, organisation not named); members.", allowed=_enum_values(Disclosure)),
    FieldSpec("status", choice(Status), "draft, in_review, published, expired or closed.", allowed=_enum_values(Status)),
    FieldSpec("valid_until", date, "Last day the record is valid, YYYY-MM-DD."),
)  # fmt: skip
