"""The annual report as one self-contained HTML page: tables and inline SVG charts, no script,
nothing loaded from elsewhere, printable as it is."""

from __future__ import annotations

from html import escape

from itpo import __version__
from itpo.adapters.reports.results_content import ResultsReport, Table, text
from itpo.adapters.reports.results_svg import bar_chart, line_chart

STYLE = """
body { font-family: "Noto Sans", "Noto Sans CJK SC", sans-serif; margin: 2em auto; max-width: 1100px;
  color: #222; padding: 0 1em; }
h1 { color: #1f4e79; } h2 { color: #1f4e79; border-bottom: 1px solid #ccc; margin-top: 1.6em; }
table { border-collapse: collapse; margin: 0.5em 0 0.5em; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #1f4e79; color: #fff; }
.wide { overflow-x: auto; } .note { color: #666; font-size: 12px; }
.highlights li { margin: 0.3em 0; } figure { margin: 1em 0; } svg { max-width: 100%; height: auto; }
"""


def _table(table: Table) -> str:
    top = "".join(f"<th>{escape(h)}</th>" for h in table.head)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in table.rows
    )
    note = f"<p class='note'>{escape(table.note)}</p>" if table.note else ""
    return (
        f"<h2>{escape(table.heading)}</h2><div class='wide'><table><thead><tr>{top}</tr></thead>"
        f"<tbody>{body}</tbody></table></div>{note}"
    )


def render_results_html(report: ResultsReport) -> str:
    lang = report.language
    charts = [
        bar_chart(report.funnel, text(lang, "From match to operation")),
        bar_chart(report.regions, text(lang, "Deals") + " · " + text(lang, "Region"))
        if report.regions
        else "",
        line_chart(report.months, report.monthly, text(lang, "Month by month")),
    ]
    highlights = "".join(f"<li>{escape(line)}</li>" for line in report.highlights)
    methods = "".join(f"<p>{escape(line)}</p>" for line in report.methods)
    tables = "".join(_table(t) for t in report.tables)
    figures = "".join(f"<figure>{chart}</figure>" for chart in charts if chart)
    return (
        f"<!doctype html><html lang='{'zh-Hans' if lang == 'zh' else lang}'><head>"
        f"<meta charset='utf-8'><title>{escape(report.title)}</title><style>{STYLE}</style>"
        f"</head><body><h1>{escape(report.title)}</h1>"
        f"<p class='note'>{escape(report.subtitle)}</p>"
        f"<h2>{escape(text(lang, 'Highlights'))}</h2><ul class='highlights'>{highlights}</ul>"
        f"{figures}{tables}<h2>{escape(text(lang, 'Methods'))}</h2>{methods}"
        f"<p class='note'>ITPO Exchange {escape(__version__)}</p></body></html>"
    )
