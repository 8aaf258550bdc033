"""Domain errors as HTTP answers. Unexpected ones become a bare 500 in security.InternalErrors."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from itpo.accounts.errors import Forbidden, NotAuthenticated, TooManyAttempts
from itpo.adapters.files.csv_files import FileProblem
from itpo.registry.errors import Conflict, FieldError, NotFound, ValidationError

log = logging.getLogger("itpo.api")


def field_detail(error: FieldError, prefix: str) -> dict[str, object]:
    location: list[str | int] = [prefix, *error.field.split(".")]
    if error.section is not None:
        location = [error.section, error.row or 0, error.field]
    return {"loc": location, "msg": error.message, "type": "value_error"}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ValidationError)
    async def _invalid(request: Request, error: ValidationError) -> JSONResponse:
        prefix = "query" if request.method in ("GET", "DELETE") else "body"
        detail = [field_detail(e, prefix) for e in error.errors]
        return JSONResponse({"detail": detail}, status_code=422)

    @app.exception_handler(NotFound)
    async def _missing(_request: Request, error: NotFound) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=404)

    @app.exception_handler(Conflict)
    async def _conflict(_request: Request, error: Conflict) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=409)

    @app.exception_handler(Forbidden)
    async def _forbidden(_request: Request, error: Forbidden) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=403)

    @app.exception_handler(TooManyAttempts)
    async def _busy(_request: Request, error: TooManyAttempts) -> JSONResponse:
        headers = {"Retry-After": str(error.retry_after_seconds)}
        return JSONResponse({"detail": str(error)}, status_code=429, headers=headers)

    @app.exception_handler(NotAuthenticated)
    async def _unauthenticated(_request: Request, error: NotAuthenticated) -> JSONResponse:
        headers = {"WWW-Authenticate": 'Bearer realm="itpo"'}
        return JSONResponse({"detail": str(error)}, status_code=401, headers=headers)

    @app.exception_handler(FileProblem)
    async def _bad_file(_request: Request, error: FileProblem) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=422)
