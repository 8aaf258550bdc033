"""Who may do what with organisations, opportunities, matches and appraisals.

Reading goes through staged disclosure (`registry.disclosure`), writing through the rules
here: officers and administrators act on every record; a member acts on its own organisation
and its opportunities; the public only reads. An API token narrows its user to its scopes.
"""

from __future__ import annotations

from collections.abc import Iterable

from itpo.accounts.errors import Forbidden
from itpo.accounts.model import Scope
from itpo.accounts.ports import AuditedUnitOfWork
from itpo.accounts.principal import Principal
from itpo.registry.disclosure import Audience


def audience(principal: Principal, introduced: Iterable[int] = ()) -> Audience:
    """What disclosure needs to know of the one asking. A token without the read scope reads
    like the public."""
    if principal.is_anonymous or not principal.may(Scope.READ):
        return Audience()
    return Audience(
        signed_in=True,
        staff=principal.is_staff,
        organisation_id=principal.organisation_id,
        introduced=frozenset(introduced),
    )


def audience_of(uow: AuditedUnitOfWork, principal: Principal) -> Audience:
    """The principal as disclosure sees it, with the opportunities its organisation was
    introduced to (one query, for members only: staff see everything anyway)."""
    introduced: set[int] = set()
    if principal.organisation_id is not None and not principal.is_staff:
        with uow:
            introduced = uow.matches.introduced_counterparts(principal.organisation_id)
    return audience(principal, introduced)


def require_staff_read(principal: Principal, what: str) -> None:
    """Read many organisations' restricted detail at once (exports): officers and
    administrators, with a token that may read."""
    require_scope(principal, Scope.READ)
    if not principal.is_staff:
        raise Forbidden(f"only an officer or an administrator may {what}")


def require_scope(principal: Principal, scope: Scope) -> None:
    if principal.is_anonymous:
        raise Forbidden("sign in, or send an API token, to do this")
    if not principal.may(scope):
        raise Forbidden(f"this API token lacks the {scope.value!r} scope")


def require_signed_in(principal: Principal) -> None:
    if principal.is_anonymous:
        raise Forbidden("sign in, or send an API token, to do this")


def may_act_for(principal: Principal, organisation_id: int | None) -> bool:
    """Staff act for any organisation; a member for its own."""
    return principal.is_staff or principal.belongs_to(organisation_id)


def may_see_people(principal: Principal, organisation_id: int) -> bool:
    """See an organisation's user accounts: officers and administrators, and the
    organisation's own members, with a token that may read."""
    return principal.may(Scope.READ) and may_act_for(principal, organisation_id)


def require_writer(principal: Principal) -> None:
    """Write anything at all: officers and administrators, and members of an organisation,
    with a token that may write. Checked before a request's values are, so the public is
    refused rather than told what it got wrong."""
    require_scope(principal, Scope.WRITE)
    if not (principal.is_staff or principal.organisation_id is not None):
        raise Forbidden("only officers and members of an organisation may change records")


def require_write(principal: Principal, organisation_id: int | None) -> None:
    """Create, change or delete records of this organisation (None: a new organisation)."""
    require_scope(principal, Scope.WRITE)
    if not may_act_for(principal, organisation_id):
        raise Forbidden(
            "only an officer, or a member of the organisation that owns the record, may change it"
        )


def require_staff_write(principal: Principal, what: str) -> None:
    """Work on many organisations at once (imports, exports): officers and administrators."""
    require_scope(principal, Scope.WRITE)
    if not principal.is_staff:
        raise Forbidden(f"only an officer or an administrator may {what}")


def require_matching(principal: Principal, organisation_id: int) -> None:
    """Run matching for, or decide on matches of, an opportunity of this organisation."""
    require_scope(principal, Scope.MATCH)
    if not may_act_for(principal, organisation_id):
        raise Forbidden(
            "only an officer, or a member of the organisation that owns the opportunity, "
            "may see its matches and decide on them"
        )
