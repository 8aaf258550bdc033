"""Free-text search over live opportunities with the matching engine's hybrid retrieval.

The same retrieval that finds candidates for a match ranks records for a query in any
language; only public fields (title, teaser) are indexed, so no hit can show restricted detail.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Protocol

from itpo.accounts.access import audience_of
from itpo.accounts.ports import AuditedUnitOfWork
from itpo.accounts.principal import Principal
from itpo.matching.engine import Hit
from itpo.matching.language import detect_language, language_code
from itpo.matching.terms import shared_terms
from itpo.registry.disclosure import Stage, owner_label, owner_shown, stage
from itpo.registry.errors import FieldError, ValidationError
from itpo.registry.fields import control_problem
from itpo.registry.model import Opportunity, OpportunityKind, Organisation

MAX_QUERY = 2000
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$")


class SearchIndex(Protocol):
    def search(
        self,
        text: str,
        *,
        language: str | None = None,
        top: int,
        kinds: Collection[OpportunityKind] | None = None,
    ) -> list[Hit]: ...


@dataclass(frozen=True, slots=True)
class SearchHit:
    opportunity_id: int
    kind: OpportunityKind
    title: str
    teaser: str
    organisation: str
    countries: tuple[str, ...]
    score: float
    matched_terms: tuple[str, ...]
    language: str = ""  # the record's, which its matched terms are written in

    def to_dict(self) -> dict[str, Any]:
        return {
            "opportunity_id": self.opportunity_id,
            "kind": self.kind.value,
            "title": self.title,
            "teaser": self.teaser,
            "organisation": self.organisation,
            "countries": list(self.countries),
            "score": self.score,
            "matched_terms": list(self.matched_terms),
        }


def _checked(text: str, language: str | None) -> tuple[str, str | None]:
    errors = []
    query = text.strip()
    if not query:
        errors.append(FieldError("q", "the search text is empty"))
    elif problem := control_problem(query):
        errors.append(FieldError("q", problem))
    elif len(query) > MAX_QUERY:
        errors.append(FieldError("q", f"at most {MAX_QUERY} characters, not {len(query)}"))
    if language is not None and not _LANGUAGE_TAG.fullmatch(language.strip()):
        errors.append(
            FieldError("lang", f"{language!r} is not a language tag such as en, zh or fr-CA")
        )
    if errors:
        raise ValidationError(errors)
    return query, language_code(language.strip()) if language else None


def search(
    *,
    uow: AuditedUnitOfWork,
    by: Principal,
    index: SearchIndex,
    text: str,
    language: str | None = None,
    kinds: Collection[OpportunityKind] = (),
    top: int = 10,
) -> list[SearchHit]:
    """The live opportunities most relevant to `text` that the asker may see, best first, each
    at the asker's disclosure stage."""
    query, code = _checked(text, language)
    seen_by = audience_of(uow, by)
    # Records the asker may not see are dropped after retrieval, so ask for some spare.
    wanted = top if by.is_staff else 2 * top + 10
    hits = index.search(query, language=code, top=wanted, kinds=kinds or None)
    asked_in = code or detect_language(query)
    with uow:
        found = {int(h.id): o for h in hits if (o := uow.opportunities.get(int(h.id))) is not None}
        owners = uow.organisations.get_many({o.organisation_id for o in found.values()})
    results = []
    for hit in hits:
        record = found.get(int(hit.id))
        if record is None or record.organisation_id not in owners:
            continue  # deleted since the index last looked
        if stage(seen_by, record) is Stage.HIDDEN:
            continue
        owner = owners[record.organisation_id]
        results.append(
            SearchHit(
                opportunity_id=int(hit.id),
                kind=record.kind,
                title=record.title,
                teaser=record.teaser,
                organisation=owner_label(seen_by, record, owner.name),
                countries=_places(record, owner, owner_shown(seen_by, record)),
                score=round(hit.score, 4),
                matched_terms=_shown_terms(record, query, asked_in, hit.matched_terms),
                language=record.language,
            )
        )
    return results[:top]


def _shown_terms(
    record: Opportunity, query: str, language: str, matched: Collection[str]
) -> tuple[str, ...]:
    """The words and phrases of the record's public text the query shares, as the record
    writes them: meaningful ones only (no stop or deal words, no part of a Chinese word)."""
    public = f"{record.title}\n{record.teaser}"  # no phrase runs from the title on
    return tuple(shared_terms(public, record.language, query, language, set(matched)))


def _places(record: Opportunity, owner: Organisation, owner_known: bool) -> tuple[str, ...]:
    """The record's countries; the owner's stands in for none, where the owner may be known."""
    if record.countries:
        return tuple(record.countries)
    return (owner.country,) if owner_known else ()
