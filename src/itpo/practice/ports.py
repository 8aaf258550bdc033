"""What practice cases need from storage and from the search engine, as protocols."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from itpo.accounts.ports import AuditedUnitOfWork
from itpo.matching.engine import Hit
from itpo.practice.model import CaseVersion, PracticeCase


class PracticeRepository(Protocol):
    def add(self, case: PracticeCase) -> int: ...
    def get(self, case_id: int) -> PracticeCase | None: ...
    def by_external_ids(self, external_ids: Sequence[str]) -> dict[str, PracticeCase]: ...
    def save(self, case: PracticeCase) -> None:
        """Replace the stored case with this one (same id)."""
        ...

    def all(self) -> Sequence[PracticeCase]:
        """Every case, newest change first."""
        ...

    def add_version(self, version: CaseVersion) -> None: ...
    def versions(self, case_id: int) -> Sequence[CaseVersion]:
        """The case's kept versions, oldest first."""
        ...


class PracticeUnitOfWork(AuditedUnitOfWork, Protocol):
    @property
    def practices(self) -> PracticeRepository: ...


class CaseIndex(Protocol):
    """Published cases' texts, each translation a document `"{case id}:{language}"`."""

    def search(self, text: str, *, language: str | None = None, top: int) -> list[Hit]: ...
