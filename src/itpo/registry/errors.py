"""Errors the registry reports: every one names the field, and the row when there is one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str
    row: int | None = None
    section: str | None = None

    def __str__(self) -> str:
        where = " ".join(filter(None, [self.section, f"row {self.row}" if self.row else None]))
        return (
            f"{where}, {self.field}: {self.message}" if where else f"{self.field}: {self.message}"
        )


class ValidationError(ValueError):
    """One or more fields are invalid; nothing was written."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors[:5]) + _more(len(errors)))


class NotFound(LookupError):
    """The record asked for does not exist."""

    def __init__(self, what: str, key: object) -> None:
        self.what = what
        self.key = key
        super().__init__(f"{what} {key!r} not found")


class Conflict(ValueError):
    """The change would break a rule that involves other records."""


def _more(count: int) -> str:
    return f" (and {count - 5} more)" if count > 5 else ""
