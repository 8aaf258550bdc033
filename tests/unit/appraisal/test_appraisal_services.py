"""Appraisal services over in-memory fakes: the document's blocks, Monte Carlo, attachment."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from typing import Any

import pytest
from tests.actors import OPERATOR
from tests.appraisal_models import example_model, full_document
from tests.fakes import FakeUnitOfWork
from tests.records import opportunity_data, organisation_data

from itpo.appraisal import services
from itpo.appraisal.errors import InvalidInputError, ModelError
from itpo.appraisal.services import MonteCarloOptions, StoredAppraisal
from itpo.appraisal.summary import result_dict
from itpo.registry import services as registry
from itpo.registry.errors import Conflict, NotFound


class FakeAppraisals:
    def __init__(self) -> None:
        self.store: dict[int, StoredAppraisal] = {}

    def add(self, appraisal: StoredAppraisal) -> int:
        key = len(self.store) + 1
        self.store[key] = dataclasses.replace(appraisal, id=key)
        return key

    def get(self, appraisal_id: int) -> StoredAppraisal | None:
        return self.store.get(appraisal_id)

    def list_for_opportunity(self, opportunity_id: int) -> list[StoredAppraisal]:
        return [a for a in self.store.values() if a.opportunity_id == opportunity_id]


class FakeAppraisalUnitOfWork(FakeUnitOfWork):
    def __init__(self) -> None:
        self.appraisals = FakeAppraisals()
        super().__init__()


def errors_of(data: dict[str, Any], **options: Any) -> list[tuple[str, str]]:
    with pytest.raises(ModelError) as caught:
        services.appraise(by=OPERATOR, model_data=data, **options)
    return caught.value.errors


def test_a_document_with_risk_and_green_blocks_yields_every_section() -> None:
    result = services.appraise(
        by=OPERATOR, model_data=full_document(), monte_carlo=MonteCarloOptions(500, 7)
    )
    assert result.monte_carlo is not None and result.monte_carlo.draws == 500
    assert result.green is not None and result.green_country == "KEN"
    assert result.green.co2_tonnes_first_year > 0
    summary = result.summary()
    assert summary["total_capital"]["irr"] == pytest.approx(result.appraisal.total.irr)
    assert summary["monte_carlo"]["seed"] == 7
    json.dumps(result_dict(result), allow_nan=False)  # plain, finite JSON


def test_the_same_seed_gives_the_same_draws() -> None:
    one = services.appraise(
        by=OPERATOR, model_data=full_document(), monte_carlo=MonteCarloOptions(300, 3)
    )
    two = services.appraise(
        by=OPERATOR, model_data=full_document(), monte_carlo=MonteCarloOptions(300, 3)
    )
    assert one.summary()["monte_carlo"] == two.summary()["monte_carlo"]


def test_a_model_without_a_risk_block_simulates_the_default_drivers() -> None:
    result = services.appraise(
        by=OPERATOR, model_data=example_model(), monte_carlo=MonteCarloOptions(200)
    )
    assert result.monte_carlo is not None
    assert 0.0 <= result.monte_carlo.p_negative <= 1.0


def test_the_number_of_draws_is_bounded() -> None:
    with pytest.raises(InvalidInputError, match=r"monte_carlo: draws must be within 1\.\.100000"):
        services.appraise(by=OPERATOR, model_data=example_model(), monte_carlo=MonteCarloOptions(0))


def test_a_grid_country_without_factors_is_named() -> None:
    data = full_document()
    data["green"]["country"] = "XXX"
    message = "no grid factors for 'XXX' in IFI Default Grid Factors 2021 v3.1"
    assert errors_of(data) == [("green.country", message)]


def test_bad_green_and_risk_fields_are_all_reported_with_the_model_errors() -> None:
    data = full_document()
    data["horizon_years"] = 0
    data["green"]["direct_jobs"] = "many"
    data["green"].pop("country")
    data["risk"]["sales_price"]["distribution"] = "uniform"
    paths = [p for p, _ in errors_of(data)]
    assert paths == [
        "horizon_years",
        "risk.sales_price.distribution",
        "green.direct_jobs",
        "green.country",
    ]


def test_a_negative_degradation_is_named_on_the_green_block() -> None:
    data = full_document()
    data["green"]["degradation"] = 1.5
    assert errors_of(data) == [("green.degradation", "must be within 0..1, got 1.5")]


def test_a_document_that_is_not_a_mapping_is_refused() -> None:
    assert errors_of([1, 2]) == [("$", "must be an object, got list")]  # type: ignore[arg-type]


def test_an_ambiguous_irr_is_reported_with_every_root() -> None:
    # Restoring the site in the last year turns the final flow negative: two sign changes.
    data = example_model()
    data["fixed_costs"].append({"name": "Site restoration", "amount": 2_000_000, "start_year": 20})
    total = services.appraise(by=OPERATOR, model_data=data).summary()["total_capital"]
    assert total["irr"] is None and total["irr_ambiguous"]
    assert total["irr_roots"] == [
        pytest.approx(-0.0594124, abs=1e-6),
        pytest.approx(0.1251133, abs=1e-6),
    ]


def test_flows_that_never_turn_positive_have_no_irr() -> None:
    data = example_model()
    data["fixed_costs"].append({"name": "Site restoration", "amount": 8_000_000, "start_year": 20})
    total = services.appraise(by=OPERATOR, model_data=data).summary()["total_capital"]
    assert (total["irr"], total["irr_ambiguous"], total["irr_roots"]) == (None, False, [])


def project_uow(kind: str = "investment_project") -> tuple[FakeAppraisalUnitOfWork, int]:
    uow = FakeAppraisalUnitOfWork()
    registry.create_organisation(by=OPERATOR, uow=uow, data=organisation_data())
    opp = registry.create_opportunity(by=OPERATOR, uow=uow, data=opportunity_data(kind=kind))
    assert opp.id is not None
    return uow, opp.id


def test_an_appraisal_is_kept_with_an_investment_project() -> None:
    uow, opp = project_uow()
    moment = dt.datetime(2026, 11, 27, tzinfo=dt.UTC)
    stored = services.attach_appraisal(
        by=OPERATOR, uow=uow, opportunity_id=opp, model_data=example_model(), now=lambda: moment
    )
    assert stored.id == 1 and stored.created_at == moment and stored.currency == "USD"
    assert stored.name.startswith("Solar fruit-drying")
    assert math.isfinite(stored.summary["total_capital"]["npv_first_flow_at_t0"])
    assert services.list_appraisals(by=OPERATOR, uow=uow, opportunity_id=opp) == [stored]
    assert services.get_appraisal(by=OPERATOR, uow=uow, appraisal_id=1) == stored
    again = services.reappraise(stored=stored)
    assert again.summary() == stored.summary


def test_only_an_investment_project_can_carry_an_appraisal() -> None:
    uow, opp = project_uow("technology_offer")
    with pytest.raises(Conflict, match="only an investment_project can carry an appraisal"):
        services.attach_appraisal(
            by=OPERATOR, uow=uow, opportunity_id=opp, model_data=example_model()
        )


def test_appraising_a_missing_opportunity_or_appraisal_is_not_found() -> None:
    uow, _ = project_uow()
    with pytest.raises(NotFound):
        services.attach_appraisal(
            by=OPERATOR, uow=uow, opportunity_id=99, model_data=example_model()
        )
    with pytest.raises(NotFound):
        services.list_appraisals(by=OPERATOR, uow=uow, opportunity_id=99)
    with pytest.raises(NotFound):
        services.get_appraisal(by=OPERATOR, uow=uow, appraisal_id=5)


def test_a_bad_model_is_not_kept() -> None:
    uow, opp = project_uow()
    with pytest.raises(ModelError):
        services.attach_appraisal(
            by=OPERATOR, uow=uow, opportunity_id=opp, model_data={"name": "x"}
        )
    assert uow.appraisals.store == {}
