"""Diagnostics as plain JSON-ready values, for the API and the command line alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from itpo.diagnostic.offers import NeedOffers
from itpo.diagnostic.progress import Progress
from itpo.diagnostic.questionnaire import questionnaire
from itpo.diagnostic.services import DiagnosticSheet, DiagnosticSummary


def questionnaire_dict() -> dict[str, Any]:
    form = questionnaire()
    return {
        "blocks": [{"id": b.id, "name": {"en": b.name.en, "zh": b.name.zh}} for b in form.blocks],
        "dimensions": [
            {
                "id": d.id,
                "block": d.block,
                "name": {"en": d.name.en, "zh": d.name.zh},
                "help": {"en": d.help.en, "zh": d.help.zh},
                "bands": [{"band": i, "en": b.en, "zh": b.zh} for i, b in enumerate(d.bands)],
                "technology_areas": list(d.technology_areas),
            }
            for d in form.dimensions
        ],
        "sectors": [
            {
                "id": s.id,
                "name": {"en": s.name.en, "zh": s.name.zh},
                "isic_divisions": list(s.isic_divisions),
                "target": s.target,
                "priorities": {
                    k: {"weight": p.weight, "reason": {"en": p.reason.en, "zh": p.reason.zh}}
                    for k, p in s.priorities.items()
                },
            }
            for s in form.sectors
        ],
    }


def sheet_dict(sheet: DiagnosticSheet) -> dict[str, Any]:
    d, s = sheet.diagnostic, sheet.scores
    return {
        "id": d.id,
        "organisation_id": d.organisation_id,
        "organisation": sheet.organisation.name,
        "language": d.language,
        "sector": d.sector,
        "taken_on": d.taken_on,
        "status": d.status.value,
        "answers": d.answers,
        "by": d.by_label,
        "submitted_at": d.submitted_at,
        "overall": s.overall if s else None,
        "blocks": [{"block": b.block, "average": b.average} for b in s.blocks] if s else [],
        "gaps": [
            {
                "dimension": g.dimension.id,
                "band": g.band,
                "target": g.target,
                "weight": g.weight,
                "priority": g.priority,
                "reason": g.reason.in_(d.language),
            }
            for g in s.gaps
        ]
        if s
        else [],
        "needs": [
            {
                "dimension": link.dimension,
                "rank": link.rank,
                "opportunity_id": need.id,
                "title": need.title,
                "status": need.status.value,
            }
            for link, need in sheet.needs
        ],
    }


def summary_dict(s: DiagnosticSummary) -> dict[str, Any]:
    d = s.diagnostic
    return {
        "id": d.id,
        "organisation_id": d.organisation_id,
        "organisation": s.organisation.name,
        "taken_on": d.taken_on,
        "status": d.status.value,
        "sector": d.sector,
        "overall": s.overall,
    }


def progress_dict(p: Progress) -> dict[str, Any]:
    return {
        "organisation_id": p.organisation.id,
        "assessments": [{"id": d.id, "taken_on": d.taken_on} for d in p.assessments],
        "overall": list(p.overall),
        "overall_change": p.overall_change,
        "dimensions": [
            {"dimension": x.dimension.id, "bands": list(x.bands), "change": x.change}
            for x in p.dimensions
        ],
    }


def offers_dict(found: Sequence[NeedOffers]) -> list[dict[str, Any]]:
    return [
        {
            "dimension": item.link.dimension,
            "need_id": item.need.id,
            "title": item.need.title,
            "offers": [
                {**o.hit.to_dict(), "shared_areas": list(o.shared_areas)} for o in item.offers
            ],
            "practice_cases": [c.to_dict(item.need.language) for c in item.cases],
        }
        for item in found
    ]
