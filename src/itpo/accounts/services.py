"""Every account service in one place, for the adapters: `from itpo.accounts import services`.

Audit entries are written by the services themselves (domain code imports
`itpo.accounts.audit.record`), never by an adapter."""

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
from itpo.accounts.audit import export_audit, list_audit
from itpo.accounts.lockout import LockState, sign_in_locks, unlock_user
from itpo.accounts.login import authenticate
from itpo.accounts.password_change import PasswordChanged, RevokedToken, change_password
from itpo.accounts.resets import (
    IssuedReset,
    finish_password_reset,
    issue_password_reset,
    start_password_reset,
)
from itpo.accounts.sessions import (
    ActiveSession,
    StartedSession,
    end_session,
    resolve_session,
    start_session,
)
from itpo.accounts.users import (
    UserChoices,
    bootstrap_administrator,
    create_office,
    create_user,
    disable_user,
    enable_user,
    get_user,
    has_administrator,
    list_offices,
    list_users,
    organisation_people,
    user_by_email,
    user_choices,
)

__all__ = [
    "ActiveSession",
    "CheckedToken",
    "IssuedReset",
    "IssuedToken",
    "LockState",
    "PasswordChanged",
    "RevokedToken",
    "StartedSession",
    "UserChoices",
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
    "export_audit",
    "finish_password_reset",
    "get_user",
    "has_administrator",
    "issue_password_reset",
    "list_audit",
    "list_offices",
    "list_tokens",
    "list_users",
    "note_token_use",
    "organisation_people",
    "resolve_session",
    "resolve_token",
    "revoke_token",
    "sign_in_locks",
    "start_password_reset",
    "start_session",
    "unlock_user",
    "user_by_email",
    "user_choices",
]
