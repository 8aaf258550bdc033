"""Every account service in one place, for the adapters: `from itpo.accounts import services`."""

from __future__ import annotations

from itpo.accounts.api_tokens import (
    CheckedToken,
    IssuedToken,
    check_token,
    create_token,
    list_tokens,
    note_token_use,
    resolve_token,
    revoke_token,
)
from itpo.accounts.audit import list_audit, record
from itpo.accounts.login import authenticate
from itpo.accounts.resets import IssuedReset, finish_password_reset, start_password_reset
from itpo.accounts.sessions import (
    ActiveSession,
    StartedSession,
    end_session,
    resolve_session,
    start_session,
)
from itpo.accounts.users import (
    bootstrap_administrator,
    change_password,
    create_office,
    create_user,
    disable_user,
    enable_user,
    get_user,
    has_administrator,
    list_offices,
    list_users,
    user_by_email,
)

__all__ = [
    "ActiveSession",
    "CheckedToken",
    "IssuedReset",
    "IssuedToken",
    "StartedSession",
    "authenticate",
    "bootstrap_administrator",
    "change_password",
    "check_token",
    "create_office",
    "create_token",
    "create_user",
    "disable_user",
    "enable_user",
    "end_session",
    "finish_password_reset",
    "get_user",
    "has_administrator",
    "list_audit",
    "list_offices",
    "list_tokens",
    "list_users",
    "note_token_use",
    "record",
    "resolve_session",
    "resolve_token",
    "revoke_token",
    "start_password_reset",
    "start_session",
    "user_by_email",
]
