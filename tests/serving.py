"""A real server for end-to-end tests: a free loopback port, and waiting until it answers."""

from __future__ import annotations

import socket
import subprocess
import time

import httpx2 as httpx


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_serving(base: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    """Returns once the health probe answers; fails if the server stops or takes too long."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert process.poll() is None, "the server stopped while starting"
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.1)
