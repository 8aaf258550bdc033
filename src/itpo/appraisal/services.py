"""Appraisal services: evaluate a model document, and keep appraisals of investment projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from itpo.accounts.access import may_act_for, require_signed_in, require_write
from itpo.accounts.audit import record
from itpo.accounts.model import Scope
from itpo.accounts.ports import AuditedUnitOfWork
from itpo.accounts.principal import Principal
from itpo.appraisal.appraisal import Appraisal, evaluate
from itpo.appraisal.document import GreenBlock, green_error, parse_document
from itpo.appraisal.errors import InvalidInputError, ModelError
from itpo.appraisal.green import GreenImpact, GridFactorLike, assess
from itpo.appraisal.grid_table import GridTable, default_grid_table
from itpo.appraisal.model import Model
from itpo.appraisal.montecarlo import (
    Correlation,
    Distribution,
    MonteCarloResult,
    Triangular,
    correlation_matrix,
    simulate,
)
from itpo.appraisal.sensitivity import SensitivityReport, analyse
from itpo.appraisal.summary import summary_of
from itpo.clock import Clock, utc_now
from itpo.registry.disclosure import Stage, stage
from itpo.registry.errors import Conflict, NotFound
from itpo.registry.model import Opportunity, OpportunityKind
from itpo.registry.queries import OpportunityQuery
from itpo.registry.services import list_opportunities, visible_opportunity

MAX_DRAWS = 100_000

# Used when a model has no risk block: ranges an officer would call "usual" for an
# industrial project (prices soften, investment overruns, costs creep), not a forecast.
DEFAULT_RISK: Mapping[str, Distribution] = {
    "sales_price": Triangular(0.85, 1.0, 1.10),
    "investment_cost": Triangular(0.95, 1.0, 1.25),
    "operating_costs": Triangular(0.95, 1.0, 1.15),
}


@dataclass(frozen=True)
class MonteCarloOptions:
    """How many draws, and the seed that makes them reproducible."""

    draws: int
    seed: int = 0


@dataclass(frozen=True)
class AppraisalResult:
    """Everything one appraisal computes, ready for a report."""

    model: Model
    appraisal: Appraisal
    sensitivity: SensitivityReport
    monte_carlo: MonteCarloResult | None
    green: GreenImpact | None
    green_country: str | None
    # The name of the grid-factor table the green impact used (None without a green block).
    grid_table: str | None = None
    # The distributions the Monte Carlo run drew from, and whether they are DEFAULT_RISK
    # (the model had no risk block): a reader needs them to see why expected NPV moved.
    risk: Mapping[str, Distribution] = field(default_factory=dict)
    default_risk: bool = False
    # The rank correlations the Monte Carlo run imposed between drivers.
    correlations: tuple[Correlation, ...] = ()

    def summary(self) -> dict[str, Any]:
        return summary_of(self)


@dataclass
class StoredAppraisal:
    """An appraisal kept with an investment project: its model document and indicators."""

    opportunity_id: int
    name: str
    model: dict[str, Any]
    summary: dict[str, Any]
    currency: str
    created_at: dt.datetime
    id: int | None = None


class AppraisalRepository(Protocol):
    def add(self, appraisal: StoredAppraisal) -> int: ...
    def get(self, appraisal_id: int) -> StoredAppraisal | None: ...
    def list_for_opportunity(self, opportunity_id: int) -> list[StoredAppraisal]: ...


class AppraisalUnitOfWork(AuditedUnitOfWork, Protocol):
    """The audited unit of work, with the appraisals in the same transaction."""

    @property
    def appraisals(self) -> AppraisalRepository: ...


def _grid(green: GreenBlock, table: GridTable) -> GridFactorLike:
    grid = table.factors.get(green.country)
    if grid is None:
        raise ModelError(
            [("green.country", f"no grid factors for {green.country!r} in {table.name}")]
        )
    return grid


def appraise(
    *,
    by: Principal,
    model_data: Mapping[str, Any],
    monte_carlo: MonteCarloOptions | None = None,
    grid_table: GridTable | None = None,
) -> AppraisalResult:
    """Evaluate a model document: indicators, tables, sensitivity, Monte Carlo, green impact
    (signed-in users and the command line: a large Monte Carlo run is real work).

    The green impact uses grid_table, else the document's own table (`green.grid_factors`),
    else the IFI harmonised default."""
    require_signed_in(by)
    return evaluate_document(model_data, monte_carlo, grid_table)


def evaluate_document(
    model_data: Mapping[str, Any],
    monte_carlo: MonteCarloOptions | None = None,
    grid_table: GridTable | None = None,
) -> AppraisalResult:
    """The appraisal of a model document, computed."""
    document = parse_document(model_data)
    model = document.model
    simulated, risk = None, document.risk or DEFAULT_RISK
    if monte_carlo is not None:
        if not 1 <= monte_carlo.draws <= MAX_DRAWS:
            raise InvalidInputError(
                "monte_carlo", f"draws must be within 1..{MAX_DRAWS}, got {monte_carlo.draws}"
            )
        correlation = None
        if document.correlations:
            correlation = correlation_matrix(list(risk), document.correlations)
        simulated = simulate(
            model, risk, draws=monte_carlo.draws, seed=monte_carlo.seed, correlation=correlation
        )
    impact, table = None, None
    if document.green is not None:
        table = grid_table or document.green.grid_table or default_grid_table()
        try:
            impact = assess(document.green.inputs, _grid(document.green, table))
        except InvalidInputError as error:
            raise green_error(error) from None
    return AppraisalResult(
        model=model,
        appraisal=evaluate(model),
        sensitivity=analyse(model),
        monte_carlo=simulated,
        green=impact,
        green_country=document.green.country if document.green else None,
        grid_table=table.name if table else None,
        risk=risk if simulated else {},
        default_risk=simulated is not None and not document.risk,
        correlations=document.correlations if simulated else (),
    )


def attach_appraisal(
    *,
    uow: AppraisalUnitOfWork,
    by: Principal,
    opportunity_id: int,
    model_data: Mapping[str, Any],
    name: str | None = None,
    monte_carlo: MonteCarloOptions | None = None,
    now: Clock = utc_now,
) -> StoredAppraisal:
    """Appraise a model and keep it with an investment project (other kinds are refused):
    officers, or members for their own organisation's projects."""
    _writable_project(uow, by, opportunity_id)
    # Computed outside the transaction: a large Monte Carlo run must not hold the database.
    result = evaluate_document(model_data, monte_carlo)
    stored = StoredAppraisal(
        opportunity_id=opportunity_id,
        name=(name or result.model.name)[:200],
        model=dict(model_data),
        summary=result.summary(),
        currency=result.model.currency,
        created_at=now(),
    )
    with uow:
        _writable_project(uow, by, opportunity_id)  # it may have gone meanwhile
        stored.id = uow.appraisals.add(stored)
        record(
            uow=uow,
            by=by,
            action="appraisal.create",
            subject_type="appraisal",
            subject_id=stored.id,
            detail={"opportunity_id": opportunity_id},
            now=now,
        )
        uow.commit()
    return stored


def attachable_projects(*, uow: AppraisalUnitOfWork, by: Principal) -> list[Opportunity]:
    """The investment projects the asker may keep an appraisal with, in id order: every one
    for officers, a member's own organisation's; none for the public or a token that may not
    write."""
    if by.is_anonymous or not by.may(Scope.WRITE):
        return []
    if not by.is_staff and by.organisation_id is None:
        return []
    owner = None if by.is_staff else by.organisation_id
    query = OpportunityQuery(kinds=(OpportunityKind.INVESTMENT_PROJECT,), organisation_id=owner)
    found = list_opportunities(uow=uow, by=by, query=query).items
    return [o for o in found if may_act_for(by, o.organisation_id)]


def _writable_project(uow: AppraisalUnitOfWork, by: Principal, opportunity_id: int) -> None:
    found, _ = visible_opportunity(uow=uow, by=by, opportunity_id=opportunity_id)
    require_write(by, found.organisation_id)
    if found.kind != OpportunityKind.INVESTMENT_PROJECT:
        raise Conflict(
            f"opportunity {opportunity_id} is a {found.kind.value}; only an "
            "investment_project can carry an appraisal"
        )


def get_appraisal(
    *, uow: AppraisalUnitOfWork, by: Principal, appraisal_id: int, now: Clock = utc_now
) -> StoredAppraisal:
    """One stored appraisal. It is restricted detail of its project: the owner, officers and an
    introduced counterpart see it; for anyone else it does not exist. Others' views are
    audited."""
    with uow:
        found = uow.appraisals.get(appraisal_id)
    if found is None:
        raise NotFound("appraisal", appraisal_id)
    try:
        _restricted_project(uow, by, found.opportunity_id, appraisal_id, now)
    except NotFound:
        raise NotFound("appraisal", appraisal_id) from None
    return found


def list_appraisals(
    *, uow: AppraisalUnitOfWork, by: Principal, opportunity_id: int, now: Clock = utc_now
) -> list[StoredAppraisal]:
    """The appraisals of one opportunity, oldest first, for those who may see the project's
    restricted detail (others' views are audited); NotFound for anyone else."""
    with uow:
        found = uow.appraisals.list_for_opportunity(opportunity_id)
    _restricted_project(uow, by, opportunity_id, None, now, audit=bool(found))
    return found


def _restricted_project(
    uow: AppraisalUnitOfWork,
    by: Principal,
    opportunity_id: int,
    appraisal_id: int | None,
    now: Clock,
    *,
    audit: bool = True,
) -> None:
    found, seen_by = visible_opportunity(uow=uow, by=by, opportunity_id=opportunity_id)
    if stage(seen_by, found) is not Stage.RESTRICTED:
        raise NotFound("opportunity", opportunity_id)
    if audit and not by.belongs_to(found.organisation_id):
        record(
            uow=uow,
            by=by,
            action="appraisal.view",
            subject_type="opportunity",
            subject_id=opportunity_id,
            detail={"appraisal_id": appraisal_id},
            now=now,
        )


def reappraise(*, stored: StoredAppraisal) -> AppraisalResult:
    """The full result of a stored appraisal, recomputed from its model (deterministic)."""
    draws = stored.summary.get("monte_carlo")
    options = MonteCarloOptions(draws["draws"], draws["seed"]) if draws else None
    return evaluate_document(stored.model, options)
