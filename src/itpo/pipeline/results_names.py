"""The names of the results' figures for people, in English: the pages, the annual report and
the command line show them (translated there like any other text)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

MEASURE_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "investment_committed": "Investment committed (USD)",
        "investment_realised": "Investment realised (USD)",
        "technology_transfers": "Technology transfers",
        "jobs_new": "New jobs",
        "jobs_safeguarded": "Jobs safeguarded",
        "tco2_per_year": "tCO2 avoided a year",
    }
)
COUNT_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "deals": "Deals",
        "agreements": "Agreements signed",
        "operational": "Operational",
        "verified": "Verified deals",
    }
)
DIMENSION_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "country": "Country",
        "region": "Region",
        "country_group": "LDC, LLDC and SIDS",
        "isic_section": "Sector (ISIC section)",
        "technology_area": "Technology area",
        "sdg": "SDG",
        "direction": "Direction",
    }
)
FUNNEL_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "proposed": "Matches proposed",
        "introduced": "Introduced",
        "agreement": "Agreement signed",
        "operational": "Operational",
    }
)
STEP_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "introduced_to_negotiating": "Introduced to negotiating",
        "negotiating_to_signed": "Negotiating to signed",
        "signed_to_operational": "Signed to operational",
    }
)
GROUP_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "LDC": "Least developed countries",
        "LLDC": "Landlocked developing countries",
        "SIDS": "Small island developing states",
    }
)
