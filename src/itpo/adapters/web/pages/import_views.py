"""What the import pages show of a check, an import and its refusals: counts per record type,
the renames and moves a file makes, and every bad row as row, section, field and reason."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from itpo.adapters.web.i18n import translate
from itpo.adapters.web.import_runs import ImportRun
from itpo.adapters.web.pages.work_choices import problem_text
from itpo.registry.errors import FieldError
from itpo.registry.importing import OPPORTUNITIES, ORGANISATIONS, ImportChange, ImportReport


def _(message: str) -> str:
    """A message the page translates where it shows it (the catalogue test finds it here)."""
    return message


# Bad rows shown at once; past these the page says how many more there are, by field.
MAX_SHOWN = 1000
SECTION_NAMES: Mapping[str, str] = {
    ORGANISATIONS: _("Organisations"),
    OPPORTUNITIES: _("Opportunities"),
}


def counts_view(report: ImportReport) -> list[dict[str, Any]]:
    """Created, updated and unchanged, one row per record type."""
    return [
        {
            "section": ORGANISATIONS,
            "created": report.organisations_created,
            "updated": report.organisations_updated,
            "unchanged": report.organisations_unchanged,
        },
        {
            "section": OPPORTUNITIES,
            "created": report.opportunities_created,
            "updated": report.opportunities_updated,
            "unchanged": report.opportunities_unchanged,
        },
    ]


def changes_anything(report: ImportReport) -> bool:
    return any(row["created"] or row["updated"] for row in counts_view(report))


def change_view(change: ImportChange) -> dict[str, Any]:
    return {
        "section": change.section,
        "row": change.row,
        "record_id": change.record_id,
        "renames": change.field == "name",
        "before": change.before,
        "after": change.after,
        "needs_leave": not change.made_by_import,
    }


def problems_view(errors: Sequence[FieldError], language: str) -> dict[str, Any]:
    """Every bad row, up to MAX_SHOWN of them, and how many there are in all, by field."""
    rows = []
    for error in errors[:MAX_SHOWN]:
        reason = problem_text(error, language)
        rows.append(
            {
                "row": error.row,
                "section": error.section,
                "field": error.field,
                "reason": reason,
                # The registry's own words, when the page's differ: they name the value.
                "said": error.message if reason != error.message else None,
            }
        )
    by_field = Counter(e.field for e in errors)
    return {
        "rows": rows,
        "total": len(errors),
        "hidden": max(len(errors) - MAX_SHOWN, 0),
        "bad_rows": len({(e.section, e.row) for e in errors}),
        "by_field": by_field.most_common(),
    }


def section_name(language: str, section: str | None) -> str:
    return translate(language, SECTION_NAMES.get(section or "", section or "–"))


def run_view(run: ImportRun, language: str) -> dict[str, Any]:
    """How an import started from the page stands, or how it ended."""
    report = run.report
    return {
        "name": run.name,
        "finished": run.finished,
        "records": run.records,
        "opportunities": run.opportunities,
        "checked": run.checked,
        "written": run.written,
        "steps": run.records + run.opportunities,
        "done": min(run.done, run.records + run.opportunities),
        "counts": counts_view(report) if report else None,
        "changed": changes_anything(report) if report else None,
        "changes": [change_view(c) for c in report.changes] if report else [],
        "refused_changes": [change_view(c) for c in run.changes],
        "problems": problems_view(run.errors, language) if run.errors else None,
        "refusal": run.refusal,
        "failed": run.failed,
    }
