"""Password rules and argon2id hashing."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher, Type
from tests.unit.accounts.fakes import CHEAP

from itpo.accounts.passwords import (
    Passwords,
    check_password,
    generate_password,
    password_problems,
)
from itpo.registry.errors import ValidationError


def messages(password: str, email: str | None = None) -> list[str]:
    return [f"{e.field}: {e.message}" for e in password_problems(password, email=email)]


def test_a_long_uncommon_password_passes() -> None:
    assert messages("mango dryers in Meru", "wanjiru@meru.example") == []


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("", "password: is required"),
        ("short1!", "password: must be at least 12 characters long"),
        ("x" * 257 + "abcde", "password: must be at most 256 characters long"),
        ("Password1234", "password: is one of the most common passwords; choose another"),
        ("aaaaaaaaaaaaaaa", "password: must use at least 5 different characters"),
        ("abababababababab", "password: must use at least 5 different characters"),
    ],
)
def test_a_weak_password_is_refused_naming_the_field(password: str, expected: str) -> None:
    assert expected in messages(password)


def test_a_password_may_not_contain_the_name_part_of_the_email() -> None:
    assert messages("Wanjiru-2026-dryers", "wanjiru@meru.example") == [
        "password: must not contain the name part of the email address"
    ]
    assert messages("ab-2026-dryers!", "ab@meru.example") == []  # too short a name to matter


def test_check_password_raises_every_problem_together() -> None:
    with pytest.raises(ValidationError) as raised:
        check_password("aaaa", email="aaaa@x.example")
    assert [e.field for e in raised.value.errors] == ["password"] * 3


def test_hashes_are_argon2id_and_verify() -> None:
    hashed = CHEAP.hash("mango dryers in Meru")
    assert hashed.startswith("$argon2id$")
    assert CHEAP.verify(hashed, "mango dryers in Meru")
    assert not CHEAP.verify(hashed, "mango dryers in Embu")
    assert not CHEAP.verify("not a hash", "mango dryers in Meru")


def test_a_hash_made_with_other_parameters_needs_rehashing() -> None:
    stronger = Passwords(PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    hashed = CHEAP.hash("mango dryers in Meru")
    assert stronger.needs_rehash(hashed)
    assert stronger.verify(hashed, "mango dryers in Meru")  # old hashes still verify
    assert not CHEAP.needs_rehash(hashed)


def test_only_argon2id_is_accepted() -> None:
    with pytest.raises(ValueError, match="argon2id"):
        Passwords(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.I))


def test_the_default_hasher_is_argon2id() -> None:
    assert Passwords().hasher.type is Type.ID


def test_a_generated_password_passes_the_rules_and_differs_each_time() -> None:
    first, second = generate_password("admin@x.example"), generate_password("admin@x.example")
    assert password_problems(first, email="admin@x.example") == []
    assert first != second and len(first) >= 24
