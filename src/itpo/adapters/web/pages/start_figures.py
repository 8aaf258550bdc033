"""The start page's figures, named in the page's language: the rows of the tables beside its
charts, and what the charts draw (the same numbers)."""

from __future__ import annotations

import json
from typing import Any

from itpo.adapters.web.labels import LABELS
from itpo.adapters.web.pages.browse_common import Names
from itpo.registry.figures import RegistryFigures, Tally

# The longest breakdowns are cut to their largest rows; the table says how many are left.
TOP = 10


def _rows(tallies: tuple[Tally, ...], name: Any, link: str) -> dict[str, Any]:
    shown = tallies[:TOP]
    return {
        "rows": [
            {"code": t.code, "name": name(t.code), "count": t.count, "link": link + t.code}
            for t in shown
        ],
        "more": len(tallies) - len(shown),
    }


def start_figures(figures: RegistryFigures, names: Names) -> dict[str, Any]:
    return {
        "total": figures.total,
        "kinds": [
            {"code": t.code, "name": names.text(LABELS[t.code]), "count": t.count}
            for t in figures.kinds
        ],
        "regions": _rows(figures.regions, names.region, "/opportunities?region="),
        "sectors": _rows(figures.sectors, names.isic, "/opportunities?isic="),
        "countries": _rows(figures.countries, names.country, "/opportunities?country="),
        "country_count": len(figures.countries),
    }


def start_chart_data(figures: RegistryFigures, names: Names) -> str:
    """The charts' numbers as JSON to sit inside a <script> element (no "<" may close it)."""
    data = {
        "kinds": [{"name": names.text(LABELS[t.code]), "value": t.count} for t in figures.kinds],
        "regions": [
            {"name": names.region(t.code), "value": t.count} for t in figures.regions[:TOP]
        ],
        "sectors": [{"name": names.isic(t.code), "value": t.count} for t in figures.sectors[:TOP]],
        "countries": [
            {"name": t.code, "label": names.country(t.code), "value": t.count}
            for t in figures.countries
        ],
        "labels": {"records": names.text("Published opportunities")},
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
