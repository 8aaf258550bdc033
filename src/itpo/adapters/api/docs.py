"""The interactive API docs, Swagger UI at /docs, served whole from installed packages: no
script, style or image comes from another site, and no script is inline.

ReDoc is not offered: its bundle writes its styles inline as it starts, which the docs' policy
(styles from this server only) forbids."""

from __future__ import annotations

from html import escape

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

ASSETS = "/docs/assets"
FAVICON = "/static/favicon.svg"

SWAGGER_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - API</title>
<link rel="icon" href="{root}{favicon}" type="image/svg+xml">
<link rel="stylesheet" href="{root}{assets}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{root}{openapi}"></div>
<script src="{root}{assets}/swagger-ui-bundle.js"></script>
<script src="{root}{assets}/swagger-init.js"></script>
</body>
</html>
"""


def install_docs(app: FastAPI) -> None:
    """Swagger UI and its assets (create the app with docs_url and redoc_url None)."""
    app.mount(
        ASSETS,
        # Swagger UI's bundle comes from fastapi-offline; the start-up script is ours.
        StaticFiles(packages=[("fastapi_offline", "static"), ("itpo.adapters.api", "docs_static")]),
        name="docs-assets",
    )

    @app.get("/docs", include_in_schema=False)
    def swagger_ui(request: Request) -> HTMLResponse:
        return HTMLResponse(_page(SWAGGER_PAGE, app, request))


def _page(template: str, app: FastAPI, request: Request) -> str:
    root = str(request.scope.get("root_path", ""))
    return template.format(
        title=escape(app.title),
        root=escape(root),
        favicon=FAVICON,
        assets=ASSETS,
        openapi=escape(app.openapi_url or "/openapi.json"),
    )
