"""Browsing in headless Chromium: filtering the list updates the results in place (HTMX) and
the address, a record opens from the list, and the start page speaks Chinese."""

from __future__ import annotations

from typing import Any

from tests.world import World


def result_titles(page: Any) -> list[str]:
    titles: list[str] = page.locator("#results tbody td strong").all_inner_texts()
    return titles


def test_filtering_the_list_updates_the_results_and_the_address(world: World, page_as: Any) -> None:
    page = page_as("public")
    page.goto("/opportunities")
    assert "Solar tunnel dryer for mango" in result_titles(page)
    page.evaluate("window.itpoMarker = 'same page'")  # gone if the whole page reloads
    page.select_option("#f-kind", "technology_need")
    page.wait_for_url("**/opportunities?*kind=technology_need*")
    page.locator("#results tbody tr").first.wait_for()
    page.wait_for_function("document.querySelectorAll('#results tbody tr').length === 1")
    assert result_titles(page) == ["Solar dryer for mango exporters"]
    assert page.evaluate("window.itpoMarker") == "same page"
    assert "1–1 of 1 opportunities" in page.locator("#results [role=status]").inner_text()

    page.select_option("#f-kind", "")
    page.locator("#f-q").press_sequentially("tunnel")
    page.wait_for_url("**q=tunnel*")
    page.wait_for_function("document.querySelectorAll('#results tbody tr').length === 1")
    assert result_titles(page) == ["Solar tunnel dryer for mango"]
    assert page.evaluate("window.itpoMarker") == "same page"

    page.reload()  # the address alone rebuilds the filtered page
    assert page.input_value("#f-q") == "tunnel"
    assert result_titles(page) == ["Solar tunnel dryer for mango"]


def test_opening_a_record_from_the_list(world: World, page_as: Any) -> None:
    page = page_as("member")
    page.goto("/opportunities")
    page.click("#results a:has-text('Solar dryer for mango exporters')")
    page.wait_for_url(f"**/opportunities/{world.ids['own']}")
    assert page.locator("h1").inner_text() == "Solar dryer for mango exporters"
    assert "SECRET-DETAIL-own" in page.locator("#details-heading + .prose").inner_text()
    assert page.locator(f"a[href='/opportunities/{world.ids['own']}/edit']").is_visible()
    assert page.locator("section#matches").count() == 1


def test_the_start_page_in_chinese_searches_in_chinese(world: World, page_as: Any) -> None:
    page = page_as("public", language="zh-CN")
    page.goto("/")
    assert page.locator("h1").inner_text() == "寻找技术与投资合作伙伴"
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    page.fill("#start-q", "芒果干燥机")
    page.click("form[action='/search'] button[type=submit]")
    page.wait_for_url("**/search?q=*")
    hits = page.locator("ol.hits h2 a").all_inner_texts()
    assert "Solar tunnel dryer for mango" in hits
    assert "按相关度排序" in page.locator("[role=status]").inner_text()
