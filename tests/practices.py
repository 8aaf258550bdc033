"""Practice cases for tests: a complete, valid case document, changed where a test says."""

from __future__ import annotations

import copy
from typing import Any

SOLAR_DRYING: dict[str, Any] = {
    "external_id": "case:test-solar-drying",
    "theme": "agro_processing",
    "country": "KEN",
    "city": "Meru",
    "isic_classes": ["1030"],
    "technology_areas": ["green.post_harvest", "green.solar_thermal"],
    "sdgs": [2, 7, 12],
    "year": 2021,
    "partners": ["Meru fruit growers' co-operative"],
    "original_language": "en",
    "texts": {
        "en": {
            "title": "Solar drying cuts mango losses for a fruit co-operative",
            "problem": "A third of the mango harvest rotted before it reached a buyer.",
            "done": "The co-operative installed solar and biomass hybrid dryers for its fruit.",
            "results": "Post-harvest losses fell and dried mango found an export buyer.",
        },
        "zh": {
            "title": "太阳能干燥减少水果合作社的芒果损失",
            "problem": "三分之一的芒果在卖出之前就腐烂了。",
            "done": "合作社安装了太阳能与生物质混合式水果干燥设备。",
            "results": "采后损失下降，芒果干找到了出口买家。",
        },
    },
    "sources": [
        {"citation": "Test source, Solar drying report, 2021", "url": "https://example.org/drying"}
    ],
    "figures": [
        {
            "value": 30,
            "unit": "%",
            "year": 2021,
            "source": 0,
            "label": {"en": "post-harvest losses avoided", "zh": "避免的采后损失"},
        }
    ],
}


def case_data(**changes: Any) -> dict[str, Any]:
    """The solar drying case, with `changes` applied over it."""
    data = copy.deepcopy(SOLAR_DRYING)
    data.update(copy.deepcopy(changes))
    return data
