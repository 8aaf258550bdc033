"""A gap's draft technology need, in the diagnostic's language; progress between assessments;
the place left for practice cases."""

from __future__ import annotations

import datetime as dt

from tests.diagnostics import answers

from itpo.diagnostic.model import Diagnostic, DiagnosticStatus
from itpo.diagnostic.needs import need_data
from itpo.diagnostic.progress import progress_of
from itpo.diagnostic.questionnaire import questionnaire
from itpo.diagnostic.scoring import gaps
from itpo.registry.model import Organisation, OrganisationKind

FORM = questionnaire()
FIRM = Organisation(
    name="Adama Cotton Spinning",
    kind=OrganisationKind.COMPANY,
    country="ETH",
    isic_classes=["1311"],
    id=7,
)


def test_a_gap_becomes_a_draft_need_of_the_firm_with_the_dimensions_areas() -> None:
    gap = gaps(answers(1), FORM, FORM.sector("textiles_apparel"))[0]
    data = need_data(gap, FIRM, language="en", sector_name="Textiles", day="2026-11-02")
    assert data["kind"] == "technology_need" and data["status"] == "draft"
    assert data["organisation_id"] == 7 and data["isic_classes"] == ["1311"]
    assert data["countries"] == ["ETH"]
    assert data["technology_areas"] == [
        "ai_manufacturing.supply_chain_analytics",
        "infrastructure.transport_logistics",
    ]
    assert "Adama Cotton Spinning" in data["details"] and "band 1 of 5" in data["details"]
    assert gap.reason.en in data["details"]


def test_a_chinese_diagnostic_drafts_its_need_in_chinese() -> None:
    gap = gaps(answers(1), FORM, FORM.sector("textiles_apparel"))[0]
    data = need_data(gap, FIRM, language="zh", sector_name="纺织服装与皮革", day="2026-11-02")
    assert data["language"] == "zh" and data["title"] == "供应链可视化与需求预测"
    assert gap.reason.zh in data["details"] and "第 1 级" in data["details"]


def diagnostic(day: int, status: DiagnosticStatus, **bands: int) -> Diagnostic:
    return Diagnostic(
        organisation_id=7,
        language="en",
        sector="textiles_apparel",
        taken_on=dt.date(2026, 1, day),
        answers=answers(1, **bands),
        status=status,
        id=day,
    )


def test_progress_is_the_change_of_each_dimension_from_the_first_assessment() -> None:
    later = diagnostic(20, DiagnosticStatus.SUBMITTED, operations=3, talent=2)
    first = diagnostic(2, DiagnosticStatus.SUBMITTED)
    draft = diagnostic(25, DiagnosticStatus.DRAFT, operations=5)
    found = progress_of(FIRM, [later, draft, first])
    assert [d.id for d in found.assessments] == [2, 20]  # a draft is not an assessment
    change = {p.dimension.id: p.change for p in found.dimensions}
    assert change["operations"] == 2 and change["talent"] == 1 and change["leadership"] == 0
    assert found.overall == (1.0, round(19 / 16, 2))
    assert found.overall_change == round(19 / 16 - 1, 2)
