"""POST /api/v1/sdg/suggestions over HTTP: open to the public and to signed-in askers,
answered with confidence and evidence, documented in OpenAPI, and bad bodies refused by
field; a body over the app's size limit is refused whole."""

from __future__ import annotations

from fastapi.testclient import TestClient

API = "/api/v1"
SOLAR = "Solar home systems and mini-grids bring electricity to villages far from the grid."


def test_the_public_gets_suggestions_with_confidence_and_evidence(
    public_client: TestClient,
) -> None:
    answer = public_client.post(f"{API}/sdg/suggestions", json={"text": SOLAR})
    assert answer.status_code == 200, answer.text
    first = answer.json()[0]
    assert first["sdg"] == 7 and first["serves"] is True
    assert 0 < first["confidence"] <= 1
    assert "mini-grids" in first["words"]
    assert first["sentence"] == SOLAR
    assert first["target"].startswith("7.")


def test_a_signed_in_asker_gets_chinese_evidence_for_a_chinese_text(client: TestClient) -> None:
    answer = client.post(
        f"{API}/sdg/suggestions",
        json={"text": "职业技术学院与企业共同修订课程，培训学生掌握焊接技能。", "language": "zh"},
    )
    assert answer.status_code == 200, answer.text
    first = answer.json()[0]
    assert first["sdg"] == 4
    assert any(word in first["words"] for word in ("职业技术", "课程", "学生", "培训", "技能"))


def test_an_empty_text_gets_an_empty_list(public_client: TestClient) -> None:
    answer = public_client.post(f"{API}/sdg/suggestions", json={"text": ""})
    assert answer.status_code == 200 and answer.json() == []


def test_a_body_without_text_is_refused_naming_the_field(public_client: TestClient) -> None:
    answer = public_client.post(f"{API}/sdg/suggestions", json={"language": "en"})
    assert answer.status_code == 422
    assert "text" in answer.text


def test_an_unknown_field_is_refused(public_client: TestClient) -> None:
    answer = public_client.post(f"{API}/sdg/suggestions", json={"text": SOLAR, "sdg": 18})
    assert answer.status_code == 422 and "sdg" in answer.text


def test_a_body_over_the_size_limit_is_refused(public_client: TestClient) -> None:
    answer = public_client.post(f"{API}/sdg/suggestions", json={"text": "water " * 300_000})
    assert answer.status_code == 413


def test_the_route_is_documented_in_openapi(public_client: TestClient) -> None:
    schema = public_client.get("/openapi.json").json()
    operation = schema["paths"][f"{API}/sdg/suggestions"]["post"]
    assert "sdg" in operation["tags"]
    assert "SuggestionPublic" in schema["components"]["schemas"]
