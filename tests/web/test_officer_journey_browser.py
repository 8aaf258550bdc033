"""An officer's day in headless Chromium, through the pages only, in English and in Chinese:
creates an organisation, sends an Excel file with one bad row and sees its row and field,
sends the fixed file and imports it, reviews one of the imported profiles and publishes it,
appraises an investment project from the workbook and reads its charts, and finds the
published profile's matches; then the same pages on a phone's width."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from itpo.adapters.files.formats import write_records
from tests.records import opportunity_data, organisation_data
from tests.world import World

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CRITERIA = ("clear", "complete", "specific", "genuine")
WORDS = {
    "en": {"fix": "The rows to fix", "done": "The import is done.", "published": "Published"},
    "zh-CN": {"fix": "需修正的行", "done": "导入已完成", "published": "已发布"},
}


def workbook(folder: Path, prefix: str, *, bad: bool) -> Path:
    """A Kenyan processor and its two needs for a solar dryer; with `bad`, the second need
    names a country that does not exist (row 3 of its sheet)."""
    owner = f"org-{prefix}"
    needs = [
        opportunity_data(
            external_id=f"{prefix}-{n}",
            organisation=owner,
            kind="technology_need",
            trl=None,
            min_trl=6,
            title=f"Solar dryer for mango exporters, line {n} ({prefix})",
            teaser="A mango cooperative in Meru needs a solar dryer to cut post-harvest losses.",
            countries=["XX" if bad and n == 2 else "KEN"],
            status="in_review",
        )
        for n in (1, 2)
    ]
    organisation = organisation_data(
        external_id=owner, name=f"Embu Fruit Processors ({prefix})", country="KEN"
    )
    path = folder / f"{prefix}-{'bad' if bad else 'fixed'}.xlsx"
    write_records(path, [organisation], needs)
    return path


def send(page: Any, path: Path) -> None:
    page.set_input_files("#import-file", str(path))
    page.click("form[action='/imports'] button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_an_officer_works_through_the_desk(
    world: World, page_as: Callable[..., Any], screenshots: Path, tmp_path: Path, language: str
) -> None:
    words = WORDS[language]
    prefix = f"embu-{language.lower()}"
    officer = page_as("officer", language=language)

    # An organisation, from the form.
    officer.goto("/organisations/new")
    officer.fill("#f-name", f"Nakuru Agro Cooperative ({language})")
    officer.select_option("#f-kind", "company")
    officer.select_option("#f-country", "KEN")
    officer.click("form[action='/organisations/new'] button[type=submit]")
    officer.wait_for_url("**/organisations/*?done=created")

    # A file with one bad row: its row and field are named, nothing is written.
    officer.goto("/imports")
    send(officer, workbook(tmp_path, prefix, bad=True))
    assert words["fix"] in officer.inner_text("main")
    [row] = officer.query_selector_all("#bad-rows tbody tr")
    cells = [cell.inner_text().strip() for cell in row.query_selector_all("td")]
    assert cells[0] == "3" and cells[2] == "countries"
    officer.screenshot(path=str(screenshots / f"journey-bad-row-{language}.png"), full_page=True)
    send(officer, workbook(tmp_path, prefix, bad=False))
    officer.wait_for_url("**/imports/*")
    officer.click("form[action$='/commit'] button[type=submit]")
    officer.wait_for_selector(f"p.notice.success:has-text('{words['done']}')", timeout=60_000)

    # One imported profile waits on the review desk; the officer publishes it.
    officer.goto("/review")
    officer.click(f"a:has-text('line 1 ({prefix})')")
    officer.wait_for_url("**/opportunities/*/review")
    review = officer.url.split("?")[0]
    opportunity = review.removesuffix("/review")
    for criterion in CRITERIA:
        officer.check(f"#publish input[name=confirmed][value={criterion}]")
    officer.click("#publish button[type=submit]")
    officer.wait_for_url("**/review?done=published")
    assert officer.text_content("main .badge") == words["published"]
    officer.screenshot(path=str(screenshots / f"journey-published-{language}.png"), full_page=True)

    # An appraisal of an investment project from the workbook, its charts drawn.
    project = world.ids["project"]
    officer.goto(f"/opportunities/{project}")
    officer.click(f"a[href='/appraisals/new?opportunity_id={project}']")
    with officer.expect_download() as waiting:
        officer.click("a[href='/appraisals/template.xlsx?example=yes']")
    book = Path(waiting.value.path()).read_bytes()
    officer.set_input_files(
        "#file", files=[{"name": "plant.xlsx", "mimeType": XLSX, "buffer": book}]
    )
    officer.fill("#appraisal_name", f"Journey ({language})")
    officer.click("button[value=workbook]")
    officer.wait_for_url("**/appraisals/*?done=kept")
    officer.wait_for_selector("#chart-tornado[data-drawn='true'] svg")
    assert officer.locator("#cash-flow-table tbody tr").count() > 5
    officer.screenshot(path=str(screenshots / f"journey-appraisal-{language}.png"), full_page=True)

    # The published profile's matches: the world's solar dryers for mango.
    # The pages' world runs on a fixed clock while some of its records were stamped by the
    # real one, so the index (which follows changes by stamp) is rebuilt rather than left to
    # notice a change stamped in its past; a served installation has one clock.
    world.platform.index_store().rebuild()
    officer.goto(f"{opportunity}/matches")
    officer.wait_for_selector("ol.matches li.match")
    assert "Solar tunnel dryer for mango" in officer.inner_text("ol.matches")
    officer.screenshot(path=str(screenshots / f"journey-matches-{language}.png"), full_page=True)

    # The same pages on a phone.
    officer.set_viewport_size({"width": 390, "height": 844})
    for path in ("/imports", "/review", review, f"{opportunity}/matches", "/organisations/new"):
        officer.goto(path)
        wide = officer.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 0, f"{path} is {wide}px wider than the window"
    officer.screenshot(path=str(screenshots / f"journey-review-{language}-390.png"), full_page=True)
