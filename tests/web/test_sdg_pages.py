"""The "Suggest SDGs" control of the opportunity form: the form carries it, its route answers
a partial with each goal's confidence, evidence and accept / reject buttons, in English and
Chinese, and refuses a post without the form's token."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.world import World, csrf_of, signed_in

SOLAR = "Solar home systems and mini-grids bring electricity to villages, replacing kerosene."


def _suggestions(client: TestClient, form_page: str, **fields: str) -> str:
    token = csrf_of(client.get(form_page).text)
    answer = client.post(
        "/sdg/suggestions",
        data={
            "csrf_token": token,
            "sdg_fields": "title teaser details",
            "sdg_target": "sdgs",
            **fields,
        },
        headers={"HX-Request": "true"},
    )
    assert answer.status_code == 200, answer.text[:300]
    return answer.text


def test_the_opportunity_form_carries_the_control(world: World) -> None:
    page = signed_in(world, "member").get("/opportunities/new").text
    assert 'hx-post="/sdg/suggestions"' in page
    assert 'name="sdg_fields" value="title teaser details"' in page
    assert "/static/sdg_suggestions.js" in page


def test_the_partial_lists_each_goal_with_confidence_evidence_and_buttons(world: World) -> None:
    html = _suggestions(
        signed_in(world, "member"), "/opportunities/new", title="Village power", teaser=SOLAR
    )
    assert 'data-sdg-for="sdgs"' in html
    assert 'data-sdg-accept="7"' in html and 'data-sdg-reject="7"' in html
    assert "SDG 7" in html and "confidence" in html
    assert "mini-grids" in html
    assert "<html" not in html  # a partial, not a page


def test_the_partial_speaks_chinese(world: World) -> None:
    client = signed_in(world, "member")
    client.get("/?lang=zh")
    html = _suggestions(
        client,
        "/opportunities/new",
        title="污水处理",
        details="城市污水直接排入河流，新建污水处理厂将处理大部分废水。",
    )
    assert "可持续发展目标 6" in html and "置信度" in html and "采纳" in html
    assert "污水处理" in html


def test_a_form_without_text_asks_for_one(world: World) -> None:
    html = _suggestions(signed_in(world, "member"), "/opportunities/new")
    assert "Write a title or a description first." in html


def test_only_the_named_fields_are_read(world: World) -> None:
    html = _suggestions(
        signed_in(world, "member"),
        "/opportunities/new",
        sdg_fields="title",
        title="Fish",
        teaser=SOLAR,
    )
    assert 'data-sdg-accept="7"' not in html


def test_a_forged_token_is_refused(world: World) -> None:
    client = signed_in(world, "public")
    client.get("/")
    answer = client.post(
        "/sdg/suggestions", data={"csrf_token": "forged", "title": SOLAR, "sdg_fields": "title"}
    )
    assert answer.status_code == 403
