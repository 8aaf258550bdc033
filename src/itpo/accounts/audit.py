"""The audit log: who created, changed, exported or viewed what, when, and from where."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from itpo.accounts.fields import Checks
from itpo.accounts.model import AuditEntry, AuditQuery
from itpo.accounts.ports import AccountsUnitOfWork, AuditedUnitOfWork
from itpo.accounts.principal import Principal, require_administrator
from itpo.clock import Clock, utc_now
from itpo.registry.queries import Page

MAX_LABEL = 300
MAX_IP = 64  # an IPv6 address with a zone fits; anything longer is not an address


def record(
    *,
    uow: AuditedUnitOfWork,
    by: Principal,
    action: str,
    subject_type: str,
    subject_id: object = None,
    detail: Mapping[str, Any] | None = None,
    now: Clock = utc_now,
) -> AuditEntry:
    """Append an entry; inside another service it joins that service's transaction."""
    entry = _entry(by, action, subject_type, subject_id, detail, now())
    with uow:
        entry_id = uow.audit.add(entry)
        uow.commit()
    return dataclasses.replace(entry, id=entry_id)


def record_many(
    *,
    uow: AuditedUnitOfWork,
    by: Principal,
    action: str,
    subject_type: str,
    subject_ids: Iterable[object],
    now: Clock = utc_now,
) -> None:
    """One entry per subject (views of several records, say), written in one statement."""
    at = now()
    entries = [_entry(by, action, subject_type, subject, None, at) for subject in subject_ids]
    if not entries:
        return
    with uow:
        uow.audit.add_many(entries)
        uow.commit()


def _entry(
    by: Principal,
    action: str,
    subject_type: str,
    subject_id: object,
    detail: Mapping[str, Any] | None,
    at: dt.datetime,
) -> AuditEntry:
    checks = Checks()
    action = checks.text("action", action, max_length=64)
    subject_type = checks.text("subject_type", subject_type, max_length=64)
    subject = None if subject_id is None else str(subject_id)
    if subject is not None and len(subject) > 100:
        checks.add("subject_id", "is longer than 100 characters")
    values = checks.json_mapping("detail", detail)
    checks.done()
    return AuditEntry(
        at=at,
        actor_id=by.user_id,
        actor_label=by.label[:MAX_LABEL],
        action=action,
        subject_type=subject_type,
        subject_id=subject,
        ip=by.ip[:MAX_IP] if by.ip else None,
        detail=values,
    )


def list_audit(*, uow: AccountsUnitOfWork, by: Principal, query: AuditQuery) -> Page[AuditEntry]:
    """Audit entries that pass the query, newest first; administrators only."""
    require_administrator(by)
    checks = Checks()
    checks.paging(query.limit, query.offset)
    checks.done()
    with uow:
        return uow.audit.list(query)


def export_audit(
    *, uow: AccountsUnitOfWork, by: Principal, query: AuditQuery, now: Clock = utc_now
) -> Page[AuditEntry]:
    """Every audit entry that passes the query's filters (its paging is ignored), for a file;
    administrators only. The export itself is audited, with its filters."""
    require_administrator(by)
    whole = dataclasses.replace(query, limit=None, offset=0)
    with uow:
        page = uow.audit.list(whole)
    # In a transaction of its own, which starts with its write (see lockout.note_attempt).
    record(
        uow=uow,
        by=by,
        action="audit.export",
        subject_type="audit",
        detail={"entries": page.total, "filters": _filters(query)},
        now=now,
    )
    return page


def _filters(query: AuditQuery) -> dict[str, Any]:
    given = {
        "actor_id": query.actor_id,
        "action": query.action,
        "subject_type": query.subject_type,
        "subject_id": query.subject_id,
        "since": query.since.isoformat() if query.since else None,
        "until": query.until.isoformat() if query.until else None,
    }
    return {name: value for name, value in given.items() if value is not None}
