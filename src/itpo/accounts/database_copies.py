"""Backups and restores of the whole database: only an administrator takes or puts one back,
and each is audited with the file and the schema revision it holds.

The copying itself belongs to the storage adapter; the service is handed it as a callable so
the rule (who may) and the record (what was done) stay here, whatever the backend."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

from itpo.accounts.audit import record
from itpo.accounts.ports import AuditedUnitOfWork
from itpo.accounts.principal import Principal, require_administrator
from itpo.clock import Clock, utc_now


class BackupFacts(Protocol):
    @property
    def bytes(self) -> int: ...

    @property
    def revision(self) -> str | None: ...


class RestoreFacts(Protocol):
    @property
    def revision_restored(self) -> str | None: ...


B = TypeVar("B", bound=BackupFacts)
R = TypeVar("R", bound=RestoreFacts)


def take_backup(
    *,
    uow: AuditedUnitOfWork,
    by: Principal,
    file: Path,
    copy: Callable[[], B],
    now: Clock = utc_now,
) -> B:
    require_administrator(by)
    made = copy()
    record(
        uow=uow,
        by=by,
        action="database.backup",
        subject_type="database",
        detail={"file": str(file.resolve()), "bytes": made.bytes, "revision": made.revision},
        now=now,
    )
    return made


def check_restore(by: Principal) -> None:
    """Asked before the database is replaced, as the restore cannot be undone."""
    require_administrator(by)


def restore_backup(
    *,
    by: Principal,
    file: Path,
    restore: Callable[[], R],
    uow: Callable[[], AuditedUnitOfWork],
    now: Clock = utc_now,
) -> R:
    """The restore is logged in the restored database (hence a unit of work opened after it),
    so its log says where its content came from."""
    require_administrator(by)
    done = restore()
    record(
        uow=uow(),
        by=by,
        action="database.restore",
        subject_type="database",
        detail={"file": str(file.resolve()), "revision": done.revision_restored},
        now=now,
    )
    return done
