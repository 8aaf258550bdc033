"""Model documents for the appraisal tests: the packaged example with risk and green blocks."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

_TEXT = (
    resources.files("itpo.appraisal")
    .joinpath("examples/solar_fruit_drying.json")
    .read_text(encoding="utf-8")
)


def example_model(**changes: Any) -> dict[str, Any]:
    """The solar fruit-drying example, with top-level keys replaced by changes."""
    data: dict[str, Any] = json.loads(_TEXT)
    return copy.deepcopy(data) | changes


def full_document() -> dict[str, Any]:
    """The example plus a risk block and a green block (Kenya's grid, a diesel switch)."""
    return example_model(
        risk={
            "sales_price": {"distribution": "pert", "low": 0.8, "mode": 1.0, "high": 1.1},
            "investment_cost": {"distribution": "triangular", "low": 0.95, "mode": 1.0,
                                "high": 1.3},
            "operating_costs": {"distribution": "normal", "mean": 1.0, "sd": 0.05},
        },
        green={
            "country": "KEN", "kwh_generated_intermittent": 90000, "degradation": 0.005,
            "direct_jobs": 28, "women_jobs": 16, "agri_food": True,
            "fuel_switches": [{"baseline_fuel": "diesel", "baseline_tonnes": 20}],
        },
    )  # fmt: skip
