"""Hard conditions in the opportunity form and on the opportunity page, over HTTP: offered in
English and Chinese, saved when ticked, cleared when unticked, every refusal shown next to the
field with nothing saved, and shown with the public teaser."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from itpo.registry import services
from itpo.registry.model import Condition, Opportunity
from itpo.registry.queries import OpportunityQuery
from tests.actors import OPERATOR
from tests.records import opportunity_data
from tests.world import World, csrf_of, signed_in

TEXTS = {
    "en": (
        "Hard conditions: only counterparts",
        "in my markets",
        "accepting one of my cooperation types",
        "within my amount range",
    ),
    "zh": (
        "硬性条件：仅限",
        "我的目标市场内的对象",
        "接受我的合作方式之一的对象",
        "我的金额范围内的对象",
    ),
}


def form(**changes: Any) -> dict[str, Any]:
    return {
        "kind": "technology_offer",
        "title": "Hydraulic ram pumps for hillside tea estates",
        "teaser": "Pumps that lift stream water to tea nurseries with no fuel or power.",
        "language": "en",
        "countries": ["NPL", "LKA"],
        "isic_classes": ["2813"],
        "trl": "9",
        "cooperation_types": ["supply", "distribution"],
        "amount_min": "5000",
        "amount_max": "40000",
        "currency": "USD",
        "disclosure": "public",
        "status": "draft",
        "hard_conditions": [],
    } | changes


def post(client: TestClient, url: str, data: dict[str, Any], lang: str = "en") -> Any:
    token = csrf_of(client.get(url).text)
    return client.post(
        f"{url}?lang={lang}", data={**data, "csrf_token": token}, follow_redirects=False
    )


def count(world: World) -> int:
    query = OpportunityQuery()
    return services.list_opportunities(by=OPERATOR, uow=world.platform.uow(), query=query).total


def stored(world: World, opportunity_id: int) -> Opportunity:
    return services.get_opportunity(
        by=OPERATOR, uow=world.platform.uow(), opportunity_id=opportunity_id
    )


def problem(text: str) -> str:
    found = re.search(r'<p class="problem" id="f-hard_conditions-problem">([^<]*)</p>', text)
    assert found, text[:300]
    return found.group(1)


def ticked(text: str) -> set[str]:
    return set(re.findall(r'name="hard_conditions" value="(\w+)" checked', text))


@pytest.fixture
def mine(world: World) -> int:
    """A draft of the own organisation that holds counterparts to its markets."""
    data = opportunity_data(
        external_id=None,
        organisation="org-own",
        title="Hydraulic ram pumps for terraced farms",
        status="draft",
        countries=["NPL"],
        hard_conditions=["markets"],
    )
    created = services.create_opportunity(by=OPERATOR, uow=world.platform.uow(), data=data)
    assert created.id is not None
    return created.id


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_new_form_offers_each_condition_in_the_page_language(world: World, lang: str) -> None:
    page = signed_in(world, "member").get(f"/opportunities/new?lang={lang}").text
    for value in ("markets", "cooperation", "amount"):
        assert f'name="hard_conditions" value="{value}" >' in page, value
    for text in TEXTS[lang]:
        assert text in page, text
    assert ticked(page) == set()


def test_a_member_creates_an_opportunity_with_hard_conditions(world: World) -> None:
    answer = post(
        signed_in(world, "member"),
        "/opportunities/new",
        form(hard_conditions=["markets", "amount"]),
    )
    assert answer.status_code == 303, answer.text[:300]
    created = stored(world, int(answer.headers["location"].rsplit("/", 1)[1]))
    assert created.hard_conditions == [Condition.MARKETS, Condition.AMOUNT]


REFUSED = [
    ({"hard_conditions": ["region"]}, "Choose one of the options."),
    (
        {"hard_conditions": ["markets"], "countries": []},
        "To hold counterparts to your markets, choose at least one country.",
    ),
    (
        {"hard_conditions": ["cooperation"], "cooperation_types": []},
        "To hold counterparts to your cooperation types, choose at least one type.",
    ),
    (
        {"hard_conditions": ["amount"], "amount_min": "", "amount_max": "", "currency": ""},
        "To hold counterparts to your amount range, give the lowest or the highest amount.",
    ),
]


@pytest.mark.parametrize(("changes", "message"), REFUSED)
def test_a_refused_condition_is_shown_next_to_the_field_and_nothing_is_saved(
    world: World, changes: dict[str, Any], message: str
) -> None:
    before = count(world)
    answer = post(signed_in(world, "member"), "/opportunities/new", form(**changes))
    assert answer.status_code == 422
    assert problem(answer.text) == message
    assert 'href="#f-hard_conditions"' in answer.text and 'id="f-hard_conditions"' in answer.text
    assert ticked(answer.text) == set(changes["hard_conditions"]) - {"region"}  # kept as ticked
    assert count(world) == before


def test_a_refused_condition_is_explained_in_chinese(world: World) -> None:
    changes = form(hard_conditions=["markets"], countries=[])
    answer = post(signed_in(world, "member"), "/opportunities/new", changes, lang="zh")
    assert answer.status_code == 422
    assert problem(answer.text) == "要将对象限定在您的目标市场内，请至少选择一个国家。"


def test_the_edit_form_shows_the_conditions_ticked_and_unticking_clears_them(
    world: World, mine: int
) -> None:
    client = signed_in(world, "member")
    url = f"/opportunities/{mine}/edit"
    assert ticked(client.get(url).text) == {"markets"}
    answer = post(client, url, form(hard_conditions=["markets", "cooperation"]))
    assert answer.status_code == 303
    assert stored(world, mine).hard_conditions == [Condition.MARKETS, Condition.COOPERATION]
    assert ticked(client.get(url).text) == {"markets", "cooperation"}
    assert post(client, url, form()).status_code == 303  # nothing ticked
    assert stored(world, mine).hard_conditions == []


def test_an_edit_that_drops_what_a_condition_needs_changes_nothing(world: World, mine: int) -> None:
    before = stored(world, mine)
    url = f"/opportunities/{mine}/edit"
    answer = post(signed_in(world, "member"), url, form(hard_conditions=["markets"], countries=[]))
    assert answer.status_code == 422
    assert problem(answer.text).startswith("To hold counterparts to your markets")
    assert stored(world, mine) == before


@pytest.fixture(scope="module")
def published(world: World) -> int:
    """A published offer of the own organisation with two conditions, in markets no other
    record of the world names."""
    data = opportunity_data(
        external_id="conditions-published",
        organisation="org-own",
        title="Hydraulic ram pumps for Nepali tea gardens",
        countries=["NPL"],
        hard_conditions=["markets", "amount"],
    )
    created = services.create_opportunity(by=OPERATOR, uow=world.platform.uow(), data=data)
    assert created.id is not None
    return created.id


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            ["Hard conditions", "Only counterparts", "in its markets", "within its amount range"],
        ),
        ("zh", ["硬性条件", "仅限", "其目标市场内的对象", "其金额范围内的对象"]),
    ],
)
def test_the_public_page_of_an_opportunity_shows_its_hard_conditions(
    world: World, published: int, lang: str, expected: list[str]
) -> None:
    page = signed_in(world, "public").get(f"/opportunities/{published}?lang={lang}").text
    [facts] = re.findall(r'<dd class="hard-conditions">(.*?)</dd>', page, re.S)
    for text in expected[1:]:
        assert text in facts, text
    assert expected[0] in page
    assert "accepting one of its cooperation types" not in facts


def test_a_page_without_hard_conditions_does_not_mention_them(world: World) -> None:
    page = signed_in(world, "public").get(f"/opportunities/{world.ids['other']}").text
    assert "Hard conditions" not in page
