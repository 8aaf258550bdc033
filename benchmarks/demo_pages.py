"""What the page benchmarks share: the demo loaded into a folder of its own, an officer of its
office made for the run and signed in through the sign-in form, and the median of timed runs."""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from itpo.accounts.principal import Principal
from itpo.bootstrap import Platform, bootstrap
from itpo.config import Settings

OFFICER_EMAIL = "benchmark.officer@itpo.example"
OFFICER_PASSWORD = "benchmark officer passphrase 2026"


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    fn()  # warm-up: caches and the first query plans
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(round((time.perf_counter() - start) * 1000.0, 1))
    return statistics.median(times), times


def loaded_demo(folder: Path) -> Platform:
    """`itpo demo --no-serve` into `folder/demo` (its own SQLite file), then the platform on it."""
    home = folder / "demo"
    env = os.environ | {"ITPO_DATA_DIR": str(home)}
    env.pop("ITPO_DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "-m", "itpo", "demo", "--no-serve"],
        env=env,
        check=True,
        capture_output=True,
        cwd=folder,
    )
    return bootstrap(Settings(data_dir=home))


def officer(platform: Any) -> tuple[str, str]:
    """An officer of the demo's office, made for the benchmark: email and password."""
    from itpo.accounts import services
    from itpo.accounts.model import Role, UserQuery

    operator = Principal.system("benchmark")
    admins = services.list_users(
        uow=platform.uow(), by=operator, query=UserQuery(roles=(Role.ADMINISTRATOR,), limit=1)
    )
    services.create_user(
        uow=platform.uow(),
        by=operator,
        email=OFFICER_EMAIL,
        display_name="Benchmark officer",
        role=Role.OFFICER,
        password=OFFICER_PASSWORD,
        office_id=admins.items[0].office_id,
        policy=platform.account_policy,
    )
    return OFFICER_EMAIL, OFFICER_PASSWORD


def signed_in(client: Any, email: str, password: str) -> Any:
    """The test client, signed in through the sign-in form."""
    form = client.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form)
    assert token is not None
    client.post("/login", data={"email": email, "password": password, "csrf_token": token[1]})
    return client
