"""A case as one flat row (CSV, a spreadsheet) and back: lists joined with ';', sources and
figures one per line inside their cell, each language's texts in columns of their own
(`title_en`, `title_zh`, ...). Figures name their source by its number counted from 1, as
people number the lines of a cell."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from itpo.practice.fields import TEXT_PARTS

BASE_COLUMNS = (
    "external_id",
    "theme",
    "status",
    "country",
    "city",
    "year",
    "isic_classes",
    "technology_areas",
    "sdgs",
    "partners",
    "illustrative",
    "original_language",
    "sources",
    "figures",
)
LIST_COLUMNS = ("isic_classes", "technology_areas", "sdgs", "partners")
FIELD_SEPARATOR = " | "
_LABEL = re.compile(r"^([a-z]{2})=(.*)$", re.DOTALL)
_TEXT_COLUMN = re.compile(r"^(title|problem|done|results)_([a-z]{2})$")
SOURCES_HELP = "one source a line: citation | address"
FIGURES_HELP = (
    "one figure a line: value | unit | year | source number (from 1) | en=label | zh=label; "
    "'illustrative' in place of the source number for a figure no source gives"
)


def columns_for(languages: list[str]) -> list[str]:
    return [*BASE_COLUMNS, *(f"{part}_{lang}" for lang in languages for part in TEXT_PARTS)]


def flat_row(document: Mapping[str, Any]) -> dict[str, Any]:
    """A case document as one row of cells."""
    row: dict[str, Any] = {name: document.get(name) for name in BASE_COLUMNS}
    for name in LIST_COLUMNS:
        row[name] = ";".join(str(v) for v in document.get(name) or [])
    row["illustrative"] = "true" if document.get("illustrative") else ""
    row["sources"] = "\n".join(
        f"{s['citation']}{FIELD_SEPARATOR}{s['url']}" for s in document.get("sources") or []
    )
    row["figures"] = "\n".join(_figure_line(f) for f in document.get("figures") or [])
    for language, text in (document.get("texts") or {}).items():
        for part in TEXT_PARTS:
            row[f"{part}_{language}"] = text.get(part, "")
    return row


def _figure_line(figure: Mapping[str, Any]) -> str:
    value = figure["value"]
    shown = str(int(value)) if float(value).is_integer() else str(value)
    source = (
        "illustrative"
        if figure.get("illustrative") or figure.get("source") is None
        else str(int(figure["source"]) + 1)
    )
    parts = [
        shown,
        figure["unit"],
        "" if figure.get("year") is None else str(figure["year"]),
        source,
    ]
    parts += [f"{lang}={label}" for lang, label in (figure.get("label") or {}).items()]
    return FIELD_SEPARATOR.join(parts)


def document_of_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row of cells as a case document for `parse_case`; what cannot be split is passed on
    as it is, so the parser names the field."""
    document: dict[str, Any] = {name: _blank_none(row.get(name)) for name in BASE_COLUMNS}
    texts: dict[str, dict[str, Any]] = {}
    for name, value in row.items():
        found = _TEXT_COLUMN.match(str(name))
        if found and not _blank(value):
            texts.setdefault(found.group(2), {})[found.group(1)] = value
    document["texts"] = texts
    document["sources"] = _sources(row.get("sources"))
    document["figures"] = _figures(row.get("figures"))
    return document


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _blank_none(value: Any) -> Any:
    return None if _blank(value) else value


def _lines(value: Any) -> list[str]:
    if _blank(value):
        return []
    return [line.strip() for line in str(value).splitlines() if line.strip()]


def _sources(value: Any) -> Any:
    sources = []
    for line in _lines(value):
        citation, _, url = line.rpartition("|")
        sources.append(
            {"citation": citation.strip(), "url": url.strip()}
            if citation
            else {"citation": line, "url": ""}
        )
    return sources


def _figures(value: Any) -> Any:
    figures = []
    for line in _lines(value):
        parts = [p.strip() for p in line.split("|")]
        parts += [""] * (4 - len(parts))
        number, unit, year, source = parts[:4]
        labels = {}
        for extra in parts[4:]:
            found = _LABEL.match(extra)
            if found:
                labels[found.group(1)] = found.group(2).strip()
        figure: dict[str, Any] = {
            "value": number,
            "unit": unit,
            "year": year or None,
            "label": labels,
        }
        if source.lower() == "illustrative":
            figure["illustrative"] = True
        elif source:
            figure["source"] = int(source) - 1 if source.isdigit() else source
        figures.append(figure)
    return figures
