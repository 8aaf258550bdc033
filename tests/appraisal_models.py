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
            "investment_cost": {
                "distribution": "triangular",
                "low": 0.95,
                "mode": 1.0,
                "high": 1.3,
            },
            "operating_costs": {"distribution": "normal", "mean": 1.0, "sd": 0.05},
        },
        green={
            "country": "KEN",
            "kwh_generated_intermittent": 90000,
            "degradation": 0.005,
            "direct_jobs": 28,
            "women_jobs": 16,
            "agri_food": True,
            "fuel_switches": [{"baseline_fuel": "diesel", "baseline_tonnes": 20}],
        },
    )


GRID_CSV = "country,combined_margin_firm,combined_margin_intermittent,energy_efficiency\n"


def document_with_every_block() -> dict[str, Any]:
    """The full document plus a MACRS asset, correlated drivers and its own grid factors."""
    data = full_document()
    data["investments"][5] |= {
        "depreciation": "schedule",
        "depreciation_schedule": [0.2, 0.32, 0.192, 0.1152, 0.1152, 0.0576],
    }
    data["investments"][3] |= {"depreciation": "macrs_7", "salvage_value": 30000}
    data["tax"]["credit_losses"] = False
    data["risk"]["correlations"] = [
        {"driver_a": "sales_price", "driver_b": "operating_costs", "coefficient": 0.6},
        {"driver_a": "investment_cost", "driver_b": "sales_price", "coefficient": -0.3},
    ]
    data["green"]["grid_factors"] = {
        "source": "Kenya grid study 2024",
        "countries": {
            "KEN": {
                "combined_margin_firm": 420.0,
                "combined_margin_intermittent": 380.0,
                "energy_efficiency": None,
            }
        },
    }
    return data
