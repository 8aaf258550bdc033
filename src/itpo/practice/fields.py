"""A case from plain values (a form, JSON, a row of a file): every problem named by its field,
all of them at once, so nothing is half-written and one round fixes everything."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from itpo.practice.model import CaseStatus, CaseText, Figure, PracticeCase, Source, Theme
from itpo.registry import fields as registry_fields
from itpo.registry.errors import FieldError, ValidationError
from itpo.registry.fields import FieldProblem

TITLE_MAX, TEXT_MAX, LABEL_MAX, UNIT_MAX = 200, 4000, 200, 40
CITATION_MAX, PARTNER_MAX, PARTNERS_MAX, FIGURES_MAX, SOURCES_MAX = 500, 200, 30, 40, 20
EXTERNAL_ID_MAX = 120
EARLIEST_YEAR, LATEST_YEAR = 1950, 2100
TEXT_PARTS = ("title", "problem", "done", "results")
# A unit says what the number counts; a bare number or sign says nothing.
_UNIT = re.compile(r"[^\W\d_]|%|‰|°|\$|€|£|¥", re.UNICODE)


@dataclass(frozen=True, slots=True)
class CaseFields:
    """What a writer may set; status moves through review (or an officer's import)."""

    case: PracticeCase
    status: CaseStatus | None = None
    organisation: object = None  # an organisation id, or an import's external id


def parse_case(data: Mapping[str, Any]) -> CaseFields:
    """The case `data` describes, or a ValidationError naming every bad field."""
    if not isinstance(data, Mapping):
        raise ValidationError([FieldError("case", "must be an object of fields")])
    problems: list[FieldError] = []

    def take(name: str, parse: Callable[[Any], Any], *, required: bool = False) -> Any:
        value = data.get(name)
        try:
            parsed = parse(value)
        except FieldProblem as problem:
            problems.append(FieldError(name, str(problem)))
            return None
        if required and parsed in (None, "", [], ()):
            problems.append(FieldError(name, "is required"))
        return parsed

    theme = take("theme", registry_fields.choice(Theme), required=True)
    country = take("country", _optional(registry_fields.country_code), required=True)
    city = take("city", registry_fields.text(120)) or ""
    isic = take("isic_classes", registry_fields.list_of(registry_fields.isic_class)) or []
    areas = take("technology_areas", registry_fields.list_of(registry_fields.technology_area))
    sdgs = take("sdgs", registry_fields.list_of(_sdg)) or []
    year = take("year", registry_fields.integer(EARLIEST_YEAR, LATEST_YEAR))
    partners = take("partners", _partners) or []
    illustrative = take("illustrative", _flag) or False
    external_id = take("external_id", registry_fields.text(EXTERNAL_ID_MAX))
    status = take("status", registry_fields.choice(CaseStatus))
    texts = _texts(data.get("texts"), problems)
    original = _original(data.get("original_language"), texts, problems)
    sources = _sources(data.get("sources"), problems)
    figures = _figures(data.get("figures"), len(sources), original, illustrative, problems)
    if problems:
        raise ValidationError(problems)
    case = PracticeCase(
        theme=theme,
        country=country,
        city=city,
        texts=texts,
        original_language=original,
        sources=tuple(sources),
        isic_classes=tuple(isic),
        technology_areas=tuple(areas or ()),
        sdgs=tuple(sorted(sdgs)),
        figures=tuple(figures),
        partners=tuple(partners),
        year=year,
        illustrative=illustrative,
        external_id=external_id,
    )
    return CaseFields(case=case, status=status, organisation=data.get("organisation"))


def _optional(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def parse_present(value: Any) -> Any:
        return None if value is None or str(value).strip() == "" else parse(value)

    return parse_present


def _sdg(value: Any) -> int:
    try:
        number = registry_fields.integer(1, 17)(value)
    except FieldProblem:
        raise FieldProblem(f"{value!r} is not an SDG (a goal from 1 to 17)") from None
    if number is None:
        raise FieldProblem("is empty; give a goal from 1 to 17")
    return int(number)


def _flag(value: Any) -> bool:
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"true", "yes", "1", "y"}:
        return True
    if text in {"false", "no", "0", "n"}:
        return False
    raise FieldProblem(f"{value!r} is not true or false")


def _partners(value: Any) -> list[str]:
    names = registry_fields.list_of(registry_fields.text(PARTNER_MAX), ";\n")(value)
    if len(names) > PARTNERS_MAX:
        raise FieldProblem(f"names {len(names)} partners; at most {PARTNERS_MAX}")
    return [name for name in names if name]


def _texts(value: Any, problems: list[FieldError]) -> dict[str, CaseText]:
    if not isinstance(value, Mapping) or not value:
        problems.append(
            FieldError(
                "texts", "give the case in at least one language (title, problem, done, results)"
            )
        )
        return {}
    texts: dict[str, CaseText] = {}
    for raw_language, parts in value.items():
        where = f"texts.{raw_language}"
        try:
            language = registry_fields.language_code(raw_language)
        except FieldProblem as problem:
            problems.append(FieldError(where, str(problem)))
            continue
        if language is None or not isinstance(parts, Mapping):
            problems.append(FieldError(where, "must hold title, problem, done and results"))
            continue
        told = {}
        for part in TEXT_PARTS:
            limit = TITLE_MAX if part == "title" else TEXT_MAX
            try:
                told[part] = registry_fields.text(limit)(parts.get(part))
            except FieldProblem as problem:
                problems.append(FieldError(f"{where}.{part}", str(problem)))
                told[part] = ""
                continue
            if not told[part]:
                problems.append(FieldError(f"{where}.{part}", "is required"))
        texts[language] = CaseText(**{part: told[part] or "" for part in TEXT_PARTS})
    return texts


def _original(value: Any, texts: Mapping[str, CaseText], problems: list[FieldError]) -> str:
    if value is None or str(value).strip() == "":
        return next(iter(texts), "")
    language = str(value).strip().lower()
    if texts and language not in texts:
        problems.append(
            FieldError("original_language", f"{value!r} is not one of the case's languages")
        )
    return language


def _sources(value: Any, problems: list[FieldError]) -> list[Source]:
    if not isinstance(value, list | tuple) or not value:
        problems.append(FieldError("sources", "name at least one source: its citation and address"))
        return []
    if len(value) > SOURCES_MAX:
        problems.append(FieldError("sources", f"names {len(value)} sources; at most {SOURCES_MAX}"))
        return []
    sources = []
    for n, item in enumerate(value):
        where = f"sources[{n}]"
        if not isinstance(item, Mapping):
            problems.append(FieldError(where, "must hold a citation and an address (url)"))
            continue
        citation = _part(
            item.get("citation"), registry_fields.text(CITATION_MAX), f"{where}.citation", problems
        )
        url = _part(item.get("url"), registry_fields.website, f"{where}.url", problems)
        sources.append(Source(citation=citation or "", url=url or ""))
    return sources


def _part(value: Any, parse: Callable[[Any], Any], where: str, problems: list[FieldError]) -> Any:
    try:
        parsed = parse(value)
    except FieldProblem as problem:
        problems.append(FieldError(where, str(problem)))
        return None
    if parsed is None or parsed == "":
        problems.append(FieldError(where, "is required"))
    return parsed


def _figures(
    value: Any,
    source_count: int,
    original: str,
    case_illustrative: bool,
    problems: list[FieldError],
) -> list[Figure]:
    if value is None or value == "":
        return []
    if not isinstance(value, list | tuple):
        problems.append(FieldError("figures", "must be a list of figures"))
        return []
    if len(value) > FIGURES_MAX:
        problems.append(FieldError("figures", f"holds {len(value)} figures; at most {FIGURES_MAX}"))
        return []
    figures = []
    for n, item in enumerate(value):
        where = f"figures[{n}]"
        if not isinstance(item, Mapping):
            problems.append(FieldError(where, "must hold a value, a unit, a label and its source"))
            continue
        number = _part(item.get("value"), _number, f"{where}.value", problems)
        unit = _part(item.get("unit"), _unit, f"{where}.unit", problems)
        year = _maybe(
            item.get("year"),
            registry_fields.integer(EARLIEST_YEAR, LATEST_YEAR),
            f"{where}.year",
            problems,
        )
        illustrative = _maybe(item.get("illustrative"), _flag, f"{where}.illustrative", problems)
        label = _label(item.get("label"), original, f"{where}.label", problems)
        source = _source_index(
            item.get("source"),
            source_count,
            bool(illustrative or case_illustrative),
            f"{where}.source",
            problems,
        )
        figures.append(
            Figure(
                value=number or 0.0,
                unit=unit or "",
                label=label,
                year=year,
                source=source,
                illustrative=bool(illustrative),
            )
        )
    return figures


def _maybe(value: Any, parse: Callable[[Any], Any], where: str, problems: list[FieldError]) -> Any:
    try:
        return parse(value)
    except FieldProblem as problem:
        problems.append(FieldError(where, str(problem)))
        return None


def _number(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise FieldProblem(f"{value!r} is not a number")
    try:
        number = (
            float(str(value).strip().replace(",", "")) if isinstance(value, str) else float(value)
        )
    except (TypeError, ValueError):
        raise FieldProblem(f"{value!r} is not a number") from None
    if number != number or abs(number) == float("inf"):
        raise FieldProblem(f"{value!r} is not a finite number")
    return number


def _unit(value: Any) -> str | None:
    unit: str | None = registry_fields.text(UNIT_MAX)(value)
    if unit is None:
        raise FieldProblem("is required: say what the figure counts (%, t CO2/year, jobs, ...)")
    if not _UNIT.search(unit):
        raise FieldProblem(
            f"{unit!r} is not a unit: say what the figure counts (%, MWh/year, jobs)"
        )
    return unit


def _label(value: Any, original: str, where: str, problems: list[FieldError]) -> dict[str, str]:
    if isinstance(value, str):
        value = {original: value}
    if not isinstance(value, Mapping) or not value:
        problems.append(FieldError(where, "say what the figure is, in the case's language"))
        return {}
    labels = {}
    for language, text in value.items():
        parsed = _part(text, registry_fields.text(LABEL_MAX), f"{where}.{language}", problems)
        if parsed:
            labels[str(language).lower()] = parsed
    if original and original not in labels and labels:
        problems.append(
            FieldError(f"{where}.{original}", "is required in the case's original language")
        )
    return labels


def _source_index(
    value: Any, count: int, illustrative: bool, where: str, problems: list[FieldError]
) -> int | None:
    if value is None or value == "":
        if not illustrative:
            problems.append(
                FieldError(
                    where,
                    "name the source the figure comes from (its number in sources), or mark it illustrative",
                )
            )
        return None
    try:
        index = registry_fields.integer(0, max(count - 1, 0))(value)
    except FieldProblem:
        problems.append(
            FieldError(where, f"{value!r} is not one of the case's sources (0 to {count - 1})")
        )
        return None
    if count == 0:
        problems.append(FieldError(where, "the case names no sources"))
        return None
    return int(index) if index is not None else None


def case_document(case: PracticeCase) -> dict[str, Any]:
    """The case as plain values, in the shape `parse_case` reads: JSON files, versions, the API."""
    return {
        "external_id": case.external_id,
        "theme": case.theme.value,
        "country": case.country,
        "city": case.city,
        "isic_classes": list(case.isic_classes),
        "technology_areas": list(case.technology_areas),
        "sdgs": list(case.sdgs),
        "year": case.year,
        "partners": list(case.partners),
        "illustrative": case.illustrative,
        "original_language": case.original_language,
        "texts": {
            language: {part: getattr(text, part) for part in TEXT_PARTS}
            for language, text in case.texts.items()
        },
        "figures": [
            {
                "value": figure.value,
                "unit": figure.unit,
                "year": figure.year,
                "source": figure.source,
                "label": dict(figure.label),
                "illustrative": figure.illustrative,
            }
            for figure in case.figures
        ],
        "sources": [{"citation": s.citation, "url": s.url} for s in case.sources],
    }
