"""/api/v1/practices over real HTTP: a case written, read in a language, refused field by field
with nothing written; files in and out in every format; the similar case of an opportunity."""

from __future__ import annotations

import io
import json

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from tests.practices import case_data

API = "/api/v1"


def test_a_case_is_written_and_read_in_each_language(client: TestClient) -> None:
    made = client.post(f"{API}/practices", json=case_data())
    assert made.status_code == 201, made.text
    case = made.json()
    assert case["status"] == "draft" and case["version"] == 1
    read = client.get(f"{API}/practices/{case['id']}", params={"lang": "zh-CN"}).json()
    assert read["shown_language"] == "zh" and read["title"].startswith("太阳能")
    french = client.get(f"{API}/practices/{case['id']}", params={"lang": "fr"}).json()
    assert french["shown_language"] == "en"
    published = client.post(f"{API}/practices/{case['id']}/publish")
    assert published.json()["status"] == "published"
    versions = client.get(f"{API}/practices/{case['id']}/versions").json()["items"]
    assert [v["step"] for v in versions] == ["created", "published"]
    old = client.get(f"{API}/practices/{case['id']}/versions/1").json()
    assert old["version"] == 1 and old["texts"]["en"]["title"] == case["texts"]["en"]["title"]
    listed = client.get(f"{API}/practices", params={"theme": "agro_processing"}).json()
    assert [c["id"] for c in listed["items"]] == [case["id"]]


def test_a_figure_without_a_unit_and_an_unknown_sdg_are_named_and_nothing_is_written(
    client: TestClient,
) -> None:
    bad = case_data(
        sdgs=[7, 18], figures=[{"value": 30, "unit": "", "source": 0, "label": {"en": "x"}}]
    )
    answer = client.post(f"{API}/practices", json=bad)
    assert answer.status_code == 422
    locations = {tuple(d["loc"]) for d in answer.json()["detail"]}
    assert ("body", "sdgs") in locations and ("body", "figures[0]", "unit") in locations
    assert client.get(f"{API}/practices").json()["total"] == 0


def test_send_back_needs_a_reason(client: TestClient) -> None:
    case = client.post(f"{API}/practices", json=case_data()).json()
    answer = client.post(f"{API}/practices/{case['id']}/send-back", json={"reason": "short"})
    assert answer.status_code == 422 and answer.json()["detail"][0]["loc"] == ["body", "reason"]
    reason = {"reason": "Name the page of the report the 30% comes from."}
    answer = client.post(f"{API}/practices/{case['id']}/send-back", json=reason)
    assert answer.status_code == 409  # a draft is with its writers already
    client.post(f"{API}/practices/{case['id']}/submit")
    answer = client.post(f"{API}/practices/{case['id']}/send-back", json=reason)
    assert answer.status_code == 200 and answer.json()["status"] == "draft"


def test_cases_go_out_and_come_back_in_every_format(client: TestClient) -> None:
    client.post(f"{API}/practices", json=case_data(status="published"))
    for name, media in [
        ("practices.json", "application/json"),
        ("practices.csv", "text/csv"),
        ("practices.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ]:
        exported = client.get(f"{API}/practices/export/{name}")
        assert exported.status_code == 200, (name, exported.text)
        checked = client.post(
            f"{API}/practices/import",
            params={"dry_run": "true"},
            files={"file": (name, exported.content, media)},
        )
        assert checked.status_code == 200, (name, checked.text)
        assert checked.json() == {"created": 0, "updated": 0, "unchanged": 1, "dry_run": True}, name
    sheet = load_workbook(io.BytesIO(client.get(f"{API}/practices/template.xlsx").content))
    assert sheet.sheetnames == ["cases", "help"]
    header = [c.value for c in sheet["cases"][1]]
    assert {"external_id", "figures", "sources", "title_en", "title_zh"} <= set(header)


def test_a_bad_row_in_a_file_is_named_by_row_and_field(client: TestClient) -> None:
    rows = [case_data(), case_data(external_id="case:b", country="ZZZ")]
    answer = client.post(
        f"{API}/practices/import",
        files={"file": ("cases.json", json.dumps({"cases": rows}).encode(), "application/json")},
    )
    assert answer.status_code == 422
    (problem,) = answer.json()["detail"]
    assert problem["loc"] == ["cases", 2, "country"]
    assert client.get(f"{API}/practices").json()["total"] == 0
    broken = client.post(
        f"{API}/practices/import", files={"file": ("cases.json", b"{not json", "application/json")}
    )
    assert broken.status_code == 422 and "not UTF-8 JSON" in broken.text
    wrong = client.post(
        f"{API}/practices/import", files={"file": ("cases.txt", b"x", "text/plain")}
    )
    assert wrong.status_code == 422


def test_an_organisation_id_out_of_range_is_named(client: TestClient) -> None:
    for given in (48533766116354490368, -3, "x"):
        answer = client.post(f"{API}/practices", json=case_data(organisation=given))
        assert answer.status_code == 422, given
        assert answer.json()["detail"][0]["loc"] == ["body", "organisation"]
