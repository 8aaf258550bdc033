"""Who a message about an organisation's record goes to, and in which language."""

from __future__ import annotations

from itpo.accounts.model import User, UserQuery
from itpo.accounts.ports import AccountsUnitOfWork
from itpo.registry.model import Organisation

CHINESE_SPEAKING = frozenset({"CHN", "TWN", "HKG", "MAC", "SGP"})


def members_of(uow: AccountsUnitOfWork, organisation_id: int) -> list[User]:
    """The organisation's active accounts: the people who may act for it."""
    with uow:
        page = uow.users.list(UserQuery(organisation_id=organisation_id, active=True))
    return list(page.items)


def language_of(organisation: Organisation | None) -> str:
    """Chinese for an organisation that works in Chinese, else English."""
    if organisation is None:
        return "en"
    if organisation.languages:
        return "zh" if organisation.languages[0].startswith("zh") else "en"
    return "zh" if organisation.country in CHINESE_SPEAKING else "en"
