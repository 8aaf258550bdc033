"""Cases in bulk: an officer's import writes every row or none, and says what it created,
updated and left unchanged; an export gives each asker the cases they may see."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from itpo.accounts.access import require_staff_write
from itpo.accounts.audit import record
from itpo.accounts.principal import Principal
from itpo.clock import Clock, utc_now
from itpo.practice.fields import case_document, parse_case
from itpo.practice.model import CaseStatus, PracticeCase, VersionStep
from itpo.practice.ports import PracticeUnitOfWork
from itpo.practice.services import content_of, keep_version, list_cases
from itpo.registry.errors import FieldError, ValidationError

SECTION = "cases"


@dataclass(frozen=True, slots=True)
class CaseImportReport:
    created: int
    updated: int
    unchanged: int
    dry_run: bool

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def check_importer(*, by: Principal) -> None:
    """Refuse anyone who may not import cases (before a file is even read)."""
    require_staff_write(by, "import practice cases")


def import_cases(
    *,
    uow: PracticeUnitOfWork,
    by: Principal,
    rows: Sequence[Mapping[str, Any]],
    dry_run: bool = False,
    source: str = "",
    now: Clock = utc_now,
) -> CaseImportReport:
    """Create or update cases by their `external_id`; any bad row refuses the whole file, every
    problem named with its row (counted from 1, as the file's reader numbers them)."""
    require_staff_write(by, "import practice cases")
    parsed, problems = [], []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        try:
            fields = parse_case(row)
        except ValidationError as error:
            problems += [dataclasses.replace(e, row=number, section=SECTION) for e in error.errors]
            continue
        key = fields.case.external_id
        if key is None:
            problems.append(
                FieldError("external_id", "is required in an import", row=number, section=SECTION)
            )
            continue
        if key in seen:
            problems.append(
                FieldError(
                    "external_id",
                    f"{key!r} is also on row {seen[key]}",
                    row=number,
                    section=SECTION,
                )
            )
            continue
        seen[key] = number
        parsed.append(fields)
    if problems:
        raise ValidationError(problems)
    created = updated = unchanged = 0
    with uow:
        known = uow.practices.by_external_ids(list(seen))
        for fields in parsed:
            assert fields.case.external_id is not None
            status = fields.status or CaseStatus.DRAFT
            found = known.get(fields.case.external_id)
            if found is None:
                created += 1
                if not dry_run:
                    _add(uow, by, fields.case, status, now)
            elif content_of(found) == fields.case and found.status is status:
                unchanged += 1
            else:
                updated += 1
                if not dry_run:
                    _replace(uow, by, found, fields.case, status, now)
        report = CaseImportReport(created, updated, unchanged, dry_run)
        if not dry_run:
            record(
                uow=uow,
                by=by,
                action="practice.import",
                subject_type="practice",
                detail=report.to_dict() | {"source": source[:200]},
                now=now,
            )
            uow.commit()
    return report


def _add(
    uow: PracticeUnitOfWork, by: Principal, case: PracticeCase, status: CaseStatus, now: Clock
) -> None:
    at = now()
    published = at if status is CaseStatus.PUBLISHED else None
    new = dataclasses.replace(
        case, status=status, created_at=at, updated_at=at, published_at=published
    )
    new = dataclasses.replace(new, id=uow.practices.add(new))
    keep_version(uow, by, new, VersionStep.IMPORTED, now)


def _replace(
    uow: PracticeUnitOfWork,
    by: Principal,
    found: PracticeCase,
    case: PracticeCase,
    status: CaseStatus,
    now: Clock,
) -> None:
    at = now()
    published = (
        at if status is CaseStatus.PUBLISHED and found.published_at is None else found.published_at
    )
    changed = dataclasses.replace(
        case,
        id=found.id,
        organisation_id=found.organisation_id,
        status=status,
        version=found.version + 1,
        created_at=found.created_at,
        updated_at=at,
        published_at=published,
    )
    uow.practices.save(changed)
    keep_version(uow, by, changed, VersionStep.IMPORTED, now)


def export_cases(
    *, uow: PracticeUnitOfWork, by: Principal, now: Clock = utc_now
) -> list[dict[str, Any]]:
    """The cases `by` may see as documents (with their status), in the shape an import reads."""
    cases = list_cases(uow=uow, by=by)
    with uow:
        record(
            uow=uow,
            by=by,
            action="practice.export",
            subject_type="practice",
            detail={"cases": len(cases)},
            now=now,
        )
        uow.commit()
    return [case_document(c) | {"status": c.status.value} for c in cases]
