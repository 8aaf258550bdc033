"""How a practice case is shown: its texts in the page's language when it has them, its
figures, sources and facts named in the page's language, and the domain's refusals worded
beside the form's fields. No routes: helpers of the practice pages."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from itpo.accounts.principal import Principal
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.i18n import translate
from itpo.adapters.web.pages.work_choices import LANGUAGE_NAMES, problem_text
from itpo.bootstrap import Platform
from itpo.practice import search
from itpo.practice.model import PracticeCase
from itpo.practice.search import CaseHit
from itpo.registry import reference
from itpo.registry.errors import FieldError

THEMES: Mapping[str, str] = {
    "green_industry": "Green industry",
    "energy_efficiency": "Energy efficiency",
    "circular_economy": "Circular economy",
    "ai_digital_manufacturing": "AI and digital manufacturing",
    "agro_processing": "Agro-processing",
    "industrial_parks": "Industrial parks",
}
_TEXT_FIELD = re.compile(r"^texts\.([a-z]{2})\.(title|problem|done|results)$")
_LINE_FIELD = re.compile(r"^(figures|sources)\[(\d+)\](?:\.(\w+))?")
# The practice domain's own refusals, as sentences for the form.
PATTERNS: Sequence[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^is required: say what the figure counts"),
     "Give the unit: what the figure counts (%, t CO2/year, jobs…)."),
    (re.compile(r"is not a unit"), "Not a unit: say what the figure counts (%, MWh/year, jobs)."),
    (re.compile(r"^name the source the figure comes from"),
     "Name the source the figure comes from (its number in the sources), or mark it illustrative."),
    (re.compile(r"is not one of the case's sources"), "No source has that number."),
    (re.compile(r"^name at least one source"), "Name at least one source: its citation and address."),
    (re.compile(r"is not an http\(s\) address"), "Not a web address (http:// or https://)."),
    (re.compile(r"is not an SDG"), "Not an SDG: the goals are numbered 1 to 17."),
    (re.compile(r"^give the case in at least one language"),
     "Tell the case in at least one language: title, problem, what was done and results."),
    (re.compile(r"^say what the figure is"), "Say what the figure is, in the case's language."),
    (re.compile(r"^is required in the case's original language"),
     "Say what the figure is in the case's original language."),
    (re.compile(r"is not one of the case's languages"), "The original language must be one the case is told in."),
    (re.compile(r"is already the id of case"), "Another case has this id."),
    (re.compile(r"^say why in"), "Say why, in 10 to 2000 characters."),
]  # fmt: skip


def sentence(error: FieldError, language: str) -> str:
    for pattern, said in PATTERNS:
        if pattern.search(error.message):
            return translate(language, said)
    return problem_text(error, language)


def form_problems(errors: Sequence[FieldError], language: str) -> dict[str, str]:
    """One message per form field: a text's part beside its box, a figure's or a source's
    problems beside the lines, each with its line number."""
    found: dict[str, list[str]] = {}
    for error in errors:
        field, said = error.field, sentence(error, language)
        text = _TEXT_FIELD.match(field)
        line = _LINE_FIELD.match(field)
        if text:
            field = f"{text.group(2)}_{text.group(1)}"
        elif line:
            field = line.group(1)
            said = translate(
                language, "Line {n}: {problem}", n=int(line.group(2)) + 1, problem=said
            )
        elif field == "texts":
            field = "title_en"
        elif field == "organisation":
            field = "organisation_id"
        found.setdefault(field, []).append(said)
    return {field: " ".join(dict.fromkeys(texts)) for field, texts in found.items()}


def _number(value: float) -> str:
    return (
        f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    )


def case_view(case: PracticeCase, language: str) -> dict[str, Any]:
    """The case as its page and its cards show it, in `language` when it has that text."""
    told_in = case.told_in(language)
    told = case.texts[told_in]
    zh = language == "zh"
    country = reference.country(case.country)
    return {
        "id": case.id,
        "title": told.title,
        "problem": told.problem,
        "done": told.done,
        "results": told.results,
        "told_in": told_in,
        "told_in_name": translate(language, LANGUAGE_NAMES.get(told_in, told_in)),
        "translated": told_in == language,
        "languages": [
            (code, translate(language, LANGUAGE_NAMES.get(code, code))) for code in case.languages
        ],
        "original_language": case.original_language,
        "theme": case.theme.value,
        "theme_name": translate(language, THEMES[case.theme.value]),
        "country": case.country,
        "country_name": country.name_zh if zh and country.name_zh else country.name_en,
        "city": case.city,
        "year": case.year,
        "status": case.status.value,
        "version": case.version,
        "illustrative": case.illustrative,
        "sectors": [(code, reference.isic_title(code, language)) for code in case.isic_classes],
        "areas": [(code, _area(code, zh)) for code in case.technology_areas],
        "sdgs": [(g, _sdg(g, zh)) for g in case.sdgs],
        "partners": list(case.partners),
        "sources": [{"citation": s.citation, "url": s.url} for s in case.sources],
        "figures": [
            {
                "value": _number(f.value),
                "unit": f.unit,
                "year": f.year,
                "label": f.label.get(told_in)
                or f.label.get(case.original_language)
                or next(iter(f.label.values()), ""),
                "source": None if f.source is None else f.source + 1,
                "illustrative": f.illustrative or case.illustrative,
            }
            for f in case.figures
        ],
        "updated_at": case.updated_at,
        "published_at": case.published_at,
    }


def _area(code: str, zh: bool) -> str:
    area = reference.technology_areas()[code]
    return area.name_zh if zh and area.name_zh else area.name_en


def _sdg(goal: int, zh: bool) -> str:
    found = reference.sdg(goal)
    return found.title_zh if zh else found.title_en


def hit_view(hit: CaseHit, language: str) -> dict[str, Any]:
    """A found case and why: the words, sectors, technology areas and goals it shares."""
    view = case_view(hit.case, language)
    view["matched_terms"] = list(hit.matched_terms)
    view["shared_sectors"] = [s for s in view["sectors"] if s[0] in hit.shared_sectors]
    view["shared_areas"] = [a for a in view["areas"] if a[0] in hit.shared_areas]
    view["shared_sdgs"] = [g for g in view["sdgs"] if g[0] in hit.shared_sdgs]
    view["similarity"] = round(100 * hit.similarity)
    return view


def similar_for(
    platform: Platform, uow: SqlUnitOfWork, by: Principal, ids: Sequence[int], language: str
) -> list[dict[str, Any]]:
    """ "A similar case" for an opportunity's page or a match's: the best one, or none."""
    hits = search.similar_cases(
        uow=uow, index=platform.case_index(), by=by, opportunity_ids=list(ids), top=1
    )
    return [hit_view(h, language) for h in hits]
