"""The addresses messages point to, from the platform's public address."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True, slots=True)
class SiteLinks:
    base_url: str  # as people reach the platform, e.g. https://exchange.itpo.example

    def _at(self, path: str) -> str:
        return f"{self.base_url.rstrip('/')}{path}"

    def deal(self, deal_id: int) -> str:
        return self._at(f"/deals/{deal_id}")

    def opportunity_edit(self, opportunity_id: int) -> str:
        return self._at(f"/opportunities/{opportunity_id}/edit")

    def opportunity_review(self, opportunity_id: int) -> str:
        return self._at(f"/opportunities/{opportunity_id}/review")

    def opportunity_matches(self, opportunity_id: int) -> str:
        return self._at(f"/opportunities/{opportunity_id}/matches")

    def confirmation(self, token: str) -> str:
        return self._at(f"/confirm/{quote(token, safe='')}")

    def password_reset(self, token: str) -> str:
        return self._at(f"/password-reset?token={quote(token, safe='')}")
