"""/api/v1/sdg/suggestions: the SDGs a free text serves, with confidence and evidence.

Open to everyone, signed in or not: it reads only the text sent and the UN's goal texts, and
reveals nothing stored; the app's request size limit (setting max_request_kb) bounds it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from itpo.sdg import suggest
from itpo.sdg.suggestions import MAX_TEXT_CHARACTERS

router = APIRouter(prefix="/sdg", tags=["sdg"])


class SuggestionsBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        description="Any text: an opportunity, a practice case, a paragraph",
        max_length=MAX_TEXT_CHARACTERS,
    )
    language: str | None = Field(None, description="en, zh...; default: guessed", max_length=20)


class SuggestionPublic(BaseModel):
    sdg: int = Field(description="Goal number, 1-17")
    confidence: float = Field(description="0-1: how sure the goal is served")
    serves: bool = Field(description="Judged to serve the goal (at or near the text's top goal)")
    words: list[str] = Field(description="The goal's keywords found, as written in the text")
    sentence: str | None = Field(description="The sentence of the text that carries them")
    target: str = Field(description="The UN target or indicator nearest to the text, e.g. 7.2")
    target_text: str = Field(
        description="Its UN wording, in the text's language where there is one"
    )


@router.post("/suggestions", response_model=list[SuggestionPublic])
def sdg_suggestions(body: SuggestionsBody) -> list[dict[str, Any]]:
    """The SDGs the text serves, most likely first; none for an empty text."""
    return [found.as_dict() for found in suggest(body.text, body.language)]
