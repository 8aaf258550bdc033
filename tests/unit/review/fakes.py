"""The accounts' in-memory unit of work with the review history and the outbox beside it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tests.unit.accounts.fakes import FakeAccountsUnitOfWork, Stores

from itpo.mail.model import MailKind, MailState, Message
from itpo.mail.ports import MailQuery
from itpo.registry.queries import Page
from itpo.review.model import ReviewEntry, ReviewStep


@dataclass
class ReviewStores(Stores):
    reviews: list[ReviewEntry] = field(default_factory=list)
    mail: list[Message] = field(default_factory=list)


class FakeReviews:
    def __init__(self, store: list[ReviewEntry]) -> None:
        self.store = store

    def add(self, entry: ReviewEntry) -> int:
        self.store.append(dataclasses.replace(entry, id=len(self.store) + 1))
        return len(self.store)

    def history(self, opportunity_id: int) -> Sequence[ReviewEntry]:
        return [e for e in self.store if e.opportunity_id == opportunity_id]

    def latest(
        self, opportunity_ids: Iterable[int], steps: Iterable[ReviewStep]
    ) -> dict[int, ReviewEntry]:
        ids, kinds = set(opportunity_ids), set(steps)
        return {
            e.opportunity_id: e for e in self.store if e.opportunity_id in ids and e.step in kinds
        }


class FakeOutbox:
    def __init__(self, store: list[Message]) -> None:
        self.store = store

    def add(self, message: Message) -> int | None:
        if message.key is not None and any(m.key == message.key for m in self.store):
            return None
        self.store.append(dataclasses.replace(message, id=len(self.store) + 1))
        return len(self.store)

    def get(self, message_id: int) -> Message | None:
        return next((m for m in self.store if m.id == message_id), None)

    def find(self, query: MailQuery) -> Page[Message]:
        found = [
            m
            for m in self.store
            if (not query.states or m.state in query.states)
            and (not query.kinds or m.kind in query.kinds)
            and (query.to is None or m.to == query.to)
        ]
        end = None if query.limit is None else query.offset + query.limit
        return Page(found[query.offset : end], len(found), query.limit, query.offset)

    def due(self, at: dt.datetime, limit: int) -> list[Message]:
        waiting = [
            m for m in self.store if m.state is MailState.WAITING and m.next_attempt_at <= at
        ]
        return sorted(waiting, key=lambda m: m.next_attempt_at)[:limit]

    def claim(self, message: Message, until: dt.datetime) -> bool:
        stored = self.get(message.id or 0)
        if stored is None or stored.attempts != message.attempts:
            return False
        self.settle(
            dataclasses.replace(stored, next_attempt_at=until, attempts=stored.attempts + 1)
        )
        return True

    def settle(self, message: Message) -> None:
        self.store[:] = [message if m.id == message.id else m for m in self.store]

    def latest(self, kind: MailKind) -> dt.datetime | None:
        return max((m.created_at for m in self.store if m.kind is kind), default=None)


class FakeReviewUnitOfWork(FakeAccountsUnitOfWork):
    def __init__(self) -> None:
        self.committed = ReviewStores()
        self.commits = 0
        self._depth = 0
        self._open(self.committed)

    def _open(self, stores: Stores) -> None:
        super()._open(stores)
        assert isinstance(self.working, ReviewStores)
        self.reviews = FakeReviews(self.working.reviews)
        self.outbox = FakeOutbox(self.working.mail)

    @property
    def saved(self) -> ReviewStores:
        """What the last commit kept."""
        assert isinstance(self.committed, ReviewStores)
        return self.committed
