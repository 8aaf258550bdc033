"""Who to write to once a match is introduced: for each side the asker does not speak for, its
organisation's name and website and the people who act for it. Before both sides have
accepted nobody learns who is behind the other record, so there is nothing to show; every
showing of contacts is audited, as a disclosure of people's addresses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from itpo.accounts.audit import record
from itpo.accounts.model import UserQuery
from itpo.accounts.ports import AccountsUnitOfWork
from itpo.accounts.principal import Principal
from itpo.clock import Clock, utc_now
from itpo.matching.decisions import MatchState
from itpo.matching.tracking import MatchingUnitOfWork, get_match, sides_for


class ContactsUnitOfWork(MatchingUnitOfWork, AccountsUnitOfWork, Protocol):
    """Matches and accounts in one transaction."""


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    email: str


@dataclass(frozen=True, slots=True)
class Contact:
    opportunity_id: int
    organisation: str
    website: str | None
    people: tuple[Person, ...]


def counterpart_contacts(
    *, uow: ContactsUnitOfWork, by: Principal, match_id: int, now: Clock = utc_now
) -> list[Contact]:
    """The other side's contacts of an introduced match (both sides' for officers); none
    before the introduction. NotFound for anyone who may not see the match."""
    match = get_match(uow=uow, by=by, match_id=match_id)
    if match.state is not MatchState.INTRODUCED:
        return []
    own = sides_for(uow, by, match)
    pair = (match.first_id, match.second_id)
    others = pair if by.is_staff else tuple(i for i in pair if i not in own)
    found: list[Contact] = []
    with uow:
        records = uow.opportunities.get_many(others)
        for opportunity_id in others:
            opportunity = records.get(opportunity_id)
            if opportunity is None:
                continue
            owner = uow.organisations.get(opportunity.organisation_id)
            if owner is None:
                continue
            people = uow.users.list(
                UserQuery(organisation_id=owner.id, active=True, limit=20)
            ).items
            found.append(
                Contact(
                    opportunity_id=opportunity_id,
                    organisation=owner.name,
                    website=owner.website,
                    people=tuple(Person(p.display_name, p.email) for p in people),
                )
            )
        if found:
            record(
                uow=uow,
                by=by,
                action="match.contacts_view",
                subject_type="match",
                subject_id=match_id,
                detail={"opportunities": [c.opportunity_id for c in found]},
                now=now,
            )
            uow.commit()
    return found
