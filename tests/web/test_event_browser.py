"""An event in headless Chromium, through the pages only, in English and in Chinese: an officer
creates it, two members register, one asks the other for a meeting from the suggestions and
the other accepts, the officer runs the scheduler (the page follows its progress and reloads)
and publishes, and each member downloads an agenda as iCalendar and as PDF."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from itpo.events import services
from tests.actors import OPERATOR
from tests.world import World

WORDS = {
    "en": {"suggested": "Suggested meetings", "done": "The scheduler is done", "table": "Table"},
    "zh-CN": {"suggested": "推荐会谈", "done": "排程完成", "table": "桌"},
}


def downloaded(page: Any, selector: str) -> bytes:
    with page.expect_download() as waiting:
        page.click(selector)
    path = waiting.value.path()
    return Path(path).read_bytes()


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_an_event_from_creation_to_downloaded_agendas(
    world: World, page_as: Callable[..., Any], screenshots: Path, language: str
) -> None:
    words = WORDS[language]
    name = f"Solar drying forum ({language})"
    officer = page_as("officer", language=language)
    officer.goto("/events")
    officer.click("a[href='/events/new']")
    officer.fill("#name", name)
    officer.fill("#name_zh", f"太阳能干燥论坛（{language}）")
    officer.fill("#place", "Shanghai, Hall 3")
    officer.fill("#time_zone", "Asia/Shanghai")
    officer.fill("#tables", "4")
    officer.fill("#sessions-0-day", "2027-05-11")
    officer.fill("#sessions-0-start", "09:00")
    officer.fill("#sessions-0-end", "12:00")
    officer.fill("#sessions-0-break_start", "10:30")
    officer.fill("#sessions-0-break_end", "11:00")
    officer.click("form[action='/events'] button[type=submit]")
    officer.wait_for_url("**/events/*?done=created")
    event_path = officer.url.split("?")[0].removeprefix(officer.url.split("/events/")[0])

    desks = {}
    for asker in ("member", "other_member"):
        member = page_as(asker, language=language)
        member.goto(event_path)
        member.fill("#register-attendees", f"Delegate ({asker})\nEngineer")
        member.click("#register button[type=submit]")
        member.wait_for_url("**/event-participants/*?done=registered")
        desks[asker] = (member, member.url.split("?")[0])

    member, own_desk = desks["member"]
    other, other_desk = desks["other_member"]
    member.goto(own_desk)
    assert words["suggested"] in member.inner_text("#suggestions")
    member.click("#suggestions form button[type=submit]")
    member.wait_for_url("**?done=requested*")

    other.goto(other_desk)
    other.click("#requests button[name=answer][value=accept]")
    other.wait_for_url("**?done=accepted*")

    officer.goto(f"{event_path}/schedule")
    officer.select_option("#run-seconds", "5")
    officer.click("form[action$='/schedule'] button[type=submit]")
    # The page follows the run and reloads with the draft when it is done.
    officer.wait_for_selector(f"main p.notice.success:has-text('{words['done']}')", timeout=60_000)
    grid = officer.inner_text("#grid")
    assert "×" in grid
    officer.click("form[action$='/publish'] button[type=submit]")
    officer.wait_for_url("**?done=published*")
    officer.screenshot(path=str(screenshots / f"event-grid-{language}.png"), full_page=True)

    for page, desk in ((member, own_desk), (other, other_desk)):
        page.goto(desk)
        calendar = Calendar.from_ical(downloaded(page, "a[href$='format=ics']"))
        [meeting] = list(calendar.walk("VEVENT"))
        start = meeting.decoded("dtstart")
        assert str(start.tzinfo) == "Asia/Shanghai" and start.date().isoformat() == "2027-05-11"
        pdf = PdfReader(io.BytesIO(downloaded(page, "a[href$='format=pdf']")))
        assert words["table"] in "".join(p.extract_text() for p in pdf.pages)
    member.screenshot(path=str(screenshots / f"event-desk-{language}.png"), full_page=True)


def test_the_event_pages_fit_a_phone(
    world: World, page_as: Callable[..., Any], screenshots: Path
) -> None:
    """No event page runs off a 390-pixel screen (a wide grid scrolls inside its box)."""
    event = services.create_event(
        uow=world.platform.uow(),
        by=OPERATOR,
        data={
            "name": "Phone forum",
            "name_zh": "手机论坛",
            "place": "Shanghai",
            "time_zone": "Asia/Shanghai",
            "sessions": [{"day": "2027-06-01", "start": "09:00", "end": "12:00"}],
            "tables": 12,
        },
    )
    page = page_as("officer", language="zh-CN")
    page.set_viewport_size({"width": 390, "height": 844})
    for path in (f"/events/{event.id}", f"/events/{event.id}/schedule", "/events/new"):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
    page.screenshot(path=str(screenshots / "event-schedule-zh-390.png"), full_page=True)
