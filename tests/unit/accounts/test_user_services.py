"""Offices and users over in-memory fakes: who may create whom, and every bad input refused."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest
from tests.unit.accounts.fakes import PASSWORD, POLICY, FakeAccountsUnitOfWork, World, world

from itpo.accounts import services
from itpo.accounts.errors import Forbidden, LoginRefused, NotAuthenticated, TooManyAttempts
from itpo.accounts.model import Role, Scope, UserQuery
from itpo.accounts.principal import ANONYMOUS, Principal
from itpo.registry.errors import Conflict, NotFound, ValidationError


def staff(**changes: Any) -> dict[str, Any]:
    return {
        "email": "li.wei@itpo.example",
        "display_name": "Li Wei",
        "role": "officer",
        "password": PASSWORD,
        "office_id": 1,
        "policy": POLICY,
    } | changes


def test_the_first_administrator_comes_with_an_office_and_an_audit_trail() -> None:
    w = world()
    assert w.admin.email == "chief@itpo.example"  # normalised
    assert w.admin.role is Role.ADMINISTRATOR and w.admin.office_id == 1
    actions = [e.action for e in w.uow.committed.audit]
    assert actions == ["organisation.create", "office.create", "user.create", "user.create"]
    assert w.uow.committed.audit[0].actor_label == "command line"


def test_a_second_first_administrator_is_refused() -> None:
    w = world()
    with pytest.raises(Conflict, match="exists already"):
        services.bootstrap_administrator(
            uow=w.uow,
            email="b@itpo.example",
            display_name="B",
            password=PASSWORD,
            office_name="ITPO Shanghai",
            office_country="CHN",
            policy=POLICY,
        )


def test_the_password_hash_is_never_in_a_users_repr() -> None:
    w = world()
    stored = w.uow.committed.users[1]
    assert stored.password_hash.startswith("$argon2id$")
    assert stored.password_hash not in repr(stored)


def test_only_an_administrator_creates_officers() -> None:
    w = world()
    officer = services.create_user(uow=w.uow, by=Principal.of(w.admin), **staff())
    with pytest.raises(Forbidden):
        services.create_user(uow=w.uow, by=Principal.of(officer), **staff(email="x@itpo.example"))
    services.create_user(
        uow=w.uow,
        by=Principal.of(officer),
        **staff(email="amina@meru.example", role="member", office_id=None, organisation_id=1),
    )
    with pytest.raises(Forbidden):
        services.create_user(
            uow=w.uow,
            by=Principal.of(w.member),
            **staff(email="y@meru.example", role="member", organisation_id=1, office_id=None),
        )
    with pytest.raises(NotAuthenticated):  # the public is asked to sign in
        services.create_user(uow=w.uow, by=ANONYMOUS, **staff(email="z@itpo.example"))


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"email": "two@@x.example"}, "email"),
        ({"email": ""}, "email"),
        ({"display_name": "  "}, "display_name"),
        ({"display_name": "x" * 201}, "display_name"),
        ({"role": "superuser"}, "role"),
        ({"office_id": None}, "office_id"),
        ({"office_id": 99}, "office_id"),
        ({"office_id": "1"}, "office_id"),
        ({"organisation_id": 1}, "organisation_id"),
        ({"role": "member", "office_id": None}, "organisation_id"),
        ({"role": "member", "office_id": None, "organisation_id": 42}, "organisation_id"),
        ({"password": "short"}, "password"),
        ({"password": "li.wei-is-my-password"}, "password"),
    ],
)
def test_a_bad_user_is_refused_naming_the_field_and_nothing_is_written(
    changes: dict[str, Any], field: str
) -> None:
    w = world()
    before = copy.deepcopy(w.uow.committed)
    with pytest.raises(ValidationError) as raised:
        services.create_user(uow=w.uow, by=Principal.of(w.admin), **staff(**changes))
    assert field in [e.field for e in raised.value.errors]
    assert w.uow.committed == before


def test_a_taken_email_is_a_conflict_whatever_its_case() -> None:
    w = world()
    with pytest.raises(Conflict, match=r"wanjiru@meru\.example"):
        services.create_user(
            uow=w.uow, by=Principal.of(w.admin), **staff(email="WANJIRU@meru.example")
        )


def test_offices_need_a_known_country_and_a_unique_name() -> None:
    w = world()
    by = Principal.of(w.admin)
    with pytest.raises(ValidationError, match="country: 'XYZ'"):
        services.create_office(uow=w.uow, by=by, name="ITPO Beijing", country="XYZ")
    with pytest.raises(Conflict):
        services.create_office(uow=w.uow, by=by, name="ITPO Shanghai", country="CHN")
    office = services.create_office(uow=w.uow, by=by, name="ITPO Bahrain", country="bh")
    assert office.country == "BHR"  # alpha-2 is turned into alpha-3
    with pytest.raises(Forbidden):
        services.create_office(uow=w.uow, by=Principal.of(w.member), name="X", country="KEN")


def test_listing_users_is_for_administrators() -> None:
    w = world()
    page = services.list_users(
        uow=w.uow, by=Principal.of(w.admin), query=UserQuery(roles=(Role.MEMBER,))
    )
    assert [u.email for u in page.items] == ["wanjiru@meru.example"]
    with pytest.raises(Forbidden):
        services.list_users(uow=w.uow, by=Principal.of(w.member), query=UserQuery())
    with pytest.raises(ValidationError, match="limit"):
        services.list_users(uow=w.uow, by=Principal.of(w.admin), query=UserQuery(limit=-1))


def test_a_user_sees_themselves_but_not_others() -> None:
    w = world()
    assert w.member.id is not None and w.admin.id is not None
    me = services.get_user(uow=w.uow, by=Principal.of(w.member), user_id=w.member.id)
    assert me.email == w.member.email
    with pytest.raises(Forbidden):
        services.get_user(uow=w.uow, by=Principal.of(w.member), user_id=w.admin.id)
    with pytest.raises(NotFound):
        services.get_user(uow=w.uow, by=Principal.of(w.admin), user_id=99)


def test_the_last_administrator_cannot_be_disabled() -> None:
    w = world()
    assert w.admin.id is not None
    with pytest.raises(Conflict, match="last active administrator"):
        services.disable_user(uow=w.uow, by=Principal.system(), user_id=w.admin.id)


def test_disabling_and_enabling_are_audited_once_each() -> None:
    w = world()
    assert w.member.id is not None
    by = Principal.system()
    services.disable_user(uow=w.uow, by=by, user_id=w.member.id)
    services.disable_user(uow=w.uow, by=by, user_id=w.member.id)  # already disabled
    services.enable_user(uow=w.uow, by=by, user_id=w.member.id)
    actions = [e.action for e in w.uow.committed.audit][-2:]
    assert actions == ["user.disable", "user.enable"]


def test_changing_a_password_needs_the_current_one_and_a_good_new_one() -> None:
    w = world()
    by = Principal.of(w.member)
    with pytest.raises(ValidationError) as raised:
        services.change_password(
            uow=w.uow, by=by, current_password="wrong", new_password="short", policy=POLICY
        )
    assert [e.field for e in raised.value.errors] == ["current_password", "new_password"]
    services.change_password(
        uow=w.uow,
        by=by,
        current_password=PASSWORD,
        new_password="cassava chips at dawn",
        policy=POLICY,
    )
    assert services.authenticate(
        uow=w.uow, email=w.member.email, password="cassava chips at dawn", ip=None, policy=POLICY
    )
    with pytest.raises(Forbidden):
        services.change_password(
            uow=w.uow,
            by=Principal.system(),
            current_password=PASSWORD,
            new_password="cassava chips at dusk",
            policy=POLICY,
        )


def wrong_change(w: World, by: Principal) -> None:
    with pytest.raises(ValidationError, match="current_password"):
        services.change_password(
            uow=w.uow,
            by=by,
            current_password="a guess",
            new_password="cassava chips at dawn",
            policy=POLICY,
            now=w.clock,
        )


def test_a_wrong_current_password_counts_as_a_failed_sign_in_and_is_audited() -> None:
    w = world()
    by = Principal.of(w.member, ip="10.0.0.66")
    for _ in range(5):
        wrong_change(w, by)
    attempts = w.uow.committed.attempts
    assert [(a.ip, a.email, a.succeeded) for a in attempts] == [
        ("10.0.0.66", w.member.email, False)
    ] * 5
    assert w.uow.committed.locks[2, "10.0.0.66"].is_locked(w.clock.now)
    actions = [e.action for e in w.uow.committed.audit]
    assert actions.count("user.password_change_refused") == 5 and "user.lock" in actions
    with pytest.raises(TooManyAttempts):  # locked for that address: not even checked
        services.change_password(
            uow=w.uow,
            by=by,
            current_password=PASSWORD,
            new_password="cassava chips at dawn",
            policy=POLICY,
            now=w.clock,
        )
    with pytest.raises(LoginRefused):
        services.authenticate(
            uow=w.uow,
            email=w.member.email,
            password=PASSWORD,
            ip="10.0.0.66",
            policy=POLICY,
            now=w.clock,
        )
    services.authenticate(
        uow=w.uow,
        email=w.member.email,
        password=PASSWORD,
        ip="10.0.0.1",
        policy=POLICY,
        now=w.clock,
    )


def test_wrong_current_passwords_count_toward_the_limit_per_address() -> None:
    w = world()
    policy = dataclasses.replace(POLICY, ip_max_failures=3, lockout_threshold=10)
    by = Principal.of(w.member, ip="10.0.0.7")
    for _ in range(3):
        with pytest.raises(ValidationError):
            services.change_password(
                uow=w.uow,
                by=by,
                current_password="a guess",
                new_password="cassava chips at dawn",
                policy=policy,
                now=w.clock,
            )
    with pytest.raises(TooManyAttempts):
        services.authenticate(
            uow=w.uow,
            email="nobody@x.example",
            password="x",
            ip="10.0.0.7",
            policy=policy,
            now=w.clock,
        )


def test_a_token_without_the_admin_scope_cannot_change_the_password() -> None:
    w = world()
    for scopes in ({Scope.READ}, {Scope.READ, Scope.WRITE, Scope.MATCH}):
        by = Principal.of(w.member, scopes=frozenset(scopes), ip="10.0.0.5")
        with pytest.raises(Forbidden, match="admin"):
            services.change_password(
                uow=w.uow,
                by=by,
                current_password="guess",
                new_password="cassava chips at dawn",
                policy=POLICY,
            )
    assert w.uow.committed.attempts == []  # refused before any check, and nothing counted
    admin_token = Principal.of(w.admin, scopes=frozenset({Scope.ADMIN}))
    services.change_password(
        uow=w.uow,
        by=admin_token,
        current_password=PASSWORD,
        new_password="cassava chips at dawn",
        policy=POLICY,
    )


def test_a_new_password_ends_the_other_sessions_and_revokes_every_token() -> None:
    w = world()
    assert w.member.id is not None
    by = Principal.of(w.member)
    here = services.start_session(uow=w.uow, user_id=w.member.id, policy=POLICY, now=w.clock)
    services.start_session(uow=w.uow, user_id=w.member.id, policy=POLICY, now=w.clock)
    services.start_session(uow=w.uow, user_id=w.member.id, policy=POLICY, now=w.clock)
    made = [
        services.create_token(uow=w.uow, by=by, name=f"t{n}", scopes=["read"], now=w.clock)
        for n in range(2)
    ]
    changed = services.change_password(
        uow=w.uow,
        by=by,
        current_password=PASSWORD,
        new_password="cassava chips at dawn",
        keep_session=here.session_id,
        policy=POLICY,
        now=w.clock,
    )
    assert changed.sessions_ended == 2
    assert [(t.id, t.prefix) for t in changed.tokens_revoked] == [
        (m.record.id, m.record.prefix) for m in made
    ]
    assert list(w.uow.committed.sessions) == [here.record.id]
    assert all(t.revoked_at == w.clock.now for t in w.uow.committed.tokens.values())
    [entry] = [e for e in w.uow.committed.audit if e.action == "user.password_change"]
    assert entry.detail == {"sessions_ended": 2, "tokens_revoked": [1, 2]}


def test_a_fresh_unit_of_work_has_no_administrator() -> None:
    assert not services.has_administrator(uow=FakeAccountsUnitOfWork())
    assert services.has_administrator(uow=world().uow)
