"""What every report shows, as text rows: indicators, yearly tables, risk and green impact.
The HTML, PDF and XLSX writers lay these out; they decide nothing about content."""

from __future__ import annotations

import math
from collections.abc import Sequence

from itpo.appraisal.appraisal import ReturnMeasures
from itpo.appraisal.montecarlo import Distribution, Normal, Pert
from itpo.appraisal.services import AppraisalResult

Row = tuple[str, ...]

DRIVER_LABELS = {
    "sales_price": "Sales price",
    "sales_quantity": "Sales quantity",
    "investment_cost": "Investment cost",
    "operating_costs": "Operating costs",
    "fixed_costs": "Fixed costs",
    "variable_costs": "Variable costs",
    "discount_rate": "Discount rate",
}


def money(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "–"
    return f"{value:,.0f}"


def pct(value: float | None, digits: int = 2) -> str:
    if value is None or not math.isfinite(value):
        return "–"
    return f"{value:.{digits}%}"


def years(value: float | None) -> str:
    return "not reached" if value is None else f"{value:.2f}"


def ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def irr_text(m: ReturnMeasures) -> str:
    """The IRR, or why there is none: never one root picked silently among several."""
    if m.irr is not None:
        return pct(m.irr)
    if m.irr_ambiguous:
        return "ambiguous: roots " + ", ".join(pct(r) for r in m.irr_roots)
    return "none (no rate above -100% makes NPV zero)"


def label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def indicator_rows(result: AppraisalResult) -> list[Row]:
    """(indicator, total capital, equity) rows, naming both NPV conventions."""
    a, m = result.appraisal, result.model
    rate = pct(m.discount_rate, 1)
    finance = pct(m.finance_rate if m.finance_rate is not None else m.discount_rate, 1)
    reinvest = pct(m.reinvest_rate if m.reinvest_rate is not None else m.discount_rate, 1)
    t, e = a.total, a.equity
    return [
        (f"NPV at {rate}, first flow at t=0 (project convention)", money(t.npv), money(e.npv)),
        (
            f"NPV at {rate}, first flow at t=1 (spreadsheet NPV() convention)",
            money(t.npv_spreadsheet),
            money(e.npv_spreadsheet),
        ),
        ("IRR", irr_text(t), irr_text(e)),
        (f"MIRR (finance {finance}, reinvestment {reinvest})", pct(t.mirr), pct(e.mirr)),
        ("Payback, years", years(t.payback_years), years(e.payback_years)),
        (
            f"Discounted payback at {rate}, years",
            years(t.discounted_payback_years),
            years(e.discounted_payback_years),
        ),
    ]


def other_rows(result: AppraisalResult) -> list[Row]:
    a = result.appraisal
    return [
        ("Minimum DSCR", ratio(a.dscr_min)),
        (
            "Break-even capacity utilisation, first full-production year",
            pct(a.break_even_first_full_year, 1),
        ),
    ]


def yearly_tables(result: AppraisalResult) -> list[tuple[str, list[tuple[str, list[float]]]]]:
    """Titled tables of (row label, one value a year)."""
    a = result.appraisal
    dscr = [v if v is not None else math.nan for v in a.dscr]
    be = [v if v is not None else math.nan for v in a.break_even_utilisation]
    return [
        ("Income statement", [(label(k), v) for k, v in a.income_statement.items()]),
        ("Cash flow, total capital", [(label(k), v) for k, v in a.cash_flow_total.items()]),
        ("Cash flow, equity", [(label(k), v) for k, v in a.cash_flow_equity.items()]),
        ("Sources and uses of funds", [(label(k), v) for k, v in a.sources_and_uses.items()]),
        ("Fixed assets and their sale", [(label(k), v) for k, v in a.fixed_assets.items()]),
        ("Debt service and break-even", [("DSCR", dscr), ("Break-even utilisation", be)]),
    ]


def cell(row_label: str, value: float) -> str:
    if row_label in ("DSCR",):
        return ratio(value if math.isfinite(value) else None)
    if row_label == "Break-even utilisation":
        return pct(value if math.isfinite(value) else None, 1)
    return money(value)


def sensitivity_rows(result: AppraisalResult) -> list[Row]:
    """(driver, NPV at -, NPV at +, sensitivity indicator, switching value) rows."""
    out: list[Row] = []
    for d in result.sensitivity.drivers:
        switch = d.switching_value
        if switch is None:
            switching = "beyond ±1000%"
        elif d.driver == "discount_rate":
            switching = f"{switch * 100:+.2f} points"
        else:
            switching = f"{switch:+.1%}"
        si = "–" if d.sensitivity_indicator is None else f"{d.sensitivity_indicator:.2f}"
        out.append((DRIVER_LABELS[d.driver], money(d.npv_low), money(d.npv_high), si, switching))
    return out


def tornado_bars(result: AppraisalResult) -> list[tuple[str, float, float]]:
    return [(DRIVER_LABELS[d], lo, hi) for d, lo, hi in result.sensitivity.tornado]


def spider_lines(result: AppraisalResult) -> tuple[list[str], list[tuple[str, list[float]]]]:
    """Step labels ("-20%" ... "+20%") and, per driver, NPV at each step of its base value."""
    s = result.sensitivity
    steps = [f"{step:+.0%}" if step else "base" for step in s.spider_steps]
    return steps, [(DRIVER_LABELS[d], list(npvs)) for d, npvs in s.spider.items()]


RISK_HEAD = ("Driver", "Distribution", "Parameters", "Mean")


def _mean(dist: Distribution) -> float:
    if isinstance(dist, Normal):
        return dist.mean
    if isinstance(dist, Pert):
        return (dist.low + 4 * dist.mode + dist.high) / 6
    return (dist.low + dist.mode + dist.high) / 3


def _parameters(driver: str, dist: Distribution) -> tuple[str, str]:
    # Multiplicative drivers are factors on the base value; the rate is drawn as a rate.
    is_rate = driver == "discount_rate"
    names = ("mean", "sd") if isinstance(dist, Normal) else ("low", "mode", "high")
    text = ", ".join(f"{n} {_shown(getattr(dist, n), is_rate)}" for n in names)
    unit = "rate" if is_rate else "factor on the base value"
    return f"{unit}: {text}", _shown(_mean(dist), is_rate)


def _shown(value: float, is_rate: bool) -> str:
    return pct(value, 1) if is_rate else f"{value:.2f}"


def risk_source(result: AppraisalResult) -> str:
    """Where the Monte Carlo distributions came from, in a sentence."""
    if result.default_risk:
        return (
            "The model has no risk block, so the default ranges were drawn (see "
            "docs/appraisal.md); a mean factor other than 1.00 moves expected NPV away "
            "from the base case."
        )
    pairs = [
        f"{DRIVER_LABELS[c.driver_a].lower()} ~ {DRIVER_LABELS[c.driver_b].lower()} "
        f"{c.coefficient:+.2f}"
        for c in result.correlations
    ]
    if not pairs:
        return "Distributions from the model's risk block, drawn independently."
    return (
        "Distributions from the model's risk block, with the rank correlations "
        "(Iman-Conover) " + ", ".join(pairs) + "."
    )


def risk_rows(result: AppraisalResult) -> list[Row]:
    """(driver, distribution, parameters, mean) of every distribution the simulation drew."""
    rows: list[Row] = []
    for driver, dist in result.risk.items():
        parameters, mean = _parameters(driver, dist)
        rows.append((DRIVER_LABELS[driver], type(dist).__name__.lower(), parameters, mean))
    return rows


def monte_carlo_rows(result: AppraisalResult) -> list[Row]:
    mc = result.monte_carlo
    if mc is None:
        return []
    return [
        ("Draws (seed)", f"{mc.draws:,} ({mc.seed})"),
        ("Expected NPV", money(mc.expected_npv)),
        ("Base-case NPV, for comparison", money(result.appraisal.total.npv)),
        ("Standard deviation of NPV", money(mc.std_npv)),
        ("P(NPV < 0)", pct(mc.p_negative, 1)),
        ("P10 / P50 / P90 NPV", " / ".join(money(v) for v in (mc.p10, mc.p50, mc.p90))),
    ]


def green_rows(result: AppraisalResult) -> list[Row]:
    g = result.green
    if g is None:
        return []
    return [
        ("Grid country", result.green_country or ""),
        ("Grid factor table", result.grid_table or ""),
        ("CO2 avoided, first year, t", f"{g.co2_tonnes_first_year:,.1f}"),
        ("CO2 avoided over the life, t", f"{g.co2_tonnes_lifetime:,.0f}"),
        ("Energy saved, GJ a year", f"{g.energy_saved_gj_per_year:,.0f}"),
        ("Direct jobs (women)", f"{g.direct_jobs} ({g.women_jobs})"),
        ("SDGs served", "; ".join(f"{n} {name}" for n, name in g.sdgs)),
    ]


def header_rows(result: AppraisalResult) -> list[Row]:
    m = result.model
    phases = m.phases
    return [
        ("Project", m.name),
        ("Currency", m.currency),
        ("Horizon", f"{m.horizon_years} years"),
        ("Construction", f"years {phases.construction.start_year}-{phases.construction.end_year}"),
        ("Full production", f"years {phases.production.start_year}-{phases.production.end_year}"),
        ("Discount rate", pct(m.discount_rate, 1)),
    ]


def year_labels(result: AppraisalResult) -> Sequence[str]:
    return [str(y) for y in result.appraisal.years]
