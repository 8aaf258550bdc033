"""Addresses the platform shows people, as they reached it: a party's confirmation link."""

from __future__ import annotations

from itpo.mail.links import SiteLinks


def confirmation_link(base_url: str, token: str) -> str:
    """The page where a party confirms a deal's outcome through its single-use link."""
    return SiteLinks(base_url).confirmation(token)
