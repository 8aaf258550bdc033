"""Errors of sign-in and permission; bad input raises the registry's ValidationError."""

from __future__ import annotations


class Forbidden(PermissionError):
    """The one asking may not do this."""


class NotAuthenticated(Exception):
    """A session, token or sign-in that is not (or no longer) accepted."""


class LoginRefused(NotAuthenticated):
    """One message for every refusal, so that it never tells whether an email is registered."""

    MESSAGE = (
        "the email or password was not accepted; after repeated failures an account is "
        "locked for a while"
    )

    def __init__(self) -> None:
        super().__init__(self.MESSAGE)


class TooManyAttempts(NotAuthenticated):
    """Too many failed sign-ins from one address (or, to a signed-in user, on their own
    account); says when to try again."""

    def __init__(
        self, retry_after_seconds: int, what: str = "failed sign-ins from this address"
    ) -> None:
        self.retry_after_seconds = retry_after_seconds
        minutes = max(1, -(-retry_after_seconds // 60))
        super().__init__(f"too many {what}; try again in {minutes} min")
