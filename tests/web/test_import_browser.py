"""An import in headless Chromium, through the pages only, in English and in Chinese: an officer
sends an Excel file with one bad row and sees its row and field, sends the fixed file, reads
what importing it would do, imports it and reads the report; on a phone no page of it is wider
than the screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from itpo.adapters.files.formats import write_records
from tests.records import opportunity_data, organisation_data
from tests.world import World

WORDS = {
    "en": {"fix": "The rows to fix", "section": "Opportunities", "done": "The import is done."},
    "zh-CN": {"fix": "需修正的行", "section": "合作机会", "done": "导入已完成"},
}
PHONE = {"width": 390, "height": 844}


def workbook(folder: Path, prefix: str, *, bad: bool) -> Path:
    """An Excel file of one organisation and its three draft offers; with `bad`, the second
    offer (row 3 of its sheet) names a country that does not exist."""
    owner = f"org-{prefix}"
    offers = [
        opportunity_data(
            external_id=f"{prefix}-{n}",
            organisation=owner,
            title=f"Micro hydro turbine {n} ({prefix})",
            countries=["XX" if bad and n == 2 else "BTN"],
            status="draft",
        )
        for n in (1, 2, 3)
    ]
    organisation = organisation_data(
        external_id=owner, name=f"Thimphu Hydro Works ({prefix})", country="BTN", website=None
    )
    path = folder / f"{prefix}-{'bad' if bad else 'fixed'}.xlsx"
    write_records(path, [organisation], offers)
    return path


def send(page: Any, path: Path) -> None:
    page.set_input_files("#import-file", str(path))
    page.click("form[action='/imports'] button[type=submit]")
    page.wait_for_load_state()


def width_of(page: Any) -> int:
    width: int = page.evaluate("document.documentElement.scrollWidth")
    return width


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_an_officer_fixes_a_bad_row_and_imports_the_file(
    world: World, page_as: Callable[..., Any], screenshots: Path, tmp_path: Path, language: str
) -> None:
    words = WORDS[language]
    prefix = f"hydro-{language.lower()}"
    officer = page_as("officer", language=language)
    officer.goto("/opportunities")
    officer.click("main a[href='/imports']")
    officer.wait_for_url("**/imports")

    send(officer, workbook(tmp_path, prefix, bad=True))
    assert words["fix"] in officer.inner_text("main")
    [row] = officer.query_selector_all("#bad-rows tbody tr")
    cells = [cell.inner_text().strip() for cell in row.query_selector_all("td")]
    assert cells[:3] == ["3", words["section"], "countries"]
    assert "XX" in cells[3]
    officer.screenshot(path=str(screenshots / f"import-bad-row-{language}.png"), full_page=True)

    send(officer, workbook(tmp_path, prefix, bad=False))
    officer.wait_for_url("**/imports/*")
    created = officer.inner_text("tr[data-section=opportunities] td.created")
    assert created == "3"
    officer.screenshot(path=str(screenshots / f"import-check-{language}.png"), full_page=True)
    officer.click("form[action$='/commit'] button[type=submit]")
    # The page follows the import and reloads with its report when it is done.
    officer.wait_for_selector(f"p.notice.success:has-text('{words['done']}')", timeout=60_000)
    assert officer.inner_text("tr[data-section=opportunities] td.created") == "3"
    assert officer.inner_text("tr[data-section=organisations] td.created") == "1"
    officer.screenshot(path=str(screenshots / f"import-report-{language}.png"), full_page=True)


def test_the_import_pages_fit_a_phone(
    world: World, page_as: Callable[..., Any], screenshots: Path, tmp_path: Path
) -> None:
    """No page of an import runs off a 390-pixel screen (wide tables scroll in their box)."""
    page = page_as("officer", language="zh-CN")
    page.set_viewport_size(PHONE)
    for path in ("/imports", "/opportunities?status=draft&country=BTN"):
        page.goto(path)
        assert width_of(page) <= PHONE["width"], path
    page.goto("/imports")
    # A long file name wraps rather than widening the page.
    prefix = "hydro-phone-" + "long" * 15
    send(page, workbook(tmp_path, prefix, bad=True))
    assert width_of(page) <= PHONE["width"], "the rows to fix"
    page.screenshot(path=str(screenshots / "import-bad-row-zh-390.png"), full_page=True)
    send(page, workbook(tmp_path, prefix, bad=False))
    page.wait_for_url("**/imports/*")
    assert width_of(page) <= PHONE["width"], "the check"
    page.click("form[action$='/commit'] button[type=submit]")
    page.wait_for_selector("p.notice.success", timeout=60_000)
    assert width_of(page) <= PHONE["width"], "the report"
    page.screenshot(path=str(screenshots / "import-report-zh-390.png"), full_page=True)
