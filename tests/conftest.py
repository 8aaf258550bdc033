"""Fixtures: a real database per test (SQLite file, or PostgreSQL), the platform and the app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from itpo.adapters.app import create_app
from itpo.bootstrap import Platform, bootstrap
from itpo.config import Settings
from tests.auth import administrator, bearer
from tests.clock import TEST_CLOCK
from tests.postgres import fresh_database

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'itpo.sqlite3'}"


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Each test that asks for it runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'itpo.sqlite3'}"
        return
    with fresh_database() as url:
        yield url


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(database_url=database_url, data_dir=tmp_path / "data")


@pytest.fixture
def platform(settings: Settings) -> Iterator[Platform]:
    platform = bootstrap(settings, initialise=True, clock=TEST_CLOCK)
    yield platform
    platform.close()


@pytest.fixture
def client(platform: Platform) -> Iterator[TestClient]:
    """The API as an administrator sees it, through a real token."""
    headers = bearer(platform, administrator(platform))
    with TestClient(
        create_app(platform=platform), raise_server_exceptions=False, headers=headers
    ) as client:
        yield client


@pytest.fixture
def public_client(platform: Platform) -> Iterator[TestClient]:
    """The API as the anonymous public sees it."""
    with TestClient(create_app(platform=platform), raise_server_exceptions=False) as client:
        yield client
