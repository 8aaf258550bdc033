"""The "Suggest SDGs" control in headless Chromium: type a text in the opportunity form, ask
for suggestions, accept one and see its SDG ticked, reject another and see it hidden; in
English and Chinese."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

CASES = {
    "en": (
        "Solar mini-grids for villages",
        "Solar home systems and mini-grids bring electricity to villages far from the grid.",
        "Suggest SDGs",
        "7",
    ),
    "zh": (
        "城市污水处理厂",
        "城市污水直接排入河流。新建污水处理厂将处理大部分废水，并回用于灌溉。",
        "推荐可持续发展目标",
        "6",
    ),
}


@pytest.mark.parametrize("language", sorted(CASES))
def test_a_suggested_sdg_is_accepted_into_the_form(
    page_as: Callable[..., Any], screenshots: Path, language: str
) -> None:
    title, teaser, button, sdg = CASES[language]
    page = page_as("member", language)
    page.goto(f"/opportunities/new?lang={language}")
    page.fill("#f-title", title)
    page.fill("#f-teaser", teaser)
    box = page.locator(f"input[type=checkbox][name=sdgs][value='{sdg}']")
    assert not box.is_checked()
    page.get_by_role("button", name=button).click()
    accept = page.locator(f"[data-sdg-accept='{sdg}']")
    accept.wait_for()
    page.screenshot(path=str(screenshots / f"sdg-suggestions-{language}.png"), full_page=True)
    accept.click()
    assert box.is_checked()
    assert not page.locator(f".sdg-suggestion[data-sdg='{sdg}']").is_visible()
    others = page.locator("[data-sdg-reject]")
    for index in range(others.count()):
        rejected = others.nth(index)
        if rejected.is_visible():
            chosen = rejected.get_attribute("data-sdg-reject")
            rejected.click()
            assert not page.locator(f".sdg-suggestion[data-sdg='{chosen}']").is_visible()
            assert not page.locator(f"input[name=sdgs][value='{chosen}']").is_checked()
            break
