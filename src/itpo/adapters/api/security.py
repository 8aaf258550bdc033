"""Transport guards for every answer: request size limits and security headers.

Both are plain ASGI middleware, so they hold for every route, the docs and error answers
alike, and a body is refused while it streams in rather than after it was read whole.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Collection

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from itpo.adapters.http import API_PATHS, DOCS_PATHS

KB = 1024
INTERNAL_ERROR = {"detail": "internal error; the request changed nothing"}
log = logging.getLogger("itpo.api")

# The API's own page is its interactive docs (Swagger UI), which loads its script, styles and
# the OpenAPI document from this server only and runs no inline script; its icons are data:
# images. Everything else the app serves is JSON or files, which need no sources at all.
DOCS_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
API_POLICY = "default-src 'none'; frame-ancestors 'none'"
# The web pages load only their own script, styles and images, and post forms only to
# themselves: no inline script, so an injected <script> would not run.
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    b"x-content-type-options": b"nosniff",
    b"x-frame-options": b"DENY",
    b"referrer-policy": b"same-origin",
    b"cross-origin-opener-policy": b"same-origin",
    b"permissions-policy": b"camera=(), microphone=(), geolocation=()",
}
HSTS = b"max-age=31536000; includeSubDomains"


class SecurityHeaders:
    """Headers that tell browsers to sniff nothing, frame nothing and leak no referrer; HSTS
    when the request came over TLS."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        policy = (
            DOCS_POLICY
            if path.startswith(DOCS_PATHS)
            else API_POLICY
            if path.startswith(API_PATHS)
            else PAGE_POLICY
        )
        secure = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                extra = {**HEADERS, b"content-security-policy": policy.encode()}
                if secure:
                    extra[b"strict-transport-security"] = HSTS
                headers.extend((k, v) for k, v in extra.items() if k not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuse request bodies over a limit with 413, by Content-Length when it is given and by
    counting the bytes as they arrive when it is not (chunked uploads)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        default_bytes: int,
        upload_bytes: int,
        upload_paths: Collection[str],
    ) -> None:
        self.app = app
        self.default_bytes, self.upload_bytes = default_bytes, upload_bytes
        # Patterns, since some uploads go to a record's own address (a deal's evidence).
        self.upload_paths = tuple(re.compile(pattern) for pattern in upload_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        uploading = any(pattern.fullmatch(path) for pattern in self.upload_paths)
        limit = self.upload_bytes if uploading else self.default_bytes
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _refuse(send, limit)
            return
        received = 0
        started = refused = False

        async def counting_receive() -> Message:
            # Past the limit the client gets its 413 at once and the app sees a disconnect,
            # however the app reads the body: nothing of the request is acted on.
            nonlocal received, started, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    if not started:
                        await _refuse(send, limit)
                    started = refused = True
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except Exception:
            if not refused:
                raise


async def _refuse(send: Send, limit: int) -> None:
    body = json.dumps({"detail": f"the request body is larger than {limit // KB} KB"}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class InternalErrors:
    """An unexpected failure becomes a plain 500 with no trace in it (the trace goes to the
    log). Inside the other guards, so that answer carries the security headers too; a unit
    of work that failed has rolled back, so "changed nothing" holds."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            log.exception("unexpected error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise  # too late for a clean answer; the server closes the connection
            body = json.dumps(INTERNAL_ERROR).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
