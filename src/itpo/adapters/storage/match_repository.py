"""SQLAlchemy Core repositories of matches, their decisions, and the scoring weights."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from itpo.adapters.storage.match_tables import match_decision, opportunity_match, scoring_weights
from itpo.adapters.storage.tables import opportunity
from itpo.matching.decisions import Decision, Match, MatchState, Verdict
from itpo.matching.tracking import StoredWeights
from itpo.matching.weights import ScoringWeights
from itpo.registry.queries import Page


def _match(row: sa.Row[Any], decisions: Sequence[Decision] = ()) -> Match:
    m = row._mapping
    return Match(
        id=m["id"],
        first_id=m["first_id"],
        second_id=m["second_id"],
        score=m["score"],
        components=dict(m["components"]),
        weights_version=m["weights_version"],
        state=MatchState(m["state"]),
        created_at=m["created_at"],
        updated_at=m["updated_at"],
        decisions=tuple(decisions),
    )


def _decision(row: sa.Row[Any]) -> Decision:
    m = row._mapping
    return Decision(
        id=m["id"],
        verdict=Verdict(m["verdict"]),
        side=m["side"],
        reason=m["reason"],
        components=dict(m["components"]),
        weights_version=m["weights_version"],
        decided_at=m["decided_at"],
        decided_by_id=m["decided_by_id"],
        decided_by=m["decided_by"],
    )


def _values(match: Match) -> dict[str, Any]:
    return {
        "first_id": match.first_id,
        "second_id": match.second_id,
        "score": match.score,
        "components": dict(match.components),
        "weights_version": match.weights_version,
        "state": match.state.value,
        "created_at": match.created_at,
        "updated_at": match.updated_at,
    }


def _insert_new(connection: sa.Connection) -> Any:
    """An insert of a pair that does nothing when the pair exists, in the backend's dialect."""
    pair = ["first_id", "second_id"]
    if connection.dialect.name == "postgresql":
        return postgresql.insert(opportunity_match).on_conflict_do_nothing(index_elements=pair)
    return sqlite.insert(opportunity_match).on_conflict_do_nothing(index_elements=pair)


class SqlMatchRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def for_opportunity(self, opportunity_id: int) -> dict[int, Match]:
        """The stored matches of one opportunity by counterpart id (without their decisions)."""
        c = opportunity_match.c
        query = sa.select(opportunity_match).where(
            sa.or_(c.first_id == opportunity_id, c.second_id == opportunity_id)
        )
        found = (_match(row) for row in self.connection.execute(query))
        return {match.counterpart(opportunity_id): match for match in found}

    def save_many(self, matches: Sequence[Match]) -> list[int]:
        """Insert new pairs, update the score of known ones; the ids in the order given.

        Two requests may find the same new pair at once: the second insert yields to the
        first (ON CONFLICT DO NOTHING) and both get the one record's id."""
        ids = []
        for match in matches:
            values = _values(match)
            if match.id is None:
                self.connection.execute(_insert_new(self.connection).values(values))
                c = opportunity_match.c
                found = self.connection.execute(
                    sa.select(c.id).where(
                        c.first_id == match.first_id, c.second_id == match.second_id
                    )
                ).scalar_one()
                ids.append(int(found))
            else:
                kept = ("score", "components", "weights_version", "updated_at")
                self.connection.execute(
                    sa.update(opportunity_match)
                    .where(opportunity_match.c.id == match.id)
                    .values({name: values[name] for name in kept})
                )
                ids.append(match.id)
        return ids

    def get(self, match_id: int) -> Match | None:
        row = self.connection.execute(
            sa.select(opportunity_match).where(opportunity_match.c.id == match_id)
        ).first()
        if row is None:
            return None
        query = (
            sa.select(match_decision)
            .where(match_decision.c.match_id == match_id)
            .order_by(match_decision.c.decided_at, match_decision.c.id)
        )
        return _match(row, [_decision(r) for r in self.connection.execute(query)])

    def add_decision(self, match_id: int, decision: Decision, state: MatchState) -> int:
        result = self.connection.execute(
            sa.insert(match_decision).values(
                match_id=match_id,
                side=decision.side,
                verdict=decision.verdict.value,
                reason=decision.reason,
                components=dict(decision.components),
                weights_version=decision.weights_version,
                decided_at=decision.decided_at,
                decided_by_id=decision.decided_by_id,
                decided_by=decision.decided_by,
            )
        )
        self.connection.execute(
            sa.update(opportunity_match)
            .where(opportunity_match.c.id == match_id)
            .values(state=state.value, updated_at=decision.decided_at)
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])

    def find(
        self,
        *,
        opportunity_id: int | None,
        states: Collection[MatchState],
        limit: int,
        offset: int,
        organisation_id: int | None = None,
        created_since: dt.datetime | None = None,
    ) -> Page[Match]:
        c = opportunity_match.c
        conditions = []
        if created_since is not None:
            conditions.append(c.created_at > created_since)
        if opportunity_id is not None:
            conditions.append(sa.or_(c.first_id == opportunity_id, c.second_id == opportunity_id))
        if organisation_id is not None:
            owned = sa.select(opportunity.c.id).where(
                opportunity.c.organisation_id == organisation_id
            )
            conditions.append(sa.or_(c.first_id.in_(owned), c.second_id.in_(owned)))
        if states:
            conditions.append(c.state.in_([state.value for state in states]))
        where = sa.and_(sa.true(), *conditions)
        total = self.connection.execute(
            sa.select(sa.func.count()).select_from(opportunity_match).where(where)
        ).scalar_one()
        rows = list(
            self.connection.execute(
                sa.select(opportunity_match)
                .where(where)
                .order_by(c.updated_at.desc(), c.id.desc())
                .limit(limit)
                .offset(offset)
            )
        )
        decisions = self._decisions_of([row._mapping["id"] for row in rows])
        items = [_match(row, decisions.get(row._mapping["id"], [])) for row in rows]
        return Page(items=items, total=int(total), limit=limit, offset=offset)

    def _decisions_of(self, match_ids: Sequence[int]) -> dict[int, list[Decision]]:
        found: dict[int, list[Decision]] = defaultdict(list)
        if not match_ids:
            return found
        query = (
            sa.select(match_decision)
            .where(match_decision.c.match_id.in_(match_ids))
            .order_by(match_decision.c.decided_at, match_decision.c.id)
        )
        for row in self.connection.execute(query):
            found[row._mapping["match_id"]].append(_decision(row))
        return found

    def introduced_counterparts(self, organisation_id: int) -> set[int]:
        """Opportunities of others that an organisation's opportunities were introduced to."""
        c = opportunity_match.c
        owned = sa.select(opportunity.c.id).where(opportunity.c.organisation_id == organisation_id)
        introduced = c.state == MatchState.INTRODUCED.value
        query = sa.union(
            sa.select(c.second_id).where(introduced, c.first_id.in_(owned)),
            sa.select(c.first_id).where(introduced, c.second_id.in_(owned)),
        )
        return {int(row[0]) for row in self.connection.execute(query)}

    def decisions(self) -> list[tuple[int, Decision]]:
        query = sa.select(match_decision).order_by(match_decision.c.id)
        return [
            (row._mapping["match_id"], _decision(row)) for row in self.connection.execute(query)
        ]


class SqlWeightsRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def current(self) -> StoredWeights | None:
        query = sa.select(scoring_weights).order_by(scoring_weights.c.version.desc()).limit(1)
        row = self.connection.execute(query).first()
        return _weights(row) if row is not None else None

    def add(self, stored: StoredWeights) -> None:
        self.connection.execute(
            sa.insert(scoring_weights).values(
                version=stored.weights.version,
                weights=dict(stored.weights.values),
                decisions=stored.decisions,
                note=stored.note,
                created_at=stored.created_at,
            )
        )

    def history(self) -> list[StoredWeights]:
        query = sa.select(scoring_weights).order_by(scoring_weights.c.version)
        return [_weights(row) for row in self.connection.execute(query)]


def _weights(row: sa.Row[Any]) -> StoredWeights:
    m = row._mapping
    return StoredWeights(
        weights=ScoringWeights(dict(m["weights"]), m["version"]),
        decisions=m["decisions"],
        note=m["note"],
        created_at=m["created_at"],
    )
