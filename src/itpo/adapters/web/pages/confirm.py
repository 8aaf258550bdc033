"""/confirm/{token}: a party confirms a deal's outcome through the link an officer sent, without
signing in (the link is the credential, good once and until it expires), and says how much the
office's support mattered."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import Response

from itpo.adapters.http import PlatformDep, UowDep, client_address
from itpo.adapters.web.pages.deals import FIGURE_LABELS, FormText
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import VisitDep
from itpo.pipeline import confirmations
from itpo.pipeline.model import FIGURE_NAMES, Additionality
from itpo.pipeline.presenting import confirmation_request_dict
from itpo.registry.errors import ValidationError

router = APIRouter()
Token = Annotated[str, Path(min_length=1, max_length=200)]


@router.get("/confirm/{token}")
def confirmation_form(
    request: Request, token: Token, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """What the link asks the party to confirm; an unknown, used or expired link is missing."""
    asked = confirmations.confirmation_request(uow=uow, token=token, now=platform.clock)
    values = {
        "asked": confirmation_request_dict(asked, platform.rates()),
        "token": token,
        "additionality": list(Additionality),
        "figure_names": FIGURE_NAMES,
        "figure_labels": FIGURE_LABELS,
        "problems": {},
        "sent": {},
        "answered": None,
    }
    return render(request, visit, "deals/confirm.html", values)


@router.post("/confirm/{token}")
def confirm(
    request: Request,
    token: Token,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    confirmed: Annotated[str, Form(max_length=10)] = "",
    additionality: Annotated[str, Form(max_length=40)] = "",
    comment: FormText = "",
) -> Response:
    """The party's answer, kept once."""
    asked = confirmations.confirmation_request(uow=uow, token=token, now=platform.clock)
    values = {
        "asked": confirmation_request_dict(asked, platform.rates()),
        "token": token,
        "additionality": list(Additionality),
        "figure_names": FIGURE_NAMES,
        "figure_labels": FIGURE_LABELS,
        "problems": {},
        "sent": {"confirmed": confirmed, "additionality": additionality, "comment": comment},
        "answered": None,
    }
    if confirmed not in ("yes", "no"):
        values["problems"] = {"confirmed": "Say whether the outcome is as stated."}
        return render(request, visit, "deals/confirm.html", values, status=422)
    try:
        confirmations.confirm_outcome(
            uow=uow,
            token=token,
            confirmed=confirmed == "yes",
            additionality=additionality or None,
            comment=comment or None,
            ip=client_address(request),
            now=platform.clock,
        )
    except ValidationError as invalid:
        values["problems"] = {e.field: e.message for e in invalid.errors}
        return render(request, visit, "deals/confirm.html", values, status=422)
    values["answered"] = confirmed
    return render(request, visit, "deals/confirm.html", values)
