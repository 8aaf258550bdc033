"""Checking what people type: each problem names its field, and all are reported at once."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any, TypeVar

from itpo.registry import reference
from itpo.registry.errors import FieldError, ValidationError
from itpo.registry.fields import control_problem

E = TypeVar("E", bound=StrEnum)

# Deliberately loose: one @, no spaces, a dot in the domain. Whether mail arrives is for the
# mail server to say; a stricter pattern only refuses real addresses.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
MAX_EMAIL = 254


def normalise_email(value: str) -> str:
    return value.strip().lower()


class Checks:
    """Collects field errors; `done()` raises them together."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, message))

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

    def whole(self, field: str, value: Any, low: int, high: int) -> int | None:
        """A whole number within low..high (a bool is not one); None when it is not."""
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(field, f"must be a whole number, not {value!r}")
            return None
        if not low <= value <= high:
            self.add(field, f"must be within {low}..{high}, not {value}")
            return None
        return value

    def text(self, field: str, value: Any, *, max_length: int, required: bool = True) -> str:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(field, "is required")
            return ""
        if not isinstance(value, str):
            self.add(field, f"must be text, got {type(value).__name__}")
            return ""
        problem = control_problem(value)
        if problem:
            self.add(field, problem)
            return ""
        stripped = value.strip()
        if len(stripped) > max_length:
            self.add(field, f"is {len(stripped)} characters long; at most {max_length} allowed")
        return stripped

    def email(self, value: Any, field: str = "email") -> str:
        text = normalise_email(self.text(field, value, max_length=MAX_EMAIL))
        if text and len(text) <= MAX_EMAIL and not _EMAIL.match(text):
            self.add(field, f"{text!r} is not an email address")
        return text

    def country(self, value: Any, field: str = "country") -> str:
        """An ISO 3166 alpha-3 code; alpha-2 codes are turned into theirs, as in the registry."""
        text = self.text(field, value, max_length=3)
        if text and not reference.is_country(text):
            self.add(field, f"{text!r} is not an ISO 3166 country code")
            return text
        return reference.country(text).code if text else text

    def choice(self, field: str, value: Any, enum: type[E]) -> E | None:
        try:
            return enum(str(value).strip().lower())
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            self.add(field, f"{value!r} is not one of: {allowed}")
            return None

    def choices(self, field: str, values: Iterable[Any], enum: type[E]) -> tuple[E, ...]:
        found = [self.choice(field, value, enum) for value in values]
        return tuple(dict.fromkeys(e for e in found if e is not None))

    def identifier(self, field: str, value: Any, *, required: bool) -> int | None:
        if value is None:
            if required:
                self.add(field, "is required")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.add(field, "must be a positive whole number")
            return None
        return value

    def moment(self, field: str, value: Any) -> dt.datetime | None:
        if value is None:
            return None
        if not isinstance(value, dt.datetime) or value.tzinfo is None:
            self.add(field, "must be a date and time with its time zone")
            return None
        return value

    def paging(self, limit: int | None, offset: int) -> None:
        if limit is not None and limit < 0:
            self.add("limit", "must not be negative")
        if offset < 0:
            self.add("offset", "must not be negative")

    def json_mapping(self, field: str, value: Mapping[str, Any] | None) -> dict[str, Any]:
        if value is None:
            return {}
        try:
            return dict(json.loads(json.dumps(dict(value), allow_nan=False)))
        except (TypeError, ValueError) as error:
            self.add(field, f"must be JSON: {error}")
            return {}
