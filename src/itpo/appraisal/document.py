"""A model document: the financial model plus its optional `risk` and `green` blocks.

The financial part is read by `parse_model`; this module reads the two blocks around it and
reports every problem of all three as one ModelError, each with its field path.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from itpo.appraisal.drivers import DRIVERS
from itpo.appraisal.errors import InvalidInputError, ModelError
from itpo.appraisal.green import IPCC_2006_FUELS, Fuel, FuelSwitch, GreenInputs
from itpo.appraisal.model import Model
from itpo.appraisal.montecarlo import Distribution, Normal, Pert, Triangular

# The parser's field reader gives the same messages in every block of the document.
from itpo.appraisal.parse import _Reader, parse_model

DISTRIBUTIONS = ("triangular", "pert", "normal")
FUELS: tuple[str, ...] = tuple(IPCC_2006_FUELS)


@dataclass(frozen=True)
class GreenBlock:
    """Green-impact inputs and the country whose IFI grid factors apply."""

    country: str
    inputs: GreenInputs


@dataclass(frozen=True)
class ModelDocument:
    """A parsed document: the model, its risk distributions (may be empty), its green block."""

    model: Model
    risk: dict[str, Distribution]
    green: GreenBlock | None


def _distribution(r: _Reader, d: Mapping[str, Any], p: str) -> Distribution:
    kind = r.choice(d, "distribution", f"{p}.distribution", DISTRIBUTIONS)
    if kind == "normal":
        return Normal(r.num(d, "mean", f"{p}.mean"), r.num(d, "sd", f"{p}.sd"))
    low, mode, high = (r.num(d, k, f"{p}.{k}") for k in ("low", "mode", "high"))
    # NaN stands for a value that already failed to read; it needs no second message.
    if not any(math.isnan(v) for v in (low, mode, high)) and not low <= mode <= high:
        r.fail(p, f"needs low <= mode <= high, got {low}, {mode}, {high}")
    return Pert(low, mode, high) if kind == "pert" else Triangular(low, mode, high)


def _risk(r: _Reader, raw: Any) -> dict[str, Distribution]:
    block = r.obj(raw, "risk")
    if block is None:
        return {}
    out: dict[str, Distribution] = {}
    for name in block:
        p = f"risk.{name}"
        driver = next((d for d in DRIVERS if d == name), None)
        if driver is None:
            r.fail(p, f"unknown driver {name!r}; choose from {', '.join(DRIVERS)}")
            continue
        spec = r.obj(block[name], p)
        if spec is not None:
            out[driver] = _distribution(r, spec, p)
    return out


def _fuel(r: _Reader, d: Mapping[str, Any], key: str, p: str, required: bool) -> Fuel | None:
    if d.get(key) is None and not required:
        return None
    value = r.str_(d, key, f"{p}.{key}")
    for fuel in IPCC_2006_FUELS:
        if fuel == value:
            return fuel
    if value:
        r.fail(f"{p}.{key}", f"unknown fuel {value!r}; choose from {', '.join(FUELS)}")
    return None


def _switch(r: _Reader, d: Mapping[str, Any], p: str) -> FuelSwitch:
    baseline = _fuel(r, d, "baseline_fuel", p, required=True)
    return FuelSwitch(
        baseline_fuel=baseline or "diesel",
        baseline_tonnes=r.num(d, "baseline_tonnes", f"{p}.baseline_tonnes"),
        project_fuel=_fuel(r, d, "project_fuel", p, required=False),
        project_tonnes=r.num(d, "project_tonnes", f"{p}.project_tonnes", 0.0),
        non_renewable_fraction=r.num(
            d, "non_renewable_fraction", f"{p}.non_renewable_fraction", 1.0
        ),
    )


def _operating_years(model: Model | None) -> int:
    if model is None:
        return 1
    first = model.phases.startup or model.phases.production
    return max(model.horizon_years - first.start_year + 1, 1)


def _green(r: _Reader, raw: Any, model: Model | None) -> GreenBlock | None:
    d = r.obj(raw, "green")
    if d is None:
        return None
    inputs = GreenInputs(
        operating_years=r.int_(d, "operating_years", "green.operating_years",
                               _operating_years(model)),
        kwh_generated_firm=r.num(d, "kwh_generated_firm", "green.kwh_generated_firm", 0.0),
        kwh_generated_intermittent=r.num(
            d, "kwh_generated_intermittent", "green.kwh_generated_intermittent", 0.0
        ),
        kwh_saved=r.num(d, "kwh_saved", "green.kwh_saved", 0.0),
        fuel_switches=r.items(d, "fuel_switches", "green.fuel_switches",
                              lambda s, p: _switch(r, s, p)),
        degradation=r.num(d, "degradation", "green.degradation", 0.0),
        direct_jobs=r.int_(d, "direct_jobs", "green.direct_jobs", 0),
        women_jobs=r.int_(d, "women_jobs", "green.women_jobs", 0),
        agri_food=r.bool_(d, "agri_food", "green.agri_food", False),
        water=r.bool_(d, "water", "green.water", False),
    )  # fmt: skip
    country = r.str_(d, "country", "green.country")
    return GreenBlock(country.upper(), inputs)


def parse_document(data: Mapping[str, Any]) -> ModelDocument:
    """Model, risk and green blocks, raising one ModelError with every (path, message)."""
    if not isinstance(data, Mapping):
        raise ModelError([("$", f"must be an object, got {type(data).__name__}")])
    errors: list[tuple[str, str]] = []
    model: Model | None = None
    try:
        model = parse_model(data)
    except ModelError as error:
        errors.extend(error.errors)
    r = _Reader()
    risk = _risk(r, data["risk"]) if data.get("risk") is not None else {}
    green = _green(r, data["green"], model) if data.get("green") is not None else None
    errors.extend(r.errors)
    if errors or model is None:
        raise ModelError(errors)
    return ModelDocument(model, risk, green)


def green_error(error: InvalidInputError) -> ModelError:
    """An error of the green assessment, as a model error on the green block's field."""
    field = error.argument.removeprefix("grid.")
    message = str(error).removeprefix(f"{error.argument}: ")
    return ModelError([(f"green.{field}", message)])
