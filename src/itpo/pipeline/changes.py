"""Changes to a deal as people type them: each field checked, every problem named at once,
and a new deal returned (the one given is left as it was)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from itpo.pipeline.model import FIGURE_NAMES, AgreementType, Deal
from itpo.registry import reference
from itpo.registry.errors import FieldError, ValidationError
from itpo.registry.fields import control_problem

MAX_TITLE = 200
MAX_NOTES = 10_000
MAX_TECHNOLOGY = 300
MAX_AMOUNT = 1e13  # above any single deal's investment, in any currency
MAX_JOBS = 10_000_000
MAX_TCO2 = 1e9
FIGURE_SETS = ("projected", "outcome")

# The fields of a deal people may set, and those set only through their own services
# (stage, status, verification), so a change of fields cannot skip a rule.
DEAL_FIELDS = (
    "title",
    "agreement_type",
    "expected_signing_on",
    "signed_on",
    "operational_on",
    "currency",
    "officer_id",
    "office_id",
    "sdgs",
    "notes",
)
FIGURE_FIELDS = tuple(f"{group}.{name}" for group in FIGURE_SETS for name in FIGURE_NAMES)
SETTABLE = frozenset(DEAL_FIELDS + FIGURE_FIELDS)


def flatten(changes: Mapping[str, Any]) -> dict[str, Any]:
    """`{"outcome": {"jobs_new": 3}}` and `{"outcome.jobs_new": 3}` alike, as the latter."""
    flat: dict[str, Any] = {}
    for name, value in changes.items():
        if name in FIGURE_SETS and isinstance(value, Mapping):
            flat.update({f"{name}.{figure}": v for figure, v in value.items()})
        else:
            flat[name] = value
    return flat


def apply_changes(deal: Deal, changes: Mapping[str, Any], *, today: dt.date) -> Deal:
    """The deal with these changes, or a ValidationError naming every bad field."""
    flat = flatten(changes)
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    figures: dict[str, dict[str, Any]] = {group: {} for group in FIGURE_SETS}
    for name, raw in flat.items():
        if name not in SETTABLE:
            errors.append(FieldError(name, _unknown(name)))
            continue
        try:
            parsed = _PARSERS[name.split(".", 1)[-1]](raw)
        except ValueError as error:
            errors.append(FieldError(name, str(error)))
            continue
        if "." in name:
            group, figure = name.split(".", 1)
            figures[group][figure] = parsed
        else:
            values[name] = parsed
    if errors:
        raise ValidationError(errors)
    for group, given in figures.items():
        if given:
            values[group] = dataclasses.replace(getattr(deal, group), **given)
    changed = dataclasses.replace(deal, **values)
    _check_dates(changed, today)
    return changed


def _check_dates(deal: Deal, today: dt.date) -> None:
    errors: list[FieldError] = []
    for name in ("signed_on", "operational_on"):
        day = getattr(deal, name)
        if day is not None and day > today:
            errors.append(FieldError(name, f"{day.isoformat()} is in the future"))
    if deal.signed_on and deal.operational_on and deal.operational_on < deal.signed_on:
        errors.append(
            FieldError(
                "operational_on",
                f"{deal.operational_on.isoformat()} is before the agreement was signed "
                f"({deal.signed_on.isoformat()})",
            )
        )
    if errors:
        raise ValidationError(errors)


def _unknown(name: str) -> str:
    if name in {"stage", "status", "verification", "verified"}:
        return f"{name} changes through its own action, not as a field"
    return "is not a field of a deal"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(max_length: int, *, required: bool = False) -> Callable[[Any], str | None]:
    def parse(value: Any) -> str | None:
        if _blank(value):
            if required:
                raise ValueError("is required")
            return None
        if not isinstance(value, str):
            raise ValueError(f"must be text, got {type(value).__name__}")
        problem = control_problem(value)
        if problem:
            raise ValueError(problem)
        text = value.strip()
        if len(text) > max_length:
            raise ValueError(f"is {len(text)} characters long; at most {max_length} allowed")
        return text

    return parse


def _notes(value: Any) -> str:
    return _text(MAX_NOTES)(value.replace("\r\n", "\n") if isinstance(value, str) else value) or ""


def _title(value: Any) -> str:
    return _text(MAX_TITLE, required=True)(value) or ""


def _date(value: Any) -> dt.date | None:
    if _blank(value):
        return None
    if isinstance(value, dt.datetime):
        raise ValueError("must be a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"must be a date (YYYY-MM-DD), got {type(value).__name__}")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _number(
    limit: float, *, whole: bool = False, least: float = 0
) -> Callable[[Any], float | int | None]:
    def parse(value: Any) -> float | int | None:
        if _blank(value):
            return None
        if isinstance(value, bool):
            raise ValueError("must be a number")
        try:
            number = float(value.strip().replace(",", "") if isinstance(value, str) else value)
        except (TypeError, ValueError):
            raise ValueError(f"{value!r} is not a number") from None
        if number != number or number in (float("inf"), float("-inf")):
            raise ValueError("must be a finite number")
        if whole and number != int(number):
            raise ValueError(f"must be a whole number, not {value!r}")
        if not least <= number <= limit:
            raise ValueError(f"must be within {least:g}..{limit:g}, got {number:g}")
        return int(number) if whole else number

    return parse


def _agreement_type(value: Any) -> AgreementType | None:
    if _blank(value):
        return None
    try:
        return AgreementType(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(t.value for t in AgreementType)
        raise ValueError(f"{value!r} is not one of: {allowed}") from None


def _currency(value: Any) -> str:
    text = _text(3, required=True)(value) or ""
    if not reference.is_currency(text.upper()):
        raise ValueError(f"{text!r} is not an ISO 4217 currency code")
    return text.upper()


def _identifier(value: Any) -> int | None:
    if _blank(value):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("must be a positive whole number")
    return value


def _sdgs(value: Any) -> list[int]:
    if _blank(value):
        return []
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise ValueError("must be a list of SDG numbers (1-17)")
    goals: list[int] = []
    for item in items:
        number = _identifier(item.strip() if isinstance(item, str) else item)
        if number is None or not 1 <= number <= 17:
            raise ValueError(f"{item!r} is not an SDG number (1-17)")
        goals.append(number)
    return sorted(set(goals))


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "title": _title,
    "agreement_type": _agreement_type,
    "expected_signing_on": _date,
    "signed_on": _date,
    "operational_on": _date,
    "currency": _currency,
    "officer_id": _identifier,
    "office_id": _identifier,
    "sdgs": _sdgs,
    "notes": _notes,
    "investment_committed": _number(MAX_AMOUNT),
    "investment_realised": _number(MAX_AMOUNT),
    "technology": _text(MAX_TECHNOLOGY),
    "technology_trl": _number(9, whole=True, least=1),
    "jobs_new": _number(MAX_JOBS, whole=True),
    "jobs_safeguarded": _number(MAX_JOBS, whole=True),
    "tco2_per_year": _number(MAX_TCO2),
}
