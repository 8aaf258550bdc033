"""A member takes a diagnostic through the pages in Chinese, in Chromium: answers every
question (one of them by keyboard), is told in one round what is missing, submits, sees the
spider chart with its figures beside it, downloads the PDF report, and finds the draft needs
with their matching offers; and the questionnaire and the result fit a 390-pixel phone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from itpo.diagnostic.questionnaire import questionnaire
from tests.auth import PASSWORD
from tests.diagnostics import live_offer, manufacturer
from tests.world import World

FORM = questionnaire()


def sign_in(page: Any, email: str) -> None:
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_load_state()


def test_a_member_takes_a_diagnostic_in_chinese_and_takes_the_report_away(
    world: World, page_as: Callable[..., Any], screenshots: Path
) -> None:
    _, email = manufacturer(world.platform, "jimma", isic="1313", country="ETH")
    live_offer(
        world.platform,
        "jimma-chain",
        title="纺织品出口供应链可视化与需求预测平台",
        teaser="与供应商和买家共享预测、库存和交付信息，并预测需求。",
        area="ai_manufacturing.supply_chain_analytics",
        language="zh",
    )
    page = page_as("public", language="zh-CN")
    sign_in(page, email)
    page.goto("/diagnostics")
    page.click("a[href='/diagnostics/new']")
    assert "开始诊断" in page.inner_text("h1")
    ids = FORM.ids()
    for dimension in ids[:-2]:
        page.check(f"input[name='answers.{dimension}'][value='1']")
    page.click("form.diagnostic-form button[type=submit]")
    page.wait_for_selector("#problems")
    shown = page.inner_text("#problems")
    assert f"answers.{ids[-2]}" in shown and f"answers.{ids[-1]}" in shown
    assert page.locator(".problem").count() == 2
    assert page.is_checked(f"input[name='answers.{ids[0]}'][value='1']")  # kept as chosen
    page.check(f"input[name='answers.{ids[-2]}'][value='2']")
    # A radio group is one stop for the keyboard: the arrows move the choice along the bands.
    page.focus(f"input[name='answers.{ids[-1]}'][value='0']")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.is_checked(f"input[name='answers.{ids[-1]}'][value='2']")
    page.click("form.diagnostic-form button[type=submit]")
    page.wait_for_url("**/diagnostics/*")

    page.wait_for_selector("#diagnostic-radar[data-drawn='true'] svg")
    assert page.locator("#diagnostic-radar svg path").count() > 10
    assert "互联互通：车间" in page.inner_text("#diagnostic-radar")
    assert page.locator("#diagnostic-figures tbody tr").count() == 16
    assert "最重要的差距" in page.inner_text("main")
    need = page.locator(".need", has=page.locator(".offer"))
    assert need.count() >= 1
    assert "纺织品出口供应链可视化与需求预测平台" in page.inner_text("main")
    page.screenshot(path=str(screenshots / "diagnostic-zh.png"), full_page=True)

    with page.expect_download() as waiting:
        page.click("a[href$='/report.pdf']")
    reader = PdfReader(waiting.value.path())
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Jimma Manufacturing Works" in text
    assert all(d.name.zh in text for d in FORM.dimensions)

    page.click(".need a:has-text('提交审核') >> nth=0")
    page.wait_for_url("**/opportunities/*/review")
    assert "提交审核" in page.inner_text("main")


def test_the_questionnaire_and_the_result_fit_a_phone(
    world: World, page_as: Callable[..., Any], screenshots: Path
) -> None:
    _, email = manufacturer(world.platform, "hawassa", isic="1410", country="ETH")
    page = page_as("public", language="zh-CN")
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, email)
    page.goto("/diagnostics/new")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(screenshots / "diagnostic-new-zh-390.png"), full_page=True)
    for dimension in FORM.ids():
        page.locator(f"input[name='answers.{dimension}'][value='3']").check()
    page.click("form.diagnostic-form button[type=submit]")
    page.wait_for_selector("#diagnostic-radar[data-drawn='true'] svg")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator("#diagnostic-radar").bounding_box()
    assert box is not None and box["width"] <= 390
    page.screenshot(path=str(screenshots / "diagnostic-zh-390.png"), full_page=True)
