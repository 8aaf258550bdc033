"""What review needs from storage, as protocols."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from itpo.mail.ports import MailUnitOfWork
from itpo.review.model import ReviewEntry, ReviewStep


class ReviewRepository(Protocol):
    def add(self, entry: ReviewEntry) -> int: ...
    def history(self, opportunity_id: int) -> Sequence[ReviewEntry]:
        """The profile's review steps, oldest first."""
        ...

    def latest(
        self, opportunity_ids: Iterable[int], steps: Iterable[ReviewStep]
    ) -> dict[int, ReviewEntry]:
        """Each profile's latest step among `steps`, for those that have one."""
        ...


class ReviewUnitOfWork(MailUnitOfWork, Protocol):
    @property
    def reviews(self) -> ReviewRepository: ...
