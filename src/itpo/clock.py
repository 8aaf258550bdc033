"""The one clock. Every moment the platform stores or compares is UTC and is read through a
`Clock`, so a test fixes the day by passing one instead of waiting for the calendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    """Now, in UTC: the platform's default clock."""
    return dt.datetime.now(dt.UTC)


def fixed_clock(moment: dt.datetime) -> Clock:
    """A clock that always answers `moment` (which must carry its time zone)."""
    if moment.tzinfo is None:
        raise ValueError("a fixed clock needs an aware moment, e.g. 2026-12-04T09:00:00+00:00")
    at = moment.astimezone(dt.UTC)
    return lambda: at


def today(clock: Clock = utc_now) -> dt.date:
    """The clock's day in UTC, the day validity dates are compared with."""
    return clock().astimezone(dt.UTC).date()
