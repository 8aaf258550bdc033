"""Transport guards: security headers on every answer, size limits, hostile Excel files refused,
and no stack trace ever sent to a client."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.actors import OPERATOR
from tests.records import organisation_data

from itpo.adapters.app import create_app
from itpo.adapters.files.excel_files import write_template
from itpo.bootstrap import Platform, bootstrap
from itpo.config import Settings
from itpo.registry import reading, services

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def small_client(sqlite_url: str, tmp_path: Path) -> Iterator[TestClient]:
    """An app with tight limits: 2 KB bodies, 1 MB uploads."""
    settings = Settings(
        database_url=sqlite_url, data_dir=tmp_path / "data", max_request_kb=2, max_upload_mb=1
    )
    platform = bootstrap(settings, initialise=True)
    with TestClient(create_app(platform=platform), raise_server_exceptions=False) as client:
        yield client
    platform.close()


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/api/v1/health", "/api/v1/opportunities/999", "/api/v1/nowhere"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["content-security-policy"].startswith("default-src 'none'")
        assert headers["referrer-policy"] == "same-origin"
        assert "strict-transport-security" not in headers
    docs = client.get("/docs").headers["content-security-policy"]
    assert "script-src 'self';" in docs and "frame-ancestors 'none'" in docs
    assert "cdn.jsdelivr.net" not in docs and "unsafe-inline" not in docs


def test_hsts_only_over_tls(platform: Platform) -> None:
    with TestClient(create_app(platform=platform), base_url="https://testserver") as client:
        assert "max-age=" in client.get("/api/v1/health").headers["strict-transport-security"]


def test_a_body_over_the_limit_is_refused_before_it_is_read(small_client: TestClient) -> None:
    big = {"name": "x" * 4000}
    answer = small_client.post("/api/v1/organisations", json=big)
    assert answer.status_code == 413 and "larger than 2 KB" in answer.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the bytes are counted as they come
        yield b'{"name": "'
        for _ in range(10):
            yield b"x" * 1000
        yield b'"}'

    streamed = small_client.post(
        "/api/v1/organisations", content=chunks(), headers={"content-type": "application/json"}
    )
    assert streamed.status_code == 413
    assert small_client.get("/api/v1/organisations").json()["total"] == 0
    # A body under the limit still reaches the route and its validation.
    assert small_client.post("/api/v1/organisations", json={"name": "x"}).status_code == 422


def test_an_upload_over_its_limit_is_refused(small_client: TestClient) -> None:
    payload = b"external_id,name\n" + b"x" * (1024 * 1024 + 10)
    answer = small_client.post("/api/v1/imports", files={"file": ("big.csv", payload, "text/csv")})
    assert answer.status_code == 413


def bomb() -> bytes:
    """A valid-looking .xlsx whose one part inflates 1000 times: 50 MB from about 50 KB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (50 * 1024 * 1024))
    return buffer.getvalue()


def test_hostile_excel_files_are_refused_unopened_and_change_nothing(
    client: TestClient, tmp_path: Path
) -> None:
    cases = {
        "bomb.xlsx": (bomb(), "zip bomb"),
        "text.xlsx": (b"name,country\nA,KEN\n", "not an Excel workbook"),
        "other.xlsx": (_zip({"hello.txt": b"hi"}), "not an Excel workbook"),
    }
    for name, (payload, message) in cases.items():
        answer = client.post("/api/v1/imports", files={"file": (name, payload, XLSX)})
        assert answer.status_code == 422, name
        assert message in answer.json()["detail"], name
    assert client.get("/api/v1/organisations").json()["total"] == 0
    template = tmp_path / "template.xlsx"
    write_template(template)  # a real workbook passes the guard
    answer = client.post("/api/v1/imports", files={"file": ("t.xlsx", template.read_bytes(), XLSX)})
    assert answer.status_code == 200, answer.text


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_an_unexpected_failure_answers_500_without_a_trace(
    client: TestClient, platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.create_organisation(by=OPERATOR, uow=platform.uow(), data=organisation_data())

    def broken(**_: object) -> None:
        raise RuntimeError("secret internals at /srv/itpo/db.py line 42")

    monkeypatch.setattr(reading, "organisation_profiles", broken)
    answer = client.get("/api/v1/organisations")
    assert answer.status_code == 500
    assert answer.json() == {"detail": "internal error; the request changed nothing"}
    assert "secret" not in answer.text and "Traceback" not in answer.text
    assert answer.headers["x-content-type-options"] == "nosniff"
