"""An officer creates an organisation in headless Chromium, through the pages only, in English
and in Chinese: a first try without a name is refused beside the field, the second is saved,
and the organisation's page offers what comes next."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from itpo.registry import services
from tests.actors import OPERATOR
from tests.world import World

WORDS = {
    "en": {"required": "Required.", "created": "The organisation is created.", "edit": "Edit"},
    "zh-CN": {"required": "必填。", "created": "机构已创建。", "edit": "编辑机构概况"},
}


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_an_officer_creates_an_organisation_through_the_pages(
    world: World, page_as: Callable[..., Any], screenshots: Path, language: str
) -> None:
    words = WORDS[language]
    name = f"Mekong Rice Millers ({language})"
    officer = page_as("officer", language=language)
    officer.goto("/organisations/new")
    officer.select_option("#f-kind", "company")
    officer.select_option("#f-country", "VNM")
    officer.fill("#f-city", "Can Tho")
    officer.fill("#f-website", "https://mekong-rice.example")
    officer.select_option("#f-size", "medium")
    officer.select_option("#f-isic_classes", ["1061"])
    officer.check("input[name=languages][value=vi]")
    officer.check("input[name=languages][value=en]")
    officer.click("form[action='/organisations/new'] button[type=submit]")
    officer.wait_for_selector("#f-name-problem")
    assert officer.inner_text("#f-name-problem") == words["required"]
    assert officer.get_attribute("#f-name", "aria-invalid") == "true"
    # What was typed stays: only the name is missing.
    assert officer.input_value("#f-city") == "Can Tho"
    assert officer.is_checked("input[name=languages][value=vi]")
    officer.screenshot(
        path=str(screenshots / f"organisation-refused-{language}.png"), full_page=True
    )

    officer.fill("#f-name", name)
    officer.fill("#f-description", "Rice mills that turn husks into power.")
    officer.click("form[action='/organisations/new'] button[type=submit]")
    officer.wait_for_url("**/organisations/*?done=created")
    assert words["created"] in officer.inner_text("main p.notice.success")
    assert name in officer.inner_text("main h1")
    assert words["edit"] in officer.inner_text("#organisation-actions")
    officer.screenshot(
        path=str(screenshots / f"organisation-created-{language}.png"), full_page=True
    )

    organisation_id = int(officer.url.split("/organisations/")[1].split("?")[0])
    found = services.get_organisation(
        uow=world.platform.uow(), by=OPERATOR, organisation_id=organisation_id
    )
    assert (found.name, found.country, found.city) == (name, "VNM", "Can Tho")
    assert found.isic_classes == ["1061"] and sorted(found.languages) == ["en", "vi"]
