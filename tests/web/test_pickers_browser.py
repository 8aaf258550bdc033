"""The long lists of the forms are pickers searched by typing, in headless Chromium: a country
found by part of its name (in English or Chinese) or its code, a sector by its ISIC code, the
choice made with the keyboard alone; the form submits what was picked; on a phone's width the
page is no wider than the window; and nothing the pickers do breaks the site's content policy."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


def picked(page: Any, select: str) -> list[str]:
    return list(
        page.eval_on_selector(select, "s => Array.from(s.selectedOptions).map(o => o.value)")
    )


def pick(page: Any, select: str, typed: str) -> None:
    """Reach the picker with the keyboard, type, take the first match with Enter."""
    control = page.locator(f"{select}-ts-control")
    control.focus()
    control.press_sequentially(typed, delay=40)
    # The list narrows as one types: wait until the first match is one the text names.
    page.wait_for_function(
        """([dropdown, typed]) => {
            const active = document.querySelector(dropdown + " .option.active");
            if (!active) return false;
            const said = (active.textContent + " " + active.dataset.value).toLowerCase();
            return said.includes(typed.toLowerCase());
        }""",
        arg=[f"{select}-ts-dropdown", typed],
    )
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


@pytest.mark.parametrize(("language", "country"), [("en", "Keny"), ("zh-CN", "肯尼亚")])
def test_countries_and_sectors_are_found_by_typing_on_a_phone(
    page_as: Callable[..., Any], screenshots: Path, language: str, country: str
) -> None:
    page = page_as("officer", language=language)
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if m.type == "error" else None)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/opportunities/new")
    assert page.locator("#f-countries + .ts-wrapper").count() == 1
    pick(page, "#f-countries", country)
    pick(page, "#f-countries", "TZA")  # a code finds its country too
    assert picked(page, "#f-countries") == ["KEN", "TZA"]
    pick(page, "#f-isic_classes", "1030")
    assert picked(page, "#f-isic_classes") == ["1030"]
    pick(page, "#f-organisation_id", "Meru")
    assert picked(page, "#f-organisation_id") != [""]
    page.screenshot(path=str(screenshots / f"pickers-{language}-390.png"), full_page=True)
    wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 0, f"the page is {wide}px wider than the window"
    # A choice is taken away with its remove button, and the form sends what is left.
    page.click("#f-countries + .ts-wrapper .item[data-value='KEN'] .remove")
    assert picked(page, "#f-countries") == ["TZA"]
    page.click("form[action='/opportunities/new'] button[type=submit]")
    page.wait_for_load_state()
    assert picked(page, "#f-countries") == ["TZA"]  # kept when the form comes back refused
    assert not [m for m in refused if "Content Security Policy" in m], refused
