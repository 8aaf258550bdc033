"""The rules of sign-in and of credentials' lifetimes, built from the settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from itpo.accounts.passwords import Passwords


@dataclass(frozen=True)
class AccountPolicy:
    lockout_threshold: int = 5  # consecutive failures that lock an account
    lockout_minutes: float = 15
    ip_window_minutes: float = 15  # failures from one address are counted over this window
    ip_max_failures: int = 20
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
    def session_idle(self) -> dt.timedelta:
        return dt.timedelta(hours=self.session_idle_hours)

    @property
    def session_max(self) -> dt.timedelta:
        return dt.timedelta(days=self.session_max_days)

    @property
    def reset_lifetime(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.reset_minutes)


DEFAULT_POLICY = AccountPolicy()
