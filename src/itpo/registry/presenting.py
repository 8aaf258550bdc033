"""Records as plain dictionaries for people and programs, with the derived fields added."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from itpo.registry.direction import direction
from itpo.registry.model import Opportunity, Organisation
from itpo.registry.records import record_to_mapping


def jsonable(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def organisation_dict(organisation: Organisation) -> dict[str, Any]:
    values = record_to_mapping(organisation)
    return {"id": values.pop("id"), **{k: jsonable(v) for k, v in values.items()}}


def opportunity_dict(
    opportunity: Opportunity, owners: Mapping[int, Organisation], *, home: str
) -> dict[str, Any]:
    """An opportunity with its owner's name and its direction of exchange."""
    mapping = record_to_mapping(opportunity)
    values = {"id": mapping.pop("id"), **{k: jsonable(v) for k, v in mapping.items()}}
    owner = owners.get(opportunity.organisation_id)
    values["organisation_name"] = owner.name if owner else None
    if owner is not None:
        values["direction"] = direction(owner.country, opportunity.countries, home=home).value
    return values
