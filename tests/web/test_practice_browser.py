"""The practice pages in Chromium: a Chinese question finds the English-and-Chinese case, its
page reads in Chinese with its figures and sources, an officer writes a case through the form
(with a refused figure shown beside its field first), and the pages fit a phone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.world import World

pytestmark = pytest.mark.browser


def test_a_chinese_question_finds_a_case_and_reads_it_in_chinese(
    world: World, page_as: Callable[..., Any], screenshots: Path
) -> None:
    page = page_as("public", language="zh-CN")
    page.goto("/practices")
    page.fill("#f-q", "芒果采摘后烂掉太多，有什么办法")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_load_state("networkidle")
    first = page.locator(".practice-card h2 a").first
    assert first.inner_text() == "太阳能干燥减少水果合作社的芒果损失"
    page.screenshot(path=str(screenshots / "practices-search-zh-CN.png"), full_page=True)
    first.click()
    page.wait_for_load_state("networkidle")
    assert "避免的采后损失" in page.locator(".figures-table").inner_text()
    assert page.locator("ol.sources a").first.get_attribute("href") == "https://example.org/drying"
    page.screenshot(path=str(screenshots / "practice-case-zh-CN.png"), full_page=True)


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_an_officer_writes_a_case_through_the_form(
    world: World, page_as: Callable[..., Any], screenshots: Path, language: str
) -> None:
    page = page_as("officer", language=language)
    page.goto("/practices/new")
    page.select_option("#f-theme", "green_industry")
    page.evaluate("document.querySelector('#f-country').tomselect?.setValue('VNM')")
    if page.evaluate("!document.querySelector('#f-country').tomselect"):
        page.select_option("#f-country", "VNM")
    title = f"Cleaner production at a Hai Phong dye house ({language})"
    page.fill("#f-title_en", title)
    page.fill("#f-problem_en", "Dyeing used far more water and steam than it needed.")
    page.fill("#f-done_en", "The dye house metered its lines and reused rinse water.")
    page.fill("#f-results_en", "Water and steam use fell, and so did the bills.")
    page.fill(
        "#f-sources", "Test source, Cleaner production in dyeing, 2018 | https://example.org/dye"
    )
    page.fill("#f-figures", "25 |  | 2018 | 1 | en=water saved")
    page.click("form.practice-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("#f-figures-problem").is_visible()
    assert page.locator("#f-title_en").input_value() == title  # the form keeps what was typed
    page.fill("#f-figures", "25 | % | 2018 | 1 | en=water saved")
    page.click("form.practice-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == title
    assert "25" in page.locator(".figures-table").inner_text()
    page.screenshot(path=str(screenshots / f"practice-new-{language}.png"), full_page=True)


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_the_practice_pages_fit_a_phone(
    world: World, page_as: Callable[..., Any], screenshots: Path, language: str
) -> None:
    page = page_as("officer", language=language)
    page.set_viewport_size({"width": 390, "height": 844})
    for path in (
        "/practices",
        f"/practices/{world.cases['office']}",
        "/practices/new",
        "/practices/import",
    ):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 0, f"{path} is {wide}px wider than the window"
    page.goto(f"/practices/{world.cases['office']}")
    page.screenshot(path=str(screenshots / f"practice-case-{language}-390.png"), full_page=True)


def test_the_case_form_suggests_sdgs_from_the_case_text(
    world: World, page_as: Callable[..., Any], screenshots: Path
) -> None:
    page = page_as("officer", language="zh-CN")
    page.goto("/practices/new")
    page.fill("#f-title_zh", "工业园区污水集中处理与回用")
    page.fill("#f-problem_zh", "纺织印染厂的废水排入湖泊，污染饮用水源。")
    page.fill("#f-done_zh", "园区建设集中污水处理厂，处理后的水回用于生产。")
    box = page.locator("input[type=checkbox][name=sdgs][value='6']")
    assert not box.is_checked()
    page.get_by_role("button", name="推荐可持续发展目标").click()
    accept = page.locator("[data-sdg-accept='6']")
    accept.wait_for()
    accept.click()
    assert box.is_checked()
    page.screenshot(path=str(screenshots / "practice-sdg-suggestions-zh-CN.png"), full_page=True)
