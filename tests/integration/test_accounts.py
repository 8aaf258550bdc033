"""Accounts over real databases, SQLite and PostgreSQL: hashing, sign-in limits, credentials
stored only as digests, expiry, the append-only audit log, and the commands."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher
from tests.actors import OPERATOR
from tests.records import organisation_data
from tests.unit.accounts.fakes import CHEAP, PASSWORD, POLICY, Clock

from itpo.accounts import services
from itpo.accounts.audit import record
from itpo.accounts.errors import LoginRefused, NotAuthenticated, TooManyAttempts
from itpo.accounts.model import AuditQuery, User
from itpo.accounts.passwords import Passwords
from itpo.accounts.policy import AccountPolicy
from itpo.accounts.principal import Principal
from itpo.adapters.cli.user_commands import DEMO_ADMIN, demo_administrator
from itpo.adapters.storage.account_audit_repository import SqlAuditRepository
from itpo.adapters.storage.account_tables import (
    api_token,
    audit_entry,
    login_attempt,
    sign_in_lock,
    user_account,
)
from itpo.adapters.storage.tables import metadata
from itpo.bootstrap import Platform
from itpo.config import Settings
from itpo.registry import services as registry
from itpo.registry.errors import Conflict, ValidationError

MEMBER = "wanjiru@meru.example"


@dataclasses.dataclass
class Accounts:
    platform: Platform
    clock: Clock
    admin: User
    member: User

    def login(
        self,
        email: str = MEMBER,
        password: str = PASSWORD,
        ip: str | None = None,
        policy: AccountPolicy = POLICY,
    ) -> User:
        uow = self.platform.uow()
        return services.authenticate(
            uow=uow, email=email, password=password, ip=ip, policy=policy, now=self.clock
        )


@pytest.fixture
def accounts(platform: Platform) -> Accounts:
    clock = Clock()
    uow = platform.uow()
    registry.create_organisation(by=OPERATOR, uow=uow, data=organisation_data(), now=clock)
    admin = services.bootstrap_administrator(
        uow=uow,
        email="chief@itpo.example",
        display_name="Chief",
        password=PASSWORD,
        office_name="ITPO Shanghai",
        office_country="CHN",
        office_city="Shanghai",
        policy=POLICY,
        now=clock,
    )
    member = services.create_user(
        uow=uow,
        by=Principal.of(admin),
        email=MEMBER,
        display_name="Wanjiru",
        role="member",
        password=PASSWORD,
        organisation_id=1,
        policy=POLICY,
        now=clock,
    )
    return Accounts(platform, clock, admin, member)


def rows(platform: Platform, table: sa.Table) -> list[dict[str, object]]:
    with platform.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(sa.select(table))]


def counts(platform: Platform) -> dict[str, int]:
    with platform.engine.connect() as connection:
        return {
            table.name: connection.execute(
                sa.select(sa.func.count()).select_from(table)
            ).scalar_one()
            for table in metadata.sorted_tables
        }


def everything_stored(platform: Platform) -> str:
    return " ".join(str(row) for table in metadata.sorted_tables for row in rows(platform, table))


def test_passwords_are_stored_as_argon2id_and_verify(platform: Platform) -> None:
    uow = platform.uow()
    services.bootstrap_administrator(
        uow=uow,
        email="chief@itpo.example",
        display_name="Chief",
        password=PASSWORD,
        office_name="ITPO Shanghai",
        office_country="CHN",
    )
    [stored] = rows(platform, user_account)
    assert str(stored["password_hash"]).startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert PASSWORD not in everything_stored(platform)
    user = services.authenticate(uow=uow, email="chief@itpo.example", password=PASSWORD, ip=None)
    assert user.email == "chief@itpo.example" and user.last_login_at is not None


def test_a_hash_with_old_parameters_is_replaced_at_sign_in(accounts: Accounts) -> None:
    stronger = Passwords(PasswordHasher(time_cost=2, memory_cost=64, parallelism=1))
    accounts.login(policy=dataclasses.replace(POLICY, passwords=stronger))
    stored = {r["email"]: str(r["password_hash"]) for r in rows(accounts.platform, user_account)}
    assert "m=64,t=2,p=1" in stored[MEMBER] and "t=1" in stored["chief@itpo.example"]
    assert stronger.verify(stored[MEMBER], PASSWORD)


def test_a_wrong_password_and_an_unknown_email_get_the_same_error(accounts: Accounts) -> None:
    with pytest.raises(LoginRefused) as wrong:
        accounts.login(password="not the password")
    with pytest.raises(LoginRefused) as unknown:
        accounts.login(email="nobody@meru.example")
    assert type(wrong.value) is type(unknown.value) and str(wrong.value) == str(unknown.value)


def stored_member(accounts: Accounts) -> dict[str, object]:
    [row] = [r for r in rows(accounts.platform, user_account) if r["email"] == MEMBER]
    return row


def test_five_failures_lock_the_account_for_that_address_for_fifteen_minutes(
    accounts: Accounts,
) -> None:
    for _ in range(5):
        with pytest.raises(LoginRefused):
            accounts.login(password="not the password", ip="198.51.100.66")
    [lock] = rows(accounts.platform, sign_in_lock)
    assert lock["ip"] == "198.51.100.66" and lock["user_id"] == accounts.member.id
    assert lock["locked_until"] == accounts.clock.now + dt.timedelta(minutes=15)
    with pytest.raises(LoginRefused):  # the attacker's address, even with the password
        accounts.login(ip="198.51.100.66")
    assert accounts.login(ip="192.0.2.10").email == MEMBER  # the owner, from elsewhere
    accounts.clock.advance(minutes=15)
    assert accounts.login(ip="198.51.100.66").email == MEMBER
    assert rows(accounts.platform, sign_in_lock) == []
    page = services.list_audit(
        uow=accounts.platform.uow(),
        by=Principal.of(accounts.admin),
        query=AuditQuery(action="user.lock"),
    )
    assert [(e.subject_id, e.ip) for e in page.items] == [
        (str(accounts.member.id), "198.51.100.66")
    ]


def test_many_addresses_start_a_growing_back_off_that_an_administrator_lifts(
    accounts: Accounts,
) -> None:
    policy = dataclasses.replace(POLICY, backoff_threshold=3, backoff_max_minutes=3)
    for n in range(3):
        with pytest.raises(LoginRefused):
            accounts.login(password="not the password", ip=f"203.0.113.{n}", policy=policy)
    assert stored_member(accounts)["locked_until"] == accounts.clock.now + dt.timedelta(minutes=1)
    accounts.clock.advance(minutes=1)
    with pytest.raises(LoginRefused):
        accounts.login(password="not the password", ip="203.0.113.9", policy=policy)
    assert stored_member(accounts)["locked_until"] == accounts.clock.now + dt.timedelta(minutes=2)
    with pytest.raises(LoginRefused):  # every address waits
        accounts.login(ip="192.0.2.10", policy=policy)
    assert accounts.member.id is not None
    services.unlock_user(
        uow=accounts.platform.uow(),
        by=Principal.of(accounts.admin),
        user_id=accounts.member.id,
        now=accounts.clock,
    )
    unlocked = stored_member(accounts)
    assert unlocked["locked_until"] is None and unlocked["failed_logins"] == 0
    assert accounts.login(ip="192.0.2.10", policy=policy).email == MEMBER
    page = services.list_audit(
        uow=accounts.platform.uow(),
        by=Principal.of(accounts.admin),
        query=AuditQuery(action="user"),
    )
    actions = [e.action for e in page.items]
    assert actions.count("user.backoff") == 2 and actions[0] == "user.unlock"


def test_failures_from_one_address_are_limited_within_a_sliding_window(
    accounts: Accounts,
) -> None:
    policy = dataclasses.replace(POLICY, ip_max_failures=3, ip_window_minutes=10)
    for n in range(3):
        with pytest.raises(LoginRefused):
            accounts.login(email=f"guess{n}@meru.example", ip="192.0.2.7", policy=policy)
        accounts.clock.advance(minutes=2)
    with pytest.raises(TooManyAttempts) as raised:
        accounts.login(ip="192.0.2.7", policy=policy)
    assert raised.value.retry_after_seconds == 4 * 60
    accounts.login(ip="192.0.2.8", policy=policy)  # another address is not held back
    accounts.clock.advance(minutes=4)
    accounts.login(ip="192.0.2.7", policy=policy)


def test_a_token_is_shown_once_stored_as_a_digest_resolves_and_is_revoked(
    accounts: Accounts,
) -> None:
    uow, by = accounts.platform.uow(), Principal.of(accounts.member)
    issued = services.create_token(
        uow=uow, by=by, name="ERP", scopes=["read", "match"], now=accounts.clock
    )
    stored = everything_stored(accounts.platform)
    assert issued.token not in stored and issued.token[12:] not in stored
    assert issued.record.token_hash in stored and issued.record.prefix in stored
    principal = services.resolve_token(
        uow=uow, token=issued.token, ip="192.0.2.1", now=accounts.clock
    )
    assert principal.user_id == accounts.member.id and principal.organisation_id == 1
    [listed] = services.list_tokens(uow=uow, by=by)
    assert listed.last_used_at == accounts.clock.now and listed.scopes == issued.record.scopes
    assert listed.id is not None
    services.revoke_token(uow=uow, by=by, token_id=listed.id, now=accounts.clock)
    with pytest.raises(NotAuthenticated, match="revoked"):
        services.resolve_token(uow=uow, token=issued.token, now=accounts.clock)


def test_a_token_expires(accounts: Accounts) -> None:
    uow = accounts.platform.uow()
    issued = services.create_token(
        uow=uow,
        by=Principal.of(accounts.member),
        name="trial",
        scopes=["read"],
        now=accounts.clock,
        expires_at=accounts.clock.now + dt.timedelta(hours=2),
    )
    accounts.clock.advance(hours=1)
    services.resolve_token(uow=uow, token=issued.token, now=accounts.clock)
    accounts.clock.advance(hours=1)
    with pytest.raises(NotAuthenticated, match="expired"):
        services.resolve_token(uow=uow, token=issued.token, now=accounts.clock)
    with pytest.raises(NotAuthenticated, match="not known"):
        services.resolve_token(uow=uow, token=issued.token + "x", now=accounts.clock)


def test_sessions_end_when_idle_and_after_their_absolute_lifetime(accounts: Accounts) -> None:
    uow, member_id = accounts.platform.uow(), accounts.member.id
    assert member_id is not None

    def start() -> str:
        started = services.start_session(
            uow=uow,
            user_id=member_id,
            ip="192.0.2.1",
            user_agent="Firefox",
            policy=POLICY,
            now=accounts.clock,
        )
        return started.session_id

    def alive(session_id: str) -> bool:
        try:
            services.resolve_session(
                uow=uow, session_id=session_id, policy=POLICY, now=accounts.clock
            )
        except NotAuthenticated:
            return False
        return True

    idle, busy = start(), start()
    assert idle not in everything_stored(accounts.platform)
    for _ in range(15):  # busy is used every 11 hours, idle never
        accounts.clock.advance(hours=11)
        assert alive(busy)
    assert not alive(idle)
    accounts.clock.advance(hours=3)  # seven days after sign-in
    assert not alive(busy)
    assert counts(accounts.platform)["user_session"] == 0


def test_a_reset_token_expires_and_works_once(accounts: Accounts) -> None:
    uow = accounts.platform.uow()
    late = services.start_password_reset(uow=uow, email=MEMBER, policy=POLICY, now=accounts.clock)
    accounts.clock.advance(hours=1)
    fresh = services.start_password_reset(uow=uow, email=MEMBER, policy=POLICY, now=accounts.clock)
    assert late is not None and fresh is not None
    assert fresh.token not in everything_stored(accounts.platform)
    with pytest.raises(ValidationError, match="token"):
        services.finish_password_reset(
            uow=uow,
            token=late.token,
            password="cassava at dawn!",
            policy=POLICY,
            now=accounts.clock,
        )
    services.finish_password_reset(
        uow=uow, token=fresh.token, password="cassava at dawn!", policy=POLICY, now=accounts.clock
    )
    assert accounts.login(password="cassava at dawn!").email == MEMBER
    with pytest.raises(ValidationError, match="token"):
        services.finish_password_reset(
            uow=uow,
            token=fresh.token,
            password="cassava at dusk!",
            policy=POLICY,
            now=accounts.clock,
        )


def test_disabling_a_user_ends_their_sessions_and_revokes_their_tokens(
    accounts: Accounts,
) -> None:
    uow, member_id = accounts.platform.uow(), accounts.member.id
    assert member_id is not None
    started = services.start_session(uow=uow, user_id=member_id, now=accounts.clock)
    issued = services.create_token(
        uow=uow, by=Principal.of(accounts.member), name="t", scopes=["read"], now=accounts.clock
    )
    services.disable_user(
        uow=uow, by=Principal.of(accounts.admin), user_id=member_id, now=accounts.clock
    )
    assert counts(accounts.platform)["user_session"] == 0
    with pytest.raises(NotAuthenticated):
        services.resolve_session(uow=uow, session_id=started.session_id, now=accounts.clock)
    with pytest.raises(NotAuthenticated):
        services.resolve_token(uow=uow, token=issued.token, now=accounts.clock)
    with pytest.raises(LoginRefused):
        accounts.login()


def test_a_wrong_current_password_is_counted_stored_and_audited(accounts: Accounts) -> None:
    by = Principal.of(accounts.member, ip="198.51.100.7")
    for _ in range(5):
        with pytest.raises(ValidationError, match="current_password"):
            services.change_password(
                uow=accounts.platform.uow(),
                by=by,
                current_password="a guess",
                new_password="cassava at dawn!",
                policy=POLICY,
                now=accounts.clock,
            )
    failed = [r for r in rows(accounts.platform, login_attempt) if not r["succeeded"]]
    assert [(r["ip"], r["email"]) for r in failed] == [("198.51.100.7", MEMBER)] * 5
    [lock] = rows(accounts.platform, sign_in_lock)
    assert lock["locked_until"] is not None
    refused = services.list_audit(
        uow=accounts.platform.uow(),
        by=Principal.of(accounts.admin),
        query=AuditQuery(action="user.password_change_refused"),
    )
    assert refused.total == 5
    with pytest.raises(TooManyAttempts):
        services.change_password(
            uow=accounts.platform.uow(),
            by=by,
            current_password=PASSWORD,
            new_password="cassava at dawn!",
            policy=POLICY,
            now=accounts.clock,
        )


def test_a_new_password_revokes_every_token_and_the_tokens_made_with_them(
    accounts: Accounts,
) -> None:
    uow, admin = accounts.platform.uow(), Principal.of(accounts.admin)
    parent = services.create_token(
        uow=uow,
        by=admin,
        name="ops",
        scopes=["read", "admin"],
        expires_at=accounts.clock.now + dt.timedelta(days=2),
        now=accounts.clock,
    )
    as_parent = services.resolve_token(uow=uow, token=parent.token, now=accounts.clock)
    assert accounts.member.id is not None
    child = services.create_token(
        uow=uow,
        by=as_parent,
        name="for the member",
        scopes=["read"],
        user_id=accounts.member.id,
        now=accounts.clock,
    )
    stored = {r["id"]: r for r in rows(accounts.platform, api_token)}
    assert stored[child.record.id]["parent_id"] == parent.record.id
    assert stored[child.record.id]["expires_at"] == accounts.clock.now + dt.timedelta(days=2)
    changed = services.change_password(
        uow=uow,
        by=as_parent,
        current_password=PASSWORD,
        new_password="cassava at dawn!",
        policy=POLICY,
        now=accounts.clock,
    )
    assert [t.id for t in changed.tokens_revoked] == [parent.record.id]  # the user's own only
    for token in (parent.token, child.token):
        with pytest.raises(NotAuthenticated, match="revoked"):
            services.resolve_token(uow=uow, token=token, now=accounts.clock)
    assert all(r["revoked_at"] is not None for r in rows(accounts.platform, api_token))


BAD_INPUTS = [
    ("create_user", {"email": "not an email"}, "email"),
    ("create_user", {"role": "owner"}, "role"),
    ("create_user", {"organisation_id": 99}, "organisation_id"),
    ("create_user", {"password": "too short"}, "password"),
    ("create_office", {"country": "Atlantis"}, "country"),
    ("create_office", {"name": ""}, "name"),
    ("create_token", {"scopes": ["root"]}, "scopes"),
    ("finish_password_reset", {"token": "made-up"}, "token"),
    ("change_password", {"new_password": "too short"}, "new_password"),
    ("record", {"detail": {"bad": object()}}, "detail"),
]
SERVICES = {name: getattr(services, name) for name, _, _ in BAD_INPUTS if name != "record"}
SERVICES["record"] = record


@pytest.mark.parametrize(("service", "changes", "field"), BAD_INPUTS)
def test_every_bad_input_names_its_field_and_writes_nothing(
    accounts: Accounts, service: str, changes: dict[str, object], field: str
) -> None:
    admin, member = Principal.of(accounts.admin), Principal.of(accounts.member)
    base: dict[str, dict[str, object]] = {
        "create_user": {
            "by": admin,
            "email": "amina@meru.example",
            "display_name": "Amina",
            "role": "member",
            "password": PASSWORD,
            "organisation_id": 1,
        },
        "create_office": {"by": admin, "name": "ITPO Beijing", "country": "CHN"},
        "create_token": {"by": member, "name": "t", "scopes": ["read"]},
        "finish_password_reset": {"token": "x", "password": PASSWORD},
        "change_password": {
            "by": member,
            "current_password": PASSWORD,
            "new_password": "cassava at dawn!",
        },
        "record": {"by": member, "action": "x.y", "subject_type": "x"},
    }
    before = counts(accounts.platform)
    with pytest.raises(ValidationError) as raised:
        SERVICES[service](uow=accounts.platform.uow(), **(base[service] | changes))
    assert field in [e.field for e in raised.value.errors]
    assert counts(accounts.platform) == before


def test_a_second_user_with_the_same_email_is_refused(accounts: Accounts) -> None:
    before = counts(accounts.platform)
    with pytest.raises(Conflict):
        services.create_user(
            uow=accounts.platform.uow(),
            by=Principal.system(),
            email=MEMBER.upper(),
            display_name="W",
            role="member",
            password=PASSWORD,
            organisation_id=1,
            policy=POLICY,
        )
    assert counts(accounts.platform) == before


def test_the_audit_log_refuses_updates_and_deletes(accounts: Accounts) -> None:
    assert not {"update", "delete"} & set(dir(SqlAuditRepository))
    statements = [sa.update(audit_entry).values(action="tampered"), sa.delete(audit_entry)]
    for statement in statements:
        with (
            pytest.raises(sa.exc.DBAPIError, match="append-only"),
            accounts.platform.engine.begin() as connection,
        ):
            connection.execute(statement)
    assert [r["action"] for r in rows(accounts.platform, audit_entry)] == [
        "organisation.create",
        "office.create",
        "user.create",
        "user.create",
    ]


def test_the_audit_log_filters_by_action_family_and_subject_newest_first(
    accounts: Accounts,
) -> None:
    uow, admin = accounts.platform.uow(), Principal.of(accounts.admin, ip="192.0.2.1")
    accounts.clock.advance(minutes=1)
    record(
        uow=uow,
        by=admin,
        action="opportunity.view",
        subject_type="opportunity",
        subject_id=7,
        detail={"stage": "restricted"},
        now=accounts.clock,
    )
    users = services.list_audit(uow=uow, by=admin, query=AuditQuery(action="user"))
    assert [e.action for e in users.items] == ["user.create", "user.create"]
    [viewed] = services.list_audit(
        uow=uow,
        by=admin,
        query=AuditQuery(subject_type="opportunity", subject_id="7", since=accounts.clock.now),
    ).items
    assert viewed.detail == {"stage": "restricted"} and viewed.ip == "192.0.2.1"
    assert viewed.actor_id == accounts.admin.id and viewed.at == accounts.clock.now
    everything = services.list_audit(uow=uow, by=admin, query=AuditQuery(limit=None))
    assert everything.total == 5 and everything.items[0].action == "opportunity.view"


def test_the_demo_makes_an_administrator_once_and_shows_the_password_once(
    platform: Platform, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_administrator(platform)
    first = capsys.readouterr().out
    password = first.split("password ", 1)[1].split()[0]
    assert "shown this once" in first
    user = services.authenticate(uow=platform.uow(), email=DEMO_ADMIN, password=password, ip=None)
    assert user.role.value == "administrator" and password not in everything_stored(platform)
    demo_administrator(platform)
    assert capsys.readouterr().out == ""


def test_the_demo_makes_no_administrator_when_there_is_one(
    accounts: Accounts, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_administrator(accounts.platform)
    assert capsys.readouterr().out == ""
    assert DEMO_ADMIN not in everything_stored(accounts.platform)


def test_the_settings_make_the_policy(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, login_lockout_threshold=3, session_idle_hours=1.5)
    policy = settings.account_policy()
    assert policy.lockout_threshold == 3 and policy.session_idle == dt.timedelta(minutes=90)
    assert policy.reset_lifetime == dt.timedelta(hours=1)
    backing_off = Settings(
        data_dir=tmp_path, login_backoff_threshold=7, login_backoff_max_minutes=5
    ).account_policy()
    assert backing_off.backoff(6) is None and backing_off.backoff(7) == dt.timedelta(minutes=1)
    assert backing_off.backoff(99) == dt.timedelta(minutes=5)
    assert CHEAP.hasher.type is policy.passwords.hasher.type
