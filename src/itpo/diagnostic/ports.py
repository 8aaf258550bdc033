"""What the diagnostic needs from storage, as protocols."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from itpo.accounts.ports import AuditedUnitOfWork
from itpo.diagnostic.model import Diagnostic, NeedLink


class DiagnosticRepository(Protocol):
    def add(self, diagnostic: Diagnostic) -> int: ...
    def update(self, diagnostic: Diagnostic) -> None:
        """Its answers, status and submission time."""
        ...

    def get(self, diagnostic_id: int) -> Diagnostic | None: ...
    def list(self, organisation_id: int | None = None) -> Sequence[Diagnostic]:
        """Newest first (by day taken, then id); every organisation's for None."""
        ...

    def add_needs(self, diagnostic_id: int, needs: Sequence[NeedLink]) -> None: ...


class DiagnosticUnitOfWork(AuditedUnitOfWork, Protocol):
    @property
    def diagnostics(self) -> DiagnosticRepository: ...
