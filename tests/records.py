"""Small, valid records for tests."""

from __future__ import annotations

from typing import Any


def organisation_data(**changes: Any) -> dict[str, Any]:
    return {
        "external_id": "org-sh-1",
        "name": "Pudong Solar Agritech",
        "kind": "company",
        "country": "CHN",
        "city": "Shanghai",
        "website": "https://solar-agritech.example",
        "size": "medium",
        "isic_classes": ["2819"],
        "languages": ["zh", "en"],
        "description": "Solar crop dryers.",
    } | changes


def opportunity_data(**changes: Any) -> dict[str, Any]:
    return {
        "external_id": "opp-1",
        "kind": "technology_offer",
        "organisation": "org-sh-1",
        "title": "Solar tunnel dryer for mango and cassava",
        "teaser": "A 2 t/day solar tunnel dryer that halves post-harvest losses.",
        "details": "Licence terms on request.",
        "language": "en",
        "isic_classes": ["2819", "1030"],
        "technology_areas": ["green.post_harvest"],
        "sdgs": [2, 7],
        "countries": ["KEN", "TZA"],
        "trl": 8,
        "cooperation_types": ["licensing", "supply"],
        "amount_min": 50000,
        "amount_max": 250000,
        "currency": "USD",
        "status": "published",
        "valid_until": "2027-12-31",
    } | changes
