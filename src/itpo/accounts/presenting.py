"""Accounts as plain JSON-ready mappings, for listings and exports; never a secret's digest."""

from __future__ import annotations

import datetime as dt
from typing import Any

from itpo.accounts.model import ApiToken, AuditEntry, Office, User


def _when(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def office_dict(office: Office) -> dict[str, Any]:
    return {
        "id": office.id,
        "name": office.name,
        "country": office.country,
        "city": office.city,
        "created_at": _when(office.created_at),
    }


def user_dict(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "display_name": user.display_name,
        "role": user.role.value,
        "office_id": user.office_id,
        "organisation_id": user.organisation_id,
        "active": user.active,
        "locked_until": _when(user.locked_until),
        "created_at": _when(user.created_at),
        "last_login_at": _when(user.last_login_at),
    }


def token_dict(token: ApiToken) -> dict[str, Any]:
    return {
        "id": token.id,
        "name": token.name,
        "prefix": token.prefix,
        "scopes": [scope.value for scope in token.scopes],
        "created_at": _when(token.created_at),
        "expires_at": _when(token.expires_at),
        "last_used_at": _when(token.last_used_at),
        "revoked_at": _when(token.revoked_at),
        "parent_id": token.parent_id,  # the token it was made with; it ends with that one
    }


def audit_dict(entry: AuditEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": _when(entry.at),
        "actor_id": entry.actor_id,
        "actor": entry.actor_label,
        "action": entry.action,
        "subject_type": entry.subject_type,
        "subject_id": entry.subject_id,
        "ip": entry.ip,
        "detail": dict(entry.detail),
    }
