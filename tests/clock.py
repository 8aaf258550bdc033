"""The day the tests live on: a fixed moment, so nothing they check moves with the calendar
(records valid "until next year" stay valid, matches stay fresh)."""

from __future__ import annotations

import datetime as dt

from itpo.clock import fixed_clock

TEST_MOMENT = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC)
TEST_DAY = TEST_MOMENT.date()
TEST_CLOCK = fixed_clock(TEST_MOMENT)
