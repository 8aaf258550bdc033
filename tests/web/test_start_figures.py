"""The start page's figures: counts by kind, region, sector and country as the asker may see
them, in tables beside charts drawn from this site; the list shows live records unless asked
otherwise, and its count agrees with the start page's."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from itpo.accounts.principal import ANONYMOUS
from itpo.registry.figures import published_figures
from tests.world import World, signed_in

TOTAL = re.compile(r'<span class="count">([\d,]+)</span>')


def listed_total(html: str) -> int:
    found = re.search(r'data-total="(\d+)"', html)
    assert found, "the list states its total"
    return int(found.group(1))


@pytest.mark.parametrize("asker", ["public", "member", "officer"])
def test_the_tables_hold_the_counts_the_asker_may_see(world: World, asker: str) -> None:
    page = signed_in(world, asker).get("/").text
    by = world.people[asker] if asker != "public" else ANONYMOUS
    figures = published_figures(uow=world.platform.uow(), by=by)
    assert 'id="start-regions-table"' in page and 'id="start-map-table"' in page
    assert "/static/vendor/echarts.min.js" in page and "/static/start.js" in page
    for tally in figures.countries[:3]:
        assert f'href="/opportunities?country={tally.code}"' in page
    kinds = sum(int(n.replace(",", "")) for n in TOTAL.findall(page))
    listed = signed_in(world, asker).get("/opportunities").text
    assert listed_total(listed) == kinds  # the list's default is what the start page counts


def test_the_list_shows_live_records_unless_asked_for_every_status(world: World) -> None:
    officer = signed_in(world, "officer")
    live = listed_total(officer.get("/opportunities").text)
    every = listed_total(officer.get("/opportunities?status=any").text)
    drafts = listed_total(officer.get("/opportunities?status=draft").text)
    assert every >= live + drafts and drafts >= 1
    # Narrowed to the draft's words, so other tests' records do not push it off the page.
    draft = f'href="/opportunities/{world.ids["other_draft"]}"'
    assert draft not in officer.get("/opportunities?q=Draft+dryer").text
    assert draft in officer.get("/opportunities?status=any&q=Draft+dryer").text


def test_the_figures_in_chinese(world: World) -> None:
    page = signed_in(world, "public").get("/?lang=zh").text
    assert "分布地区与行业" in page and "按国家" in page


def test_the_charts_are_drawn_from_this_site_on_a_phone(
    page_as: Callable[..., Any], screenshots: Path
) -> None:
    page = page_as("public")
    elsewhere: list[str] = []
    page.on("request", lambda r: elsewhere.append(r.url) if "127.0.0.1" not in r.url else None)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    for chart in ("start-regions", "start-sectors", "start-map"):
        page.wait_for_selector(f"#{chart}[data-drawn='true'] svg")
    page.screenshot(path=str(screenshots / "start-figures-390.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert elsewhere == []
