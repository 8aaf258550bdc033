"""Load on the authenticated match endpoint over loopback: the demo data, a real server process,
an officer's API token, requests at a fixed rate; prints JSON.

The generator is open-loop: request i is due at start + i / rate whatever happened before, and
its latency counts from that due time, so a slow server cannot hide its queue by slowing the
client down (no coordinated omission). The server and the client share the machine's cores.

Usage: load_matches.py [--rate 200] [--seconds 30] [--runs 3] [--data DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx2 as httpx

from itpo.accounts import services as accounts
from itpo.accounts.model import Role, Scope, UserQuery
from itpo.accounts.principal import Principal
from itpo.bootstrap import bootstrap
from itpo.config import Settings
from itpo.registry import services as registry
from itpo.registry.filters import opportunity_query

ITPO = [sys.executable, "-m", "itpo"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def prepare(data: Path) -> tuple[dict[str, str], str, list[int]]:
    """The demo loaded (once per folder), an officer's token, and the live opportunity ids."""
    env = {k: v for k, v in os.environ.items() if k != "ITPO_DATABASE_URL"}
    env["ITPO_DATA_DIR"] = str(data)
    if not (data / "itpo.sqlite3").exists():
        done = subprocess.run([*ITPO, "demo", "--no-serve"], env=env, capture_output=True,
                              text=True, timeout=1800)  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(done.stderr)
    platform = bootstrap(Settings(data_dir=data))
    try:
        system = Principal.system()
        email = f"load-{int(time.time())}@itpo.example"
        query = UserQuery(roles=(Role.ADMINISTRATOR,), limit=1)
        admin = accounts.list_users(uow=platform.uow(), by=system, query=query).items[0]
        officer = accounts.create_user(
            uow=platform.uow(), by=system, email=email, display_name="Load officer",
            role=Role.OFFICER, password="a long load-test passphrase 7",
            office_id=admin.office_id, policy=platform.account_policy,
        )  # fmt: skip
        token = accounts.create_token(uow=platform.uow(), by=Principal.of(officer), name="load",
                                      scopes=[Scope.READ, Scope.MATCH]).token  # fmt: skip
        live = opportunity_query(status=["published"], limit=None)
        ids = [o.id for o in registry.list_opportunities(uow=platform.uow(), query=live).items
               if o.id is not None]  # fmt: skip
    finally:
        platform.close()
    return env, token, ids


async def fire(
    base: str, token: str, ids: list[int], rate: float, seconds: float
) -> dict[str, Any]:
    chosen = random.Random(7)
    total = int(rate * seconds)
    latencies: list[float] = []
    errors: dict[str, int] = {}
    limits = httpx.Limits(max_connections=512, max_keepalive_connections=512)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(
        base_url=base, headers=headers, limits=limits, timeout=30
    ) as client:

        async def one(due: float, opportunity_id: int) -> None:
            try:
                answer = await client.get(f"/api/v1/opportunities/{opportunity_id}/matches")
                if answer.status_code != 200:
                    errors[str(answer.status_code)] = errors.get(str(answer.status_code), 0) + 1
            except httpx.HTTPError as error:
                errors[type(error).__name__] = errors.get(type(error).__name__, 0) + 1
            latencies.append(time.perf_counter() - due)

        start = time.perf_counter() + 0.2
        tasks = []
        for number in range(total):
            due = start + number / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(due, chosen.choice(ids))))
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - start
    ordered = sorted(latencies)

    def pick(q: float) -> float:
        return round(1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)

    return {
        "requests": total,
        "achieved_rate": round(total / elapsed, 1),
        "p50_ms": pick(0.50),
        "p95_ms": pick(0.95),
        "p99_ms": pick(0.99),
        "max_ms": round(1000 * ordered[-1], 1),
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "itpo-load")
    args = parser.parse_args()
    env, token, ids = prepare(args.data)
    port = free_port()
    server = subprocess.Popen([*ITPO, "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        # Warm: the first match builds the index and loads the models; then every record's
        # matches are computed once, as a day of officers' browsing would, and that cold
        # pass is reported apart from the steady state the runs measure.
        auth = {"Authorization": f"Bearer {token}"}
        httpx.get(f"{base}/api/v1/opportunities/{ids[0]}/matches", headers=auth, timeout=600)
        cold = []
        with httpx.Client(base_url=base, headers=auth, timeout=60) as client:
            for opportunity_id in ids:
                started = time.perf_counter()
                client.get(f"/api/v1/opportunities/{opportunity_id}/matches")
                cold.append(time.perf_counter() - started)
        runs = [
            asyncio.run(fire(base, token, ids, args.rate, args.seconds)) for _ in range(args.runs)
        ]
    finally:
        server.terminate()
        server.wait(timeout=30)
    summary = {
        key: statistics.median(run[key] for run in runs)
        for key in ("achieved_rate", "p50_ms", "p95_ms", "p99_ms", "max_ms")
    }
    print(json.dumps({
        "endpoint": "GET /api/v1/opportunities/{id}/matches (officer token)",
        "target_rate": args.rate, "seconds_per_run": args.seconds, "opportunities": len(ids),
        "cores": os.cpu_count(),
        "cold_match_ms": {"p50": round(1000 * statistics.median(cold), 1),
                          "p95": round(1000 * sorted(cold)[int(0.95 * len(cold))], 1)},
        "median_of_runs": summary, "runs": runs,
    }, indent=1))  # fmt: skip


if __name__ == "__main__":
    main()
