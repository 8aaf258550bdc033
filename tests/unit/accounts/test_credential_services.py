"""API tokens, sessions, password resets and the audit log over in-memory fakes."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from tests.unit.accounts.fakes import PASSWORD, POLICY, world

from itpo.accounts import services
from itpo.accounts.audit import record
from itpo.accounts.errors import Forbidden, NotAuthenticated
from itpo.accounts.model import AuditQuery, Scope
from itpo.accounts.principal import ANONYMOUS, Principal
from itpo.registry.errors import Conflict, NotFound, ValidationError


def test_a_token_resolves_to_its_user_with_its_scopes_until_revoked() -> None:
    w = world()
    by = Principal.of(w.member)
    issued = services.create_token(
        uow=w.uow, by=by, name="ERP sync", scopes=["read", "write"], now=w.clock
    )
    assert issued.token.startswith(issued.record.prefix)
    found = services.resolve_token(uow=w.uow, token=issued.token, ip="10.1.1.1", now=w.clock)
    assert found.user_id == w.member.id and found.scopes == frozenset({Scope.READ, Scope.WRITE})
    assert found.ip == "10.1.1.1" and issued.record.prefix in found.label
    assert issued.record.id is not None
    services.revoke_token(uow=w.uow, by=by, token_id=issued.record.id, now=w.clock)
    with pytest.raises(NotAuthenticated, match="revoked"):
        services.resolve_token(uow=w.uow, token=issued.token, now=w.clock)


def test_a_token_stops_at_its_expiry() -> None:
    w = world()
    issued = services.create_token(
        uow=w.uow,
        by=Principal.of(w.member),
        name="trial",
        scopes="read",
        expires_at=w.clock.now + dt.timedelta(days=1),
        now=w.clock,
    )
    w.clock.advance(hours=23, minutes=59)
    services.resolve_token(uow=w.uow, token=issued.token, now=w.clock)
    w.clock.advance(minutes=1)
    with pytest.raises(NotAuthenticated, match="expired"):
        services.resolve_token(uow=w.uow, token=issued.token, now=w.clock)


def test_last_use_is_written_at_most_once_a_minute() -> None:
    w = world()
    issued = services.create_token(
        uow=w.uow, by=Principal.of(w.member), name="t", scopes=["read"], now=w.clock
    )
    services.resolve_token(uow=w.uow, token=issued.token, now=w.clock)
    commits = w.uow.commits
    w.clock.advance(seconds=30)
    services.resolve_token(uow=w.uow, token=issued.token, now=w.clock)
    assert w.uow.commits == commits
    w.clock.advance(seconds=30)
    services.resolve_token(uow=w.uow, token=issued.token, now=w.clock)
    assert w.uow.committed.tokens[1].last_used_at == w.clock.now


def test_checking_a_token_only_reads_and_says_when_its_use_is_due() -> None:
    w = world()
    by = Principal.of(w.member)
    issued = services.create_token(uow=w.uow, by=by, name="t", scopes=["read"], now=w.clock)
    assert issued.record.id is not None
    commits = w.uow.commits
    checked = services.check_token(uow=w.uow, token=issued.token, now=w.clock)
    assert checked.use_due == issued.record.id and w.uow.commits == commits
    assert checked.principal.user_id == w.member.id
    services.note_token_use(uow=w.uow, token_id=issued.record.id, at=checked.at)
    w.clock.advance(seconds=59)
    assert services.check_token(uow=w.uow, token=issued.token, now=w.clock).use_due is None
    services.revoke_token(uow=w.uow, by=by, token_id=issued.record.id, now=w.clock)
    with pytest.raises(NotAuthenticated, match="revoked"):
        services.check_token(uow=w.uow, token=issued.token, now=w.clock)
    # A use noted after the revocation (a request checked just before it) leaves it revoked.
    services.note_token_use(uow=w.uow, token_id=issued.record.id, at=w.clock.now)
    with pytest.raises(NotAuthenticated, match="revoked"):
        services.resolve_token(uow=w.uow, token=issued.token, now=w.clock)


@pytest.mark.parametrize(
    ("name", "scopes", "expires_in", "field"),
    [
        ("", ["read"], None, "name"),
        ("t", [], None, "scopes"),
        ("t", ["read", "delete_everything"], None, "scopes"),
        ("t", ["admin"], None, "scopes"),  # a member's token
        ("t", ["read"], dt.timedelta(0), "expires_at"),
    ],
)
def test_a_bad_token_request_names_the_field_and_writes_nothing(
    name: str, scopes: list[str], expires_in: dt.timedelta | None, field: str
) -> None:
    w = world()
    before = copy.deepcopy(w.uow.committed)
    expires = None if expires_in is None else w.clock.now + expires_in
    with pytest.raises(ValidationError) as raised:
        services.create_token(
            uow=w.uow,
            by=Principal.of(w.member),
            name=name,
            scopes=scopes,
            expires_at=expires,
            now=w.clock,
        )
    assert [e.field for e in raised.value.errors] == [field]
    assert w.uow.committed == before


def test_a_token_cannot_mint_a_token_with_more_scopes_than_its_own() -> None:
    w = world()
    admin = Principal.of(w.admin, scopes=frozenset({Scope.READ, Scope.ADMIN}))
    with pytest.raises(Forbidden):
        services.create_token(uow=w.uow, by=admin, name="t", scopes=["write"], now=w.clock)
    services.create_token(uow=w.uow, by=admin, name="t", scopes=["read"], now=w.clock)


def test_only_the_owner_or_an_administrator_sees_and_revokes_tokens() -> None:
    w = world()
    issued = services.create_token(
        uow=w.uow, by=Principal.of(w.admin), name="ops", scopes=["admin"], now=w.clock
    )
    assert issued.record.id is not None and w.admin.id is not None
    with pytest.raises(Forbidden):
        services.revoke_token(uow=w.uow, by=Principal.of(w.member), token_id=issued.record.id)
    with pytest.raises(Forbidden):
        services.list_tokens(uow=w.uow, by=Principal.of(w.member), user_id=w.admin.id)
    with pytest.raises(NotFound):
        services.revoke_token(uow=w.uow, by=Principal.of(w.admin), token_id=99)
    assert [t.name for t in services.list_tokens(uow=w.uow, by=Principal.of(w.admin))] == ["ops"]


def test_a_session_slides_while_used_and_ends_when_idle() -> None:
    w = world()
    assert w.member.id is not None
    started = services.start_session(
        uow=w.uow,
        user_id=w.member.id,
        ip="10.0.0.1",
        user_agent="Firefox",
        policy=POLICY,
        now=w.clock,
    )
    for _ in range(3):  # used every 11 hours: it lives past the 12-hour idle limit
        w.clock.advance(hours=11)
        active = services.resolve_session(
            uow=w.uow, session_id=started.session_id, policy=POLICY, now=w.clock
        )
        assert active.user.id == w.member.id
    w.clock.advance(hours=12)
    with pytest.raises(NotAuthenticated):
        services.resolve_session(
            uow=w.uow, session_id=started.session_id, policy=POLICY, now=w.clock
        )
    assert w.uow.committed.sessions == {}


def test_a_session_ends_after_seven_days_however_used() -> None:
    w = world()
    assert w.member.id is not None
    started = services.start_session(uow=w.uow, user_id=w.member.id, policy=POLICY, now=w.clock)
    for _ in range(15):  # 165 hours, never idle for long
        w.clock.advance(hours=11)
        services.resolve_session(
            uow=w.uow, session_id=started.session_id, policy=POLICY, now=w.clock
        )
    w.clock.advance(hours=3)  # 168 hours: seven days, three hours after the last use
    with pytest.raises(NotAuthenticated):
        services.resolve_session(
            uow=w.uow, session_id=started.session_id, policy=POLICY, now=w.clock
        )


def test_the_csrf_token_matches_only_its_own_session() -> None:
    w = world()
    assert w.member.id is not None
    one = services.start_session(uow=w.uow, user_id=w.member.id, policy=POLICY, now=w.clock)
    two = services.start_session(uow=w.uow, user_id=w.member.id, policy=POLICY, now=w.clock)
    active = services.resolve_session(
        uow=w.uow, session_id=one.session_id, policy=POLICY, now=w.clock
    )
    assert active.csrf_matches(one.csrf_token) and active.csrf_token == one.csrf_token
    assert not active.csrf_matches(two.csrf_token) and not active.csrf_matches(None)


def test_signing_out_ends_the_session() -> None:
    w = world()
    assert w.member.id is not None
    started = services.start_session(uow=w.uow, user_id=w.member.id, policy=POLICY, now=w.clock)
    services.end_session(uow=w.uow, session_id=started.session_id, now=w.clock)
    services.end_session(uow=w.uow, session_id=started.session_id, now=w.clock)  # already gone
    with pytest.raises(NotAuthenticated):
        services.resolve_session(uow=w.uow, session_id=started.session_id, now=w.clock)
    assert [e.action for e in w.uow.committed.audit][-2:] == ["session.start", "session.end"]


def test_a_reset_token_works_once_within_its_hour() -> None:
    w = world()
    issued = services.start_password_reset(
        uow=w.uow, email="WANJIRU@meru.example", policy=POLICY, now=w.clock
    )
    assert issued is not None and issued.expires_at == w.clock.now + dt.timedelta(hours=1)
    w.clock.advance(minutes=59)
    services.finish_password_reset(
        uow=w.uow, token=issued.token, password="cassava chips at dawn", policy=POLICY, now=w.clock
    )
    with pytest.raises(ValidationError, match="token: is not valid, was used"):
        services.finish_password_reset(
            uow=w.uow,
            token=issued.token,
            password="cassava chips at dusk",
            policy=POLICY,
            now=w.clock,
        )


def test_an_expired_reset_token_is_refused() -> None:
    w = world()
    issued = services.start_password_reset(
        uow=w.uow, email=w.member.email, policy=POLICY, now=w.clock
    )
    assert issued is not None
    w.clock.advance(hours=1)
    with pytest.raises(ValidationError, match="token"):
        services.finish_password_reset(
            uow=w.uow,
            token=issued.token,
            password="cassava chips at dawn",
            policy=POLICY,
            now=w.clock,
        )


def test_a_reset_for_an_unknown_email_gives_nothing_to_send() -> None:
    w = world()
    assert services.start_password_reset(uow=w.uow, email="nobody@x.example", now=w.clock) is None
    with pytest.raises(ValidationError, match="email"):
        services.start_password_reset(uow=w.uow, email="nobody", now=w.clock)


def test_a_reset_with_a_weak_password_keeps_the_token_usable() -> None:
    w = world()
    issued = services.start_password_reset(
        uow=w.uow, email=w.member.email, policy=POLICY, now=w.clock
    )
    assert issued is not None
    with pytest.raises(ValidationError, match="password"):
        services.finish_password_reset(
            uow=w.uow, token=issued.token, password="short", policy=POLICY, now=w.clock
        )
    services.finish_password_reset(
        uow=w.uow, token=issued.token, password=PASSWORD + "!", policy=POLICY, now=w.clock
    )


def test_the_audit_log_is_for_administrators_and_lists_newest_first() -> None:
    w = world()
    record(
        uow=w.uow,
        by=Principal.of(w.member, ip="10.0.0.5"),
        action="opportunity.view",
        subject_type="opportunity",
        subject_id=12,
        detail={"stage": "restricted"},
        now=w.clock,
    )
    page = services.list_audit(uow=w.uow, by=Principal.of(w.admin), query=AuditQuery(limit=2))
    newest = page.items[0]
    assert newest.action == "opportunity.view" and newest.subject_id == "12"
    assert newest.ip == "10.0.0.5" and newest.actor_label == w.member.email
    assert page.total == 5  # the organisation, the office, two users and this view
    with pytest.raises(Forbidden):
        services.list_audit(uow=w.uow, by=Principal.of(w.member), query=AuditQuery())
    with pytest.raises(NotAuthenticated):
        services.list_audit(uow=w.uow, by=ANONYMOUS, query=AuditQuery())


def test_an_export_of_the_audit_log_is_audited_with_its_filters() -> None:
    w = world()
    by = Principal.of(w.admin)
    since = w.clock.now - dt.timedelta(days=1)
    query = AuditQuery(action="user", since=since, limit=1, offset=5)
    page = services.export_audit(uow=w.uow, by=by, query=query, now=w.clock)
    assert [e.action for e in page.items] == ["user.create", "user.create"]  # paging ignored
    exported = w.uow.committed.audit[-1]
    assert exported.action == "audit.export" and exported.actor_id == w.admin.id
    assert exported.detail == {
        "entries": 2,
        "filters": {"action": "user", "since": since.isoformat()},
    }
    before = len(w.uow.committed.audit)
    with pytest.raises(Forbidden):
        services.export_audit(uow=w.uow, by=Principal.of(w.member), query=AuditQuery())
    assert len(w.uow.committed.audit) == before


def test_an_administrator_issues_a_reset_and_a_disabled_user_gets_none() -> None:
    w = world()
    assert w.member.id is not None
    admin = Principal.of(w.admin, ip="10.0.0.9")
    issued = services.issue_password_reset(
        uow=w.uow, by=admin, user_id=w.member.id, policy=POLICY, now=w.clock
    )
    assert issued.user.id == w.member.id
    entry = w.uow.committed.audit[-1]
    assert entry.action == "user.password_reset_start" and entry.actor_id == w.admin.id
    with pytest.raises(Forbidden):
        services.issue_password_reset(uow=w.uow, by=Principal.of(w.member), user_id=w.member.id)
    with pytest.raises(NotFound):
        services.issue_password_reset(uow=w.uow, by=admin, user_id=99)
    services.disable_user(uow=w.uow, by=admin, user_id=w.member.id, now=w.clock)
    with pytest.raises(Conflict, match="disabled"):
        services.issue_password_reset(uow=w.uow, by=admin, user_id=w.member.id)


def test_a_reset_ends_every_session_and_revokes_every_token() -> None:
    w = world()
    assert w.member.id is not None
    services.start_session(uow=w.uow, user_id=w.member.id, policy=POLICY, now=w.clock)
    made = services.create_token(
        uow=w.uow, by=Principal.of(w.member), name="t", scopes=["read"], now=w.clock
    )
    issued = services.start_password_reset(
        uow=w.uow, email=w.member.email, policy=POLICY, now=w.clock
    )
    assert issued is not None
    changed = services.finish_password_reset(
        uow=w.uow,
        token=issued.token,
        password="cassava chips at dawn",
        policy=POLICY,
        now=w.clock,
    )
    assert changed.sessions_ended == 1
    assert [(t.id, t.prefix) for t in changed.tokens_revoked] == [
        (made.record.id, made.record.prefix)
    ]
    with pytest.raises(NotAuthenticated, match="revoked"):
        services.resolve_token(uow=w.uow, token=made.token, now=w.clock)


def test_an_audit_entry_must_be_json() -> None:
    w = world()
    before = copy.deepcopy(w.uow.committed)
    with pytest.raises(ValidationError, match="detail: must be JSON"):
        record(
            uow=w.uow,
            by=ANONYMOUS,
            action="x.y",
            subject_type="x",
            detail={"when": dt.date(2026, 1, 1)},
        )
    with pytest.raises(ValidationError, match="action: is required"):
        record(uow=w.uow, by=ANONYMOUS, action="", subject_type="x")
    assert w.uow.committed == before


def test_disabling_a_user_ends_their_sessions_and_revokes_their_tokens() -> None:
    w = world()
    assert w.member.id is not None
    started = services.start_session(uow=w.uow, user_id=w.member.id, policy=POLICY, now=w.clock)
    issued = services.create_token(
        uow=w.uow, by=Principal.of(w.member), name="t", scopes=["read"], now=w.clock
    )
    services.disable_user(uow=w.uow, by=Principal.of(w.admin), user_id=w.member.id, now=w.clock)
    assert w.uow.committed.sessions == {}
    assert w.uow.committed.tokens[1].revoked_at == w.clock.now
    with pytest.raises(NotAuthenticated):
        services.resolve_session(uow=w.uow, session_id=started.session_id, now=w.clock)
    services.enable_user(uow=w.uow, by=Principal.of(w.admin), user_id=w.member.id, now=w.clock)
    with pytest.raises(NotAuthenticated, match="revoked"):
        services.resolve_token(uow=w.uow, token=issued.token, now=w.clock)


def test_a_disabled_user_gets_no_new_session() -> None:
    w = world()
    assert w.member.id is not None
    services.disable_user(uow=w.uow, by=Principal.system(), user_id=w.member.id, now=w.clock)
    with pytest.raises(Forbidden):
        services.start_session(uow=w.uow, user_id=w.member.id, now=w.clock)
