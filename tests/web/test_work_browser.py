"""The match pages and the opportunity form in headless Chromium: matches load into the
opportunity page by HTMX, a verdict changes a match's state in place, the form shows a problem
next to its field and then saves, and the pages speak Chinese."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from itpo.matching.tracking import list_matches
from itpo.registry import services
from tests.actors import OPERATOR
from tests.records import opportunity_data
from tests.world import World

GEOTHERMAL = {
    "isic_classes": ["3510"], "technology_areas": ["green.geothermal"], "sdgs": [7],
    "countries": ["ETH"], "cooperation_types": ["joint_venture", "supply"], "language": "en",
}  # fmt: skip


@pytest.fixture(scope="module")
def pair(world: World) -> dict[str, int]:
    """This module's own need (of the own organisation) and an offer for it, about a subject
    no other record of the world shares."""
    uow = world.platform.uow()
    need = services.create_opportunity(
        by=OPERATOR,
        uow=uow,
        data=opportunity_data(
            external_id="work-browser-need",
            organisation="org-own",
            kind="technology_need",
            trl=None,
            min_trl=6,
            title="Geothermal heat for Rift Valley greenhouses",
            teaser="Flower greenhouses in the Rift Valley need geothermal heat.",
            **GEOTHERMAL,
        ),
    )
    offer = services.create_opportunity(
        by=OPERATOR,
        uow=uow,
        data=opportunity_data(
            external_id="work-browser-offer",
            organisation="org-third",
            trl=8,
            title="Geothermal heat exchangers for greenhouses",
            teaser="Geothermal heat exchangers that warm greenhouses.",
            **GEOTHERMAL,
        ),
    )
    assert need.id is not None and offer.id is not None
    return {"need": need.id, "offer": offer.id}


def _match_id(world: World, need: int, offer: int) -> int:
    found = list_matches(by=OPERATOR, uow=world.platform.uow(), opportunity_id=need, limit=100)
    return next(m.id for m in found.items if offer in (m.first_id, m.second_id) and m.id)


def test_matches_load_into_the_opportunity_page_and_a_verdict_changes_in_place(
    world: World, pair: dict[str, int], page_as: Callable[..., Any]
) -> None:
    page = page_as("member")
    address = f"/opportunities/{pair['need']}"
    page.goto(address)
    page.wait_for_selector("#matches li.match")  # loaded by HTMX on load
    section = page.locator("#matches")
    assert "Geothermal heat exchangers for greenhouses" in section.inner_text()
    assert section.locator("h2").first.inner_text() == "Matches"
    match_id = _match_id(world, pair["need"], pair["offer"])
    state = page.locator(f"#match-{match_id}-state")
    assert state.locator(".badge").inner_text().lower() == "proposed"
    state.get_by_role("button", name="Accept").click()
    page.wait_for_selector(f"#match-{match_id}-state .badge.interested")
    assert page.url.endswith(address)  # swapped in place, no page load
    assert "Your verdict is saved" in page.locator(f"#match-{match_id}-state").inner_text()
    # A decline asks for its reason first, without a page load either.
    state = page.locator(f"#match-{match_id}-state")
    state.locator("summary").click()
    state.get_by_label("Why do you decline?").fill("We already work with a local supplier.")
    state.get_by_role("button", name="Decline").click()
    page.wait_for_selector(f"#match-{match_id}-state .badge.declined")
    assert page.url.endswith(address)


def test_the_matches_page_speaks_chinese(
    world: World, pair: dict[str, int], page_as: Callable[..., Any]
) -> None:
    page = page_as("member", language="zh-CN")
    page.goto(f"/opportunities/{pair['need']}/matches?include_declined=true")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    text = page.locator("#matches").inner_text()
    assert "匹配" in text
    assert "共同技术领域：地热能" in text or "行业相同" in text
    assert re.search(r"[\u3400-\u9fff]", page.locator(".reasons").first.inner_text())


def test_the_new_opportunity_form_shows_a_problem_then_saves(
    world: World, page_as: Callable[..., Any]
) -> None:
    page = page_as("member")
    page.goto("/opportunities/new")
    page.select_option("#f-kind", "technology_offer")
    page.fill("#f-teaser", "Mobile cold rooms powered by solar panels for mango exporters.")
    page.select_option("#f-countries", ["KEN", "TZA"])
    page.check("input[name=cooperation_types][value=supply]")
    page.fill("#f-amount_min", "20000")
    page.fill("#f-amount_max", "80000")
    page.select_option("#f-currency", "USD")
    page.get_by_role("button", name="Create opportunity").click()
    page.wait_for_selector("#f-title-problem")
    assert page.locator("#f-title-problem").inner_text() == "Required."
    assert page.locator("#f-title").get_attribute("aria-invalid") == "true"
    assert page.locator("#f-teaser").input_value().startswith("Mobile cold rooms")  # kept
    assert page.locator("#f-amount_max").input_value() == "80000"
    page.fill("#f-title", "Solar cold rooms for mango exporters")
    page.get_by_role("button", name="Create opportunity").click()
    page.wait_for_url(re.compile(r"/opportunities/\d+$"))
    new_id = int(page.url.rsplit("/", 1)[1])
    created = services.get_opportunity(by=OPERATOR, uow=world.platform.uow(), opportunity_id=new_id)
    assert created.title == "Solar cold rooms for mango exporters"
    assert (
        created.countries == ["KEN", "TZA"]
        and created.organisation_id == world.organisations["own"]
    )
