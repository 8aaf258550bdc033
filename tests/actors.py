"""Who acts in tests that set up records through the services: the command line's operator,
who administers (the rules themselves are tested with every kind of asker elsewhere)."""

from __future__ import annotations

from itpo.accounts.principal import Principal

OPERATOR = Principal.system("test operator")
