"""At a phone's width (390 px) the pages people use most are no wider than the window, and no
chip (a long sector title, a country) runs out of its card; in English and Chinese."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.world import World

# Every tag's right edge inside its card's, to the pixel.
CHIPS_OUTSIDE = """() => Array.from(document.querySelectorAll('.card .tag')).filter(tag => {
    const card = tag.closest('.card').getBoundingClientRect();
    const own = tag.getBoundingClientRect();
    return own.right > card.right + 1 || own.left < card.left - 1;
}).map(tag => tag.textContent.trim())"""


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_the_main_pages_fit_a_phone(
    world: World, page_as: Callable[..., Any], screenshots: Path, language: str
) -> None:
    page = page_as("officer", language=language)
    page.set_viewport_size({"width": 390, "height": 844})
    paths = [
        "/",
        "/opportunities",
        f"/opportunities/{world.ids['own']}",
        f"/opportunities/{world.ids['own']}/review",
        f"/matches/{world.match_id}",
        "/review",
        "/imports",
        "/opportunities/new",
        "/events",
    ]
    for path in paths:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 0, f"{path} is {wide}px wider than the window"
        assert page.evaluate(CHIPS_OUTSIDE) == [], path
    page.goto(f"/opportunities/{world.ids['own']}")
    page.screenshot(path=str(screenshots / f"opportunity-{language}-390.png"), full_page=True)
