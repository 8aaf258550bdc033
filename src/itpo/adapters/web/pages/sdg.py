"""POST /sdg/suggestions: the "Suggest SDGs" control of a form, answered with a partial that
lists each suggested goal with its confidence and evidence, to accept (tick it in the form)
or reject (hide it).

Any form can carry the control. In its template:

    {% from "sdg/_control.html" import suggest_sdgs with context %}
    {{ suggest_sdgs("sdgs", ["title", "teaser", "details"]) }}

inside the <form> (which holds the CSRF field, as every page form does) and after the
checkboxes named by the first argument, whose values are the goal numbers 1-17. The second
argument names the form's fields whose text is read; a field named "language" is used as
the text's language when the form has one. The practice case form passes its own names,
e.g. suggest_sdgs("sdgs", ["title", "problem", "what_was_done", "results"]).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import VisitDep
from itpo.matching.language import language_code
from itpo.sdg import suggest
from itpo.sdg.suggestions import MAX_TEXT_CHARACTERS

router = APIRouter()
FIELDS_PARAMETER = "sdg_fields"
TARGET_PARAMETER = "sdg_target"
MAX_FIELDS = 12
_NAME_LENGTH = 60


def _names(raw: object) -> list[str]:
    names = str(raw or "").split()[:MAX_FIELDS]
    return [n for n in names if len(n) <= _NAME_LENGTH and n.replace("_", "").isalnum()]


def _text(form: FormData, names: list[str]) -> str:
    parts = [value for name in names for value in form.getlist(name) if isinstance(value, str)]
    return "\n".join(p.strip() for p in parts if p.strip())[:MAX_TEXT_CHARACTERS]


@router.post("/sdg/suggestions")
async def sdg_suggestions(request: Request, visit: VisitDep) -> Response:
    """The SDGs the form's text serves, as a partial for the form's control."""
    form = await request.form()
    text = _text(form, _names(form.get(FIELDS_PARAMETER)))
    target = (_names(form.get(TARGET_PARAMETER)) or ["sdgs"])[0]
    language = form.get("language")
    found = (
        suggest(text, language_code(language) if isinstance(language, str) else None)
        if text
        else []
    )
    return render(
        request,
        visit,
        "sdg/_suggestions.html",
        {
            "suggestions": found,
            "target": target,
            "asked": bool(text),
            "titles": _titles(visit.language),
        },
    )


def _titles(language: str) -> dict[int, str]:
    from itpo.sdg import goals

    return {
        number: goal.short.get("zh" if language == "zh" else "en", goal.short["en"])
        for number, goal in goals().items()
    }
