"""Who is asking: the anonymous public, a signed-in user, or the command line."""

from __future__ import annotations

import getpass
import socket
from dataclasses import dataclass, replace

from itpo.accounts.errors import Forbidden, NotAuthenticated
from itpo.accounts.model import STAFF_ROLES, Role, Scope, User


@dataclass(frozen=True, slots=True)
class Principal:
    """The one asking, with what they may do; `scopes` is None for a session (everything
    the role allows) and the token's scopes for an API token."""

    user_id: int | None = None
    role: Role | None = None
    organisation_id: int | None = None
    office_id: int | None = None
    label: str = "public"
    scopes: frozenset[Scope] | None = None
    ip: str | None = None
    token_id: int | None = None  # the API token it speaks through, if any

    @classmethod
    def anonymous(cls, ip: str | None = None) -> Principal:
        return cls(ip=ip)

    @classmethod
    def of(
        cls, user: User, *, scopes: frozenset[Scope] | None = None, ip: str | None = None
    ) -> Principal:
        return cls(
            user_id=user.id,
            role=user.role,
            organisation_id=user.organisation_id,
            office_id=user.office_id,
            label=user.email,
            scopes=scopes,
            ip=ip,
        )

    @classmethod
    def system(cls, label: str = "command line") -> Principal:
        """Whoever runs `itpo` on the server: they hold the database, so they administer."""
        return cls(role=Role.ADMINISTRATOR, label=label)

    @classmethod
    def operator(cls, name: str | None = None) -> Principal:
        """The person at the server's command line, named by their system account and host
        in the audit log (they hold the database, so they administer)."""
        return cls.system(f"{name or _account_name()}@{socket.gethostname()} (command line)")

    def at(self, ip: str | None) -> Principal:
        return replace(self, ip=ip)

    @property
    def is_anonymous(self) -> bool:
        return self.role is None

    @property
    def is_user(self) -> bool:
        return self.user_id is not None

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_administrator(self) -> bool:
        return self.role is Role.ADMINISTRATOR and self.may(Scope.ADMIN)

    @property
    def is_member(self) -> bool:
        return self.role is Role.MEMBER

    def may(self, scope: Scope) -> bool:
        return self.scopes is None or scope in self.scopes

    def belongs_to(self, organisation_id: int | None) -> bool:
        return organisation_id is not None and self.organisation_id == organisation_id


def _account_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a bare container)
        return "unknown user"


ANONYMOUS = Principal()


def require_administrator(by: Principal) -> None:
    """The public is asked to sign in; anyone else but an administrator is refused."""
    _ask_the_public_to_sign_in(by)
    if not by.is_administrator:
        raise Forbidden("only an administrator may do this")


def require_staff(by: Principal) -> None:
    _ask_the_public_to_sign_in(by)
    if not by.is_staff:
        raise Forbidden("only an officer or an administrator may do this")


def require_user(by: Principal) -> int:
    """The signed-in user's id; the public and the command line have none."""
    _ask_the_public_to_sign_in(by)
    if by.user_id is None:
        raise Forbidden("only a signed-in user may do this")
    return by.user_id


def require_sign_in(by: Principal) -> None:
    """Anyone signed in (or the command line); the public is asked to sign in."""
    _ask_the_public_to_sign_in(by)


def require_account_access(by: Principal) -> int:
    """The user managing their own account (password, API tokens): through a session, or a
    token with the admin scope, so a token made for a program cannot take the account over."""
    user_id = require_user(by)
    if not by.may(Scope.ADMIN):
        raise Forbidden(
            "managing an account and its API tokens needs a signed-in session or a token "
            "with the 'admin' scope"
        )
    return user_id


def _ask_the_public_to_sign_in(by: Principal) -> None:
    if by.is_anonymous:
        raise NotAuthenticated("sign in to do this")
