"""Interactions: meetings, calls, visits and e-mails logged against a deal or an organisation.

On a deal, its parties and the officers log and read them; on an organisation they are the
office's own notes, for officers alone."""

from __future__ import annotations

import dataclasses
import datetime as dt

from itpo.accounts.access import require_scope
from itpo.accounts.audit import record
from itpo.accounts.model import Scope
from itpo.accounts.principal import Principal
from itpo.clock import Clock, today, utc_now
from itpo.pipeline.access import require_officer, require_party_or_officer
from itpo.pipeline.deals import seen_deal
from itpo.pipeline.model import Interaction, InteractionKind
from itpo.pipeline.people import label_of
from itpo.pipeline.ports import PipelineUnitOfWork
from itpo.registry.errors import FieldError, NotFound, ValidationError
from itpo.registry.fields import control_problem
from itpo.registry.queries import Page, check_paging

MAX_SUBJECT = 200
MAX_WITH = 300
MAX_NOTES = 10_000


def log_interaction(
    *,
    uow: PipelineUnitOfWork,
    by: Principal,
    kind: str,
    occurred_on: dt.date | str | None,
    subject: str | None,
    notes: str | None = None,
    with_whom: str | None = None,
    deal_id: int | None = None,
    organisation_id: int | None = None,
    now: Clock = utc_now,
) -> Interaction:
    """Log an interaction on a deal (its parties and officers) or on an organisation
    (officers); audited."""
    require_scope(by, Scope.WRITE)
    if deal_id is None and organisation_id is None:
        require_officer(by, "log an interaction")
        raise ValidationError([FieldError("deal_id", "name a deal or an organisation")])
    if deal_id is not None and organisation_id is not None:
        raise ValidationError(
            [FieldError("organisation_id", "an interaction is on a deal or an organisation")]
        )
    with uow:
        if deal_id is not None:
            deal = seen_deal(uow, by, deal_id)
            require_party_or_officer(by, deal, "log an interaction on it")
        else:
            require_officer(by, "log an interaction on an organisation")
            assert organisation_id is not None
            if uow.organisations.get(organisation_id) is None:
                raise NotFound("organisation", organisation_id)
        interaction = _checked(
            kind, occurred_on, subject, notes, with_whom, deal_id, organisation_id, by, now
        )
        interaction_id = uow.interactions.add(interaction)
        if deal_id is not None:
            uow.deals.note_interaction(deal_id, interaction.occurred_on)
        record(
            uow=uow,
            by=by,
            action="interaction.create",
            subject_type="interaction",
            subject_id=interaction_id,
            detail={"deal_id": deal_id, "organisation_id": organisation_id},
            now=now,
        )
        uow.commit()
    return _with_id(interaction, interaction_id)


def list_interactions(
    *,
    uow: PipelineUnitOfWork,
    by: Principal,
    deal_id: int | None = None,
    organisation_id: int | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> Page[Interaction]:
    """A deal's interactions (its parties and officers) or an organisation's (officers),
    the latest first; with neither, every interaction (officers)."""
    check_paging(limit, offset)
    with uow:
        if deal_id is not None:
            seen_deal(uow, by, deal_id)
        else:
            require_officer(by, "read the office's interactions")
        return uow.interactions.find(
            deal_id=deal_id, organisation_id=organisation_id, limit=limit, offset=offset
        )


def _checked(
    kind: str,
    occurred_on: dt.date | str | None,
    subject: str | None,
    notes: str | None,
    with_whom: str | None,
    deal_id: int | None,
    organisation_id: int | None,
    by: Principal,
    now: Clock,
) -> Interaction:
    errors: list[FieldError] = []
    parsed_kind = None
    try:
        parsed_kind = InteractionKind(str(kind).strip().lower())
    except ValueError:
        allowed = ", ".join(k.value for k in InteractionKind)
        errors.append(FieldError("kind", f"{kind!r} is not one of: {allowed}"))
    day = _day(occurred_on, today(now), errors)
    subject_text = _text(subject, MAX_SUBJECT, "subject", errors, required=True)
    notes_text = _text(notes, MAX_NOTES, "notes", errors)
    with_text = _text(with_whom, MAX_WITH, "with_whom", errors)
    if errors or parsed_kind is None or day is None:
        raise ValidationError(errors)
    return Interaction(
        kind=parsed_kind,
        occurred_on=day,
        deal_id=deal_id,
        organisation_id=organisation_id,
        logged_by_id=by.user_id,
        logged_by=label_of(by),
        created_at=now(),
        subject=subject_text,
        notes=notes_text,
        with_whom=with_text,
    )


def _day(value: dt.date | str | None, day: dt.date, errors: list[FieldError]) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        errors.append(FieldError("occurred_on", "is required"))
        return None
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            errors.append(FieldError("occurred_on", f"{value!r} is not a date (YYYY-MM-DD)"))
            return None
    if value > day:
        errors.append(FieldError("occurred_on", f"{value.isoformat()} is in the future"))
        return None
    return value


def _text(
    value: str | None, limit: int, field: str, errors: list[FieldError], *, required: bool = False
) -> str:
    text = (value or "").replace("\r\n", "\n").strip()
    if not text:
        if required:
            errors.append(FieldError(field, "is required"))
        return ""
    problem = control_problem(text)
    if problem:
        errors.append(FieldError(field, problem))
    elif len(text) > limit:
        errors.append(FieldError(field, f"is {len(text)} characters long; at most {limit}"))
    return text


def _with_id(interaction: Interaction, interaction_id: int) -> Interaction:
    return dataclasses.replace(interaction, id=interaction_id)
