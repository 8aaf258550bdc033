"""Progress over an organisation's repeated assessments: its submitted diagnostics in the order
taken, and the change of each dimension from the first to the latest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from itpo.accounts.access import may_act_for, require_scope
from itpo.accounts.errors import Forbidden
from itpo.accounts.model import Scope
from itpo.accounts.principal import Principal
from itpo.diagnostic.model import Diagnostic, DiagnosticStatus
from itpo.diagnostic.ports import DiagnosticUnitOfWork
from itpo.diagnostic.questionnaire import Dimension, questionnaire
from itpo.diagnostic.services import scores_of
from itpo.registry.errors import NotFound
from itpo.registry.model import Organisation


@dataclass(frozen=True, slots=True)
class DimensionProgress:
    dimension: Dimension
    bands: tuple[int, ...]  # one per assessment, oldest first

    @property
    def change(self) -> int:
        return self.bands[-1] - self.bands[0] if self.bands else 0


@dataclass(frozen=True, slots=True)
class Progress:
    organisation: Organisation
    assessments: tuple[Diagnostic, ...]  # submitted ones, oldest first
    overall: tuple[float, ...]
    dimensions: tuple[DimensionProgress, ...]

    @property
    def overall_change(self) -> float:
        return round(self.overall[-1] - self.overall[0], 2) if self.overall else 0.0


def organisation_progress(
    *, uow: DiagnosticUnitOfWork, by: Principal, organisation_id: int
) -> Progress:
    """The organisation's members and officers."""
    require_scope(by, Scope.READ)
    if not may_act_for(by, organisation_id):
        raise Forbidden("only the organisation's members and officers see its diagnostics")
    with uow:
        organisation = uow.organisations.get(organisation_id)
        if organisation is None:
            raise NotFound("organisation", organisation_id)
        found = uow.diagnostics.list(organisation_id)
    return progress_of(organisation, found)


def progress_of(organisation: Organisation, diagnostics: Sequence[Diagnostic]) -> Progress:
    taken = sorted(
        (d for d in diagnostics if d.status is DiagnosticStatus.SUBMITTED),
        key=lambda d: (d.taken_on, d.id or 0),
    )
    overall = tuple(s.overall for d in taken if (s := scores_of(d)) is not None)
    return Progress(
        organisation=organisation,
        assessments=tuple(taken),
        overall=overall,
        dimensions=tuple(
            DimensionProgress(dimension, tuple(d.answers[dimension.id] for d in taken))
            for dimension in questionnaire().dimensions
        ),
    )
