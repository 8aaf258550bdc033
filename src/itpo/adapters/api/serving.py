"""The API served by several processes on one port, each with a listening socket of its own.

With one shared socket, the worker that wakes first accepts a whole burst of new connections
and keeps them (clients reuse connections), so one core serves while the other idles. Sockets
bound with SO_REUSEPORT let the kernel spread connections over the workers evenly instead.
Each worker builds its app from the settings, which reach it through the environment.
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
import time
from multiprocessing.connection import wait
from multiprocessing.context import SpawnContext, SpawnProcess
from types import FrameType

APP = "itpo.adapters.app:create_app"
# A worker that stops sooner than this after its start is failing, not crashing now and then:
# everything stops rather than starting it again and again.
SHORTEST_LIFE = 10.0

multiprocessing.allow_connection_pickling()  # a socket is handed to each worker


class _Stop(Exception):
    pass


def serve_workers(*, host: str, port: int, workers: int) -> None:
    """Serve until interrupted or terminated; a worker that dies is started again."""
    import uvicorn

    if not hasattr(socket, "SO_REUSEPORT"):  # no such option here: uvicorn's shared socket
        uvicorn.run(APP, factory=True, host=host, port=port, workers=workers, log_level="warning")
        return
    context = multiprocessing.get_context("spawn")
    sockets = [_listening(host, port) for _ in range(workers)]
    running = [_start(context, sock) for sock in sockets]
    signal.signal(signal.SIGTERM, _raise_stop)
    try:
        while True:
            wait([process.sentinel for process, _ in running])
            for number, (process, started) in enumerate(running):
                if process.is_alive():
                    continue
                if time.monotonic() - started < SHORTEST_LIFE:
                    raise SystemExit(
                        f"a server worker stopped soon after its start (exit "
                        f"{process.exitcode}); see its messages above"
                    )
                running[number] = _start(context, sockets[number])
    except (_Stop, KeyboardInterrupt):
        pass
    finally:
        for process, _ in running:
            process.terminate()  # uvicorn finishes the requests under way
        for process, _ in running:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()


def _listening(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    return sock


def _start(context: SpawnContext, sock: socket.socket) -> tuple[SpawnProcess, float]:
    process = context.Process(target=_worker, args=(sock,), daemon=False)
    process.start()
    return process, time.monotonic()


def _worker(sock: socket.socket) -> None:
    import uvicorn

    config = uvicorn.Config(APP, factory=True, log_level="warning")
    uvicorn.Server(config).run(sockets=[sock])


def _raise_stop(_signal: int, _frame: FrameType | None) -> None:
    raise _Stop
