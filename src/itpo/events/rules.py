"""Who may run an event: the one rule every officer's change and reading of an event checks."""

from __future__ import annotations

from itpo.accounts.access import require_scope
from itpo.accounts.errors import Forbidden
from itpo.accounts.model import Scope
from itpo.accounts.principal import Principal


def require_officer(by: Principal, what: str, scope: Scope = Scope.WRITE) -> None:
    """Officers and administrators, with a token that allows `scope` (writing by default)."""
    require_scope(by, scope)
    if not by.is_staff:
        raise Forbidden(f"only an officer or an administrator may {what}")
