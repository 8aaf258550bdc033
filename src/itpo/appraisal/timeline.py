"""Year indexing and capacity utilisation by phase."""

from __future__ import annotations

import numpy as np

from itpo.appraisal._numeric import FloatArray
from itpo.appraisal.model import Model, Product


def first_operating_year(model: Model) -> int:
    """First year of start-up, or of full production when there is no start-up phase."""
    ph = model.phases
    return ph.startup.start_year if ph.startup is not None else ph.production.start_year


def phase_utilisation(model: Model) -> FloatArray:
    """Default utilisation per year (index 0 = year 1) from the phases."""
    out = np.zeros(model.horizon_years)
    ph = model.phases
    spans = [ph.construction, ph.production] + ([ph.startup] if ph.startup else [])
    for span in spans:
        out[span.start_year - 1 : span.end_year] = span.utilisation
    return out


def operating_mask(model: Model) -> FloatArray:
    """1.0 in start-up and production years, 0.0 otherwise."""
    out = np.zeros(model.horizon_years)
    out[first_operating_year(model) - 1 : model.phases.production.end_year] = 1.0
    return out


def product_utilisation(model: Model, product: Product) -> FloatArray:
    """Utilisation per year for one product: phase defaults with its own overrides."""
    out = phase_utilisation(model) * operating_mask(model)
    for year, u in product.utilisation.items():
        out[year - 1] = u
    return out


def escalation(model: Model, rate: float, from_year: int) -> FloatArray:
    """Index (1+rate)**(year-from_year), 1.0 in from_year and in years before it."""
    years = np.arange(1, model.horizon_years + 1, dtype=np.float64)
    return (1.0 + rate) ** np.maximum(years - from_year, 0.0)
