"""Offices and users: creating them, listing them, disabling them, changing passwords."""

from __future__ import annotations

from dataclasses import dataclass

from itpo.accounts.access import may_see_people
from itpo.accounts.audit import record
from itpo.accounts.errors import Forbidden
from itpo.accounts.fields import Checks
from itpo.accounts.model import STAFF_ROLES, Office, Role, User, UserQuery
from itpo.accounts.passwords import password_problems
from itpo.accounts.policy import DEFAULT_POLICY, AccountPolicy
from itpo.accounts.ports import AccountsUnitOfWork
from itpo.accounts.principal import (
    Principal,
    require_administrator,
    require_sign_in,
    require_staff,
    require_user,
)
from itpo.clock import Clock, utc_now
from itpo.registry.errors import Conflict, FieldError, NotFound, ValidationError
from itpo.registry.queries import Page


def create_office(
    *,
    uow: AccountsUnitOfWork,
    by: Principal,
    name: str,
    country: str,
    city: str | None = None,
    now: Clock = utc_now,
) -> Office:
    """Store a new office; administrators only."""
    require_administrator(by)
    checks = Checks()
    office = Office(
        name=checks.text("name", name, max_length=200),
        country=checks.country(country),
        city=checks.text("city", city, max_length=100, required=False) or None,
    )
    checks.done()
    with uow:
        if uow.offices.by_name(office.name) is not None:
            raise Conflict(f"an office named {office.name!r} exists already")
        office.created_at = now()
        office.id = uow.offices.add(office)
        detail = {"name": office.name, "country": office.country, "city": office.city}
        record(
            uow=uow,
            by=by,
            action="office.create",
            subject_type="office",
            subject_id=office.id,
            detail=detail,
            now=now,
        )
        uow.commit()
    return office


def list_offices(*, uow: AccountsUnitOfWork, by: Principal) -> list[Office]:
    """Every office, in id order; for signed-in users (the public is asked to sign in)."""
    require_sign_in(by)
    with uow:
        return uow.offices.list()


@dataclass(frozen=True, slots=True)
class UserChoices:
    """What users are filtered by, and what a new one may be given."""

    roles: tuple[Role, ...]
    staff_roles: frozenset[Role]
    offices: list[Office]


def user_choices(*, uow: AccountsUnitOfWork, by: Principal) -> UserChoices:
    """The roles and offices an administrator chooses from, to find users or to make one;
    administrators only."""
    require_administrator(by)
    with uow:
        return UserChoices(tuple(Role), STAFF_ROLES, uow.offices.list())


def create_user(
    *,
    uow: AccountsUnitOfWork,
    by: Principal,
    email: str,
    display_name: str,
    role: Role | str,
    password: str,
    office_id: int | None = None,
    organisation_id: int | None = None,
    policy: AccountPolicy = DEFAULT_POLICY,
    now: Clock = utc_now,
) -> User:
    """Store a new user. Officers and administrators are created by administrators; members
    by officers or administrators."""
    require_staff(by)
    user = _checked_user(email, display_name, role, password, office_id, organisation_id)
    if user.role in STAFF_ROLES and not by.is_administrator:
        raise Forbidden("only an administrator may create officers and administrators")
    user.password_hash = policy.passwords.hash(password)
    with uow:
        _refuse_unknown_references(uow, user)
        if uow.users.by_email(user.email) is not None:
            raise Conflict(f"a user with email {user.email!r} exists already")
        user.created_at = now()
        user.id = uow.users.add(user)
        detail = {
            "email": user.email,
            "role": user.role.value,
            "office_id": user.office_id,
            "organisation_id": user.organisation_id,
        }
        record(
            uow=uow,
            by=by,
            action="user.create",
            subject_type="user",
            subject_id=user.id,
            detail=detail,
            now=now,
        )
        uow.commit()
    return user


def _checked_user(
    email: str,
    display_name: str,
    role: Role | str,
    password: str,
    office_id: int | None,
    organisation_id: int | None,
) -> User:
    checks = Checks()
    address = checks.email(email)
    name = checks.text("display_name", display_name, max_length=200)
    chosen = checks.choice("role", role, Role)
    staff = chosen in STAFF_ROLES
    office = checks.identifier("office_id", office_id, required=staff)
    organisation = checks.identifier(
        "organisation_id", organisation_id, required=chosen is Role.MEMBER
    )
    if staff and organisation_id is not None:
        checks.add(
            "organisation_id",
            "must be empty: officers and administrators belong "
            "to an office, not to an organisation",
        )
    checks.errors.extend(password_problems(password, email=address))
    checks.done()
    assert chosen is not None
    return User(
        email=address,
        display_name=name,
        role=chosen,
        office_id=office,
        organisation_id=organisation,
    )


def _refuse_unknown_references(uow: AccountsUnitOfWork, user: User) -> None:
    errors = []
    if user.office_id is not None and uow.offices.get(user.office_id) is None:
        errors.append(FieldError("office_id", f"no office {user.office_id}"))
    if user.organisation_id is not None and uow.organisations.get(user.organisation_id) is None:
        errors.append(FieldError("organisation_id", f"no organisation {user.organisation_id}"))
    if errors:
        raise ValidationError(errors)


def list_users(*, uow: AccountsUnitOfWork, by: Principal, query: UserQuery) -> Page[User]:
    """Users that pass the query, in id order; administrators only."""
    require_administrator(by)
    checks = Checks()
    checks.paging(query.limit, query.offset)
    checks.done()
    with uow:
        return uow.users.list(query)


def organisation_people(
    *, uow: AccountsUnitOfWork, by: Principal, organisation_id: int
) -> list[User]:
    """An organisation's user accounts, disabled ones too, in id order: for officers and
    administrators, and for the organisation's own members."""
    require_sign_in(by)
    if not may_see_people(by, organisation_id):
        raise Forbidden("only an officer, or a member of the organisation, may see its people")
    with uow:
        if uow.organisations.get(organisation_id) is None:
            raise NotFound("organisation", organisation_id)
        return list(uow.users.list(UserQuery(organisation_id=organisation_id)).items)


def get_user(*, uow: AccountsUnitOfWork, by: Principal, user_id: int | None = None) -> User:
    """One user: oneself (without an id), or anyone for an administrator."""
    if user_id is None:
        user_id = require_user(by)
    elif by.user_id != user_id:
        require_administrator(by)
    with uow:
        return _user(uow, user_id)


def user_by_email(*, uow: AccountsUnitOfWork, by: Principal, email: str) -> User:
    """The user with this email; administrators only."""
    require_administrator(by)
    checks = Checks()
    address = checks.email(email)
    checks.done()
    with uow:
        found = uow.users.by_email(address)
    if found is None:
        raise NotFound("user", address)
    return found


def has_administrator(*, uow: AccountsUnitOfWork) -> bool:
    """Whether an active administrator exists (`itpo init` creates the first)."""
    with uow:
        return uow.users.count_active(Role.ADMINISTRATOR) > 0


def disable_user(
    *, uow: AccountsUnitOfWork, by: Principal, user_id: int, now: Clock = utc_now
) -> User:
    """Disable a user: no sign-in, and their sessions and tokens end now."""
    require_administrator(by)
    with uow:
        user = _user(uow, user_id)
        if not user.active:
            return user
        if user.role is Role.ADMINISTRATOR and uow.users.count_active(Role.ADMINISTRATOR) <= 1:
            raise Conflict("the last active administrator cannot be disabled")
        stamp = now()
        user.active = False
        uow.users.update(user)
        ended = uow.sessions.delete_for_user(user_id)
        revoked = uow.tokens.revoke_all(user_id, stamp)
        record(
            uow=uow,
            by=by,
            action="user.disable",
            subject_type="user",
            subject_id=user_id,
            detail={"sessions_ended": ended, "tokens_revoked": revoked},
            now=now,
        )
        uow.commit()
    return user


def enable_user(
    *, uow: AccountsUnitOfWork, by: Principal, user_id: int, now: Clock = utc_now
) -> User:
    """Let a disabled user sign in again (revoked tokens stay revoked)."""
    require_administrator(by)
    with uow:
        user = _user(uow, user_id)
        if user.active:
            return user
        user.active, user.failed_logins, user.locked_until = True, 0, None
        uow.users.update(user)
        record(
            uow=uow, by=by, action="user.enable", subject_type="user", subject_id=user_id, now=now
        )
        uow.commit()
    return user


def bootstrap_administrator(
    *,
    uow: AccountsUnitOfWork,
    email: str,
    display_name: str,
    password: str,
    office_name: str,
    office_country: str,
    office_city: str | None = None,
    by: Principal | None = None,
    policy: AccountPolicy = DEFAULT_POLICY,
    now: Clock = utc_now,
) -> User:
    """The installation's first administrator, with its office (made unless one has that
    name); refused once an active administrator exists."""
    by = by or Principal.system()
    # The person is checked before the office is made, so that every problem shows at once.
    _checked_user(email, display_name, Role.ADMINISTRATOR, password, 1, None)
    with uow:
        if uow.users.count_active(Role.ADMINISTRATOR) > 0:
            raise Conflict("an administrator exists already; administrators create the others")
        office = uow.offices.by_name(office_name.strip()) if isinstance(office_name, str) else None
        if office is None:
            office = create_office(
                uow=uow, by=by, name=office_name, country=office_country, city=office_city, now=now
            )
        user = create_user(
            uow=uow,
            by=by,
            email=email,
            display_name=display_name,
            role=Role.ADMINISTRATOR,
            password=password,
            office_id=office.id,
            policy=policy,
            now=now,
        )
        uow.commit()
    return user


def _user(uow: AccountsUnitOfWork, user_id: int) -> User:
    found = uow.users.get(user_id)
    if found is None:
        raise NotFound("user", user_id)
    return found
