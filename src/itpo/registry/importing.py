"""Bulk import: every row is checked before anything is written, and the whole file commits in
one transaction, so a bad file changes nothing and a good one lands whole.

Rows are keyed on external ids, so an import lands on whatever record holds a row's id. Only the
office chooses external ids (registry.services), and an import renames an organisation or moves
an opportunity to another owner only when an import made that record, or when the officer, shown
each such change by a dry run, lets it (`allow_moves`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from itpo.accounts.access import require_staff_write
from itpo.accounts.audit import record
from itpo.accounts.ports import AuditedUnitOfWork
from itpo.accounts.principal import Principal
from itpo.clock import Clock, utc_now
from itpo.registry.errors import Conflict, FieldError, ValidationError
from itpo.registry.model import Opportunity, Organisation
from itpo.registry.ports import InstallationRepository
from itpo.registry.records import opportunity_from, opportunity_values, organisation_from

ORGANISATIONS, OPPORTUNITIES = "organisations", "opportunities"
WRITE_BATCH = 2000
# After this many rows the planner's picture of the data is stale enough to refresh.
STATISTICS_AFTER = 500
# Progress is told every this many rows checked.
PROGRESS_ROWS = 1000
# The installation secret that keys derived external ids.
ID_SECRET = "external_ids"
Progress = Callable[[int], None]


class ImportUnitOfWork(AuditedUnitOfWork, Protocol):
    @property
    def installation(self) -> InstallationRepository: ...


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


@dataclass(frozen=True, slots=True)
class ImportChange:
    """A row that renames a stored organisation or gives a stored opportunity to another one."""

    section: str
    row: int
    record_id: int
    field: str  # "name" of an organisation, "organisation" of an opportunity
    before: str
    after: str
    # Whether an import made the record: one entered by hand (a form, the API) is changed only
    # when the officer lets the import do it.
    made_by_import: bool

    def __str__(self) -> str:
        if self.field == "name":
            what = f"renames organisation {self.record_id} from {self.before!r} to {self.after!r}"
        else:
            what = f"moves opportunity {self.record_id} from {self.before!r} to {self.after!r}"
        return f"{self.section} row {self.row}: {what}"


@dataclass(slots=True)
class ImportReport:
    dry_run: bool
    organisations_created: int = 0
    organisations_updated: int = 0
    opportunities_created: int = 0
    opportunities_updated: int = 0
    # Rows that match their stored record field for field: nothing to write.
    organisations_unchanged: int = 0
    opportunities_unchanged: int = 0
    changes: list[ImportChange] = field(default_factory=list)

    @property
    def to_allow(self) -> list[ImportChange]:
        """The changes to records no import made: they need `allow_moves`."""
        return [c for c in self.changes if not c.made_by_import]


class ImportFailed(ValidationError):
    """The file has bad rows; the database was not touched."""


class MovesNotAllowed(Conflict):
    """The file renames or moves records entered by hand, and the import was not let do it."""

    def __init__(self, changes: Sequence[ImportChange]) -> None:
        self.changes = list(changes)
        listed = "; ".join(str(c) for c in self.changes[:5])
        more = f" (and {len(self.changes) - 5} more)" if len(self.changes) > 5 else ""
        super().__init__(
            f"the file changes {len(self.changes)} records that no import made: {listed}{more}; "
            "nothing was changed. Check them with a dry run, then import again allowing moves"
        )


def derived_external_id(key: str, *parts: object) -> str:
    """A stable id for a record that came without one, so importing it again updates it.

    Keyed with the installation's secret: an id that is a plain hash of the owner and the title
    would let anyone who sees it test guesses of who owns an anonymous record."""
    inner = _legacy_digest(parts)
    keyed = hmac.new(key.encode(), inner.encode(), hashlib.sha256).hexdigest()
    return f"auto:{keyed[:20]}"


def legacy_external_id(*parts: object) -> str:
    """The unkeyed id earlier versions derived; records that carry one keep it."""
    return f"auto:{_legacy_digest(parts)}"


def _legacy_digest(parts: Sequence[object]) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:20]


def require_importer(by: Principal) -> None:
    """Refuse at once, before a file is even read, anyone who may not import."""
    require_staff_write(by, "import files")


def import_records(
    *,
    uow: ImportUnitOfWork,
    by: Principal,
    batch: ImportBatch,
    dry_run: bool = False,
    allow_moves: bool = False,
    source: str | None = None,
    now: Clock = utc_now,
    progress: Progress | None = None,
) -> ImportReport:
    """Validate every record, then upsert all of them by external_id in one transaction
    (officers and administrators). The import, dry run or not, is audited with `source`."""
    require_importer(by)
    tick = progress or (lambda _n: None)
    report = ImportReport(dry_run=dry_run)
    errors: list[FieldError] = []
    organisations = _parse_organisations(batch.organisations, errors, tick)
    parsed = _parse_opportunities(batch.opportunities, errors, tick)
    with uow:
        _derive_ids(uow, organisations, parsed)
        _refuse_duplicates([(r, o.external_id) for r, o in organisations], errors)
        _refuse_duplicates([(p.record, p.opportunity.external_id) for p in parsed], errors)
        known = set(uow.organisations.ids_by_external_id(_references(parsed)))
        known.update(o.external_id for _, o in organisations if o.external_id)
        _check_references(parsed, known, errors)
        if errors:
            raise ImportFailed(sorted(errors, key=_error_order))
        report.changes = _changes(uow, organisations, parsed)
        if dry_run:
            _count_only(uow, organisations, parsed, report)
        elif report.to_allow and not allow_moves:
            raise MovesNotAllowed(report.to_allow)
        else:
            stamp = now()
            _write_organisations(uow, [o for _, o in organisations], stamp, report)
            _write_opportunities(uow, parsed, stamp, report, tick)
            if len(parsed) >= STATISTICS_AFTER:
                uow.opportunities.refresh_statistics()
        record(
            uow=uow,
            by=by,
            action="import",
            subject_type="file",
            subject_id=None,
            detail=_audit_detail(report, source),
            now=now,
        )
        uow.commit()
    return report


def _audit_detail(report: ImportReport, source: str | None) -> dict[str, Any]:
    return {
        "file": source,
        "dry_run": report.dry_run,
        "organisations": {
            "created": report.organisations_created,
            "updated": report.organisations_updated,
            "unchanged": report.organisations_unchanged,
        },
        "opportunities": {
            "created": report.opportunities_created,
            "updated": report.opportunities_updated,
            "unchanged": report.opportunities_unchanged,
        },
        "renames_and_moves": len(report.changes),
    }


def _error_order(error: FieldError) -> tuple[int, int]:
    return (0 if error.section == ORGANISATIONS else 1, error.row or 0)


def _located(errors: Iterable[FieldError], record: RawRecord) -> list[FieldError]:
    return [FieldError(e.field, e.message, record.row, record.section) for e in errors]


def _parse_organisations(
    records: Sequence[RawRecord], errors: list[FieldError], tick: Progress
) -> list[tuple[RawRecord, Organisation]]:
    parsed: list[tuple[RawRecord, Organisation]] = []
    for number, raw in enumerate(records, 1):
        try:
            parsed.append((raw, organisation_from(raw.data)))
        except ValidationError as invalid:
            errors.extend(_located(invalid.errors, raw))
        if number % PROGRESS_ROWS == 0:
            tick(PROGRESS_ROWS)
    tick(len(records) % PROGRESS_ROWS)
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
    for number, raw in enumerate(records, 1):
        if number % PROGRESS_ROWS == 0:
            tick(PROGRESS_ROWS)
        try:
            values = opportunity_values(raw.data)
            # The owner is resolved after validation; 0 stands in until then.
            opportunity = opportunity_from(values, organisation_id=0)
        except ValidationError as invalid:
            errors.extend(_located(invalid.errors, raw))
            continue
        if values.get("organisation") is None:
            errors.append(FieldError("organisation", "is required", raw.row, raw.section))
            continue
        parsed.append(_ParsedOpportunity(raw, values, opportunity))
    tick(len(records) % PROGRESS_ROWS)
    return parsed


def _derive_ids(
    uow: ImportUnitOfWork,
    organisations: Sequence[tuple[RawRecord, Organisation]],
    parsed: Sequence[_ParsedOpportunity],
) -> None:
    """Ids for the rows that came without one: keyed, or the legacy unkeyed id where a record
    already carries it, so re-importing an older file still updates rather than duplicates."""
    key = uow.installation.secret(ID_SECRET)
    unnamed_organisations = [o for _, o in organisations if o.external_id is None]
    _assign(
        [(o, (o.name, o.country)) for o in unnamed_organisations],
        key,
        uow.organisations.ids_by_external_id,
    )
    unnamed = [p for p in parsed if p.opportunity.external_id is None]
    _assign(
        [
            (
                p.opportunity,
                (p.values["organisation"], p.opportunity.kind.value, p.opportunity.title),
            )
            for p in unnamed
        ],
        key,
        uow.opportunities.ids_by_external_id,
    )


R = TypeVar("R", Organisation, Opportunity)


def _assign(
    records: Sequence[tuple[R, tuple[object, ...]]],
    key: str,
    lookup: Callable[[Iterable[str]], dict[str, int]],
) -> None:
    legacy = [legacy_external_id(*parts) for _, parts in records]
    stored = lookup(legacy)
    for (item, parts), old in zip(records, legacy, strict=True):
        item.external_id = old if old in stored else derived_external_id(key, *parts)


def _refuse_duplicates(
    pairs: Sequence[tuple[RawRecord, str | None]], errors: list[FieldError]
) -> None:
    first_row: dict[str, int] = {}
    for raw, value in pairs:
        if value is None:
            continue
        if value in first_row:
            message = f"{value!r} appears again (first at row {first_row[value]})"
            errors.append(FieldError("external_id", message, raw.row, raw.section))
        else:
            first_row[value] = raw.row


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


def _changes(
    uow: ImportUnitOfWork,
    organisations: Sequence[tuple[RawRecord, Organisation]],
    parsed: Sequence[_ParsedOpportunity],
) -> list[ImportChange]:
    """The stored organisations the file renames and the stored opportunities it moves."""
    org_ids = uow.organisations.ids_by_external_id(o.external_id or "" for _, o in organisations)
    stored_orgs = uow.organisations.get_many(org_ids.values())
    made = uow.organisations.imported_ids(org_ids.values())
    changes = []
    for raw, new in organisations:
        found = stored_orgs.get(org_ids.get(new.external_id or "", 0))
        if found is not None and found.id is not None and found.name != new.name:
            changes.append(
                ImportChange(
                    raw.section, raw.row, found.id, "name", found.name, new.name, found.id in made
                )
            )
    return changes + _moves(uow, parsed, {o.external_id: o.name for _, o in organisations})


def _moves(
    uow: ImportUnitOfWork, parsed: Sequence[_ParsedOpportunity], named: Mapping[str | None, str]
) -> list[ImportChange]:
    ids = uow.opportunities.ids_by_external_id(p.opportunity.external_id or "" for p in parsed)
    stored = uow.opportunities.get_many(ids.values())
    made = uow.opportunities.imported_ids(ids.values())
    owners_by_ref = uow.organisations.ids_by_external_id(_references(parsed))
    owners = uow.organisations.get_many(
        {*owners_by_ref.values(), *(o.organisation_id for o in stored.values())}
    )
    changes = []
    for p in parsed:
        found = stored.get(ids.get(p.opportunity.external_id or "", 0))
        reference = p.values["organisation"]
        target = owners_by_ref.get(reference)
        if found is None or found.id is None or target == found.organisation_id:
            continue
        before = owners.get(found.organisation_id)
        after = owners[target].name if target in owners else named.get(reference, reference)
        changes.append(
            ImportChange(
                p.record.section,
                p.record.row,
                found.id,
                "organisation",
                before.name if before else str(found.organisation_id),
                after,
                found.id in made,
            )
        )
    return changes


def _count_only(
    uow: ImportUnitOfWork,
    organisations: Sequence[tuple[RawRecord, Organisation]],
    parsed: Sequence[_ParsedOpportunity],
    report: ImportReport,
) -> None:
    """What the import would do, written nowhere."""
    records = [dataclasses.replace(o) for _, o in organisations]
    existing = uow.organisations.ids_by_external_id(o.external_id or "" for o in records)
    stored = uow.organisations.get_many(existing.values())
    new, changed, same = _sorted_out(records, existing, stored, stamp=None)
    report.organisations_created, report.organisations_updated = len(new), len(changed)
    report.organisations_unchanged = len(same)
    owners = uow.organisations.ids_by_external_id(_references(parsed))
    found = uow.opportunities.ids_by_external_id(p.opportunity.external_id or "" for p in parsed)
    known = uow.opportunities.get_many(found.values())
    # Copies: a dry run leaves the parsed records as they were read.
    candidates = [
        dataclasses.replace(p.opportunity, organisation_id=owners.get(p.values["organisation"], 0))
        for p in parsed
    ]
    new_o, changed_o, same_o = _sorted_out(candidates, found, known, stamp=None)
    report.opportunities_created, report.opportunities_updated = len(new_o), len(changed_o)
    report.opportunities_unchanged = len(same_o)


def _same_content(incoming: R, stored: R | None) -> bool:
    """Whether a row says nothing new about its stored record (its id and stamps aside)."""
    if stored is None:
        return False
    blank = dataclasses.replace(incoming, id=None, created_at=None, updated_at=None)
    return blank == dataclasses.replace(stored, id=None, created_at=None, updated_at=None)


def _sorted_out(
    records: Sequence[R], existing: dict[str, int], stored: Mapping[int, R], stamp: Any
) -> tuple[list[R], list[R], list[R]]:
    """Split records into those to insert, those to update (stamped) and those whose stored
    record says the same already (left alone, so a file imported twice changes nothing)."""
    new, changed, same = [], [], []
    for item in records:
        item.id = existing.get(item.external_id or "")
        if item.id is None:
            item.created_at = item.updated_at = stamp
            new.append(item)
        elif _same_content(item, stored.get(item.id)):
            same.append(item)
        else:
            item.updated_at = stamp
            changed.append(item)
    return new, changed, same


def _write_organisations(
    uow: ImportUnitOfWork, organisations: list[Organisation], stamp: Any, report: ImportReport
) -> None:
    existing = uow.organisations.ids_by_external_id(o.external_id or "" for o in organisations)
    stored = uow.organisations.get_many(existing.values())
    new, changed, same = _sorted_out(organisations, existing, stored, stamp)
    uow.organisations.add_many(new, imported=True)
    uow.organisations.update_many(changed)
    report.organisations_created, report.organisations_updated = len(new), len(changed)
    report.organisations_unchanged = len(same)


def _write_opportunities(
    uow: ImportUnitOfWork,
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
        stored = uow.opportunities.get_many(
            existing[p.opportunity.external_id]
            for p in part
            if p.opportunity.external_id in existing
        )
        new, changed, same = _sorted_out([p.opportunity for p in part], existing, stored, stamp)
        uow.opportunities.add_many(new, imported=True)
        uow.opportunities.update_many(changed)
        report.opportunities_created += len(new)
        report.opportunities_updated += len(changed)
        report.opportunities_unchanged += len(same)
        tick(len(part))
