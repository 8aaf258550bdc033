"""Random credentials: API tokens, session ids, CSRF secrets and password-reset tokens.

Each carries 256 bits from `secrets` and is stored only as its SHA-256 digest. A slow hash
(argon2) protects passwords because people choose guessable ones; nobody can guess 256 random
bits, so a fast digest already makes a stolen table useless, and it lets every request find
its token or session by an indexed lookup instead of an argon2 run.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

TOKEN_PREFIX = "itpo_"
SECRET_BYTES = 32
SHOWN_PREFIX = 12  # "itpo_" and seven random characters, enough to tell tokens apart


def new_secret() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


def new_api_token() -> str:
    return TOKEN_PREFIX + new_secret()


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def shown_prefix(token: str) -> str:
    return token[:SHOWN_PREFIX]


def same_secret(given: str | None, expected: str) -> bool:
    """Compare in constant time, so the answer's timing leaks nothing of the secret."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())
