"""The results dashboard and a deal's page in headless Chromium: every chart is drawn from the
vendored Apache ECharts (the world map included) with nothing asked of another site, and the
deal page reads in Chinese at a phone's width without running off the screen."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from itpo.pipeline import deals
from tests.actors import OPERATOR
from tests.world import World

VENDOR = Path(str(resources.files("itpo.adapters.web"))) / "static" / "vendor"
CHARTS = ("chart-funnel", "chart-regions", "chart-sectors", "chart-map", "chart-trend")


@pytest.fixture(scope="module")
def signed_deal(world: World) -> int:
    """A deal from the world's introduced match, signed this year with its amount."""
    platform = world.platform
    deal = deals.open_deal_from_match(
        uow=platform.uow(), by=OPERATOR, match_id=world.match_id, now=platform.clock
    )
    assert deal.id is not None
    for stage, changes in (
        ("negotiating", {"agreement_type": "equity", "expected_signing_on": "2026-10-01"}),
        (
            "agreement_signed",
            {
                "signed_on": "2026-10-20",
                "projected.investment_committed": 500000,
                "outcome.investment_committed": 400000,
            },
        ),
    ):
        deals.move_deal(
            uow=platform.uow(),
            by=OPERATOR,
            deal_id=deal.id,
            to=stage,
            changes=changes,
            now=platform.clock,
        )
    return deal.id


def test_the_vendored_files_are_those_the_manifest_names() -> None:
    manifest = json.loads((VENDOR / "VENDORED.json").read_text())
    assert set(manifest["files"]) >= {"echarts.min.js", "world.geo.json"}
    for name, entry in manifest["files"].items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == entry["sha256"], name
    world = json.loads((VENDOR / "world.geo.json").read_text())
    names = {feature["properties"]["name"] for feature in world["features"]}
    assert {"KEN", "CHN", "BRA", "FJI"} <= names and len(names) > 150


@pytest.mark.parametrize(("language", "heading"), [("en", "Results"), ("zh-CN", "成果")])
def test_the_dashboard_draws_every_chart_from_this_site(
    signed_deal: int,
    page_as: Callable[..., Any],
    live_server: str,
    screenshots: Path,
    language: str,
    heading: str,
) -> None:
    page = page_as("officer", language=language)
    elsewhere: list[str] = []
    problems: list[str] = []
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url) if not request.url.startswith(live_server) else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto("/results?year=2026")
    for chart in CHARTS:
        page.wait_for_selector(f"#{chart}[data-drawn] svg")
    assert not elsewhere, elsewhere
    assert not problems, problems
    map_paths = page.locator("#chart-map svg path").count()
    assert map_paths > 150  # the countries of the world map
    main = page.locator("main").inner_text()
    assert heading in page.locator("h1").inner_text()
    assert ("equity" if language == "en" else "股权") in main.lower()
    page.screenshot(path=str(screenshots / f"results-{language}.png"), full_page=True)


@pytest.mark.parametrize(("language", "words"), [("en", "Highlights"), ("zh-CN", "要点")])
def test_the_annual_report_renders_in_the_browser(
    signed_deal: int,
    page_as: Callable[..., Any],
    screenshots: Path,
    language: str,
    words: str,
) -> None:
    page = page_as("officer", language=language)
    # As the dashboard's download button asks for it, in the browser's language.
    answer = page.request.get(
        "/results/report?year=2026&format=html", headers={"Accept-Language": language}
    )
    assert answer.status == 200
    page.set_content(answer.text())  # the report is self-contained: nothing else to load
    assert words in page.locator("body").inner_text()
    charts = page.locator("svg").count()
    assert charts >= 3
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, overflow
    page.screenshot(path=str(screenshots / f"report-{language}.png"), full_page=True)


def test_a_deal_page_reads_in_chinese_on_a_phone(
    signed_deal: int, page_as: Callable[..., Any], screenshots: Path
) -> None:
    page = page_as("officer", language="zh-CN")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/deals/{signed_deal}")
    text = page.locator("main").inner_text()
    assert "协议已签署" in text and "阶段记录" in text
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, overflow
    page.screenshot(path=str(screenshots / "deal-zh-390.png"), full_page=True)
