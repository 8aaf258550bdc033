"""Taking and reading diagnostics. A member takes and sees its own organisation's; officers and
administrators see every one and take one for any firm; the public sees none. Submitting
scores the answers and drafts a technology need for each top gap through the registry's own
services (so its rules and audit apply); the owner submits each need through the review."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from itpo.accounts.access import may_act_for, require_scope, require_write, require_writer
from itpo.accounts.audit import record
from itpo.accounts.errors import Forbidden
from itpo.accounts.model import Scope
from itpo.accounts.principal import Principal
from itpo.clock import Clock, today, utc_now
from itpo.diagnostic.answers import checked_answers
from itpo.diagnostic.model import Diagnostic, DiagnosticStatus, NeedLink
from itpo.diagnostic.needs import need_data
from itpo.diagnostic.ports import DiagnosticUnitOfWork
from itpo.diagnostic.questionnaire import LANGUAGES, Questionnaire, questionnaire
from itpo.diagnostic.scoring import DEFAULT_TOP, Scores, scores
from itpo.registry import services as registry
from itpo.registry.errors import Conflict, FieldError, NotFound, ValidationError
from itpo.registry.model import Opportunity, Organisation, OrganisationKind
from itpo.registry.queries import OrganisationQuery

# The firms an officer chooses among; more than this is a search, not a list.
MAX_FIRMS = 2000
# A diagnostic dated far back or ahead is a typing slip, not an assessment.
OLDEST = dt.date(2000, 1, 1)
AHEAD = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DiagnosticSheet:
    """A diagnostic as its organisation and the office see it: scores where submitted, and
    the draft needs its gaps became (those still in the registry)."""

    diagnostic: Diagnostic
    organisation: Organisation
    scores: Scores | None
    needs: Sequence[tuple[NeedLink, Opportunity]]
    may_submit: bool


@dataclass(frozen=True, slots=True)
class DiagnosticSummary:
    diagnostic: Diagnostic
    organisation: Organisation
    overall: float | None


def take_diagnostic(
    *,
    uow: DiagnosticUnitOfWork,
    by: Principal,
    organisation_id: int,
    answers: object,
    language: str = "en",
    taken_on: dt.date | None = None,
    submit: bool = True,
    top: int = DEFAULT_TOP,
    now: Clock = utc_now,
) -> Diagnostic:
    """Keep a new diagnostic of the organisation; submitted at once unless `submit` is False
    (then missing answers are allowed and kept as a draft)."""
    require_write(by, organisation_id)
    form = questionnaire()
    problems: list[FieldError] = []
    bands = _collect(lambda: checked_answers(answers, form, complete=submit), problems)
    if language not in LANGUAGES:
        problems.append(FieldError("language", f"must be one of {', '.join(LANGUAGES)}"))
    day = taken_on or today(now)
    if not OLDEST <= day <= today(now) + AHEAD:
        problems.append(FieldError("taken_on", f"must be a day from {OLDEST} to today"))
    with uow:
        organisation = uow.organisations.get(organisation_id)
        if organisation is None:
            problems.append(FieldError("organisation_id", f"no organisation {organisation_id}"))
        if problems:
            raise ValidationError(problems)
        assert organisation is not None
        draft = Diagnostic(
            organisation_id=organisation_id,
            language=language,
            sector=form.sector_of(organisation.isic_classes).id,
            taken_on=day,
            answers=dict(bands or {}),
            by_user_id=by.user_id,
            by_label=by.label,
            created_at=now(),
        )
        draft = dataclasses.replace(draft, id=uow.diagnostics.add(draft))
        _audit(uow, by, "diagnostic.create", draft, now)
        if submit:
            draft = _submitted(uow, by, draft, organisation, form, top, now)
        uow.commit()
    return draft


def submit_diagnostic(
    *,
    uow: DiagnosticUnitOfWork,
    by: Principal,
    diagnostic_id: int,
    answers: object = None,
    top: int = DEFAULT_TOP,
    now: Clock = utc_now,
) -> Diagnostic:
    """Complete a draft with the answers given (they replace the kept ones of the same
    dimensions), score it and draft its needs."""
    form = questionnaire()
    with uow:
        found = readable(uow, by, diagnostic_id)
        require_write(by, found.organisation_id)
        if found.status is not DiagnosticStatus.DRAFT:
            raise Conflict(f"diagnostic {diagnostic_id} is already submitted")
        merged = {**found.answers, **(_mapping(answers))}
        bands = checked_answers(merged, form, complete=True)
        organisation = uow.organisations.get(found.organisation_id)
        assert organisation is not None
        changed = _submitted(
            uow, by, dataclasses.replace(found, answers=bands), organisation, form, top, now
        )
        uow.commit()
    return changed


def diagnostic_sheet(
    *, uow: DiagnosticUnitOfWork, by: Principal, diagnostic_id: int, now: Clock = utc_now
) -> DiagnosticSheet:
    """One diagnostic with its scores and draft needs; a view by the office is audited."""
    with uow:
        found = readable(uow, by, diagnostic_id)
        organisation = uow.organisations.get(found.organisation_id)
        assert organisation is not None
        needs = [
            (link, o)
            for link in found.needs
            if (o := uow.opportunities.get(link.opportunity_id)) is not None
        ]
        if not by.belongs_to(found.organisation_id):
            _audit(uow, by, "diagnostic.view", found, now)
            uow.commit()
    return DiagnosticSheet(
        diagnostic=found,
        organisation=organisation,
        scores=scores_of(found),
        needs=needs,
        may_submit=found.status is DiagnosticStatus.DRAFT
        and by.may(Scope.WRITE)
        and may_act_for(by, found.organisation_id),
    )


def list_diagnostics(
    *, uow: DiagnosticUnitOfWork, by: Principal, organisation_id: int | None = None
) -> list[DiagnosticSummary]:
    """Newest first: a member's own organisation's; every one for officers (or one firm's)."""
    require_scope(by, Scope.READ)
    if not by.is_staff:
        if by.organisation_id is None:
            raise Forbidden("only members of an organisation and officers see diagnostics")
        if organisation_id is not None and organisation_id != by.organisation_id:
            raise Forbidden("a member sees only its own organisation's diagnostics")
        organisation_id = by.organisation_id
    with uow:
        found = uow.diagnostics.list(organisation_id)
        owners = uow.organisations.get_many({d.organisation_id for d in found})
    return [
        DiagnosticSummary(d, owners[d.organisation_id], _overall(d))
        for d in found
        if d.organisation_id in owners
    ]


def assessable_firms(*, uow: DiagnosticUnitOfWork, by: Principal) -> list[Organisation]:
    """The firms the asker may take a diagnostic of: a member its own organisation, officers
    every company; anyone else is refused."""
    require_writer(by)
    with uow:
        if not by.is_staff:
            own = uow.organisations.get(by.organisation_id or 0)
            return [own] if own is not None else []
        query = OrganisationQuery(kinds=(OrganisationKind.COMPANY,), limit=MAX_FIRMS)
        return list(uow.organisations.list(query).items)


def scores_of(diagnostic: Diagnostic, top: int = DEFAULT_TOP) -> Scores | None:
    """The scores of a submitted diagnostic (a draft has none)."""
    if diagnostic.status is not DiagnosticStatus.SUBMITTED:
        return None
    form = questionnaire()
    return scores(diagnostic.answers, form, form.sector(diagnostic.sector), top=top)


def _overall(diagnostic: Diagnostic) -> float | None:
    found = scores_of(diagnostic)
    return found.overall if found else None


def _submitted(
    uow: DiagnosticUnitOfWork,
    by: Principal,
    diagnostic: Diagnostic,
    organisation: Organisation,
    form: Questionnaire,
    top: int,
    now: Clock,
) -> Diagnostic:
    assert diagnostic.id is not None
    sector = form.sector(diagnostic.sector)
    done = dataclasses.replace(diagnostic, status=DiagnosticStatus.SUBMITTED, submitted_at=now())
    links = []
    for rank, gap in enumerate(scores(done.answers, form, sector, top=top).gaps, start=1):
        data = need_data(
            gap,
            organisation,
            language=done.language,
            sector_name=sector.name.in_(done.language),
            day=done.taken_on.isoformat(),
        )
        need = registry.create_opportunity(uow=uow, by=by, data=data, now=now)
        assert need.id is not None
        links.append(NeedLink(gap.dimension.id, need.id, rank))
    uow.diagnostics.update(done)
    uow.diagnostics.add_needs(diagnostic.id, links)
    _audit(uow, by, "diagnostic.submit", done, now, needs=[n.opportunity_id for n in links])
    return dataclasses.replace(done, needs=tuple(links))


def readable(uow: DiagnosticUnitOfWork, by: Principal, diagnostic_id: int) -> Diagnostic:
    """The diagnostic for its organisation's members and officers; NotFound for anyone else
    signed in, so another firm cannot tell whether it exists."""
    require_scope(by, Scope.READ)
    found = uow.diagnostics.get(diagnostic_id)
    if found is None or not may_act_for(by, found.organisation_id):
        raise NotFound("diagnostic", diagnostic_id)
    return found


def _collect(
    check: Callable[[], dict[str, int]], problems: list[FieldError]
) -> dict[str, int] | None:
    try:
        found = check()
    except ValidationError as refused:
        problems.extend(refused.errors)
        return None
    return found


def _mapping(answers: object) -> Mapping[str, object]:
    if answers is None:
        return {}
    if not isinstance(answers, Mapping):
        raise ValidationError([FieldError("answers", "must map each dimension to a band 0-5")])
    return {str(k): v for k, v in answers.items()}


def _audit(
    uow: DiagnosticUnitOfWork,
    by: Principal,
    action: str,
    diagnostic: Diagnostic,
    now: Clock,
    **detail: object,
) -> None:
    record(
        uow=uow,
        by=by,
        action=action,
        subject_type="diagnostic",
        subject_id=diagnostic.id,
        detail={"organisation_id": diagnostic.organisation_id, **detail},
        now=now,
    )
