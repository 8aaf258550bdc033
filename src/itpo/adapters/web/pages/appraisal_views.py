"""An appraisal's results as its page shows them, in the page's language: the indicators, the
yearly tables, sensitivity, the Monte Carlo run and the green impact as text, and the numbers
the page's charts draw (the same numbers its tables show beside them).

No routes: a helper of `appraisals.py`. The figures are the reports' own (`reports.content`),
so the page and the PDF cannot differ."""

from __future__ import annotations

import json
import math
from typing import Any

from itpo.adapters.reports import content
from itpo.adapters.web.i18n import translate
from itpo.adapters.web.pages.appraisal_forms import _
from itpo.adapters.web.pages.browse_common import Names
from itpo.appraisal.appraisal import ReturnMeasures
from itpo.appraisal.services import AppraisalResult

# The reports' names of the yearly tables, their rows and the risk drivers, for the catalogue.
REPORT_WORDS = (
    _("Income statement"), _("Cash flow, total capital"), _("Cash flow, equity"),
    _("Sources and uses of funds"), _("Fixed assets and their sale"),
    _("Debt service and break-even"),
    _("Revenue"), _("Variable costs"), _("Fixed costs"), _("Operating margin"),
    _("Depreciation"), _("Operating profit"), _("Interest"), _("Profit before tax"), _("Tax"),
    _("Net profit"), _("Losses carried forward"),
    _("Inflow revenue"), _("Inflow residual value"), _("Outflow investment"),
    _("Outflow working capital"), _("Outflow operating costs"), _("Outflow tax"),
    _("Outflow tax on sale"), _("Net cash flow"), _("Cumulative"),
    _("Net cash flow total capital"), _("Loan drawdown"), _("Interest paid"),
    _("Principal repaid"), _("Net cash flow equity"),
    _("Source equity"), _("Source loans"), _("Source revenue"), _("Source residual value"),
    _("Total sources"), _("Use investment"), _("Use working capital"),
    _("Use operating costs"), _("Use debt service"), _("Use tax"), _("Use tax on sale"),
    _("Total uses"), _("Surplus"), _("Cumulative cash"),
    _("Investment"), _("Replacements"), _("Net book value"), _("Residual value"),
    _("Gain on sale"), _("Tax on sale"), _("DSCR"), _("Break-even utilisation"),
    _("Sales price"), _("Sales quantity"), _("Investment cost"), _("Operating costs"),
    _("Variable costs"), _("Discount rate"), _("base"),
    _("triangular"), _("pert"), _("normal"),
)  # fmt: skip


class Words:
    """Translation in the page's language, and the figures as the reports write them."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, message: str, **values: Any) -> str:
        return translate(self.language, message, **values)

    def years(self, value: float | None) -> str:
        return self(_("not reached")) if value is None else f"{value:.2f}"

    def irr(self, m: ReturnMeasures) -> str:
        if m.irr is not None:
            return content.pct(m.irr)
        if m.irr_ambiguous:
            roots = ", ".join(content.pct(r) for r in m.irr_roots)
            return self(_("ambiguous: roots {roots}"), roots=roots)
        return self(_("none (no rate above -100% makes NPV zero)"))


def indicators(result: AppraisalResult, _: Words) -> list[tuple[str, str, str]]:
    """(indicator, total capital, equity), both NPV conventions named."""
    m, t, e = result.model, result.appraisal.total, result.appraisal.equity
    rate = content.pct(m.discount_rate, 1)
    finance = content.pct(m.finance_rate if m.finance_rate is not None else m.discount_rate, 1)
    reinvest = content.pct(m.reinvest_rate if m.reinvest_rate is not None else m.discount_rate, 1)
    money = content.money
    return [
        (_("NPV at {rate}, first flow at t=0 (project convention)", rate=rate),
         money(t.npv), money(e.npv)),
        (_("NPV at {rate}, first flow at t=1 (spreadsheet NPV() convention)", rate=rate),
         money(t.npv_spreadsheet), money(e.npv_spreadsheet)),
        (_("IRR"), _.irr(t), _.irr(e)),
        (_("MIRR (finance {finance}, reinvestment {reinvest})", finance=finance,
           reinvest=reinvest), content.pct(t.mirr), content.pct(e.mirr)),
        (_("Payback, years"), _.years(t.payback_years), _.years(e.payback_years)),
        (_("Discounted payback at {rate}, years", rate=rate),
         _.years(t.discounted_payback_years), _.years(e.discounted_payback_years)),
    ]  # fmt: skip


def headline(result: AppraisalResult, _: Words) -> list[tuple[str, str]]:
    """The few figures shown first: NPV, IRR, payback, DSCR, break-even, CO2."""
    a, m = result.appraisal, result.model
    shown = [
        (_("NPV ({currency})", currency=m.currency), content.money(a.total.npv)),
        (_("IRR"), _.irr(a.total)),
        (_("Payback, years"), _.years(a.total.payback_years)),
        (_("Minimum DSCR"), content.ratio(a.dscr_min)),
        (_("Break-even utilisation"), content.pct(a.break_even_first_full_year, 1)),
    ]
    if result.green is not None:
        shown.append(
            (_("CO₂ avoided over the life (t)"), f"{result.green.co2_tonnes_lifetime:,.0f}")
        )
    return shown


def others(result: AppraisalResult, _: Words) -> list[tuple[str, str]]:
    a = result.appraisal
    return [
        (_("Minimum DSCR"), content.ratio(a.dscr_min)),
        (_("Break-even capacity utilisation, first full-production year"),
         content.pct(a.break_even_first_full_year, 1)),
    ]  # fmt: skip


def yearly(result: AppraisalResult, _: Words) -> list[dict[str, Any]]:
    """The yearly tables: title, and rows of (name, one cell a year)."""
    return [
        {
            "id": f"table-{number}",
            "title": _(title),
            "rows": [(_(name), [content.cell(name, v) for v in values]) for name, values in rows],
        }
        for number, (title, rows) in enumerate(content.yearly_tables(result))
    ]


def sensitivity(result: AppraisalResult, _: Words) -> list[tuple[str, ...]]:
    """(driver, NPV low, NPV high, sensitivity indicator, switching value)."""
    out: list[tuple[str, ...]] = []
    for row, d in zip(content.sensitivity_rows(result), result.sensitivity.drivers, strict=True):
        switching = row[4]
        if d.switching_value is None:
            switching = _("beyond ±1000%")
        elif d.driver == "discount_rate":
            switching = _("{points} points", points=f"{d.switching_value * 100:+.2f}")
        out.append((_(row[0]), row[1], row[2], row[3], switching))
    return out


def risk_source(result: AppraisalResult, _: Words) -> str:
    """Where the Monte Carlo distributions came from, in a sentence."""
    if result.default_risk:
        return _(
            "The model has no risk block, so the default ranges were drawn; a mean factor other than 1.00 moves expected NPV away from the base case."
        )
    if not result.correlations:
        return _("Distributions from the model's risk block, drawn independently.")
    pairs = ", ".join(
        f"{_(content.DRIVER_LABELS[c.driver_a])} ~ {_(content.DRIVER_LABELS[c.driver_b])} "
        f"{c.coefficient:+.2f}"
        for c in result.correlations
    )
    return _("Distributions from the model's risk block, rank-correlated: {pairs}.", pairs=pairs)


def monte_carlo(result: AppraisalResult, _: Words) -> dict[str, Any] | None:
    mc = result.monte_carlo
    if mc is None:
        return None
    money = content.money
    return {
        "rows": [
            (_("Draws (seed)"), f"{mc.draws:,} ({mc.seed})"),
            (_("Expected NPV"), money(mc.expected_npv)),
            (_("Base-case NPV, for comparison"), money(result.appraisal.total.npv)),
            (_("Standard deviation of NPV"), money(mc.std_npv)),
            (_("P(NPV < 0)"), content.pct(mc.p_negative, 1)),
            (_("P10 / P50 / P90 NPV"), " / ".join(money(v) for v in (mc.p10, mc.p50, mc.p90))),
        ],
        "source": risk_source(result, _),
        "risk": [(_(row[0]), _(row[1]), row[2], row[3]) for row in content.risk_rows(result)],
        "bins": [
            (money(lo), money(hi), count)
            for lo, hi, count in zip(
                mc.histogram_edges[:-1], mc.histogram_edges[1:], mc.histogram_counts, strict=True
            )
        ],
    }


def green(result: AppraisalResult, _: Words) -> list[tuple[str, str]]:
    g = result.green
    if g is None:
        return []
    names = Names(_.language)
    return [
        (_("Grid country"), names.country(result.green_country or "")),
        (_("Grid factor table"), result.grid_table or ""),
        (_("CO₂ avoided, first year, t"), f"{g.co2_tonnes_first_year:,.1f}"),
        (_("CO₂ avoided over the life, t"), f"{g.co2_tonnes_lifetime:,.0f}"),
        (_("Energy saved, GJ a year"), f"{g.energy_saved_gj_per_year:,.0f}"),
        (_("Direct jobs (women)"), f"{g.direct_jobs} ({g.women_jobs})"),
        (_("SDGs served"), "; ".join(names.sdg(n) for n, _name in g.sdgs)),
    ]


def _finite(values: list[float]) -> list[float | None]:
    return [v if math.isfinite(v) else None for v in values]


def chart_data(result: AppraisalResult, _: Words) -> dict[str, Any]:
    """What the page's charts draw, with their names in the page's language."""
    a, s, mc = result.appraisal, result.sensitivity, result.monte_carlo
    steps, lines = content.spider_lines(result)
    return {
        "labels": {
            "net": _("Net cash flow"),
            "cumulative": _("Cumulative"),
            "low": _("Driver at its low value"),
            "high": _("Driver at its high value"),
            "change": _("NPV change from the base case"),
            "npv": _("NPV ({currency})", currency=result.model.currency),
            "draws": _("Draws"),
            "step": _("Change of the driver from its base value"),
        },
        "years": [str(y) for y in a.years],
        "total": {
            "net": _finite(a.cash_flow_total["net_cash_flow"]),
            "cumulative": _finite(a.cash_flow_total["cumulative"]),
        },
        "equity": {
            "net": _finite(a.cash_flow_equity["net_cash_flow_equity"]),
            "cumulative": _finite(a.cash_flow_equity["cumulative"]),
        },
        "tornado": {
            "base": s.base_npv,
            "names": [_(name) for name, _lo, _hi in content.tornado_bars(result)],
            "low": [lo for _name, lo, _hi in content.tornado_bars(result)],
            "high": [hi for _name, _lo, hi in content.tornado_bars(result)],
        },
        "spider": {
            "steps": [_(step) for step in steps],
            "lines": [{"name": _(name), "values": _finite(npvs)} for name, npvs in lines],
        },
        "histogram": None
        if mc is None
        else {
            "edges": mc.histogram_edges,
            "counts": mc.histogram_counts,
            "names": [content.money((lo + hi) / 2) for lo, hi in
                      zip(mc.histogram_edges[:-1], mc.histogram_edges[1:], strict=True)],
        },
    }  # fmt: skip


def result_view(result: AppraisalResult, language: str) -> dict[str, Any]:
    """Everything the results page shows of one appraisal."""
    _ = Words(language)
    m = result.model
    steps, lines = content.spider_lines(result)
    return {
        "name": m.name,
        "currency": m.currency,
        "facts": [
            (_("Currency"), m.currency),
            (_("Horizon"), _("{n} years", n=m.horizon_years)),
            (_("Discount rate"), content.pct(m.discount_rate, 1)),
            (_("Full production"), _("years {start}-{end}", start=m.phases.production.start_year,
                                     end=m.phases.production.end_year)),
        ],
        "headline": headline(result, _),
        "indicators": indicators(result, _),
        "others": others(result, _),
        "years": list(content.year_labels(result)),
        "cash_flow": list(zip(content.year_labels(result),
                              (content.money(v) for v in result.appraisal.cash_flow_total["net_cash_flow"]),
                              (content.money(v) for v in result.appraisal.cash_flow_total["cumulative"]),
                              (content.money(v) for v in result.appraisal.cash_flow_equity["net_cash_flow_equity"]),
                              (content.money(v) for v in result.appraisal.cash_flow_equity["cumulative"]),
                              strict=True)),
        "tables": yearly(result, _),
        "sensitivity": sensitivity(result, _),
        "spider": {
            "steps": [_(step) for step in steps],
            "lines": [(_(name), [content.money(v) for v in npvs]) for name, npvs in lines],
        },
        "monte_carlo": monte_carlo(result, _),
        "green": green(result, _),
        # Inside a <script> element: no "<" may close it, whatever a name holds.
        "chart_data": json.dumps(chart_data(result, _), ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c"),
    }  # fmt: skip
