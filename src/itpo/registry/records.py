"""Turn raw mappings (a file row, a JSON object, an API body) into valid records, or say why not."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields as dataclass_fields
from typing import Any

from itpo.registry.errors import FieldError, ValidationError
from itpo.registry.fields import OPPORTUNITY_FIELDS, ORGANISATION_FIELDS, FieldProblem, FieldSpec
from itpo.registry.model import (
    KINDS_WITH_MIN_TRL,
    KINDS_WITH_TRL,
    Condition,
    Disclosure,
    Opportunity,
    Organisation,
    Status,
)

# Keys a file or body may carry that are computed, not set: ignored on input so exports re-import.
READ_ONLY_KEYS = frozenset(
    {"id", "created_at", "updated_at", "direction", "organisation_name", "organisation_id"}
)


def parse_fields(
    specs: tuple[FieldSpec, ...], data: Mapping[str, Any], *, partial: bool = False
) -> tuple[dict[str, Any], list[FieldError]]:
    """Parse every declared field, collecting all problems rather than stopping at the first."""
    known = {spec.name for spec in specs}
    errors = [
        FieldError(str(key), "unknown field")
        for key in data
        if key not in known and key not in READ_ONLY_KEYS
    ]
    values: dict[str, Any] = {}
    for spec in specs:
        if partial and spec.name not in data:
            continue
        try:
            value = spec.parse(data.get(spec.name))
        except FieldProblem as problem:
            errors.append(FieldError(spec.name, str(problem)))
            continue
        if spec.required and (value is None or value == []):
            errors.append(FieldError(spec.name, "is required"))
        values[spec.name] = value
    return values, errors


def organisation_from(data: Mapping[str, Any]) -> Organisation:
    """A valid organisation from a raw mapping; raises ValidationError naming every bad field."""
    values, errors = parse_fields(ORGANISATION_FIELDS, data)
    if errors:
        raise ValidationError(errors)
    values["description"] = values["description"] or ""
    return Organisation(**values)


def opportunity_values(data: Mapping[str, Any]) -> dict[str, Any]:
    """Parsed opportunity fields, the organisation still a reference; raises ValidationError
    with every problem, the rules between fields included."""
    values, errors = opportunity_values_checked(data)
    if errors:
        raise ValidationError(errors)
    return values


def opportunity_values_checked(data: Mapping[str, Any]) -> tuple[dict[str, Any], list[FieldError]]:
    """Parsed fields and every problem at once: each field's, and the rules between fields
    over those that parsed, so a form shows all of them in one round."""
    values, errors = parse_fields(OPPORTUNITY_FIELDS, data)
    if errors and values.get("kind") is not None:
        bad = {e.field for e in errors}
        errors.extend(e for e in _rules_over(values) if e.field not in bad)
    return values, errors


def _rules_over(values: Mapping[str, Any]) -> list[FieldError]:
    """The rules between fields, over a record whose other fields may not have parsed (the
    text fields the rules do not read stand in empty)."""
    kept = {
        k: v
        for k, v in values.items()
        if k not in ("organisation", "title", "teaser", "language") and v is not None
    }
    kept.setdefault("disclosure", Disclosure.PUBLIC)
    kept.setdefault("status", Status.DRAFT)
    kept["details"] = kept.get("details") or ""
    try:
        sketch = Opportunity(organisation_id=0, title="", teaser="", language="en", **kept)
    except TypeError:  # a field the rules need did not parse into its type
        return []
    return opportunity_rule_errors(sketch)


def opportunity_from(values: Mapping[str, Any], *, organisation_id: int) -> Opportunity:
    """A valid opportunity from parsed values; raises ValidationError on cross-field rules."""
    kept = {k: v for k, v in values.items() if k != "organisation" and v is not None}
    kept["details"] = kept.get("details") or ""
    kept.setdefault("disclosure", Disclosure.PUBLIC)
    kept.setdefault("status", Status.DRAFT)
    opportunity = Opportunity(organisation_id=organisation_id, **kept)
    errors = opportunity_rule_errors(opportunity)
    if errors:
        raise ValidationError(errors)
    return opportunity


def opportunity_rule_errors(o: Opportunity) -> list[FieldError]:
    """Rules that involve more than one field."""
    errors: list[FieldError] = []
    if o.amount_min is not None and o.amount_max is not None and o.amount_min > o.amount_max:
        errors.append(
            FieldError("amount_min", f"{o.amount_min:g} is above amount_max {o.amount_max:g}")
        )
    has_amount = o.amount_min is not None or o.amount_max is not None
    if has_amount and o.currency is None:
        errors.append(FieldError("currency", "is required when an amount is given"))
    if o.trl is not None and o.kind not in KINDS_WITH_TRL:
        errors.append(
            FieldError("trl", f"applies to offers and projects; use min_trl for a {o.kind.value}")
        )
    if o.min_trl is not None and o.kind not in KINDS_WITH_MIN_TRL:
        errors.append(
            FieldError("min_trl", f"applies to needs and mandates; use trl for a {o.kind.value}")
        )
    errors.extend(condition_errors(o))
    return errors


# What each hard condition holds a counterpart to, which the record must state.
CONDITION_NEEDS: dict[Condition, str] = {
    Condition.MARKETS: "at least one country in countries",
    Condition.COOPERATION: "at least one type in cooperation_types",
    Condition.AMOUNT: "amount_min or amount_max",
}


def _states(o: Opportunity, condition: Condition) -> bool:
    if condition is Condition.MARKETS:
        return bool(o.countries)
    if condition is Condition.COOPERATION:
        return bool(o.cooperation_types)
    return o.amount_min is not None or o.amount_max is not None


def condition_errors(o: Opportunity) -> list[FieldError]:
    """A hard condition holds counterparts to a fact of the record, so the record states it."""
    return [
        FieldError("hard_conditions", f"{c.value} needs {CONDITION_NEEDS[c]}")
        for c in o.hard_conditions
        if not _states(o, c)
    ]


def record_to_mapping(record: Organisation | Opportunity) -> dict[str, Any]:
    """Plain values of a record, in field order, ready for JSON or a spreadsheet row."""
    return {f.name: getattr(record, f.name) for f in dataclass_fields(record)}
