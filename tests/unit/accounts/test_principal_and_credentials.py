"""Who is asking, and the random credentials."""

from __future__ import annotations

from itpo.accounts import credentials
from itpo.accounts.model import Role, Scope, User
from itpo.accounts.principal import ANONYMOUS, Principal


def user(role: Role, **changes: object) -> User:
    base = User(email="a@x.example", display_name="A", role=role, id=7, office_id=1)
    for name, value in changes.items():
        setattr(base, name, value)
    return base


def test_the_public_is_anonymous_and_may_do_nothing_special() -> None:
    assert ANONYMOUS.is_anonymous and not ANONYMOUS.is_user
    assert not (ANONYMOUS.is_staff or ANONYMOUS.is_administrator or ANONYMOUS.is_member)
    assert not ANONYMOUS.belongs_to(None)


def test_officers_and_administrators_are_staff_members_are_not() -> None:
    assert Principal.of(user(Role.OFFICER)).is_staff
    assert Principal.of(user(Role.ADMINISTRATOR)).is_administrator
    member = Principal.of(user(Role.MEMBER, office_id=None, organisation_id=3))
    assert member.is_member and not member.is_staff
    assert member.belongs_to(3) and not member.belongs_to(4)


def test_a_token_acts_within_its_scopes() -> None:
    reader = Principal.of(user(Role.ADMINISTRATOR), scopes=frozenset({Scope.READ}))
    assert reader.may(Scope.READ) and not reader.may(Scope.WRITE)
    assert not reader.is_administrator  # an administrator's token without `admin`
    assert Principal.of(user(Role.ADMINISTRATOR)).may(Scope.WRITE)  # a session: every scope


def test_the_command_line_administers_without_being_a_user() -> None:
    system = Principal.system()
    assert system.is_administrator and not system.is_user and system.label == "command line"


def test_api_tokens_carry_256_random_bits_after_their_prefix() -> None:
    token = credentials.new_api_token()
    assert token.startswith("itpo_") and len(token) >= len("itpo_") + 43
    assert token != credentials.new_api_token()
    assert credentials.shown_prefix(token) == token[:12]


def test_secrets_are_stored_as_sha256_and_compared_in_constant_time() -> None:
    digest = credentials.digest("itpo_abc")
    assert len(digest) == 64 and "abc" not in digest
    assert credentials.same_secret("s3cret", "s3cret")
    assert not credentials.same_secret("s3cre", "s3cret")
    assert not credentials.same_secret(None, "s3cret")
