"""What a diagnostic's take-away report says, in English and Chinese, and the spider chart's
geometry that the HTML and the PDF both draw."""

from __future__ import annotations

import math
from collections.abc import Sequence

from itpo.diagnostic.offers import OfferMatch
from itpo.registry.reference import technology_areas

WORDS = {
    "en": {
        "title": "AI and Industry 4.0 readiness diagnostic",
        "taken": "Taken on {day} · sector: {sector} · overall {overall} of 5",
        "draft": "This diagnostic is a draft: not every dimension is answered yet.",
        "scores": "Scores by dimension",
        "block": "Building block",
        "dimension": "Dimension",
        "band": "Band",
        "average": "Average",
        "gaps": "Gaps that matter most",
        "gap": "Band {band} → {target}, weight {weight}, priority {priority}",
        "needs": "Draft technology needs and matching offers",
        "no_offers": "No live offer matches this need yet.",
        "offer": "{title} ({organisation}; shares: {why})",
        "footer": "ITPO Exchange · bands 0-5 · the need drafts await their owner's review.",
    },
    "zh": {
        "title": "人工智能与工业4.0就绪度诊断",
        "taken": "诊断日期 {day} · 行业：{sector} · 总分 {overall} / 5",
        "draft": "本诊断为草稿：尚有维度未作答。",
        "scores": "各维度得分",
        "block": "模块",
        "dimension": "维度",
        "band": "级别",
        "average": "平均",
        "gaps": "最重要的差距",
        "gap": "第 {band} 级 → 第 {target} 级，权重 {weight}，优先度 {priority}",
        "needs": "技术需求草稿及匹配的技术供给",
        "no_offers": "暂无与此需求匹配的在线技术供给。",
        "offer": "{title}（{organisation}；共同点：{why}）",
        "footer": "ITPO Exchange · 0-5 级 · 需求草稿待所有者提交审核。",
    },
}


def words(language: str) -> dict[str, str]:
    return WORDS["zh" if language == "zh" else "en"]


def spider_points(
    bands: Sequence[float], radius: float, cx: float, cy: float, top: float = 5.0
) -> list[tuple[float, float]]:
    """The polygon of the bands on spokes starting at twelve o'clock, clockwise."""
    count = len(bands)
    points = []
    for i, band in enumerate(bands):
        angle = -math.pi / 2 + 2 * math.pi * i / count
        r = radius * band / top
        points.append((round(cx + r * math.cos(angle), 2), round(cy + r * math.sin(angle), 2)))
    return points


def offer_reasons(offer: OfferMatch, language: str) -> str:
    """Why an offer answers a need: the words they share, then the technology areas by name."""
    areas = technology_areas()
    names = [
        (areas[a].name_zh if language == "zh" and areas[a].name_zh else areas[a].name_en)
        if a in areas
        else a
        for a in offer.shared_areas
    ]
    return ", ".join([*offer.hit.matched_terms, *names]) or "–"
