"""Hard conditions in headless Chromium: a ticked condition without the term it needs is shown
next to its field, stays ticked, and saves once the term is given; the page then shows it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from itpo.registry import services
from itpo.registry.model import Condition
from tests.actors import OPERATOR
from tests.world import World


def test_a_condition_is_refused_without_its_markets_then_saved_and_shown(
    world: World, page_as: Callable[..., Any]
) -> None:
    page = page_as("member")
    page.goto("/opportunities/new")
    page.fill("#f-title", "Hydraulic ram pumps for Andean terraces")
    page.fill("#f-teaser", "Fuel-free pumps that lift spring water to terraced fields.")
    page.check("input[name=cooperation_types][value=supply]")
    page.get_by_label("in my markets").check()
    page.get_by_role("button", name="Create opportunity").click()
    page.wait_for_selector("#f-hard_conditions-problem")
    assert page.locator("#f-hard_conditions-problem").inner_text() == (
        "To hold counterparts to your markets, choose at least one country."
    )
    assert page.locator("#f-hard_conditions").get_attribute("aria-invalid") == "true"
    assert page.get_by_label("in my markets").is_checked()  # kept
    assert not page.get_by_label("within my amount range").is_checked()
    page.select_option("#f-countries", ["PER", "BOL"])
    page.get_by_role("button", name="Create opportunity").click()
    page.wait_for_url(re.compile(r"/opportunities/\d+$"))
    new_id = int(page.url.rsplit("/", 1)[1])
    created = services.get_opportunity(by=OPERATOR, uow=world.platform.uow(), opportunity_id=new_id)
    assert created.hard_conditions == [Condition.MARKETS]
    assert set(created.countries) == {"BOL", "PER"}
    assert page.locator("dd.hard-conditions").inner_text() == "Only counterparts in its markets"
