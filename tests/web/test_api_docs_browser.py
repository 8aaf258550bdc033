"""The API docs in headless Chromium: Swagger UI draws the API's operations from this server
alone, with nothing refused by the page's policy and no error in the console."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit


def test_swagger_ui_renders_the_operations_from_this_server_alone(
    browser: Any, live_server: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    hosts: set[str] = set()
    page.on(
        "console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    try:
        page.goto(f"{live_server}/docs")
        page.locator(".opblock").first.wait_for()
        assert page.locator(".swagger-ui .info .title").inner_text().startswith("ITPO Exchange")
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        assert "/api/v1/opportunities" in paths and "/api/v1/health" in paths
        assert len(paths) > 20
        page.locator(".opblock-summary", has_text="/api/v1/health").first.click()
        page.locator(".try-out__btn").first.wait_for()
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert problems == []
    assert hosts == {urlsplit(live_server).netloc}
