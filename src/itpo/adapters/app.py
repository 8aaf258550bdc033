"""The application: the REST API under /api/v1 and the web app's pages, over one platform,
with errors answered as JSON for the API and as pages for the pages. The one module that
puts the API and the web app together; neither imports the other."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from fastapi import Depends, FastAPI

from itpo import __version__
from itpo.adapters.api.auth import get_principal
from itpo.adapters.api.docs import install_docs
from itpo.adapters.api.errors import install_error_handlers
from itpo.adapters.api.routers import (
    accounts,
    appraisals,
    deal_records,
    deals,
    diagnostics,
    events,
    files,
    mail,
    matches,
    opportunities,
    organisations,
    practices,
    reference,
    reports,
    results,
    review,
    sdg,
    search,
)
from itpo.adapters.api.security import KB, BodyLimit, InternalErrors, SecurityHeaders
from itpo.adapters.http import API_PREFIX
from itpo.adapters.web import install_web
from itpo.adapters.web.errors import error_page
from itpo.bootstrap import Platform, bootstrap
from itpo.config import Settings

if TYPE_CHECKING:
    from itpo.adapters.mail.courier import Courier

# A deal's evidence is uploaded through the API and through its page.
EVIDENCE_UPLOADS = (rf"{API_PREFIX}/deals/\d+/evidence", r"/deals/\d+/evidence")
# An appraisal's workbook is sent from its page (which holds it to a smaller limit of its own).
APPRAISAL_UPLOADS = (r"/appraisals",)
# An import file is sent from its page as from the API, to the same limit.
IMPORT_UPLOADS = (
    re.escape(f"{API_PREFIX}/imports"),
    r"/imports",
    re.escape(f"{API_PREFIX}/practices/import"),
    r"/practices/import",
)


def _courier(platform: Platform) -> Courier | None:
    """Sends the outbox while the app serves, when a mail server is configured."""
    from itpo.adapters.mail.courier import Courier
    from itpo.adapters.mail.smtp import sender_from

    sender = sender_from(platform.settings)
    if sender is None:
        return None
    courier = Courier(platform, sender)
    courier.start()
    return courier


def create_app(settings: Settings | None = None, *, platform: Platform | None = None) -> FastAPI:
    """An app over the configured database (which `itpo init` must have prepared)."""
    platform = platform or bootstrap(settings or Settings())

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        courier = _courier(platform)
        yield
        if courier is not None:
            courier.stop()
        platform.close()

    app = FastAPI(
        title="ITPO Exchange",
        version=__version__,
        description="Two-way investment and technology exchange: organisations, opportunities "
        "(technology offers and needs, investment projects and mandates), reference data.",
        lifespan=lifespan,
        # install_docs serves Swagger UI from local assets instead of FastAPI's CDN links.
        docs_url=None,
        redoc_url=None,
    )
    app.state.platform = platform
    install_error_handlers(app, error_page=error_page)
    limits = platform.settings
    # The last added is the outermost: headers go on every answer, refusals included.
    app.add_middleware(InternalErrors)
    app.add_middleware(
        BodyLimit,
        default_bytes=limits.max_request_kb * KB,
        upload_bytes=limits.max_upload_mb * KB * KB,
        upload_paths=[*IMPORT_UPLOADS, *EVIDENCE_UPLOADS, *APPRAISAL_UPLOADS],
    )
    app.add_middleware(SecurityHeaders)
    for module in (
        organisations,
        opportunities,
        matches,
        search,
        reference,
        files,
        appraisals,
        accounts,
        deals,
        deal_records,
        results,
        reports,
        mail,
        events,
        review,
        practices,
        diagnostics,
        sdg,
    ):
        # Every request's credentials are checked, public routes included: a revoked token
        # is refused everywhere, not only where it would have mattered.
        app.include_router(module.router, prefix=API_PREFIX, dependencies=[Depends(get_principal)])

    _document_unreadable_bodies(app)
    install_docs(app)
    install_web(app)

    @app.get(f"{API_PREFIX}/health", tags=["health"])
    def health() -> dict[str, str]:
        """Liveness: the app is up."""
        return {"status": "ok", "version": __version__}

    return app


UNREADABLE_BODY = {
    "description": "The body could not be read: not UTF-8 JSON, or a broken multipart form",
    "content": {
        "application/json": {
            "schema": {"type": "object", "properties": {"detail": {"type": "string"}}}
        }
    },
}

TOO_LARGE = {
    "description": "The body is larger than the limit (settings max_request_kb, max_upload_mb)",
    "content": UNREADABLE_BODY["content"],
}


NOT_SIGNED_IN = {
    "description": "A bad, revoked or expired API token",
    "content": UNREADABLE_BODY["content"],
}
NOT_ALLOWED = {
    "description": "Not allowed for this user or token (or a missing CSRF header)",
    "content": UNREADABLE_BODY["content"],
}


def _document_unreadable_bodies(app: FastAPI) -> None:
    """Every operation that reads a body may answer 400 when the bytes cannot be parsed at all
    (FastAPI's answer before validation) and 413 when the body is too large; every one that
    asks who is calling may answer 401 and 403. The schema says so, so clients can rely on it."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            # Every router under the prefix checks credentials (see include_router above);
            # only the health probe, on the app itself, does not.
            health = f"{API_PREFIX}/health"
            for route, path in schema.get("paths", {}).items():
                for operation in path.values():
                    if not isinstance(operation, dict):
                        continue
                    if route.startswith(API_PREFIX) and route != health:
                        answers = operation.setdefault("responses", {})
                        answers.setdefault("401", NOT_SIGNED_IN)
                        answers.setdefault("403", NOT_ALLOWED)
                    if "requestBody" in operation:
                        answers = operation.setdefault("responses", {})
                        answers.setdefault("400", UNREADABLE_BODY)
                        answers.setdefault("413", TOO_LARGE)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
