"""The appraisal API, and appraisals kept with investment projects, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from tests.appraisal_models import GRID_CSV, example_model, full_document
from tests.auth import administrator, bearer
from tests.records import opportunity_data, organisation_data

from itpo.adapters.app import create_app
from itpo.adapters.storage.appraisal_tables import appraisal
from itpo.adapters.storage.tables import include_name, metadata
from itpo.bootstrap import Platform

API = "/api/v1"


@pytest.fixture
def api(platform: Platform) -> Iterator[TestClient]:
    headers = bearer(platform, administrator(platform))
    with TestClient(
        create_app(platform=platform), raise_server_exceptions=False, headers=headers
    ) as client:
        yield client


def opportunity(client: TestClient, kind: str = "investment_project") -> int:
    org = client.post(f"{API}/organisations", json=organisation_data())
    org_id = org.json()["id"] if org.status_code == 201 else 1
    body = opportunity_data(organisation_id=org_id, kind=kind, external_id=f"opp-{kind}")
    del body["organisation"]
    created = client.post(f"{API}/opportunities", json=body)
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


def locations(response: Any) -> list[list[str | int]]:
    assert response.status_code == 422, response.text
    return [d["loc"] for d in response.json()["detail"]]


def test_posting_a_model_returns_indicators_and_yearly_tables(api: TestClient) -> None:
    response = api.post(f"{API}/appraisals", json=example_model())
    assert response.status_code == 200, response.text
    body = response.json()
    total = body["total_capital"]
    assert total["irr"] == pytest.approx(0.16125823, abs=1e-6)
    assert total["npv_first_flow_at_t0"] > total["npv_first_flow_at_t1"] > 0
    assert body["years"][0] == 2026 and len(body["years"]) == 20
    assert len(body["tables"]["income_statement"]["revenue"]) == 20
    assert body["monte_carlo"] is None and body["green"] is None


def test_monte_carlo_draws_and_seed_are_query_options(api: TestClient) -> None:
    url = f"{API}/appraisals?monte_carlo=400&seed=9"
    one, two = (
        api.post(url, json=full_document()).json(),
        api.post(url, json=full_document()).json(),
    )
    assert one["monte_carlo"]["draws"] == 400 and one["monte_carlo"] == two["monte_carlo"]
    assert sum(one["monte_carlo"]["histogram_counts"]) == 400
    assert one["green"]["country"] == "KEN" and 13 in one["green"]["sdgs"]


def test_a_bad_model_gets_422_with_each_field_path(api: TestClient) -> None:
    bad = example_model()
    bad["products"][0]["capacity"] = -1
    bad["loans"][0]["tenor_years"] = 40
    bad["discount_rate"] = -1.0
    assert locations(api.post(f"{API}/appraisals", json=bad)) == [
        ["body", "discount_rate"],
        ["body", "products", 0, "capacity"],
        ["body", "loans", 0, "tenor_years"],
    ]


def test_a_phase_overlap_and_a_missing_rate_are_named(api: TestClient) -> None:
    bad = example_model()
    bad["phases"]["startup"]["start_year"] = 1
    bad["investments"][0]["currency"] = "GBP"
    response = api.post(f"{API}/appraisals", json=bad)
    detail = {tuple(d["loc"]): d["msg"] for d in response.json()["detail"]}
    assert "overlaps phases.construction" in detail[("body", "phases", "startup")]
    assert "no exchange rate for 'GBP'" in detail[("body", "investments", 0, "currency")]


def test_too_many_draws_is_refused_as_a_query_error(api: TestClient) -> None:
    assert locations(api.post(f"{API}/appraisals?monte_carlo=1000000", json=example_model())) == [
        ["query", "monte_carlo"]
    ]


def test_an_appraisal_is_kept_with_an_investment_project(api: TestClient) -> None:
    project = opportunity(api)
    created = api.post(
        f"{API}/opportunities/{project}/appraisals?monte_carlo=200&seed=2",
        json={"name": "Base case", "model": full_document()},
    )
    assert created.status_code == 201, created.text
    kept = created.json()
    assert kept["name"] == "Base case" and kept["currency"] == "USD"
    assert kept["summary"]["monte_carlo"]["draws"] == 200
    listed = api.get(f"{API}/opportunities/{project}/appraisals").json()
    assert [a["id"] for a in listed] == [kept["id"]]
    one = api.get(f"{API}/appraisals/{kept['id']}").json()
    assert one["model"] == full_document() and one["summary"] == kept["summary"]
    report = api.get(f"{API}/appraisals/{kept['id']}/report.html")
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/html")
    assert report.text.count("<svg") == 5 and "Solar fruit-drying" in report.text


def test_only_an_investment_project_takes_an_appraisal(api: TestClient) -> None:
    offer = opportunity(api, "technology_offer")
    response = api.post(f"{API}/opportunities/{offer}/appraisals", json={"model": example_model()})
    assert response.status_code == 409
    assert "only an investment_project" in response.json()["detail"]


def test_a_bad_model_for_a_project_is_refused_under_body_model(api: TestClient) -> None:
    project = opportunity(api)
    bad = example_model(horizon_years=0)
    response = api.post(f"{API}/opportunities/{project}/appraisals", json={"model": bad})
    assert locations(response) == [["body", "model", "horizon_years"]]
    assert api.get(f"{API}/opportunities/{project}/appraisals").json() == []


def test_missing_opportunities_and_appraisals_are_404(api: TestClient) -> None:
    assert api.post(f"{API}/opportunities/99/appraisals", json={"model": {}}).status_code == 404
    assert api.get(f"{API}/opportunities/99/appraisals").status_code == 404
    assert api.get(f"{API}/appraisals/99").status_code == 404
    assert api.get(f"{API}/appraisals/99/report.html").status_code == 404


def test_deleting_a_project_deletes_its_appraisals(api: TestClient, platform: Platform) -> None:
    project = opportunity(api)
    api.post(f"{API}/opportunities/{project}/appraisals", json={"model": example_model()})
    assert api.delete(f"{API}/opportunities/{project}").status_code == 204
    with platform.engine.begin() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(appraisal)).scalar() == 0


def test_the_migrations_build_the_appraisal_table_as_declared(platform: Platform) -> None:
    assert "appraisal" in metadata.tables
    with platform.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        assert compare_metadata(context, metadata) == []


def test_a_grid_factor_table_in_the_body_replaces_the_ifi_table(api: TestClient) -> None:
    body = full_document() | {
        "grid_factors_csv": "country,combined_margin_firm,combined_margin_intermittent,"
        "energy_efficiency\nKEN,420,380,\n"
    }
    response = api.post(f"{API}/appraisals", json=body)
    assert response.status_code == 200, response.text
    assert response.json()["green"]["grid_factor_table"] == "grid_factors_csv of the request"
    default = api.post(f"{API}/appraisals", json=full_document()).json()
    assert default["green"]["grid_factor_table"] == "IFI Default Grid Factors 2021 v3.1"


def test_a_bad_grid_factor_table_in_the_body_names_row_and_column(api: TestClient) -> None:
    body = full_document() | {
        "grid_factors_csv": "country,combined_margin_firm,combined_margin_intermittent,"
        "energy_efficiency\nKEN,400,,x\nXX,1,1,1\n"
    }
    assert locations(api.post(f"{API}/appraisals", json=body)) == [
        ["body", "grid_factors_csv", 2, "energy_efficiency"],
        ["body", "grid_factors_csv", 3, "country"],
    ]
    not_text = full_document() | {"grid_factors_csv": 5}
    assert locations(api.post(f"{API}/appraisals", json=not_text)) == [["body", "grid_factors_csv"]]


def test_a_grid_factor_table_is_kept_with_an_attached_appraisal(api: TestClient) -> None:
    project = opportunity(api)
    model = full_document() | {"grid_factors_csv": GRID_CSV + "KEN,400,350,\n"}
    created = api.post(f"{API}/opportunities/{project}/appraisals", json={"model": model})
    assert created.status_code == 201, created.text
    kept = api.get(f"{API}/appraisals/{created.json()['id']}").json()
    assert "grid_factors_csv" not in kept["model"]
    assert kept["model"]["green"]["grid_factors"] == {
        "source": "grid_factors_csv of the request",
        "countries": {
            "KEN": {
                "combined_margin_firm": 400.0,
                "combined_margin_intermittent": 350.0,
                "energy_efficiency": None,
            }
        },
    }
    # The model read back is appraised with the same table, so gives the same CO2.
    again = api.post(f"{API}/appraisals", json=kept["model"]).json()["green"]
    assert again["co2_tonnes_lifetime"] == kept["summary"]["green"]["co2_tonnes_lifetime"]
    assert again["grid_factor_table"] == "grid_factors_csv of the request"
    sent = api.post(f"{API}/appraisals", json=model).json()["green"]
    assert sent["co2_tonnes_lifetime"] == again["co2_tonnes_lifetime"]
    default = api.post(f"{API}/appraisals", json=full_document()).json()["green"]
    assert default["co2_tonnes_lifetime"] != again["co2_tonnes_lifetime"]
    report = api.get(f"{API}/appraisals/{created.json()['id']}/report.html").text
    assert "grid_factors_csv of the request" in report


def test_a_bad_grid_factor_table_for_a_project_is_refused_and_not_kept(api: TestClient) -> None:
    project = opportunity(api)
    model = full_document() | {"grid_factors_csv": GRID_CSV + "KEN,400,lots,\n"}
    response = api.post(f"{API}/opportunities/{project}/appraisals", json={"model": model})
    assert locations(response) == [
        ["body", "model", "grid_factors_csv", 2, "combined_margin_intermittent"]
    ]
    in_model = full_document()
    in_model["green"]["grid_factors"] = {"source": "mine", "countries": {"KEN": {"x": 1}}}
    response = api.post(f"{API}/opportunities/{project}/appraisals", json={"model": in_model})
    assert locations(response) == [
        ["body", "model", "green", "grid_factors", "countries", "KEN", "x"]
    ]
    assert api.get(f"{API}/opportunities/{project}/appraisals").json() == []
