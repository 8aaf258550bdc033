"""The appraisal as one self-contained HTML page: tables and inline SVG charts, no scripts."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from itpo import __version__
from itpo.adapters.reports import content, svg
from itpo.appraisal.services import AppraisalResult

# A yearly table scrolls inside its own box, its row names held at the left; a chart
# shrinks to the page's width.
STYLE = """
body { font-family: sans-serif; margin: 2em auto; max-width: 1100px; padding: 0 1em;
  color: #222; }
h1 { color: #1f4e79; } h2 { color: #1f4e79; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #1f4e79; color: #fff; }
.wide { overflow-x: auto; max-width: 100%; margin: 0.5em 0 1.5em; border: 1px solid #ccc; }
.wide table { margin: 0; border: none; }
.wide td { white-space: nowrap; }
.wide td:first-child, .wide th:first-child { position: sticky; left: 0; background: #fff; }
.wide thead th:first-child { background: #1f4e79; }
.fit { overflow-x: auto; max-width: 100%; }
figure { margin: 1em 0; } svg.chart { max-width: 100%; height: auto; }
.note { color: #666; font-size: 12px; }
"""


def _bare_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    top = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{top}</tr></thead><tbody>{body}</tbody></table>"


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    return f"<div class='fit'>{_bare_table(head, rows)}</div>"


def _yearly(result: AppraisalResult) -> str:
    labels = content.year_labels(result)
    parts = []
    for title, rows in content.yearly_tables(result):
        cells = [[name, *(content.cell(name, v) for v in values)] for name, values in rows]
        parts.append(
            f"<h3>{escape(title)}</h3><div class='wide'>{_bare_table(['', *labels], cells)}</div>"
        )
    return "".join(parts)


def _charts(result: AppraisalResult) -> str:
    a = result.appraisal
    labels = content.year_labels(result)
    flows = a.cash_flow_total["net_cash_flow"]
    parts = [
        svg.cash_flow_chart(
            labels,
            flows,
            a.cash_flow_total["cumulative"],
            f"Net cash flow, total capital ({result.model.currency})",
        ),
        svg.cash_flow_chart(
            labels,
            a.cash_flow_equity["net_cash_flow_equity"],
            a.cash_flow_equity["cumulative"],
            f"Net cash flow, equity ({result.model.currency})",
        ),
    ]
    return "".join(f"<figure>{p}</figure>" for p in parts)


def _figure(chart: str) -> str:
    return f"<figure>{chart}</figure>"


def _risk(result: AppraisalResult) -> str:
    s = result.sensitivity
    parts = [
        "<h2>Sensitivity</h2>",
        "<p class='note'>Each driver moved ±20% of its base value (the discount rate ±2 points); "
        "the sensitivity indicator is the % change in NPV per 1% change of the driver; the "
        "switching value is the change that brings NPV to zero. The spider chart moves every "
        "driver by the same % of its base value (the rate too: +10% of 12% is 13.2%).</p>",
        _table(
            ["Driver", "NPV low", "NPV high", "Sensitivity indicator", "Switching value"],
            content.sensitivity_rows(result),
        ),
        _figure(
            svg.tornado_chart(
                content.tornado_bars(result), s.base_npv, "Tornado: NPV range by driver"
            )
        ),
        _figure(
            svg.spider_chart(
                *content.spider_lines(result),
                "Spider: NPV as each driver changes from its base value",
            )
        ),
    ]
    mc = result.monte_carlo
    if mc is not None:
        parts += [
            "<h2>Monte Carlo simulation</h2>",
            _table(["Measure", "Value"], content.monte_carlo_rows(result)),
            f"<p class='note'>{escape(content.risk_source(result))}</p>",
            _table(content.RISK_HEAD, content.risk_rows(result)),
            "<figure>"
            + svg.histogram_chart(
                mc.histogram_edges, mc.histogram_counts, "Distribution of simulated NPV"
            )
            + "</figure>",
        ]
    return "".join(parts)


def render_html(result: AppraisalResult) -> str:
    """The whole report as one HTML document."""
    title = f"Appraisal: {result.model.name}"
    green = content.green_rows(result)
    sections = [
        f"<h1>{escape(title)}</h1>",
        _table(["", ""], content.header_rows(result)),
        "<h2>Indicators</h2>",
        _table(["Indicator", "Total capital", "Equity"], content.indicator_rows(result)),
        _table(["Indicator", "Value"], content.other_rows(result)),
        "<h2>Cash flows</h2>",
        _charts(result),
        _risk(result),
        ("<h2>Green impact</h2>" + _table(["Measure", "Value"], green)) if green else "",
        "<h2>Yearly tables</h2>",
        _yearly(result),
        f"<p class='note'>ITPO Exchange {escape(__version__)}; COMFAR-style appraisal after "
        "the UNIDO Manual for the Preparation of Industrial Feasibility Studies.</p>",
    ]
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        + "".join(sections)
        + "</body></html>\n"
    )
