"""Fixtures: a real database per test (SQLite file, or PostgreSQL), the platform and the app;
the run's PostgreSQL server (tests/postgres.py) and the markers every test gets by what it uses."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from itpo.adapters.app import create_app
from itpo.adapters.index_store import EncoderSpec
from itpo.bootstrap import Platform, bootstrap
from itpo.config import Settings
from itpo.matching.encoders import default_encoders
from tests import postgres
from tests.auth import administrator, bearer
from tests.clock import TEST_CLOCK
from tests.postgres import BACKENDS, database_on

# The run folder an xdist controller hands its workers, so that they share its server.
WORKER_RUN_FOLDER = "itpo_postgres_run_folder"
END_TO_END = Path(__file__).parent / "e2e"


def pytest_configure(config: pytest.Config) -> None:
    workerinput = getattr(config, "workerinput", None)
    if workerinput is None:
        postgres.start_run()
    else:
        postgres.join_run(Path(workerinput[WORKER_RUN_FOLDER]))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    node.workerinput[WORKER_RUN_FOLDER] = str(postgres.start_run())


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    postgres.end_run()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests under tests/e2e are `e2e`; tests that drive Chromium are `browser`."""
    for item in items:
        if END_TO_END in item.path.parents:
            item.add_marker(pytest.mark.e2e)
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'itpo.sqlite3'}"


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Each test that asks for it runs once on SQLite and once on PostgreSQL."""
    with database_on(request.param, tmp_path) as url:
        yield url


@pytest.fixture(scope="session")
def encoders() -> list[EncoderSpec]:
    """The bundled models, loaded once for the run: loading and warming them takes seconds."""
    return [EncoderSpec.of(encoder) for encoder in default_encoders()]


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


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where tests save what they rendered, to be looked at: ITPO_TEST_SCREENSHOTS when set,
    else a folder of the run's temporary directory (pytest keeps the last few runs')."""
    chosen = os.environ.get("ITPO_TEST_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.getbasetemp() / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
