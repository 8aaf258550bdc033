"""Passwords: argon2id hashes, and the rules a new password must pass."""

from __future__ import annotations

import functools
import secrets

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from itpo.registry.errors import FieldError, ValidationError

MIN_LENGTH = 12
MAX_LENGTH = 256  # long enough for any passphrase, short enough to hash in bounded time
MIN_DISTINCT = 5

# Passwords of twelve characters or more that lead the leaked-password lists; shorter ones
# fail on length already.
COMMON_PASSWORDS = frozenset(
    {
        "123456789012", "1234567890123", "12345678901234", "123456123456", "111111111111",
        "000000000000", "123123123123", "qwertyuiopas", "qwertyuiop12", "qwerty123456",
        "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3", "password1234", "password123!",
        "passwordpassword", "password12345", "p@ssw0rd1234", "iloveyou1234", "letmein12345",
        "welcome12345", "welcome@1234", "changeme1234", "administrator", "administrator1",
        "abc123456789", "abcdefghijkl", "abcd12345678", "football1234", "baseball1234",
        "princess1234", "sunshine1234", "trustno11234", "superman1234", "monkey123456",
        "dragon123456", "master123456", "starwars1234", "correcthorsebatterystaple",
        "qwertyuiopasdfghjkl", "asdfghjkl123", "zxcvbnm12345", "11223344556677",
    }
)  # fmt: skip


class Passwords:
    """Hashes with argon2id and checks hashes, including those made with older parameters."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self.hasher = hasher or PasswordHasher()  # argon2-cffi's defaults: argon2id, RFC 9106
        if self.hasher.type is not Type.ID:
            raise ValueError("passwords are hashed with argon2id only")

    def hash(self, password: str) -> str:
        return self.hasher.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        try:
            return self.hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, password_hash: str) -> bool:
        """True when the hash was made with other parameters than today's."""
        try:
            return self.hasher.check_needs_rehash(password_hash)
        except InvalidHashError:
            return True

    def verify_nothing(self, password: str) -> None:
        """Spend the time of one verification, so an unknown email answers as slowly as a
        known one."""
        h = self.hasher
        self.verify(_dummy_hash(h.time_cost, h.memory_cost, h.parallelism, h.hash_len), password)


@functools.lru_cache(maxsize=8)
def _dummy_hash(time_cost: int, memory_cost: int, parallelism: int, hash_len: int) -> str:
    hasher = PasswordHasher(time_cost, memory_cost, parallelism, hash_len)
    return hasher.hash(secrets.token_urlsafe(16))


def password_problems(
    password: str, *, email: str | None = None, field: str = "password"
) -> list[FieldError]:
    """What is wrong with a new password, each problem naming the field."""
    if not isinstance(password, str) or not password:
        return [FieldError(field, "is required")]
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"must be at least {MIN_LENGTH} characters long")
    if len(password) > MAX_LENGTH:
        problems.append(f"must be at most {MAX_LENGTH} characters long")
    if password.lower() in COMMON_PASSWORDS:
        problems.append("is one of the most common passwords; choose another")
    elif len(set(password)) < MIN_DISTINCT:
        problems.append(f"must use at least {MIN_DISTINCT} different characters")
    name = (email or "").partition("@")[0].lower()
    if len(name) >= 3 and name in password.lower():
        problems.append("must not contain the name part of the email address")
    return [FieldError(field, message) for message in problems]


def check_password(password: str, *, email: str | None = None, field: str = "password") -> None:
    problems = password_problems(password, email=email, field=field)
    if problems:
        raise ValidationError(problems)


def generate_password(email: str | None = None) -> str:
    """A random password that passes the rules (about 144 bits from `secrets`)."""
    while True:
        candidate = secrets.token_urlsafe(18)
        if not password_problems(candidate, email=email):
            return candidate
