"""The people a deal names: the officer responsible, and how the log names whoever acted."""

from __future__ import annotations

from itpo.accounts.model import User
from itpo.accounts.principal import Principal
from itpo.pipeline.ports import PipelineUnitOfWork

MAX_LABEL = 300


def staff_user(uow: PipelineUnitOfWork, user_id: int) -> User | None:
    """The user, when it is an active officer or administrator."""
    user = uow.users.get(user_id)
    return user if user is not None and user.active and user.is_staff else None


def label_of(by: Principal) -> str:
    return by.label[:MAX_LABEL]
