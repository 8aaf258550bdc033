"""The Monte Carlo distributions actually drawn are stated: defaults when the model has none."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from tests.actors import OPERATOR
from tests.appraisal_models import example_model, full_document

from itpo.adapters.reports import content
from itpo.adapters.reports.html_report import render_html
from itpo.adapters.reports.writing import write_report
from itpo.appraisal import services
from itpo.appraisal.montecarlo import Triangular
from itpo.appraisal.services import DEFAULT_RISK, AppraisalResult, MonteCarloOptions

DEFAULT_ROWS = [
    ("Sales price", "triangular", "factor on the base value: low 0.85, mode 1.00, high 1.10",
     "0.98"),
    ("Investment cost", "triangular", "factor on the base value: low 0.95, mode 1.00, high 1.25",
     "1.07"),
    ("Operating costs", "triangular", "factor on the base value: low 0.95, mode 1.00, high 1.15",
     "1.03"),
]  # fmt: skip


@pytest.fixture(scope="module")
def defaults() -> AppraisalResult:
    return services.appraise(
        by=OPERATOR, model_data=example_model(), monte_carlo=MonteCarloOptions(500, 2)
    )


def test_a_model_without_a_risk_block_reports_the_default_ranges_it_drew(
    defaults: AppraisalResult,
) -> None:
    assert defaults.default_risk and dict(defaults.risk) == dict(DEFAULT_RISK)
    assert content.risk_rows(defaults) == DEFAULT_ROWS
    assert "no risk block, so the default ranges were drawn" in content.risk_source(defaults)
    mc = defaults.summary()["monte_carlo"]
    assert mc["distributions_from"] == "defaults"
    assert mc["distributions"]["investment_cost"] == {
        "distribution": "triangular",
        "low": 0.95,
        "mode": 1.0,
        "high": 1.25,
    }


def test_a_models_own_risk_block_is_reported_with_each_kind_of_parameter() -> None:
    data = full_document()
    data["risk"]["discount_rate"] = {
        "distribution": "triangular",
        "low": 0.1,
        "mode": 0.12,
        "high": 0.17,
    }
    result = services.appraise(by=OPERATOR, model_data=data, monte_carlo=MonteCarloOptions(200))
    assert not result.default_risk
    source = content.risk_source(result)
    assert source == "Distributions from the model's risk block, drawn independently."
    rows = {row[0]: row[1:] for row in content.risk_rows(result)}
    assert rows["Sales price"] == (
        "pert",
        "factor on the base value: low 0.80, mode 1.00, high 1.10",
        "0.98",
    )
    assert rows["Operating costs"] == (
        "normal",
        "factor on the base value: mean 1.00, sd 0.05",
        "1.00",
    )
    assert rows["Discount rate"] == (
        "triangular",
        "rate: low 10.0%, mode 12.0%, high 17.0%",
        "13.0%",
    )
    assert result.summary()["monte_carlo"]["distributions_from"] == "model risk block"


def test_without_monte_carlo_no_distributions_are_claimed() -> None:
    result = services.appraise(by=OPERATOR, model_data=example_model())
    assert result.risk == {} and not result.default_risk and content.risk_rows(result) == []


def test_every_report_states_the_distributions_beside_the_base_case_npv(
    defaults: AppraisalResult, tmp_path: Path
) -> None:
    base = content.money(defaults.appraisal.total.npv)
    page = render_html(defaults)
    assert "Base-case NPV, for comparison" in page and base in page
    assert all(cell in page for row in DEFAULT_ROWS for cell in row)
    write_report(defaults, tmp_path / "r.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "r.pdf").pages)
    assert "default ranges were drawn" in " ".join(text.split())
    assert "low 0.95, mode 1.00, high 1.25" in text
    write_report(defaults, tmp_path / "r.xlsx")
    cells = [
        c.value for row in load_workbook(tmp_path / "r.xlsx")["Summary"].iter_rows() for c in row
    ]
    assert all(cell in cells for row in DEFAULT_ROWS for cell in row)


def test_every_default_range_is_documented_with_its_parameters() -> None:
    docs = (Path(__file__).parents[3] / "docs" / "appraisal.md").read_text(encoding="utf-8")
    for driver, dist in DEFAULT_RISK.items():
        assert isinstance(dist, Triangular)
        row = f"| `{driver}` | triangular | {dist.low:.2f} | {dist.mode:.2f} | {dist.high:.2f} |"
        assert row in docs, row
