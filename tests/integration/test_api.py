"""The REST API through HTTP requests to the app, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from tests.records import opportunity_data, organisation_data

API = "/api/v1"


def create_pair(client: TestClient) -> tuple[dict[str, Any], dict[str, Any]]:
    org = client.post(f"{API}/organisations", json=organisation_data())
    assert org.status_code == 201, org.text
    body = opportunity_data(organisation_id=org.json()["id"])
    del body["organisation"]
    opp = client.post(f"{API}/opportunities", json=body)
    assert opp.status_code == 201, opp.text
    return org.json(), opp.json()


def test_create_get_update_delete_an_opportunity(client: TestClient) -> None:
    org, opp = create_pair(client)
    assert opp["organisation_name"] == org["name"]
    assert opp["direction"] == "outbound"
    got = client.get(f"{API}/opportunities/{opp['id']}").json()
    assert got["countries"] == ["KEN", "TZA"]
    changed = client.patch(f"{API}/opportunities/{opp['id']}", json={"title": "Solar dryer v2"})
    assert changed.status_code == 200 and changed.json()["title"] == "Solar dryer v2"
    assert changed.json()["created_at"] == opp["created_at"]
    assert client.delete(f"{API}/opportunities/{opp['id']}").status_code == 204
    assert client.get(f"{API}/opportunities/{opp['id']}").status_code == 404


def test_list_filters_by_kind_and_country_with_paging(client: TestClient) -> None:
    org, _ = create_pair(client)
    for n, country in enumerate(["KEN", "KEN", "ETH"]):
        body = opportunity_data(
            external_id=f"need-{n}",
            kind="technology_need",
            trl=None,
            organisation_id=org["id"],
            countries=[country],
        )
        del body["organisation"]
        assert client.post(f"{API}/opportunities", json=body).status_code == 201
    page = client.get(f"{API}/opportunities?kind=technology_need&country=KEN&limit=1").json()
    assert page["total"] == 2 and len(page["items"]) == 1 and page["limit"] == 1
    assert page["items"][0]["kind"] == "technology_need"
    both = client.get(
        f"{API}/opportunities", params={"country": ["KEN", "ETH"], "kind": "technology_need"}
    )
    assert both.json()["total"] == 3


def test_a_bad_field_is_a_422_with_the_field_path(client: TestClient) -> None:
    org, _ = create_pair(client)
    body = opportunity_data(external_id="x", organisation_id=org["id"], countries=["KEN", "QQQ"])
    del body["organisation"]
    answer = client.post(f"{API}/opportunities", json=body)
    assert answer.status_code == 422
    [detail] = answer.json()["detail"]
    assert detail["loc"] == ["body", "countries"]
    assert "QQQ" in detail["msg"]


def test_a_wrongly_typed_field_is_a_422_from_the_schema(client: TestClient) -> None:
    org, _ = create_pair(client)
    body = opportunity_data(external_id="y", organisation_id=org["id"], trl=12)
    del body["organisation"]
    answer = client.post(f"{API}/opportunities", json=body)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "trl"]


def test_a_bad_filter_is_a_422_naming_the_parameter(client: TestClient) -> None:
    answer = client.get(f"{API}/opportunities?country=ZZZ&sdg=99")
    assert answer.status_code == 422
    assert {tuple(d["loc"]) for d in answer.json()["detail"]} == {
        ("query", "country"),
        ("query", "sdg"),
    }


def test_unknown_ids_are_404_and_taken_external_ids_409(client: TestClient) -> None:
    assert client.get(f"{API}/organisations/999").status_code == 404
    assert client.patch(f"{API}/opportunities/999", json={"title": "x"}).status_code == 404
    create_pair(client)
    again = client.post(f"{API}/organisations", json=organisation_data())
    assert again.status_code == 409 and "already taken" in again.json()["detail"]


def test_an_organisation_with_opportunities_cannot_be_deleted(client: TestClient) -> None:
    org, opp = create_pair(client)
    assert client.delete(f"{API}/organisations/{org['id']}").status_code == 409
    client.delete(f"{API}/opportunities/{opp['id']}")
    assert client.delete(f"{API}/organisations/{org['id']}").status_code == 204


def test_organisations_list_and_update(client: TestClient) -> None:
    org, _ = create_pair(client)
    page = client.get(f"{API}/organisations?country=CHN").json()
    assert page["total"] == 1
    changed = client.patch(f"{API}/organisations/{org['id']}", json={"city": "Suzhou"})
    assert changed.json()["city"] == "Suzhou"
    bad = client.patch(f"{API}/organisations/{org['id']}", json={"country": "Mars"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "country"]


def test_reference_data_is_served(client: TestClient) -> None:
    countries = client.get(f"{API}/reference/countries").json()
    kenya = next(c for c in countries if c["code"] == "KEN")
    assert kenya["intermediate_region_en"] == "Eastern Africa" and kenya["name_zh"] == "肯尼亚"
    assert len(client.get(f"{API}/reference/sdgs").json()) == 17
    assert len(client.get(f"{API}/reference/trl").json()) == 9
    isic = client.get(f"{API}/reference/isic").json()
    assert sum(e["level"] == "class" for e in isic) == 419
    areas = client.get(f"{API}/reference/technology-areas").json()
    assert any(a["code"] == "green.solar_pv" for a in areas)
    assert client.get(f"{API}/reference/currencies").status_code == 200
    assert client.get(f"{API}/reference/regions").status_code == 200


def test_an_uploaded_file_with_a_bad_row_is_refused_whole(client: TestClient) -> None:
    good = {"organisations": [organisation_data()], "opportunities": [opportunity_data()]}
    bad = json.loads(json.dumps(good))
    bad["opportunities"].append(opportunity_data(external_id="o2", sdgs=[0]))
    answer = client.post(
        f"{API}/imports", files={"file": ("b.json", json.dumps(bad), "application/json")}
    )
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["opportunities", 2, "sdgs"]
    assert client.get(f"{API}/opportunities").json()["total"] == 0
    ok = client.post(
        f"{API}/imports", files={"file": ("g.json", json.dumps(good), "application/json")}
    )
    assert ok.status_code == 200 and ok.json()["opportunities_created"] == 1


def test_exports_and_the_template_download(client: TestClient) -> None:
    create_pair(client)
    csv_answer = client.get(f"{API}/exports/opportunities.csv")
    assert csv_answer.status_code == 200
    assert "Solar tunnel dryer" in csv_answer.text
    exported = client.get(f"{API}/exports/export.json").json()
    assert len(exported["opportunities"]) == 1
    template = client.get(f"{API}/imports/template.xlsx")
    workbook = load_workbook(io.BytesIO(template.content))
    assert "opportunities" in workbook.sheetnames
    assert client.get(f"{API}/exports/export.exe").status_code == 422


def test_openapi_documents_the_routes(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {f"{API}/opportunities", f"{API}/organisations/{{organisation_id}}"} <= set(
        spec["paths"]
    )
    assert client.get("/docs").status_code == 200
    assert client.get(f"{API}/health").json()["status"] == "ok"
