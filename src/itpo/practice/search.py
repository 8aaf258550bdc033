"""Cases found by the matching engine's cross-lingual retrieval: for a free text, for an
opportunity ("a similar case", with why), and the live offers and needs a case applies to."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from itpo.accounts.principal import Principal
from itpo.matching.engine import Hit
from itpo.matching.language import detect_language, language_code
from itpo.matching.searching import SearchHit, SearchIndex
from itpo.matching.searching import search as search_opportunities
from itpo.matching.terms import shared_terms
from itpo.practice.model import CaseStatus, PracticeCase
from itpo.practice.ports import CaseIndex, PracticeUnitOfWork
from itpo.practice.services import get_case
from itpo.registry.errors import FieldError, NotFound, ValidationError
from itpo.registry.fields import control_problem
from itpo.registry.model import Opportunity, OpportunityKind
from itpo.registry.services import visible_opportunity

MAX_QUERY = 2000
# A similar case is only shown when its text is close (the engine's absolute similarity, 0-1)
# and closer still once a shared sector or technology area counts: on the demo, pairs below
# these read as unrelated to officers, pairs above as worth a look. A weak neighbour is no advice.
MIN_SIMILARITY = 0.45
SIMILAR_FLOOR = 0.55
FACET_BONUS = 0.08
APPLIES_TO = (OpportunityKind.TECHNOLOGY_OFFER, OpportunityKind.TECHNOLOGY_NEED)


@dataclass(frozen=True, slots=True)
class CaseHit:
    """A case found for a text, with what it shares with it."""

    case: PracticeCase
    score: float
    similarity: float
    matched_terms: tuple[str, ...] = ()
    shared_sectors: tuple[str, ...] = ()
    shared_areas: tuple[str, ...] = ()
    shared_sdgs: tuple[int, ...] = ()

    def to_dict(self, language: str) -> dict[str, object]:
        text = self.case.text_in(language)
        return {
            "case_id": self.case.id,
            "title": text.title,
            "language": self.case.told_in(language),
            "theme": self.case.theme.value,
            "country": self.case.country,
            "score": round(self.score, 4),
            "similarity": round(self.similarity, 4),
            "matched_terms": list(self.matched_terms),
            "shared_sectors": list(self.shared_sectors),
            "shared_areas": list(self.shared_areas),
            "shared_sdgs": list(self.shared_sdgs),
        }


def case_text(case: PracticeCase, language: str) -> str:
    """What is indexed of one translation: its title, problem and what was done."""
    told = case.texts[language]
    return f"{told.title}\n{told.problem}\n{told.done}"


def search_cases(
    *,
    uow: PracticeUnitOfWork,
    index: CaseIndex,
    by: Principal,
    text: str,
    language: str | None = None,
    top: int = 10,
) -> list[CaseHit]:
    """Published cases most relevant to `text`, in any language, best first."""
    query, code = _checked(text, language)
    asked_in = code or detect_language(query)
    hits = index.search(query, language=code, top=4 * top)
    found = []
    for case, hit in _cases(uow, hits):
        told_in = hit.language or case.original_language
        terms = _terms(case, told_in, query, asked_in, hit.matched_terms)
        found.append(CaseHit(case, hit.score, hit.similarity, terms))
    return found[:top]


def similar_cases(
    *,
    uow: PracticeUnitOfWork,
    index: CaseIndex,
    by: Principal,
    opportunity_ids: Sequence[int],
    top: int = 1,
) -> list[CaseHit]:
    """The published cases most like the opportunities (one, or a match's two) the asker may
    see, with why; none when no case is close enough to be worth reading. An opportunity the
    asker may not see is left out, so a case never tells of it."""
    seen = []
    for opportunity_id in opportunity_ids:
        try:
            seen.append(visible_opportunity(uow=uow, by=by, opportunity_id=opportunity_id)[0])
        except NotFound:
            continue
    if not seen:
        if len(opportunity_ids) == 1:
            raise NotFound("opportunity", opportunity_ids[0])
        return []
    return cases_like(uow=uow, index=index, by=by, opportunities=seen, top=top)


def cases_like(
    *,
    uow: PracticeUnitOfWork,
    index: CaseIndex,
    by: Principal,
    opportunities: Sequence[Opportunity],
    top: int = 1,
) -> list[CaseHit]:
    """The cases most like what these opportunities say together (one, or a match's two)."""
    return cases_for_text(
        uow=uow,
        index=index,
        by=by,
        text="\n".join(f"{o.title}\n{o.teaser}" for o in opportunities),
        language=opportunities[0].language if opportunities else None,
        sectors={code for o in opportunities for code in o.isic_classes},
        areas={code for o in opportunities for code in o.technology_areas},
        sdgs={goal for o in opportunities for goal in o.sdgs},
        top=top,
    )


def cases_for_text(
    *,
    uow: PracticeUnitOfWork,
    index: CaseIndex,
    by: Principal,
    text: str,
    language: str | None = None,
    sectors: Collection[str] = (),
    areas: Collection[str] = (),
    sdgs: Collection[int] = (),
    top: int = 3,
) -> list[CaseHit]:
    """The cases close enough to a text (a need a diagnostic drafts, say) to be worth reading,
    best first, each with what it shares; sharing the sector or the technology area counts."""
    theirs_sectors, theirs_areas, theirs_sdgs = set(sectors), set(areas), set(sdgs)
    hits = index.search(text[:MAX_QUERY], language=language, top=max(12, 3 * top))
    asked_in = language or detect_language(text)
    ranked = []
    for case, hit in _cases(uow, hits):
        shared_sectors = _shared_sectors(case.isic_classes, theirs_sectors)
        shared_areas = tuple(a for a in case.technology_areas if a in theirs_areas)
        shared_sdgs = tuple(g for g in case.sdgs if g in theirs_sdgs)
        score = hit.similarity + FACET_BONUS * (bool(shared_sectors) + bool(shared_areas))
        if hit.similarity < MIN_SIMILARITY or score < SIMILAR_FLOOR:
            continue
        told_in = hit.language or case.original_language
        terms = _terms(case, told_in, text, asked_in, hit.matched_terms)
        ranked.append(
            CaseHit(case, score, hit.similarity, terms, shared_sectors, shared_areas, shared_sdgs)
        )
    ranked.sort(key=lambda h: -h.score)
    return ranked[:top]


def opportunities_for_case(
    *,
    uow: PracticeUnitOfWork,
    index: SearchIndex,
    by: Principal,
    case_id: int,
    language: str,
    kinds: Collection[OpportunityKind] = APPLIES_TO,
    top: int = 8,
) -> list[SearchHit]:
    """The live technology offers and needs a case applies to, as the asker may see them."""
    case = get_case(uow=uow, by=by, case_id=case_id)
    told_in = case.told_in(language)
    told = case.texts[told_in]
    text = f"{told.title}\n{told.problem}\n{told.done}"
    return search_opportunities(
        uow=uow, by=by, index=index, text=text[:MAX_QUERY], language=told_in, kinds=kinds, top=top
    )


def _cases(uow: PracticeUnitOfWork, hits: Sequence[Hit]) -> list[tuple[PracticeCase, Hit]]:
    """Each case once, by its best translation's hit; cases unpublished since the index
    looked are left out (published cases are for everyone, so no asker sees more)."""
    best: dict[int, Hit] = {}
    for hit in hits:
        case_id = int(hit.id.split(":", 1)[0])
        if case_id not in best:
            best[case_id] = hit
    with uow:
        found = [(uow.practices.get(case_id), hit) for case_id, hit in best.items()]
    return [(c, h) for c, h in found if c is not None and c.status is CaseStatus.PUBLISHED]


def _terms(
    case: PracticeCase, language: str, query: str, asked_in: str, matched: Collection[str]
) -> tuple[str, ...]:
    told = case.texts.get(language) or case.texts[case.original_language]
    public = f"{told.title}\n{told.problem}\n{told.done}"
    return tuple(shared_terms(public, language, query, asked_in, set(matched))[:6])


def _shared_sectors(ours: Sequence[str], theirs: set[str]) -> tuple[str, ...]:
    """Classes the case shares with the text's, or failing that, shares a division with."""
    same = tuple(code for code in ours if code in theirs)
    if same:
        return same
    divisions = {code[:2] for code in theirs}
    return tuple(code for code in ours if code[:2] in divisions)


def _checked(text: str, language: str | None) -> tuple[str, str | None]:
    query = (text or "").strip()
    problems = []
    if not query:
        problems.append(FieldError("q", "the search text is empty"))
    elif problem := control_problem(query):
        problems.append(FieldError("q", problem))
    elif len(query) > MAX_QUERY:
        problems.append(FieldError("q", f"at most {MAX_QUERY} characters, not {len(query)}"))
    code = None
    if language:
        code = language_code(language.strip())
        if not code or len(code) > 3 or not code.isalpha():
            problems.append(
                FieldError("lang", f"{language!r} is not a language tag such as en or zh")
            )
    if problems:
        raise ValidationError(problems)
    return query, code
