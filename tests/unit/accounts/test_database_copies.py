"""Who may take a backup of the database or restore one, and what the log keeps of it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.unit.accounts.fakes import world

from itpo.accounts.database_copies import check_restore, restore_backup, take_backup
from itpo.accounts.errors import Forbidden, NotAuthenticated
from itpo.accounts.principal import ANONYMOUS, Principal


@dataclass(frozen=True)
class Made:
    bytes: int
    revision: str | None


@dataclass(frozen=True)
class Done:
    revision_restored: str | None


def test_an_administrator_takes_a_backup_and_the_log_keeps_file_size_and_revision(
    tmp_path: Path,
) -> None:
    w = world()
    file = tmp_path / "copy.sqlite"
    made = take_backup(
        uow=w.uow, by=Principal.of(w.admin), file=file, copy=lambda: Made(4096, "0042"), now=w.clock
    )
    assert made == Made(4096, "0042")
    entry = w.uow.committed.audit[-1]
    assert entry.action == "database.backup" and entry.subject_type == "database"
    assert entry.detail == {"file": str(file.resolve()), "bytes": 4096, "revision": "0042"}


def test_the_command_line_operator_administers_the_database(tmp_path: Path) -> None:
    w = world()
    done = restore_backup(
        by=Principal.operator("ops"),
        file=tmp_path / "b",
        restore=lambda: Done("0041"),
        uow=lambda: w.uow,
        now=w.clock,
    )
    assert done == Done("0041")
    entry = w.uow.committed.audit[-1]
    assert entry.action == "database.restore" and entry.detail["revision"] == "0041"


def test_no_one_else_copies_or_replaces_the_database_and_nothing_is_copied(
    tmp_path: Path,
) -> None:
    w = world()
    copied: list[int] = []

    def copy() -> Made:
        copied.append(1)
        return Made(1, None)

    with pytest.raises(Forbidden):
        take_backup(
            uow=w.uow, by=Principal.of(w.member), file=tmp_path / "x", copy=copy, now=w.clock
        )
    with pytest.raises(NotAuthenticated):
        check_restore(ANONYMOUS)
    with pytest.raises(Forbidden):
        check_restore(Principal.of(w.member))
    with pytest.raises(Forbidden):
        restore_backup(
            by=Principal.of(w.member),
            file=tmp_path / "x",
            restore=lambda: Done(str(copy())),
            uow=lambda: w.uow,
            now=w.clock,
        )
    assert copied == [] and not any(e.action.startswith("database.") for e in w.uow.committed.audit)
