"""Signed-in clients for API tests: an administrator, officers and members with real tokens."""

from __future__ import annotations

from argon2 import PasswordHasher

from itpo.accounts import services as accounts
from itpo.accounts.model import Role, Scope
from itpo.accounts.passwords import Passwords
from itpo.accounts.policy import AccountPolicy
from itpo.accounts.principal import Principal
from itpo.bootstrap import Platform

# Hashes made with a cheap argon2id setting keep tests fast; verification reads the setting
# from the hash, so the real code path runs unchanged.
CHEAP_POLICY = AccountPolicy(
    passwords=Passwords(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
)
PASSWORD = "correct horse battery staple 42"
ADMIN_EMAIL = "admin@itpo.example"


def administrator(platform: Platform) -> Principal:
    """The installation's administrator, made on first use."""
    uow = platform.uow()
    if accounts.has_administrator(uow=uow):
        found = accounts.user_by_email(uow=uow, by=Principal.system(), email=ADMIN_EMAIL)
    else:
        found = accounts.bootstrap_administrator(
            uow=uow,
            email=ADMIN_EMAIL,
            display_name="Administrator",
            password=PASSWORD,
            office_name="ITPO Test Office",
            office_country="CHN",
            policy=CHEAP_POLICY,
        )
    return Principal.of(found)


def user(
    platform: Platform,
    email: str,
    role: Role,
    *,
    organisation_id: int | None = None,
) -> Principal:
    admin = administrator(platform)
    office = None if role is Role.MEMBER else admin.office_id
    created = accounts.create_user(
        uow=platform.uow(),
        by=admin,
        email=email,
        display_name=email.split("@")[0],
        role=role,
        password=PASSWORD,
        office_id=office,
        organisation_id=organisation_id,
        policy=CHEAP_POLICY,
    )
    return Principal.of(created)


def bearer(
    platform: Platform, principal: Principal, scopes: list[Scope] | None = None
) -> dict[str, str]:
    """Authorization headers with a new token of the principal (every scope by default)."""
    allowed = (
        scopes
        if scopes is not None
        else [s for s in Scope if s is not Scope.ADMIN or principal.role is Role.ADMINISTRATOR]
    )
    issued = accounts.create_token(uow=platform.uow(), by=principal, name="tests", scopes=allowed)
    return {"Authorization": f"Bearer {issued.token}"}
