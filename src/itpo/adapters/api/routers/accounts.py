"""Sign-in, API tokens, users and offices, and the audit log."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status
from pydantic import BaseModel, Field

from itpo.accounts import services as accounts
from itpo.accounts.model import AuditQuery, Role, Scope, UserQuery
from itpo.accounts.presenting import audit_dict, office_dict, token_dict, user_dict
from itpo.adapters.api.auth import PrincipalDep
from itpo.adapters.api.schemas import Problem
from itpo.adapters.http import (
    MAX_ID,
    SESSION_COOKIE,
    LimitQuery,
    OffsetQuery,
    PlatformDep,
    RecordId,
    UowDep,
    client_address,
    page_limit,
    sign_in,
)
from itpo.mail import sending

router = APIRouter(tags=["accounts"])
REFUSED: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "Not signed in, or a bad token"},
    403: {"model": Problem, "description": "Not allowed for this user or token"},
}


class Credentials(BaseModel):
    email: str = Field(max_length=320)
    password: str = Field(max_length=1024)


class SignedIn(BaseModel):
    user: dict[str, Any]
    csrf_token: str = Field(description="Send it as the X-CSRF-Token header on every change")


class TokenRequest(BaseModel):
    name: str = Field(max_length=100, description="What the token is for")
    scopes: list[Scope] = Field(description="read, write, match, admin")
    expires_at: dt.datetime | None = Field(None, description="When it stops working, if ever")


class NewUser(BaseModel):
    email: str = Field(max_length=320)
    display_name: str = Field(max_length=200)
    role: Role
    password: str = Field(max_length=1024)
    office_id: int | None = Field(None, ge=1, le=MAX_ID)
    organisation_id: int | None = Field(None, ge=1, le=MAX_ID)


class NewOffice(BaseModel):
    name: str = Field(max_length=200)
    country: str = Field(max_length=3, description="ISO 3166 alpha-3")
    city: str | None = Field(None, max_length=100)


class PasswordReset(BaseModel):
    token: str = Field(max_length=200, description="The reset token an administrator issued")
    password: str = Field(max_length=1024)


class PasswordChange(BaseModel):
    current_password: str = Field(max_length=1024)
    new_password: str = Field(max_length=1024)


WRONG_OR_WEAK = (
    "The current password is wrong (it counts as a failed sign-in), or the new one is too weak"
)


class RevokedTokenPublic(BaseModel):
    id: int
    prefix: str = Field(description="The token's first characters, as listings show them")


class CredentialsEnded(BaseModel):
    """What a new password ended."""

    sessions_ended: int = Field(description="How many other sessions of the user ended")
    tokens_revoked: list[RevokedTokenPublic] = Field(
        description="The user's API tokens, all revoked (tokens made with them stop too)"
    )


def _ended(changed: accounts.PasswordChanged) -> dict[str, Any]:
    revoked = [{"id": t.id, "prefix": t.prefix} for t in changed.tokens_revoked]
    return {"sessions_ended": changed.sessions_ended, "tokens_revoked": revoked}


@router.post(
    "/auth/login",
    response_model=SignedIn,
    responses={
        401: {"model": Problem, "description": "Not accepted (one message for every reason)"},
        429: {"model": Problem, "description": "Too many failures from this address"},
    },
)
def login(
    credentials: Credentials, request: Request, response: Response, platform: PlatformDep
) -> dict[str, Any]:
    """Sign in: a session cookie (HttpOnly, SameSite=Lax, Secure over TLS) and the CSRF token."""
    user, started = sign_in(platform, request, response, credentials.email, credentials.password)
    return {"user": user_dict(user), "csrf_token": started.csrf_token}


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT, responses=REFUSED)
def logout(request: Request, principal: PrincipalDep, platform: PlatformDep) -> Response:
    """End this session."""
    session_id = request.cookies.get(SESSION_COOKIE)
    if session_id and not principal.is_anonymous:
        accounts.end_session(
            uow=platform.uow(), session_id=session_id, ip=principal.ip, now=platform.clock
        )
    answer = Response(status_code=status.HTTP_204_NO_CONTENT)
    answer.delete_cookie(SESSION_COOKIE, path="/")
    return answer


@router.get("/auth/me", responses=REFUSED)
def me(principal: PrincipalDep, uow: UowDep) -> dict[str, Any]:
    """The signed-in user (or token owner) and what the token may do."""
    user = accounts.get_user(uow=uow, by=principal)
    scopes = sorted(s.value for s in (principal.scopes or set(Scope)))
    return {"user": user_dict(user), "scopes": scopes}


@router.post(
    "/auth/password",
    response_model=CredentialsEnded,
    responses={
        **REFUSED,
        422: {"description": WRONG_OR_WEAK},
        429: {"model": Problem, "description": "Too many wrong passwords; try again later"},
    },
)
def change_password(
    change: PasswordChange, request: Request, principal: PrincipalDep, platform: PlatformDep
) -> dict[str, Any]:
    """Change one's own password (a session, or a token with the admin scope): the user's
    other sessions end and every API token of theirs is revoked; the answer says which."""
    session = request.cookies.get(SESSION_COOKIE) if principal.scopes is None else None
    changed = accounts.change_password(
        uow=platform.uow(),
        by=principal,
        current_password=change.current_password,
        new_password=change.new_password,
        keep_session=session,
        policy=platform.account_policy,
        now=platform.clock,
    )
    return _ended(changed)


@router.post(
    "/auth/password-reset",
    response_model=CredentialsEnded,
    responses={
        422: {"description": "The token is unknown, used or expired, or the password too weak"}
    },
)
def reset_password(reset: PasswordReset, request: Request, platform: PlatformDep) -> dict[str, Any]:
    """Set a new password with a reset token (single use, expiring): every lock is lifted,
    every session of the user ends and every API token of theirs is revoked."""
    changed = accounts.finish_password_reset(
        uow=platform.uow(),
        token=reset.token,
        password=reset.password,
        ip=client_address(request),
        policy=platform.account_policy,
        now=platform.clock,
    )
    return _ended(changed)


@router.post(
    "/users/{user_id}/password-reset",
    status_code=status.HTTP_201_CREATED,
    responses={**REFUSED, 404: {"model": Problem, "description": "No such user"}},
)
def issue_password_reset(
    user_id: RecordId, principal: PrincipalDep, platform: PlatformDep
) -> dict[str, Any]:
    """A reset token for a user, shown once, for an administrator to hand over; it expires
    (setting password_reset_minutes) and works once."""
    issued = sending.send_password_reset(
        uow=platform.uow(),
        by=principal,
        user_id=user_id,
        links=platform.links(),
        policy=platform.account_policy,
        now=platform.clock,
    )
    return {"user_id": user_id, "token": issued.token, "expires_at": issued.expires_at}


@router.post("/tokens", status_code=status.HTTP_201_CREATED, responses=REFUSED)
def create_token(
    request_body: TokenRequest, principal: PrincipalDep, platform: PlatformDep, uow: UowDep
) -> dict[str, Any]:
    """A new API token for oneself, through a session or a token with the admin scope (a token
    made with a token ends when that one does). The token is in this answer only: keep it
    safe."""
    issued = accounts.create_token(
        uow=uow,
        by=principal,
        name=request_body.name,
        scopes=request_body.scopes,
        expires_at=request_body.expires_at,
        now=platform.clock,
    )
    return {**token_dict(issued.record), "token": issued.token}


@router.get("/tokens", responses=REFUSED)
def list_tokens(principal: PrincipalDep, uow: UowDep) -> list[dict[str, Any]]:
    """One's own API tokens (never the tokens themselves); a session or an admin token."""
    return [token_dict(t) for t in accounts.list_tokens(uow=uow, by=principal)]


@router.delete(
    "/tokens/{token_id}",
    responses={**REFUSED, 404: {"model": Problem, "description": "No such token"}},
)
def revoke_token(
    token_id: RecordId, principal: PrincipalDep, platform: PlatformDep, uow: UowDep
) -> dict[str, Any]:
    """Revoke a token, and every token made with it; they stop working at once."""
    return token_dict(
        accounts.revoke_token(uow=uow, by=principal, token_id=token_id, now=platform.clock)
    )


@router.get("/users", responses=REFUSED)
def list_users(
    principal: PrincipalDep,
    platform: PlatformDep,
    uow: UowDep,
    role: Annotated[list[Role] | None, Query()] = None,
    limit: LimitQuery = None,
    offset: OffsetQuery = 0,
) -> dict[str, Any]:
    """Users (administrators)."""
    query = UserQuery(
        roles=tuple(role or ()), limit=page_limit(platform.settings, limit), offset=offset
    )
    page = accounts.list_users(uow=uow, by=principal, query=query)
    return {
        "items": [user_dict(u) for u in page.items],
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
    }


@router.post(
    "/users",
    status_code=status.HTTP_201_CREATED,
    responses={**REFUSED, 409: {"model": Problem, "description": "Email already registered"}},
)
def create_user(
    new: NewUser, principal: PrincipalDep, platform: PlatformDep, uow: UowDep
) -> dict[str, Any]:
    """A new user: officers add members; administrators add anyone."""
    user = accounts.create_user(
        uow=uow,
        by=principal,
        email=new.email,
        display_name=new.display_name,
        role=new.role,
        password=new.password,
        office_id=new.office_id,
        organisation_id=new.organisation_id,
        policy=platform.account_policy,
        now=platform.clock,
    )
    return user_dict(user)


@router.post(
    "/users/{user_id}/disable",
    responses={**REFUSED, 404: {"model": Problem, "description": "No such user"}},
)
def disable_user(
    user_id: RecordId, principal: PrincipalDep, platform: PlatformDep, uow: UowDep
) -> dict[str, Any]:
    """Disable a user: their sessions and tokens stop working (administrators)."""
    return user_dict(
        accounts.disable_user(uow=uow, by=principal, user_id=user_id, now=platform.clock)
    )


@router.post(
    "/users/{user_id}/enable",
    responses={**REFUSED, 404: {"model": Problem, "description": "No such user"}},
)
def enable_user(
    user_id: RecordId, principal: PrincipalDep, platform: PlatformDep, uow: UowDep
) -> dict[str, Any]:
    """Enable a disabled user again (administrators)."""
    return user_dict(
        accounts.enable_user(uow=uow, by=principal, user_id=user_id, now=platform.clock)
    )


@router.post(
    "/users/{user_id}/unlock",
    responses={**REFUSED, 404: {"model": Problem, "description": "No such user"}},
)
def unlock_user(
    user_id: RecordId, principal: PrincipalDep, platform: PlatformDep, uow: UowDep
) -> dict[str, Any]:
    """Lift a user's sign-in locks at every address and their back-off (administrators)."""
    return user_dict(
        accounts.unlock_user(uow=uow, by=principal, user_id=user_id, now=platform.clock)
    )


@router.get("/offices", responses=REFUSED)
def list_offices(principal: PrincipalDep, uow: UowDep) -> list[dict[str, Any]]:
    """The offices of this installation (signed-in users)."""
    return [office_dict(o) for o in accounts.list_offices(uow=uow, by=principal)]


@router.post("/offices", status_code=status.HTTP_201_CREATED, responses=REFUSED)
def create_office(
    new: NewOffice, principal: PrincipalDep, platform: PlatformDep, uow: UowDep
) -> dict[str, Any]:
    """A new office (administrators)."""
    office = accounts.create_office(
        uow=uow,
        by=principal,
        name=new.name,
        country=new.country,
        city=new.city,
        now=platform.clock,
    )
    return office_dict(office)


class AuditFilters(BaseModel):
    """The audit log's filters, the same for the list and the CSV export."""

    actor_id: int | None = Field(None, ge=1, le=MAX_ID, description="Who acted")
    action: str | None = Field(
        None, max_length=64, description="An action, or a family: 'user' for user.*"
    )
    subject_type: str | None = Field(None, max_length=64, description="e.g. opportunity")
    subject_id: str | None = Field(None, max_length=64)
    since: dt.datetime | None = Field(None, description="From this moment (ISO 8601)")
    until: dt.datetime | None = Field(None, description="Before this moment (ISO 8601), exclusive")

    def query(self, limit: int | None, offset: int) -> AuditQuery:
        return AuditQuery(
            actor_id=self.actor_id,
            action=self.action,
            subject_type=self.subject_type,
            subject_id=self.subject_id,
            since=_utc(self.since),
            until=_utc(self.until),
            limit=limit,
            offset=offset,
        )


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    """A moment without a zone is read as UTC, the log's own clock."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=dt.UTC)


@router.get("/audit", responses=REFUSED)
def audit_log(
    principal: PrincipalDep,
    platform: PlatformDep,
    uow: UowDep,
    filters: Annotated[AuditFilters, Query()],
    limit: LimitQuery = None,
    offset: OffsetQuery = 0,
) -> dict[str, Any]:
    """Who created, changed, exported or viewed restricted detail, when and from where;
    newest first (administrators)."""
    query = filters.query(page_limit(platform.settings, limit), offset)
    page = accounts.list_audit(uow=uow, by=principal, query=query)
    return {
        "items": [audit_dict(e) for e in page.items],
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
    }


AUDIT_COLUMNS = ("id", "at", "actor_id", "actor", "action", "subject_type", "subject_id", "ip")


@router.get("/audit.csv", responses={**REFUSED, 200: {"content": {"text/csv": {}}}})
def audit_export(
    principal: PrincipalDep,
    platform: PlatformDep,
    uow: UowDep,
    filters: Annotated[AuditFilters, Query()],
) -> Response:
    """The audit log as CSV, whole or filtered as the list is (administrators); the export
    itself is audited."""
    page = accounts.export_audit(
        uow=uow, by=principal, query=filters.query(None, 0), now=platform.clock
    )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*AUDIT_COLUMNS, "detail"])
    for entry in page.items:
        values = audit_dict(entry)
        writer.writerow([*(values[c] for c in AUDIT_COLUMNS), values["detail"]])
    return Response(
        out.getvalue(),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="itpo-audit.csv"'},
    )
