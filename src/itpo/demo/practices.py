"""The demo's practice cases: written for the platform from the public sources each cites,
loaded as published cases of the office."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any

from itpo.accounts.principal import Principal
from itpo.clock import Clock, utc_now
from itpo.practice.ports import PracticeUnitOfWork
from itpo.practice.transfer import CaseImportReport, import_cases

CASES_FILE = "practice_cases.json"
LANGUAGES = ("en", "zh")


def demo_case_documents() -> list[dict[str, Any]]:
    """The demo cases as documents an import reads, each published."""
    text = resources.files("itpo.demo").joinpath("data", CASES_FILE).read_text(encoding="utf-8")
    return [case_document_of(entry) for entry in json.loads(text)["cases"]]


def case_document_of(entry: Mapping[str, Any]) -> dict[str, Any]:
    """A case of the demo file (its texts under `en`, `zh`) as an import document."""
    document = {k: v for k, v in entry.items() if k not in LANGUAGES}
    document["texts"] = {lang: entry[lang] for lang in LANGUAGES if lang in entry}
    document.setdefault("original_language", "en")
    document["status"] = "published"
    return document


def load_demo_practices(
    *,
    uow_factory: Callable[[], PracticeUnitOfWork],
    by: Principal,
    now: Clock = utc_now,
) -> CaseImportReport:
    """Create the demo cases that are missing, update the changed ones."""
    return import_cases(
        uow=uow_factory(), by=by, rows=demo_case_documents(), source="demo", now=now
    )
