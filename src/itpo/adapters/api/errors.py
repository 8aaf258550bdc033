"""Domain errors as HTTP answers. Unexpected ones become a bare 500 in security.InternalErrors."""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from typing import Any, Protocol

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from itpo.accounts.errors import Forbidden, NotAuthenticated, TooManyAttempts
from itpo.adapters.files.csv_files import FileProblem
from itpo.adapters.http import is_page
from itpo.registry.errors import Conflict, FieldError, NotFound, ValidationError

log = logging.getLogger("itpo.api")


def field_detail(error: FieldError, prefix: str) -> dict[str, object]:
    location: list[str | int] = [prefix, *error.field.split(".")]
    if error.section is not None:
        location = [error.section, error.row or 0, error.field]
    return {"loc": location, "msg": error.message, "type": "value_error"}


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite(item) for item in value]
    return value


class PageAnswer(Protocol):
    """How a refusal is answered on a page (the web app's error page)."""

    def __call__(
        self,
        request: Request,
        status: int,
        message: str,
        headers: Mapping[str, str] | None = None,
    ) -> Response: ...


def install_error_handlers(app: FastAPI, *, error_page: PageAnswer) -> None:
    """Domain errors as JSON for the API and as `error_page` for the pages."""

    @app.exception_handler(ValidationError)
    async def _invalid(request: Request, error: ValidationError) -> Response:
        if is_page(request):
            return error_page(request, 422, "; ".join(e.message for e in error.errors))
        prefix = "query" if request.method in ("GET", "DELETE") else "body"
        detail = [field_detail(e, prefix) for e in error.errors]
        return JSONResponse({"detail": detail}, status_code=422)

    @app.exception_handler(NotFound)
    async def _missing(request: Request, error: NotFound) -> Response:
        if is_page(request):
            return error_page(request, 404, str(error))
        return JSONResponse({"detail": str(error)}, status_code=404)

    @app.exception_handler(Conflict)
    async def _conflict(request: Request, error: Conflict) -> Response:
        if is_page(request):
            return error_page(request, 409, str(error))
        return JSONResponse({"detail": str(error)}, status_code=409)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, error: Forbidden) -> Response:
        if is_page(request):
            return error_page(request, 403, str(error))
        return JSONResponse({"detail": str(error)}, status_code=403)

    @app.exception_handler(TooManyAttempts)
    async def _busy(request: Request, error: TooManyAttempts) -> Response:
        headers = {"Retry-After": str(error.retry_after_seconds)}
        if is_page(request):
            return error_page(request, 429, str(error), headers)
        return JSONResponse({"detail": str(error)}, status_code=429, headers=headers)

    @app.exception_handler(NotAuthenticated)
    async def _unauthenticated(request: Request, error: NotAuthenticated) -> Response:
        if is_page(request):
            return error_page(request, 401, str(error))
        headers = {"WWW-Authenticate": 'Bearer realm="itpo"'}
        return JSONResponse({"detail": str(error)}, status_code=401, headers=headers)

    @app.exception_handler(FileProblem)
    async def _bad_file(request: Request, error: FileProblem) -> Response:
        if is_page(request):
            return error_page(request, 422, str(error))
        return JSONResponse({"detail": str(error)}, status_code=422)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, error: HTTPException) -> Response:
        if is_page(request) and error.status_code >= 400:
            return error_page(request, error.status_code, "", error.headers)
        return await http_exception_handler(request, error)

    @app.exception_handler(RequestValidationError)
    async def _malformed(request: Request, error: RequestValidationError) -> Response:
        if is_page(request):
            # A page's address with a bad id names no page: not found, as for a missing id.
            in_path = any(e.get("loc", ("",))[0] == "path" for e in error.errors())
            return error_page(request, 404 if in_path else 400, "")
        # The refusal repeats what was sent, which may be NaN or Infinity: JSON has no such
        # numbers, so they are given back as the words.
        detail = _finite(jsonable_encoder(error.errors()))
        return JSONResponse({"detail": detail}, status_code=422)
