"""An appraisal result as plain JSON values: the indicator summary and the full tables."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from itpo.appraisal.appraisal import ReturnMeasures
from itpo.appraisal.montecarlo import Distribution

if TYPE_CHECKING:
    from itpo.appraisal.services import AppraisalResult


def _num(value: float | None) -> float | None:
    # JSON has no NaN or infinity; an undefined indicator is null.
    return value if value is not None and math.isfinite(value) else None


def measures_dict(m: ReturnMeasures) -> dict[str, Any]:
    return {
        "npv_first_flow_at_t0": _num(m.npv),
        "npv_first_flow_at_t1": _num(m.npv_spreadsheet),
        "irr": _num(m.irr),
        "irr_roots": [float(r) for r in m.irr_roots],
        "irr_ambiguous": m.irr_ambiguous,
        "mirr": _num(m.mirr),
        "payback_years": _num(m.payback_years),
        "discounted_payback_years": _num(m.discounted_payback_years),
    }


def distribution_dict(dist: Distribution) -> dict[str, Any]:
    """A distribution as in a model's risk block: its kind and parameters."""
    return {"distribution": type(dist).__name__.lower(), **asdict(dist)}


def distributions(risk: Mapping[str, Distribution]) -> dict[str, dict[str, Any]]:
    return {driver: distribution_dict(dist) for driver, dist in risk.items()}


def summary_of(result: AppraisalResult) -> dict[str, Any]:
    """The indicators worth storing and listing: small, JSON, no yearly tables."""
    a, m = result.appraisal, result.model
    mc = result.monte_carlo
    green = result.green
    return {
        "name": m.name,
        "currency": m.currency,
        "horizon_years": m.horizon_years,
        "discount_rate": m.discount_rate,
        "total_capital": measures_dict(a.total),
        "equity": measures_dict(a.equity),
        "dscr_min": _num(a.dscr_min),
        "break_even_first_full_year": _num(a.break_even_first_full_year),
        "monte_carlo": None
        if mc is None
        else {
            "draws": mc.draws,
            "seed": mc.seed,
            "expected_npv": mc.expected_npv,
            "std_npv": mc.std_npv,
            "p_npv_negative": mc.p_negative,
            "p10": mc.p10,
            "p50": mc.p50,
            "p90": mc.p90,
            "distributions_from": "defaults" if result.default_risk else "model risk block",
            "distributions": distributions(result.risk),
            "correlations": [asdict(c) for c in result.correlations],
        },
        "green": None
        if green is None
        else {
            "country": result.green_country,
            "grid_factor_table": result.grid_table,
            "co2_tonnes_first_year": green.co2_tonnes_first_year,
            "co2_tonnes_lifetime": green.co2_tonnes_lifetime,
            "energy_saved_gj_per_year": green.energy_saved_gj_per_year,
            "direct_jobs": green.direct_jobs,
            "women_jobs": green.women_jobs,
            "sdgs": [n for n, _ in green.sdgs],
        },
    }


def _rows(table: dict[str, list[float]]) -> dict[str, list[float | None]]:
    return {k: [_num(v) for v in values] for k, values in table.items()}


def result_dict(result: AppraisalResult) -> dict[str, Any]:
    """Summary plus yearly tables, sensitivity and the Monte Carlo histogram."""
    a, s, mc = result.appraisal, result.sensitivity, result.monte_carlo
    out = summary_of(result)
    out["years"] = a.years
    out["tables"] = {
        "income_statement": _rows(a.income_statement),
        "cash_flow_total_capital": _rows(a.cash_flow_total),
        "cash_flow_equity": _rows(a.cash_flow_equity),
        "sources_and_uses": _rows(a.sources_and_uses),
        "fixed_assets": _rows(a.fixed_assets),
        "dscr": [_num(v) for v in a.dscr],
        "break_even_utilisation": [_num(v) for v in a.break_even_utilisation],
    }
    out["sensitivity"] = {
        "base_npv": s.base_npv,
        "drivers": [
            {
                "driver": d.driver,
                "sensitivity_indicator": _num(d.sensitivity_indicator),
                "switching_value": _num(d.switching_value),
                "npv_low": d.npv_low,
                "npv_high": d.npv_high,
            }
            for d in s.drivers
        ],
        "spider_steps": s.spider_steps,
        "spider": {k: list(v) for k, v in s.spider.items()},
    }
    if mc is not None:
        out["monte_carlo"]["histogram_edges"] = mc.histogram_edges
        out["monte_carlo"]["histogram_counts"] = mc.histogram_counts
    if result.green is not None:
        out["green"]["co2_tonnes_by_year"] = result.green.co2_tonnes_by_year
    return out
