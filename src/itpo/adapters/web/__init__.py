"""The web app: server-rendered pages (Jinja2 + HTMX, no build step) over the same services
and the same disclosure rules as the API, in English and Chinese."""

from __future__ import annotations

import importlib
import pkgutil

from fastapi import APIRouter, FastAPI
from starlette.staticfiles import StaticFiles

from itpo.adapters.web import pages


def install_web(app: FastAPI) -> None:
    """The static files and every page, kept out of the API's OpenAPI."""
    app.mount("/static", StaticFiles(packages=[("itpo.adapters.web", "static")]), name="static")
    for router in page_routers():
        app.include_router(router, include_in_schema=False)


def page_routers() -> list[APIRouter]:
    """The `router` of every module of `pages` that has one (the others are its helpers)."""
    found = []
    for module in sorted(pkgutil.iter_modules(pages.__path__), key=lambda m: m.name):
        loaded = importlib.import_module(f"{pages.__name__}.{module.name}")
        router = getattr(loaded, "router", None)
        if isinstance(router, APIRouter):
            found.append(router)
    return found
