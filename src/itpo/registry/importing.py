"""Bulk import: every row is checked before anything is written, and the whole file commits in
one transaction, so a bad file changes nothing and a good one lands whole."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from itpo.registry.errors import FieldError, ValidationError
from itpo.registry.model import Opportunity, Organisation
from itpo.registry.ports import UnitOfWork
from itpo.registry.records import opportunity_from, opportunity_values, organisation_from
from itpo.registry.services import Clock, utc_now

ORGANISATIONS, OPPORTUNITIES = "organisations", "opportunities"
WRITE_BATCH = 2000
# After this many rows the planner's picture of the data is stale enough to refresh.
STATISTICS_AFTER = 500
Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One record as read from a file; `row` is the number the user sees (spreadsheet row)."""

    section: str
    row: int
    data: Mapping[str, Any]


@dataclass(slots=True)
class ImportBatch:
    organisations: list[RawRecord] = field(default_factory=list)
    opportunities: list[RawRecord] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.organisations) + len(self.opportunities)


@dataclass(slots=True)
class ImportReport:
    dry_run: bool
    organisations_created: int = 0
    organisations_updated: int = 0
    opportunities_created: int = 0
    opportunities_updated: int = 0


class ImportFailed(ValidationError):
    """The file has bad rows; the database was not touched."""


def auto_external_id(*parts: object) -> str:
    """A stable id for a record that came without one, so importing it again updates it."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()
    return f"auto:{digest[:20]}"


def import_records(
    *,
    uow: UnitOfWork,
    batch: ImportBatch,
    dry_run: bool = False,
    now: Clock = utc_now,
    progress: Progress | None = None,
) -> ImportReport:
    """Validate every record, then upsert all of them by external_id in one transaction."""
    tick = progress or (lambda _n: None)
    report = ImportReport(dry_run=dry_run)
    errors: list[FieldError] = []
    organisations = _parse_organisations(batch.organisations, errors, tick)
    parsed = _parse_opportunities(batch.opportunities, errors, tick)
    with uow:
        known = set(uow.organisations.ids_by_external_id(_references(parsed)))
        known.update(o.external_id for _, o in organisations if o.external_id)
        _check_references(parsed, known, errors)
        if errors:
            raise ImportFailed(sorted(errors, key=_error_order))
        if dry_run:
            return _count_only(uow, organisations, parsed, report)
        stamp = now()
        _write_organisations(uow, [o for _, o in organisations], stamp, report)
        _write_opportunities(uow, parsed, stamp, report, tick)
        if len(parsed) >= STATISTICS_AFTER:
            uow.opportunities.refresh_statistics()
        uow.commit()
    return report


def _error_order(error: FieldError) -> tuple[int, int]:
    return (0 if error.section == ORGANISATIONS else 1, error.row or 0)


def _located(errors: Iterable[FieldError], record: RawRecord) -> list[FieldError]:
    return [FieldError(e.field, e.message, record.row, record.section) for e in errors]


def _parse_organisations(
    records: Sequence[RawRecord], errors: list[FieldError], tick: Progress
) -> list[tuple[RawRecord, Organisation]]:
    parsed: list[tuple[RawRecord, Organisation]] = []
    for record in records:
        try:
            organisation = organisation_from(record.data)
        except ValidationError as invalid:
            errors.extend(_located(invalid.errors, record))
            continue
        if organisation.external_id is None:
            organisation.external_id = auto_external_id(organisation.name, organisation.country)
        parsed.append((record, organisation))
    _refuse_duplicates(parsed, lambda o: o.external_id, errors)
    tick(len(records))
    return parsed


@dataclass(slots=True)
class _ParsedOpportunity:
    record: RawRecord
    values: dict[str, Any]
    opportunity: Opportunity


def _parse_opportunities(
    records: Sequence[RawRecord], errors: list[FieldError], tick: Progress
) -> list[_ParsedOpportunity]:
    parsed: list[_ParsedOpportunity] = []
    for record in records:
        try:
            values = opportunity_values(record.data)
            # The owner is resolved after validation; 0 stands in until then.
            opportunity = opportunity_from(values, organisation_id=0)
        except ValidationError as invalid:
            errors.extend(_located(invalid.errors, record))
            continue
        if values.get("organisation") is None:
            errors.append(FieldError("organisation", "is required", record.row, record.section))
            continue
        if opportunity.external_id is None:
            opportunity.external_id = auto_external_id(
                values["organisation"], opportunity.kind.value, opportunity.title
            )
        parsed.append(_ParsedOpportunity(record, values, opportunity))
    pairs = [(p.record, p.opportunity) for p in parsed]
    _refuse_duplicates(pairs, lambda o: o.external_id, errors)
    tick(len(records))
    return parsed


def _refuse_duplicates(
    pairs: Sequence[tuple[RawRecord, Any]],
    key: Callable[[Any], str | None],
    errors: list[FieldError],
) -> None:
    first_row: dict[str, int] = {}
    for record, item in pairs:
        value = key(item)
        if value is None:
            continue
        if value in first_row:
            message = f"{value!r} appears again (first at row {first_row[value]})"
            errors.append(FieldError("external_id", message, record.row, record.section))
        else:
            first_row[value] = record.row


def _references(parsed: Sequence[_ParsedOpportunity]) -> set[str]:
    return {p.values["organisation"] for p in parsed}


def _check_references(
    parsed: Sequence[_ParsedOpportunity], known: set[str], errors: list[FieldError]
) -> None:
    for p in parsed:
        reference = p.values["organisation"]
        if reference not in known:
            message = f"no organisation with external_id {reference!r} in the file or database"
            errors.append(FieldError("organisation", message, p.record.row, p.record.section))


def _count_only(
    uow: UnitOfWork,
    organisations: Sequence[tuple[RawRecord, Organisation]],
    parsed: Sequence[_ParsedOpportunity],
    report: ImportReport,
) -> ImportReport:
    existing = uow.organisations.ids_by_external_id(o.external_id or "" for _, o in organisations)
    report.organisations_updated = len(existing)
    report.organisations_created = len(organisations) - len(existing)
    found = uow.opportunities.ids_by_external_id(p.opportunity.external_id or "" for p in parsed)
    report.opportunities_updated = len(found)
    report.opportunities_created = len(parsed) - len(found)
    return report


R = TypeVar("R", Organisation, Opportunity)


def _new_or_changed(
    records: Sequence[R], existing: dict[str, int], stamp: Any
) -> tuple[list[R], list[R]]:
    """Split records into those to insert and those to update, stamping both."""
    new, changed = [], []
    for record in records:
        record.updated_at = stamp
        record.id = existing.get(record.external_id or "")
        if record.id is None:
            record.created_at = stamp
            new.append(record)
        else:
            changed.append(record)
    return new, changed


def _write_organisations(
    uow: UnitOfWork, organisations: list[Organisation], stamp: Any, report: ImportReport
) -> None:
    existing = uow.organisations.ids_by_external_id(o.external_id or "" for o in organisations)
    new, changed = _new_or_changed(organisations, existing, stamp)
    uow.organisations.add_many(new)
    uow.organisations.update_many(changed)
    report.organisations_created, report.organisations_updated = len(new), len(changed)


def _write_opportunities(
    uow: UnitOfWork,
    parsed: list[_ParsedOpportunity],
    stamp: Any,
    report: ImportReport,
    tick: Progress,
) -> None:
    owners = uow.organisations.ids_by_external_id(_references(parsed))
    existing = uow.opportunities.ids_by_external_id(p.opportunity.external_id or "" for p in parsed)
    for start in range(0, len(parsed), WRITE_BATCH):
        part = parsed[start : start + WRITE_BATCH]
        for p in part:
            p.opportunity.organisation_id = owners[p.values["organisation"]]
        new, changed = _new_or_changed([p.opportunity for p in part], existing, stamp)
        uow.opportunities.add_many(new)
        uow.opportunities.update_many(changed)
        report.opportunities_created += len(new)
        report.opportunities_updated += len(changed)
        tick(len(part))
