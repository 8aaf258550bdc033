"""`itpo serve --workers 2` as a user runs it: real processes, each with its own index and
caches, over one database and one port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import httpx2 as httpx
import pytest
from tests.actors import OPERATOR
from tests.auth import administrator, bearer
from tests.records import opportunity_data, organisation_data
from tests.serving import free_port, wait_until_serving

from itpo.bootstrap import bootstrap
from itpo.config import Settings
from itpo.registry import services

ITPO = [sys.executable, "-m", "itpo"]


@dataclass(frozen=True)
class Served:
    base: str
    headers: dict[str, str]  # an administrator's token
    offer_id: int
    env: dict[str, str]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Two workers over a need and an offer that match."""
    folder = tmp_path_factory.mktemp("workers")
    settings = Settings(database_url=f"sqlite:///{folder / 'itpo.sqlite3'}", data_dir=folder)
    platform = bootstrap(settings, initialise=True)
    try:
        services.create_organisation(by=OPERATOR, uow=platform.uow(), data=organisation_data())
        services.create_organisation(
            by=OPERATOR,
            uow=platform.uow(),
            data=organisation_data(
                external_id="org-ke-1",
                name="Meru Mango Growers",
                country="KEN",
                city="Meru",
                isic_classes=["1030"],
                website=None,
            ),
        )
        offer = services.create_opportunity(
            by=OPERATOR,
            uow=platform.uow(),
            data=opportunity_data(
                title="Solar tunnel dryer for mangoes",
                isic_classes=["2819", "1030"],
                countries=["KEN"],
                trl=8,
                cooperation_types=["licensing"],
            ),
        )
        services.create_opportunity(
            by=OPERATOR,
            uow=platform.uow(),
            data=opportunity_data(
                external_id="need-ke",
                kind="technology_need",
                organisation="org-ke-1",
                title="Solar dryer for mango exporters",
                isic_classes=["1030"],
                countries=["KEN"],
                teaser="A Kenyan mango cooperative needs a solar dryer to cut post-harvest losses.",
                trl=None,
                min_trl=6,
                cooperation_types=["licensing"],
            ),
        )
        headers = bearer(platform, administrator(platform))
    finally:
        platform.close()
    env = os.environ | {
        "ITPO_DATABASE_URL": settings.resolved_database_url,
        "ITPO_DATA_DIR": str(folder),
    }
    port = free_port()
    process = subprocess.Popen([*ITPO, "serve", "--port", str(port), "--workers", "2"], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, process)
        assert offer.id is not None
        yield Served(base, headers, offer.id, env)
    finally:
        process.terminate()
        assert process.wait(timeout=60) == 0


def titles_seen(base: str, headers: dict[str, str], need_id: int, times: int) -> set[str]:
    """The offer's title in the need's matches, each time on a new connection (so the kernel
    hands them to either worker)."""
    seen = set()
    for _ in range(times):
        answer = httpx.get(
            f"{base}/api/v1/opportunities/{need_id}/matches", headers=headers, timeout=120
        )
        assert answer.status_code == 200, answer.text
        seen |= {row["title"] for row in answer.json()}
    return seen


def test_a_change_through_one_worker_is_in_every_workers_next_answer(
    served: Served,
) -> None:
    base, headers, offer_id = served.base, served.headers, served.offer_id
    need_id = offer_id + 1
    assert titles_seen(base, headers, need_id, 12) == {"Solar tunnel dryer for mangoes"}
    changed = httpx.patch(
        f"{base}/api/v1/opportunities/{offer_id}",
        headers=headers,
        json={"title": "Solar tunnel dryer for mango and pineapple"},
    )
    assert changed.status_code == 200, changed.text
    seen = titles_seen(base, headers, need_id, 12)
    assert seen == {"Solar tunnel dryer for mango and pineapple"}


def test_a_revoked_token_is_refused_by_every_worker_at_once(
    served: Served,
) -> None:
    base, headers = served.base, served.headers
    issued = httpx.post(
        f"{base}/api/v1/tokens", headers=headers, json={"name": "short-lived", "scopes": ["read"]}
    )
    assert issued.status_code in (200, 201), issued.text
    token = issued.json()
    mine = {"Authorization": f"Bearer {token['token']}"}
    assert httpx.get(f"{base}/api/v1/opportunities", headers=mine).status_code == 200
    revoked = httpx.delete(f"{base}/api/v1/tokens/{token['id']}", headers=headers)
    assert revoked.status_code in (200, 204), revoked.text
    for _ in range(12):
        assert httpx.get(f"{base}/api/v1/opportunities", headers=mine).status_code == 401


def test_a_busy_port_is_one_clear_line(served: Served) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [*ITPO, "serve", "--port", str(port), "--workers", "2"],
            env=served.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
