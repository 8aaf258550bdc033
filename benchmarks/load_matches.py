"""Load on the authenticated match endpoint over loopback: the demo data, a real server
(`itpo serve --workers N`), an officer's API token, requests at a fixed rate from `wrk`; prints
JSON with the medians of the runs.

Needs wrk on the PATH (Debian: `apt-get install wrk`; Debian has no wrk2, whose -R rate the
pacing script below stands in for). wrk is C and one thread of it is enough, so the load
generator takes little of the CPU the server shares with it.

Open loop: request k is due at start + k / rate whatever happened before. wrk holds many idle
connections and each one, when free, takes the next due time and sends then (a Lua `delay`), so
a slow answer does not slow the schedule while a connection is free. Latency counts from the
send; `start_lag_max_ms` says how late the latest request was sent after its due time (every
connection busy), so p99 + that lag bounds the latency counted from the due time (no hidden
coordinated omission). Errors are failed connections, reads, writes, timeouts and non-2xx
answers. Each run also says the server's CPU time per request and how many cores the server,
wrk and everything else on the machine kept busy meanwhile (from /proc, on Linux), since
other work on a shared machine moves the tail.

Before the runs, every opportunity's matches are asked once (`cold_pass`: each one computed
by one worker), then in further passes, each request on a fresh connection, which the workers
share out, so that each worker has computed most of them, as a day of officers' browsing
would.

Usage: load_matches.py [--rate 200] [--seconds 30] [--runs 3] [--workers CORES]
                       [--connections 64] [--warm-passes 4] [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from tests.actors import OPERATOR

from itpo.accounts import services as accounts
from itpo.accounts.model import Role, Scope, UserQuery
from itpo.accounts.principal import Principal
from itpo.bootstrap import bootstrap
from itpo.config import Settings
from itpo.registry import services as registry
from itpo.registry.filters import opportunity_query

ITPO = [sys.executable, "-m", "itpo"]

COMMON_LUA = """
local ids = {%(ids)s}
wrk.headers["Authorization"] = "Bearer %(token)s"
local function path(id) return "/api/v1/opportunities/" .. id .. "/matches" end
threads = {}
function setup(thread) table.insert(threads, thread) end
"""

# Paced requests for random live opportunities; the slot lag is kept per wrk thread.
LOAD_LUA = """
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } itpo_timespec;
int clock_gettime(int clock_id, itpo_timespec *tp);
]]
local clock = ffi.new("itpo_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock)  -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end
local interval = %(interval_ms)f

function init(args)
  math.randomseed(%(seed)d)
  slot, lag_max, late = 0, 0, 0
end

function delay()
  local now = now_ms()
  if first == nil then first = now + 50 end
  local wait = first + slot * interval - now
  slot = slot + 1
  if wait >= 0 then return math.floor(wait) end
  if -wait > lag_max then lag_max = -wait end
  if -wait > 5 then late = late + 1 end
  return 0
end

function request() return wrk.format("GET", path(ids[math.random(#ids)])) end

function done(summary, latency, requests)
  local lag, late_sum = 0, 0
  for _, thread in ipairs(threads) do
    lag = math.max(lag, thread:get("lag_max"))
    late_sum = late_sum + thread:get("late")
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %%d, "seconds": %%.3f, "p50_ms": %%.1f, "p95_ms": %%.1f, "p99_ms": %%.1f, ' ..
    '"max_ms": %%.1f, "start_lag_max_ms": %%.1f, "late_starts": %%d, "errors": {"connect": %%d, ' ..
    '"read": %%d, "write": %%d, "timeout": %%d, "non_2xx": %%d}}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(95) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3, lag,
    late_sum, e.connect, e.read, e.write, e.timeout, e.status))
end
"""


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
        done = subprocess.run(
            [*ITPO, "demo", "--no-serve"], env=env, capture_output=True, text=True, timeout=1800
        )
        if done.returncode != 0:
            raise SystemExit(done.stderr)
    platform = bootstrap(Settings(data_dir=data))
    try:
        system = Principal.system()
        email = f"load-{int(time.time())}@itpo.example"
        query = UserQuery(roles=(Role.ADMINISTRATOR,), limit=1)
        admin = accounts.list_users(uow=platform.uow(), by=system, query=query).items[0]
        officer = accounts.create_user(
            uow=platform.uow(),
            by=system,
            email=email,
            display_name="Load officer",
            role=Role.OFFICER,
            password="a long load-test passphrase 7",
            office_id=admin.office_id,
            policy=platform.account_policy,
        )
        token = accounts.create_token(
            uow=platform.uow(),
            by=Principal.of(officer),
            name="load",
            scopes=[Scope.READ, Scope.MATCH],
        ).token
        live = opportunity_query(status=["published"], limit=None)
        ids = [
            o.id
            for o in registry.list_opportunities(by=OPERATOR, uow=platform.uow(), query=live).items
            if o.id is not None
        ]
    finally:
        platform.close()
    return env, token, ids


def wrk(base: str, script: Path, *, seconds: float, connections: int) -> dict[str, Any]:
    """One wrk run with one thread; the JSON line its script's `done` prints."""
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{seconds:g}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        base,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"wrk failed: {done.stderr or done.stdout}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def one_pass(base: str, token: str, ids: list[int], clients: int) -> dict[str, Any]:
    """Every opportunity's matches asked once, from `clients` threads, a fresh connection each
    (so the workers share them out); the latencies seen."""

    def ask(opportunity_id: int) -> tuple[float, bool]:
        url = f"{base}/api/v1/opportunities/{opportunity_id}/matches"
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=600) as answer:
                answer.read()
                ok = answer.status == 200
        except OSError:
            ok = False
        return time.perf_counter() - started, ok

    with ThreadPoolExecutor(clients) as pool:
        asked = list(pool.map(ask, ids))
    times = sorted(seconds for seconds, _ in asked)
    return {
        "requests": len(asked),
        "p50_ms": round(1000 * times[len(times) // 2], 1),
        "p95_ms": round(1000 * times[int(0.95 * len(times))], 1),
        "max_ms": round(1000 * times[-1], 1),
        "errors": sum(1 for _, ok in asked if not ok),
    }


def cpu_seconds(pid: int) -> float:
    """CPU time of a process and its children, from /proc (Linux); 0 elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_seconds(int(child)) for child in children)


def machine_busy() -> tuple[float, float]:
    """CPU seconds busy and in all, over every core since boot, from /proc/stat (Linux)."""
    try:
        ticks = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    except OSError:
        return 0.0, 0.0
    idle = ticks[3] + ticks[4]
    return (sum(ticks) - idle) / os.sysconf("SC_CLK_TCK"), sum(ticks) / os.sysconf("SC_CLK_TCK")


def measured(
    base: str, script: Path, *, seconds: float, connections: int, server: int
) -> dict[str, Any]:
    """One paced run, with the CPU the server, wrk and everything else took meanwhile."""
    load = os.getloadavg()[0]
    before = cpu_seconds(server), machine_busy(), resource.getrusage(resource.RUSAGE_CHILDREN)
    run = wrk(base, script, seconds=seconds, connections=connections)
    after = cpu_seconds(server), machine_busy(), resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = run["seconds"]
    served = after[0] - before[0]
    generator = (after[2].ru_utime + after[2].ru_stime) - (before[2].ru_utime + before[2].ru_stime)
    busy = (after[1][0] - before[1][0]) / wall
    run["achieved_rate"] = round(run["requests"] / wall, 1)
    run["errors_total"] = sum(run["errors"].values())
    run["server_cpu_ms_per_request"] = round(1000 * served / max(run["requests"], 1), 2)
    run["cores_busy"] = {
        "server": round(served / wall, 2),
        "wrk": round(generator / wall, 2),
        "other": round(max(busy - (served + generator) / wall, 0), 2),
    }
    run["load_average_before"] = round(load, 2)
    return run


def wait_until_up(base: str) -> None:
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"{base}/api/v1/health", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:  # refused, reset or timed out while it starts
            time.sleep(0.1)
    raise SystemExit("the server did not come up")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200, help="requests per second")
    parser.add_argument("--seconds", type=float, default=30, help="length of each run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--connections", type=int, default=64, help="wrk's connections")
    parser.add_argument("--warm-passes", type=int, default=4, help="passes after the cold one")
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "itpo-load")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("needs wrk on the PATH (Debian: apt-get install wrk)")
    env, token, ids = prepare(args.data)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    serve = [*ITPO, "serve", "--port", str(port), "--workers", str(args.workers)]
    server = subprocess.Popen(serve, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    common = COMMON_LUA % {"ids": ",".join(map(str, ids)), "token": token}
    try:
        with tempfile.TemporaryDirectory() as folder:
            scripts = Path(folder)
            values = {"interval_ms": 1000 / args.rate, "seed": 7}
            (scripts / "load.lua").write_text(common + LOAD_LUA % values)
            wait_until_up(base)
            cold = one_pass(base, token, ids, args.workers)
            for _ in range(args.warm_passes):
                one_pass(base, token, ids, 2 * args.workers)
            runs = [
                measured(
                    base,
                    scripts / "load.lua",
                    seconds=args.seconds,
                    connections=args.connections,
                    server=server.pid,
                )
                for _ in range(args.runs)
            ]
    finally:
        server.terminate()
        server.wait(timeout=60)
    keys = (
        "achieved_rate",
        "p50_ms",
        "p95_ms",
        "p99_ms",
        "max_ms",
        "start_lag_max_ms",
        "errors_total",
        "server_cpu_ms_per_request",
    )
    summary = {key: statistics.median(run[key] for run in runs) for key in keys}
    print(
        json.dumps(
            {
                "endpoint": "GET /api/v1/opportunities/{id}/matches (officer token)",
                "target_rate": args.rate,
                "seconds_per_run": args.seconds,
                "workers": args.workers,
                "wrk_connections": args.connections,
                "opportunities": len(ids),
                "cores": os.cpu_count(),
                "cold_pass": cold,
                "median_of_runs": summary,
                "runs": runs,
                "load_average_after": round(os.getloadavg()[0], 2),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
