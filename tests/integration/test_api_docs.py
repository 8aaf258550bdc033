"""The API docs at /docs come whole from this server: every asset the page names is local and
answers with its type, and the page's policy allows no other site and no inline script."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from itpo.adapters.app import create_app
from itpo.bootstrap import bootstrap
from itpo.config import Settings

TYPES = {
    ".js": ("text/javascript", "application/javascript"),
    ".css": ("text/css",),
    ".svg": ("image/svg+xml",),
}


class Assets(HTMLParser):
    """The addresses a page loads (scripts, styles, icons) and whether it has inline script."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []
        self.inline_scripts = 0
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "script":
            self._in_script = "src" not in named
            if named.get("src"):
                self.addresses.append(str(named["src"]))
        if tag == "link" and named.get("href"):
            self.addresses.append(str(named["href"]))
        self.inline_scripts += any(name.startswith("on") for name in named)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_scripts += 1


@pytest.fixture
def docs_client(sqlite_url: str, tmp_path: Path) -> Iterator[TestClient]:
    platform = bootstrap(
        Settings(database_url=sqlite_url, data_dir=tmp_path / "data"), initialise=True
    )
    with TestClient(create_app(platform=platform)) as client:
        yield client
    platform.close()


def page_assets(client: TestClient) -> Assets:
    answer = client.get("/docs")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    parsed = Assets()
    parsed.feed(answer.text)
    return parsed


def test_the_docs_page_names_only_local_assets_and_no_inline_script(
    docs_client: TestClient,
) -> None:
    parsed = page_assets(docs_client)
    assert parsed.inline_scripts == 0
    assert {Path(address).suffix for address in parsed.addresses} == {".js", ".css", ".svg"}
    for address in parsed.addresses:
        assert address.startswith("/") and not address.startswith("//"), address
    assert "cdn.jsdelivr.net" not in docs_client.get("/docs").text


def test_every_docs_asset_answers_with_its_type(docs_client: TestClient) -> None:
    for address in page_assets(docs_client).addresses:
        answer = docs_client.get(address)
        assert answer.status_code == 200, address
        media_type = answer.headers["content-type"].split(";")[0]
        assert media_type in TYPES[Path(address).suffix], (address, media_type)
        assert len(answer.content) > 100, address


def test_swagger_ui_is_the_bundle_of_an_installed_package(docs_client: TestClient) -> None:
    bundle = docs_client.get("/docs/assets/swagger-ui-bundle.js").text
    assert "SwaggerUIBundle" in bundle
    assert re.search(r'PACKAGE_VERSION:"5\.\d+\.\d+"', bundle)
    start = docs_client.get("/docs/assets/swagger-init.js").text
    assert "SwaggerUIBundle(" in start and "validatorUrl: null" in start


def test_the_docs_policy_allows_this_server_only(docs_client: TestClient) -> None:
    policy = docs_client.get("/docs").headers["content-security-policy"]
    words = [part.split() for part in policy.split(";") if part.strip()]
    directives = {name: values for name, *values in words}
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "http" not in policy and "unsafe" not in policy


def test_redoc_is_not_offered(docs_client: TestClient) -> None:
    assert docs_client.get("/redoc").status_code == 404
