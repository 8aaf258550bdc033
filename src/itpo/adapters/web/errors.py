"""Refusals on pages: a page, in the visitor's language, instead of the API's JSON; a page that
needs a signed-in user sends the public to the sign-in form and back."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

TITLES: Mapping[int, str] = {
    400: "This address is not valid",
    403: "Not allowed",
    404: "Not found",
    405: "Not allowed",
    409: "A conflict with another record",
    413: "Too large",
    422: "Some values are not valid",
    429: "Too many attempts",
}


def error_page(
    request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
) -> Response:
    if status == 401:
        target = request.url.path
        if request.url.query:
            target += "?" + request.url.query
        if request.headers.get("hx-request") == "true":
            # HTMX follows a redirect inside the swap; this header moves the whole page.
            return Response(status_code=204, headers={"HX-Redirect": "/login"})
        return RedirectResponse(f"/login?next={quote(target, safe='/')}", status_code=303)
    # Imported here: templating needs the visit, which needs the request's session.
    from itpo.adapters.web.templating import render
    from itpo.adapters.web.visit import anonymous_visit

    visit = anonymous_visit(request)
    title = TITLES.get(status, "Something went wrong")
    response = render(
        request,
        visit,
        "error.html",
        {"status": status, "title": title, "message": message},
        status=status,
    )
    response.headers.update(dict(headers or {}))
    return response
