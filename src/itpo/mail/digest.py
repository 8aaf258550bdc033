"""The digest of new matches: to each organisation's people, what matching found for its
opportunities since the last digest went out (counterparts by title and kind, never by owner:
who is behind a record is disclosed only through an introduction)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Protocol

from itpo.accounts.principal import Principal, require_administrator
from itpo.clock import Clock, utc_now
from itpo.mail.letters import DigestItem, digest_letter
from itpo.mail.links import SiteLinks
from itpo.mail.model import MailKind
from itpo.mail.outbox import queue
from itpo.mail.ports import MailUnitOfWork
from itpo.mail.recipients import language_of, members_of
from itpo.matching.decisions import MatchState
from itpo.matching.tracking import MatchingUnitOfWork
from itpo.registry.model import Opportunity

# The first digest looks back this far; later ones start where the last one ended.
FIRST_LOOK_BACK = dt.timedelta(days=7)
MOST_MATCHES = 10_000  # read per run: a digest is a summary, not an export
MOST_LISTED = 10  # counterparts listed per opportunity; the page has the rest


class DigestUnitOfWork(MatchingUnitOfWork, MailUnitOfWork, Protocol):
    """Matches and the registry read, the outbox written, in one transaction."""


@dataclass(frozen=True, slots=True)
class Digested:
    messages: int = 0
    matches: int = 0
    since: dt.datetime | None = None

    def as_dict(self) -> dict[str, object]:
        since = self.since.isoformat() if self.since else None
        return {"messages": self.messages, "matches": self.matches, "since": since}


def send_digests(
    *, uow: DigestUnitOfWork, by: Principal, links: SiteLinks, now: Clock = utc_now
) -> Digested:
    """Queue one digest per person whose organisation's opportunities have new matches."""
    require_administrator(by)
    at = now()
    with uow:
        since = uow.outbox.latest(MailKind.MATCH_DIGEST) or at - FIRST_LOOK_BACK
        found = uow.matches.find(
            opportunity_id=None,
            states=(MatchState.PROPOSED, MatchState.SHORTLISTED, MatchState.INTERESTED),
            limit=MOST_MATCHES,
            offset=0,
            created_since=since,
        ).items
        sides = {i for match in found for i in (match.first_id, match.second_id)}
        records = uow.opportunities.get_many(sides)
        new: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for match in found:
            for side in (match.first_id, match.second_id):
                new[side].append((match.score, match.counterpart(side)))
        by_owner: dict[int, list[DigestItem]] = defaultdict(list)
        for opportunity_id, found_for in sorted(new.items()):
            record = records.get(opportunity_id)
            if record is None:
                continue
            best = sorted(found_for, reverse=True)[:MOST_LISTED]
            listed = [_described(records.get(other), score) for score, other in best]
            by_owner[record.organisation_id].append(
                DigestItem(record.title, links.opportunity_matches(opportunity_id), listed)
            )
        messages = 0
        for organisation_id, items in sorted(by_owner.items()):
            lang = language_of(uow.organisations.get(organisation_id))
            for person in members_of(uow, organisation_id):
                letter = digest_letter(lang=lang, name=person.display_name, items=items)
                added = queue(
                    uow,
                    kind=MailKind.MATCH_DIGEST,
                    to=person.email,
                    letter=letter,
                    at=at,
                    key=f"digest:{person.id}:{since.isoformat()}",
                    subject_type="organisation",
                    subject_id=organisation_id,
                )
                messages += added is not None
        uow.commit()
    return Digested(messages=messages, matches=len(found), since=since)


def _described(counterpart: Opportunity | None, score: float) -> str:
    if counterpart is None:
        return f"a record no longer listed (score {score:.2f})"
    kind = counterpart.kind.value.replace("_", " ")
    return f"{counterpart.title} ({kind}, score {score:.2f})"
