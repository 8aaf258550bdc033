"""API tokens: `itpo_...` bearer secrets with scopes, shown once, stored as digests."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from itpo.accounts.audit import record
from itpo.accounts.credentials import TOKEN_PREFIX, digest, new_api_token, shown_prefix
from itpo.accounts.errors import Forbidden, NotAuthenticated
from itpo.accounts.fields import Checks
from itpo.accounts.model import ApiToken, Role, Scope
from itpo.accounts.ports import AccountsUnitOfWork
from itpo.accounts.principal import Principal, require_account_access, require_administrator
from itpo.clock import Clock, utc_now
from itpo.registry.errors import Conflict, NotFound

# A token's last use is written at most this often, so API calls cost no write each.
USE_INTERVAL = dt.timedelta(minutes=1)
# Tokens made with tokens made with tokens...: far more than anyone makes, and a bound on
# the work one request may cause.
MAX_GENERATIONS = 32


@dataclass(frozen=True, slots=True)
class IssuedToken:
    """The token itself is here and nowhere else: storage keeps only its digest."""

    token: str
    record: ApiToken


def create_token(
    *,
    uow: AccountsUnitOfWork,
    by: Principal,
    name: str,
    scopes: Iterable[Scope | str],
    expires_at: dt.datetime | None = None,
    user_id: int | None = None,
    now: Clock = utc_now,
) -> IssuedToken:
    """A new token for oneself (or, for an administrator, for another user); through a
    session or a token with the admin scope. A token made with a token ends when that one
    does: at its expiry at the latest, and at its revocation."""
    owner_id = _manager(by, user_id)
    at = now()
    checks = Checks()
    label = checks.text("name", name, max_length=100)
    wanted = _scopes(checks, scopes)
    expiry = checks.moment("expires_at", expires_at)
    if expiry is not None and expiry <= at:
        checks.add("expires_at", "must be in the future")
    checks.done()
    if by.scopes is not None and not set(wanted) <= by.scopes:
        raise Forbidden("a token cannot grant scopes its own token does not have")
    token = new_api_token()
    with uow:
        _check_owner(uow, owner_id, wanted, checks)
        parent = _parent(uow, by, at)
        if parent is not None and parent.expires_at is not None:
            expiry = min(expiry or parent.expires_at, parent.expires_at)
        issued = ApiToken(
            name=label,
            user_id=owner_id,
            scopes=wanted,
            prefix=shown_prefix(token),
            token_hash=digest(token),
            created_at=at,
            expires_at=expiry,
            parent_id=parent.id if parent is not None else None,
        )
        issued.id = uow.tokens.add(issued)
        detail = {
            "name": label,
            "scopes": [s.value for s in wanted],
            "prefix": issued.prefix,
            "expires_at": expiry.isoformat() if expiry else None,
            "parent_id": issued.parent_id,
        }
        _audit(uow, by, "token.create", owner_id, detail, at)
        uow.commit()
    return IssuedToken(token=token, record=issued)


def _manager(by: Principal, user_id: int | None) -> int:
    """Whose tokens `by` manages: their own, or (administrators) anyone's."""
    own = require_account_access(by)
    if user_id is not None and user_id != own:
        require_administrator(by)
        return user_id
    return own


def _check_owner(
    uow: AccountsUnitOfWork, owner_id: int, wanted: tuple[Scope, ...], checks: Checks
) -> None:
    owner = uow.users.get(owner_id)
    if owner is None:
        raise NotFound("user", owner_id)
    if not owner.active:
        raise Conflict(f"user {owner_id} is disabled")
    if Scope.ADMIN in wanted and owner.role is not Role.ADMINISTRATOR:
        checks.add("scopes", "admin is for administrators' tokens only")
        checks.done()


def _parent(uow: AccountsUnitOfWork, by: Principal, at: dt.datetime) -> ApiToken | None:
    """The token `by` speaks through, still usable; None for a session."""
    if by.token_id is None:
        return None
    parent = uow.tokens.get(by.token_id)
    if parent is None or not parent.usable(at):
        raise NotAuthenticated("the API token was revoked or has expired")
    return parent


def _audit(
    uow: AccountsUnitOfWork,
    by: Principal,
    action: str,
    owner_id: int,
    detail: dict[str, Any],
    at: dt.datetime,
) -> None:
    record(
        uow=uow,
        by=by,
        action=action,
        subject_type="user",
        subject_id=owner_id,
        detail=detail,
        now=lambda: at,
    )


def _scopes(checks: Checks, scopes: Iterable[Scope | str]) -> tuple[Scope, ...]:
    values = scopes.split(",") if isinstance(scopes, str) else list(scopes)
    wanted = checks.choices("scopes", [v for v in values if str(v).strip()], Scope)
    if not wanted and not any(e.field == "scopes" for e in checks.errors):
        checks.add("scopes", "name at least one of: " + ", ".join(s.value for s in Scope))
    return wanted


def list_tokens(
    *, uow: AccountsUnitOfWork, by: Principal, user_id: int | None = None
) -> list[ApiToken]:
    """One's own tokens (or, for an administrator, another user's), revoked ones too; through
    a session or a token with the admin scope."""
    owner_id = _manager(by, user_id)
    with uow:
        return uow.tokens.for_user(owner_id)


def revoke_token(
    *, uow: AccountsUnitOfWork, by: Principal, token_id: int, now: Clock = utc_now
) -> ApiToken:
    """Revoke a token at once, and every token made with it; its owner (through a session or
    a token with the admin scope) or an administrator may."""
    require_account_access(by)
    at = now()
    with uow:
        token = uow.tokens.get(token_id)
        if token is None:
            raise NotFound("token", token_id)
        if token.user_id != by.user_id:
            require_administrator(by)
        if token.revoked_at is not None:
            return token
        token.revoked_at = at
        children = revoke_with_children(uow, [token], at)
        detail = {
            "token_id": token_id,
            "prefix": token.prefix,
            "with_it": [t.id for t in children if t.id != token_id],
        }
        _audit(uow, by, "token.revoke", token.user_id, detail, at)
        uow.commit()
    return token


def revoke_with_children(
    uow: AccountsUnitOfWork, tokens: list[ApiToken], at: dt.datetime
) -> list[ApiToken]:
    """Revoke these tokens and every token made with them, generation by generation; all of
    them, in that order."""
    revoked: list[ApiToken] = []
    generation = [t for t in tokens if t.id is not None]
    for _ in range(MAX_GENERATIONS):
        if not generation:
            break
        ids = [t.id for t in generation if t.id is not None]
        uow.tokens.revoke(ids, at)
        revoked.extend(generation)
        generation = uow.tokens.open_children(ids)
    return revoked


def resolve_token(
    *, uow: AccountsUnitOfWork, token: str | None, ip: str | None = None, now: Clock = utc_now
) -> Principal:
    """Who a bearer token speaks for, with its scopes; NotAuthenticated when it is unknown,
    revoked, expired or its user is disabled."""
    checked = check_token(uow=uow, token=token, ip=ip, now=now)
    if checked.use_due is not None:
        note_token_use(uow=uow, token_id=checked.use_due, at=checked.at)
    return checked.principal


@dataclass(frozen=True, slots=True)
class CheckedToken:
    principal: Principal
    at: dt.datetime  # when it was checked
    use_due: int | None  # the token's id when its last use is due to be written


def check_token(
    *, uow: AccountsUnitOfWork, token: str | None, ip: str | None = None, now: Clock = utc_now
) -> CheckedToken:
    """`resolve_token` without its one write: reads only, and says whether the token's last
    use is due to be noted (`note_token_use`), which happens at most once a minute."""
    if not token or not isinstance(token, str) or not token.startswith(TOKEN_PREFIX):
        raise NotAuthenticated("no API token given")
    at = now()
    with uow:
        found = uow.tokens.by_hash(digest(token))
        if found is None:
            raise NotAuthenticated("the API token is not known")
        if found.revoked_at is not None:
            raise NotAuthenticated("the API token was revoked")
        if not found.usable(at):
            raise NotAuthenticated("the API token has expired")
        _check_ancestors(uow, found, at)
        user = uow.users.get(found.user_id)
        if user is None or not user.active:
            raise NotAuthenticated("the API token's user is disabled")
    due = found.last_used_at is None or at - found.last_used_at >= USE_INTERVAL
    principal = Principal.of(user, scopes=frozenset(found.scopes), ip=ip)
    label = f"{user.email} (token {found.prefix})"
    principal = dataclasses.replace(principal, label=label, token_id=found.id)
    return CheckedToken(principal, at, found.id if due else None)


def _check_ancestors(uow: AccountsUnitOfWork, token: ApiToken, at: dt.datetime) -> None:
    """A token made with a token stops when that one stops, however it stopped."""
    parent_id = token.parent_id
    for _ in range(MAX_GENERATIONS):
        if parent_id is None:
            return
        parent = uow.tokens.get(parent_id)
        if parent is None or parent.revoked_at is not None:
            raise NotAuthenticated("the API token it was made with was revoked")
        if not parent.usable(at):
            raise NotAuthenticated("the API token it was made with has expired")
        parent_id = parent.parent_id
    raise NotAuthenticated("the API token descends from too many tokens")


def note_token_use(*, uow: AccountsUnitOfWork, token_id: int, at: dt.datetime) -> None:
    """Write a token's last use; that column only, so a revocation meanwhile stands."""
    # A transaction of its own that starts with the write: on SQLite a read transaction
    # that later writes fails when another writer committed in between.
    with uow:
        uow.tokens.touch(token_id, at)
        uow.commit()
