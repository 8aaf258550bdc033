"""A model document: the financial model plus its optional `risk` and `green` blocks.

The financial part is read by `parse_model`; this module reads the two blocks around it and
reports every problem of all three as one ModelError, each with its field path.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from itpo.appraisal.drivers import DRIVERS, Driver
from itpo.appraisal.errors import InvalidInputError, ModelError
from itpo.appraisal.green import IPCC_2006_FUELS, Fuel, FuelSwitch, GreenInputs
from itpo.appraisal.grid_table import GridTable, grid_factors_document, read_grid_factors
from itpo.appraisal.model import Model
from itpo.appraisal.montecarlo import (
    Correlation,
    Distribution,
    Normal,
    Pert,
    Triangular,
    correlation_matrix,
    inconsistent_groups,
)

# The parser's field reader gives the same messages in every block of the document.
from itpo.appraisal.parse import _Reader, parse_model

DISTRIBUTIONS = ("triangular", "pert", "normal")
CORRELATIONS = "correlations"  # the key of the risk block's list of correlated pairs
FUELS: tuple[str, ...] = tuple(IPCC_2006_FUELS)


@dataclass(frozen=True)
class GreenBlock:
    """Green-impact inputs and the country whose IFI grid factors apply."""

    country: str
    inputs: GreenInputs
    # The document's own grid-factor table (`green.grid_factors`), replacing the IFI default.
    grid_table: GridTable | None = None


@dataclass(frozen=True)
class ModelDocument:
    """A parsed document: the model, its risk distributions (may be empty), its green block."""

    model: Model
    risk: dict[str, Distribution]
    green: GreenBlock | None
    correlations: tuple[Correlation, ...] = ()


def _distribution(r: _Reader, d: Mapping[str, Any], p: str) -> Distribution:
    kind = r.choice(d, "distribution", f"{p}.distribution", DISTRIBUTIONS)
    if kind == "normal":
        return Normal(r.num(d, "mean", f"{p}.mean"), r.num(d, "sd", f"{p}.sd"))
    low, mode, high = (r.num(d, k, f"{p}.{k}") for k in ("low", "mode", "high"))
    # NaN stands for a value that already failed to read; it needs no second message.
    if not any(math.isnan(v) for v in (low, mode, high)) and not low <= mode <= high:
        r.fail(p, f"needs low <= mode <= high, got {low}, {mode}, {high}")
    return Pert(low, mode, high) if kind == "pert" else Triangular(low, mode, high)


def _risk(r: _Reader, raw: Any) -> tuple[dict[str, Distribution], tuple[Correlation, ...]]:
    block = r.obj(raw, "risk")
    if block is None:
        return {}, ()
    out: dict[str, Distribution] = {}
    for name in block:
        p = f"risk.{name}"
        if name == CORRELATIONS:
            continue
        driver = next((d for d in DRIVERS if d == name), None)
        if driver is None:
            r.fail(p, f"unknown driver {name!r}; choose from {', '.join(DRIVERS)}")
            continue
        spec = r.obj(block[name], p)
        if spec is not None:
            out[driver] = _distribution(r, spec, p)
    if block.get(CORRELATIONS) is None:
        return out, ()
    return out, _correlations(r, block[CORRELATIONS], list(out))


def _declared(r: _Reader, d: Mapping[str, Any], key: str, p: str, names: list[str]) -> Driver:
    value = r.str_(d, key, f"{p}.{key}")
    found = next((n for n in DRIVERS if n == value and n in names), None)
    if value and found is None:
        declared = ", ".join(names) or "none"
        r.fail(
            f"{p}.{key}",
            f"{value!r} has no distribution in the risk block, so it cannot be "
            f"correlated; drivers declared there: {declared}",
        )
    return found or DRIVERS[0]


def _pair(r: _Reader, d: Mapping[str, Any], p: str, names: list[str]) -> Correlation:
    a, b = (_declared(r, d, key, p, names) for key in ("driver_a", "driver_b"))
    coefficient = r.num(d, "coefficient", f"{p}.coefficient")
    if not (math.isnan(coefficient) or -1.0 <= coefficient <= 1.0):
        r.fail(f"{p}.coefficient", f"must be within -1..1, got {coefficient}")
    return Correlation(a, b, coefficient)


def _correlations(r: _Reader, raw: Any, names: list[str]) -> tuple[Correlation, ...]:
    path = f"risk.{CORRELATIONS}"
    before = len(r.errors)
    pairs = r.items({CORRELATIONS: raw}, CORRELATIONS, path, lambda d, p: _pair(r, d, p, names))
    # A field that failed to read holds a placeholder, which must not be compared.
    failed = {p for p, _ in r.errors[before:]}
    seen: dict[frozenset[str], int] = {}
    for i, pair in enumerate(pairs):
        if any(p.startswith(f"{path}[{i}]") for p in failed):
            continue
        key = frozenset((pair.driver_a, pair.driver_b))
        if len(key) == 1:
            r.fail(f"{path}[{i}]", f"names {pair.driver_a} twice; give two different drivers")
        elif key in seen:
            r.fail(
                f"{path}[{i}]",
                f"{pair.driver_a} ~ {pair.driver_b} is already given in {path}[{seen[key]}]",
            )
        seen.setdefault(key, i)
    if len(r.errors) == before:
        _consistent(r, pairs, names)
    return pairs


def _consistent(r: _Reader, pairs: tuple[Correlation, ...], names: list[str]) -> None:
    """Refuse coefficients no joint distribution can have, naming every pair involved."""
    matrix = correlation_matrix(names, pairs)
    row: dict[frozenset[str], int] = {
        frozenset((p.driver_a, p.driver_b)): i for i, p in enumerate(pairs)
    }
    for group in inconsistent_groups(matrix):
        stated = []
        for i, j in itertools.combinations(group, 2):
            where = row.get(frozenset((names[i], names[j])))
            given = f"risk.{CORRELATIONS}[{where}]" if where is not None else "not given, so 0"
            stated.append(f"{names[i]} ~ {names[j]} {matrix[i, j]:g} ({given})")
        r.fail(
            f"risk.{CORRELATIONS}",
            "these coefficients cannot hold together (the correlation "
            "matrix is not positive semi-definite): " + "; ".join(stated),
        )


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
        operating_years=r.int_(
            d, "operating_years", "green.operating_years", _operating_years(model)
        ),
        kwh_generated_firm=r.num(d, "kwh_generated_firm", "green.kwh_generated_firm", 0.0),
        kwh_generated_intermittent=r.num(
            d, "kwh_generated_intermittent", "green.kwh_generated_intermittent", 0.0
        ),
        kwh_saved=r.num(d, "kwh_saved", "green.kwh_saved", 0.0),
        fuel_switches=r.items(
            d, "fuel_switches", "green.fuel_switches", lambda s, p: _switch(r, s, p)
        ),
        degradation=r.num(d, "degradation", "green.degradation", 0.0),
        direct_jobs=r.int_(d, "direct_jobs", "green.direct_jobs", 0),
        women_jobs=r.int_(d, "women_jobs", "green.women_jobs", 0),
        agri_food=r.bool_(d, "agri_food", "green.agri_food", False),
        water=r.bool_(d, "water", "green.water", False),
    )
    country = r.str_(d, "country", "green.country")
    table = None
    if d.get("grid_factors") is not None:
        table = read_grid_factors(r, d["grid_factors"], "green.grid_factors")
    return GreenBlock(country.upper(), inputs, table)


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
    risk, correlations = _risk(r, data["risk"]) if data.get("risk") is not None else ({}, ())
    green = _green(r, data["green"], model) if data.get("green") is not None else None
    errors.extend(r.errors)
    if errors or model is None:
        raise ModelError(errors)
    return ModelDocument(model, risk, green, correlations)


def with_grid_factors(data: Mapping[str, Any], table: GridTable) -> dict[str, Any]:
    """The document with `table` as its green block's grid factors (none without that block)."""
    out = dict(data)
    green = data.get("green")
    if isinstance(green, Mapping):
        out["green"] = {**green, "grid_factors": grid_factors_document(table)}
    return out


def green_error(error: InvalidInputError) -> ModelError:
    """An error of the green assessment, as a model error on the green block's field."""
    field = error.argument.removeprefix("grid.")
    message = str(error).removeprefix(f"{error.argument}: ")
    return ModelError([(f"green.{field}", message)])
