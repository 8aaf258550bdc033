"""API tokens that manage accounts and tokens made with tokens, over in-memory fakes: only a
session or an admin token manages tokens, and a token made with a token ends with it."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.unit.accounts.fakes import World, world

from itpo.accounts import services
from itpo.accounts.errors import Forbidden, NotAuthenticated
from itpo.accounts.principal import Principal


def test_a_token_without_the_admin_scope_manages_no_tokens() -> None:
    w = world()
    mine = services.create_token(
        uow=w.uow, by=Principal.of(w.member), name="mine", scopes=["read"], now=w.clock
    )
    assert mine.record.id is not None
    reader = services.resolve_token(uow=w.uow, token=mine.token, now=w.clock)
    with pytest.raises(Forbidden, match="admin"):
        services.create_token(uow=w.uow, by=reader, name="t", scopes=["read"], now=w.clock)
    with pytest.raises(Forbidden, match="admin"):
        services.list_tokens(uow=w.uow, by=reader)
    with pytest.raises(Forbidden, match="admin"):
        services.revoke_token(uow=w.uow, by=reader, token_id=mine.record.id, now=w.clock)
    assert w.uow.committed.tokens[mine.record.id].revoked_at is None


def admin_token(w: World, **changes: object) -> tuple[str, Principal]:
    """An administrator's token, and who it speaks for once resolved."""
    issued = services.create_token(
        uow=w.uow,
        by=Principal.of(w.admin),
        name="ops",
        scopes=["read", "admin"],
        now=w.clock,
        **changes,  # type: ignore[arg-type]
    )
    return issued.token, services.resolve_token(uow=w.uow, token=issued.token, now=w.clock)


def test_a_token_made_with_a_token_never_outlives_it() -> None:
    w = world()
    parent_token, parent = admin_token(w, expires_at=w.clock.now + dt.timedelta(days=1))
    later = w.clock.now + dt.timedelta(days=30)
    child = services.create_token(
        uow=w.uow, by=parent, name="child", scopes=["read"], expires_at=later, now=w.clock
    )
    forever = services.create_token(uow=w.uow, by=parent, name="open", scopes=["read"], now=w.clock)
    for made in (child, forever):
        assert made.record.parent_id == parent.token_id
        assert made.record.expires_at == w.clock.now + dt.timedelta(days=1)
    w.clock.advance(days=1)
    with pytest.raises(NotAuthenticated, match="expired"):
        services.resolve_token(uow=w.uow, token=child.token, now=w.clock)
    assert parent_token != child.token


def test_revoking_a_token_revokes_the_tokens_made_with_it() -> None:
    w = world()
    _, parent = admin_token(w)
    child = services.create_token(
        uow=w.uow, by=parent, name="child", scopes=["read", "admin"], now=w.clock
    )
    as_child = services.resolve_token(uow=w.uow, token=child.token, now=w.clock)
    grandchild = services.create_token(
        uow=w.uow, by=as_child, name="grandchild", scopes=["read"], now=w.clock
    )
    assert parent.token_id is not None
    services.revoke_token(uow=w.uow, by=Principal.of(w.admin), token_id=parent.token_id)
    for made in (child, grandchild):
        assert made.record.id is not None
        assert w.uow.committed.tokens[made.record.id].revoked_at is not None
        with pytest.raises(NotAuthenticated, match="revoked"):
            services.resolve_token(uow=w.uow, token=made.token, now=w.clock)
    [entry] = [e for e in w.uow.committed.audit if e.action == "token.revoke"]
    assert entry.detail["with_it"] == [child.record.id, grandchild.record.id]


def test_a_token_whose_parent_stopped_is_refused_when_it_is_used() -> None:
    w = world()
    _, parent = admin_token(w)
    child = services.create_token(uow=w.uow, by=parent, name="c", scopes=["read"], now=w.clock)
    assert parent.token_id is not None
    # A revocation that reached only the parent (as one made before tokens knew their parent)
    w.uow.committed.tokens[parent.token_id].revoked_at = w.clock.now
    with pytest.raises(NotAuthenticated, match="made with was revoked"):
        services.resolve_token(uow=w.uow, token=child.token, now=w.clock)
