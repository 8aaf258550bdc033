"""Page fixtures: the world, clients signed in through the form, a live server and Chromium.

Browser tests drive Debian's chromium (`apt-get install chromium`) through Playwright; CI
installs it. Without it they are skipped with that instruction, except under CI, where a
missing browser is a failure."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn

from itpo.adapters.app import create_app
from tests.auth import PASSWORD
from tests.serving import free_port
from tests.world import EMAILS, World, build_world

CHROMIUM = os.environ.get("ITPO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One world for all page tests; tests that change it change records of their own."""
    built = build_world(tmp_path_factory.mktemp("web"))
    yield built
    built.platform.close()


@pytest.fixture(scope="session")
def live_server(world: World) -> Iterator[str]:
    """The app served by uvicorn on loopback, in a thread of the test process."""
    port = free_port()
    config = uvicorn.Config(
        create_app(platform=world.platform), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the live server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        message = f"no Chromium at {CHROMIUM}: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page_as(browser: object, live_server: str) -> Iterator[object]:
    """`page_as("member")`: a fresh browser context signed in through the sign-in page as that
    asker ("public" stays signed out), with the live server as its base address."""
    contexts = []

    def open_page(asker: str, language: str = "en") -> object:
        context = browser.new_context(base_url=live_server, locale=language)  # type: ignore[attr-defined]
        contexts.append(context)
        page = context.new_page()
        if asker != "public":
            page.goto("/login")
            page.fill("#email", EMAILS[asker])
            page.fill("#password", PASSWORD)
            page.click("form[action='/login'] button[type=submit]")
            page.wait_for_load_state()
        return page

    yield open_page
    for context in contexts:
        context.close()
