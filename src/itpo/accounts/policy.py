"""The rules of sign-in and of credentials' lifetimes, built from the settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from itpo.accounts.passwords import Passwords

# Doubling stops well before any cap a setting could ask for; this only keeps numbers small.
MAX_DOUBLINGS = 30


@dataclass(frozen=True)
class AccountPolicy:
    # Consecutive failures on one account from one address lock it for that address.
    lockout_threshold: int = 5
    lockout_minutes: float = 15
    ip_window_minutes: float = 15  # failures from one address are counted over this window
    ip_max_failures: int = 20
    # Failures on one account from every address put it under a back-off for every address;
    # the count starts again after a success, or a window without a failure.
    backoff_threshold: int = 50
    backoff_window_hours: float = 24
    backoff_minutes: float = 1  # the first back-off; each further failure doubles it
    backoff_max_minutes: float = 60
    session_idle_hours: float = 12
    session_max_days: float = 7
    reset_minutes: float = 60
    passwords: Passwords = field(default_factory=Passwords, compare=False)

    @property
    def lockout(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.lockout_minutes)

    @property
    def ip_window(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.ip_window_minutes)

    @property
    def backoff_window(self) -> dt.timedelta:
        return dt.timedelta(hours=self.backoff_window_hours)

    def backoff(self, failures: int) -> dt.timedelta | None:
        """The back-off after this many failures in a row from every address; None below the
        threshold. It doubles with each failure past the threshold, up to its cap."""
        if failures < self.backoff_threshold:
            return None
        doublings = min(failures - self.backoff_threshold, MAX_DOUBLINGS)
        minutes = min(self.backoff_minutes * 2**doublings, self.backoff_max_minutes)
        return dt.timedelta(minutes=minutes)

    @property
    def session_idle(self) -> dt.timedelta:
        return dt.timedelta(hours=self.session_idle_hours)

    @property
    def session_max(self) -> dt.timedelta:
        return dt.timedelta(days=self.session_max_days)

    @property
    def reset_lifetime(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.reset_minutes)


DEFAULT_POLICY = AccountPolicy()
