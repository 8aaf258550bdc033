"""Practice cases: officers (and members, for cases their organisation contributes) write
them; an officer publishes them after review; every saved state is kept as a version; the
public reads published cases. Every change is audited."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from itpo.accounts.access import require_staff_write, require_write, require_writer
from itpo.accounts.audit import record
from itpo.accounts.errors import Forbidden
from itpo.accounts.model import Scope
from itpo.accounts.principal import Principal
from itpo.clock import Clock, utc_now
from itpo.practice.fields import CaseFields, case_document, parse_case
from itpo.practice.model import CaseStatus, CaseVersion, PracticeCase, VersionStep
from itpo.practice.ports import PracticeUnitOfWork
from itpo.registry.errors import Conflict, FieldError, NotFound, ValidationError
from itpo.registry.queries import MAX_ID

MIN_REASON, MAX_REASON = 10, 2000
SUBMITTABLE = frozenset({CaseStatus.DRAFT, CaseStatus.WITHDRAWN})
PUBLISHABLE = frozenset({CaseStatus.DRAFT, CaseStatus.IN_REVIEW, CaseStatus.WITHDRAWN})
RETURNABLE = frozenset({CaseStatus.IN_REVIEW, CaseStatus.PUBLISHED})


def may_see(by: Principal, case: PracticeCase) -> bool:
    """Published cases are for everyone; the others for officers and the contributing
    organisation's members, with a token that may read."""
    if case.status is CaseStatus.PUBLISHED:
        return True
    if by.is_anonymous or not by.may(Scope.READ):
        return False
    return by.is_staff or (case.organisation_id is not None and by.belongs_to(case.organisation_id))


def may_edit(by: Principal, case: PracticeCase) -> bool:
    """Whether the pages should offer `by` to change the case (the services decide anyway)."""
    return not by.is_anonymous and (by.is_staff or by.belongs_to(case.organisation_id))


def create_case(
    *, uow: PracticeUnitOfWork, by: Principal, data: Mapping[str, Any], now: Clock = utc_now
) -> PracticeCase:
    """A new case, as a draft: an officer's for the office, or a member's for its organisation."""
    require_writer(by)
    fields = parse_case(data)
    organisation = _organisation(by, fields)
    with uow:
        _require_organisation(uow, organisation)
        _require_unique(uow, fields.case.external_id, None)
        at = now()
        case = dataclasses.replace(
            fields.case,
            organisation_id=organisation,
            status=CaseStatus.DRAFT,
            created_at=at,
            updated_at=at,
        )
        case = dataclasses.replace(case, id=uow.practices.add(case))
        keep_version(uow, by, case, VersionStep.CREATED, now)
        uow.commit()
    return case


def update_case(
    *,
    uow: PracticeUnitOfWork,
    by: Principal,
    case_id: int,
    data: Mapping[str, Any],
    now: Clock = utc_now,
) -> PracticeCase:
    """Replace a case's content; a member's change to a published case goes back to review."""
    require_writer(by)
    with uow:
        # Whether the asker may change the case is answered before what they sent is judged.
        found = _writable(uow, by, case_id)
        fields = parse_case(data)
        _require_unique(uow, fields.case.external_id, case_id)
        if fields.case == content_of(found):
            return found  # nothing changed: no version, no audit entry
        status = found.status
        if status is CaseStatus.PUBLISHED and not by.is_staff:
            status = CaseStatus.IN_REVIEW
        changed = dataclasses.replace(
            fields.case,
            id=found.id,
            organisation_id=found.organisation_id,
            external_id=fields.case.external_id or found.external_id,
            status=status,
            version=found.version + 1,
            created_at=found.created_at,
            updated_at=now(),
            published_at=found.published_at,
        )
        uow.practices.save(changed)
        keep_version(uow, by, changed, VersionStep.EDITED, now)
        uow.commit()
    return changed


def submit_case(
    *, uow: PracticeUnitOfWork, by: Principal, case_id: int, now: Clock = utc_now
) -> PracticeCase:
    """Ask the office to publish a draft case."""
    require_writer(by)
    with uow:
        found = _writable(uow, by, case_id)
        _require_state(found, SUBMITTABLE, "submitted")
        changed = _moved(uow, by, found, CaseStatus.IN_REVIEW, VersionStep.SUBMITTED, now)
        uow.commit()
    return changed


def publish_case(
    *, uow: PracticeUnitOfWork, by: Principal, case_id: int, now: Clock = utc_now
) -> PracticeCase:
    """Publish a case once an officer has checked it against its sources."""
    require_staff_write(by, "publish a practice case")
    with uow:
        found = _visible(uow, by, case_id)
        _require_state(found, PUBLISHABLE, "published")
        changed = _moved(uow, by, found, CaseStatus.PUBLISHED, VersionStep.PUBLISHED, now)
        uow.commit()
    return changed


def send_back_case(
    *, uow: PracticeUnitOfWork, by: Principal, case_id: int, reason: str, now: Clock = utc_now
) -> PracticeCase:
    """Return a case in review, or a published one found wanting, to its writers as a draft."""
    require_staff_write(by, "send a practice case back")
    reason = _reason(reason)
    with uow:
        found = _visible(uow, by, case_id)
        _require_state(found, RETURNABLE, "sent back")
        changed = _moved(uow, by, found, CaseStatus.DRAFT, VersionStep.SENT_BACK, now, reason)
        uow.commit()
    return changed


def withdraw_case(
    *, uow: PracticeUnitOfWork, by: Principal, case_id: int, reason: str, now: Clock = utc_now
) -> PracticeCase:
    """Take a published case off the site (a source retracted, a figure disputed)."""
    require_staff_write(by, "withdraw a practice case")
    reason = _reason(reason)
    with uow:
        found = _visible(uow, by, case_id)
        _require_state(found, frozenset({CaseStatus.PUBLISHED}), "withdrawn")
        changed = _moved(uow, by, found, CaseStatus.WITHDRAWN, VersionStep.WITHDRAWN, now, reason)
        uow.commit()
    return changed


def get_case(*, uow: PracticeUnitOfWork, by: Principal, case_id: int) -> PracticeCase:
    with uow:
        return _visible(uow, by, case_id)


def case_to_edit(*, uow: PracticeUnitOfWork, by: Principal, case_id: int) -> PracticeCase:
    """The case for its form: officers and the contributing organisation's members."""
    require_writer(by)
    with uow:
        return _writable(uow, by, case_id)


def case_versions(*, uow: PracticeUnitOfWork, by: Principal, case_id: int) -> Sequence[CaseVersion]:
    """The case's history, oldest first: officers and the contributing organisation's members."""
    with uow:
        found = _visible(uow, by, case_id)
        if not may_edit(by, found):
            raise Forbidden("only officers and the organisation that wrote a case see its history")
        return uow.practices.versions(case_id)


def case_version(
    *, uow: PracticeUnitOfWork, by: Principal, case_id: int, version: int
) -> PracticeCase:
    """The case as it was at `version`."""
    for kept in case_versions(uow=uow, by=by, case_id=case_id):
        if kept.version == version:
            case = parse_case(kept.content).case
            return dataclasses.replace(case, id=case_id, version=version)
    raise NotFound("version", version)


@dataclass(frozen=True, slots=True)
class CaseFilter:
    theme: str | None = None
    country: str | None = None
    sdg: int | None = None
    isic: str | None = None  # a class, or any prefix of one (division, group)
    status: CaseStatus | None = None  # None: published for the public, every one for writers


def list_cases(
    *, uow: PracticeUnitOfWork, by: Principal, where: CaseFilter = CaseFilter()
) -> list[PracticeCase]:
    """The cases `by` may see that pass the filter, newest change first."""
    with uow:
        cases = uow.practices.all()
    shown = []
    for case in cases:
        if not may_see(by, case):
            continue
        if (
            where.status is None
            and case.status is not CaseStatus.PUBLISHED
            and not may_edit(by, case)
        ):
            continue
        if where.status is not None and case.status is not where.status:
            continue
        if where.theme and case.theme.value != where.theme:
            continue
        if where.country and case.country != where.country:
            continue
        if where.sdg and where.sdg not in case.sdgs:
            continue
        if where.isic and not any(code.startswith(where.isic) for code in case.isic_classes):
            continue
        shown.append(case)
    return shown


def published_cases(*, uow: PracticeUnitOfWork) -> list[PracticeCase]:
    """Every published case: what the search index holds."""
    with uow:
        return [c for c in uow.practices.all() if c.status is CaseStatus.PUBLISHED]


# -- helpers ---------------------------------------------------------------------------------


def _organisation(by: Principal, fields: CaseFields) -> int | None:
    """The contributing organisation: a member's own; an officer's choice, or the office."""
    given = fields.organisation
    if given in (None, ""):
        return None if by.is_staff else by.organisation_id
    try:
        organisation = int(str(given))
    except ValueError:
        organisation = 0
    if not 1 <= organisation <= MAX_ID:
        raise ValidationError([FieldError("organisation", f"{given!r} is not an organisation id")])
    require_write(by, organisation)
    return organisation


def _require_organisation(uow: PracticeUnitOfWork, organisation: int | None) -> None:
    if organisation is not None and uow.organisations.get(organisation) is None:
        raise ValidationError(
            [FieldError("organisation", f"no organisation has the id {organisation}")]
        )


def _require_unique(uow: PracticeUnitOfWork, external_id: str | None, own: int | None) -> None:
    if external_id is None:
        return
    other = uow.practices.by_external_ids([external_id]).get(external_id)
    if other is not None and other.id != own:
        raise ValidationError(
            [FieldError("external_id", f"{external_id!r} is already the id of case {other.id}")]
        )


def _visible(uow: PracticeUnitOfWork, by: Principal, case_id: int) -> PracticeCase:
    found = uow.practices.get(case_id)
    if found is None or not may_see(by, found):
        raise NotFound("practice case", case_id)
    return found


def _writable(uow: PracticeUnitOfWork, by: Principal, case_id: int) -> PracticeCase:
    found = _visible(uow, by, case_id)
    if not by.is_staff:
        require_write(by, found.organisation_id)
        if found.organisation_id is None:
            raise Forbidden("only officers change the office's own cases")
    return found


def _require_state(case: PracticeCase, allowed: frozenset[CaseStatus], step: str) -> None:
    if case.status not in allowed:
        raise Conflict(f"a case that is {case.status.value.replace('_', ' ')} cannot be {step}")


def _reason(reason: str) -> str:
    said = (reason or "").strip()
    if not MIN_REASON <= len(said) <= MAX_REASON:
        raise ValidationError(
            [FieldError("reason", f"say why in {MIN_REASON} to {MAX_REASON} characters")]
        )
    return said


def _moved(
    uow: PracticeUnitOfWork,
    by: Principal,
    case: PracticeCase,
    status: CaseStatus,
    step: VersionStep,
    now: Clock,
    note: str = "",
) -> PracticeCase:
    at = now()
    published = at if status is CaseStatus.PUBLISHED else case.published_at
    changed = dataclasses.replace(
        case, status=status, version=case.version + 1, updated_at=at, published_at=published
    )
    uow.practices.save(changed)
    keep_version(uow, by, changed, step, now, note)
    return changed


def content_of(case: PracticeCase) -> PracticeCase:
    """The part of a case its writers set, to tell a real change from a repeated save."""
    return parse_case(case_document(case)).case


def keep_version(
    uow: PracticeUnitOfWork,
    by: Principal,
    case: PracticeCase,
    step: VersionStep,
    now: Clock,
    note: str = "",
) -> None:
    assert case.id is not None
    content = case_document(case) | {"status": case.status.value}
    uow.practices.add_version(
        CaseVersion(
            case_id=case.id,
            version=case.version,
            step=step,
            at=now(),
            by_label=by.label,
            by_user_id=by.user_id,
            content=content,
            note=note,
        )
    )
    record(
        uow=uow,
        by=by,
        action=f"practice.{step.value}",
        subject_type="practice",
        subject_id=case.id,
        detail={"status": case.status.value, "version": case.version},
        now=now,
    )
