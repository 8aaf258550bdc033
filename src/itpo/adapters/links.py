"""Addresses the platform sends people: a party's confirmation link."""

from __future__ import annotations

from urllib.parse import quote


def confirmation_link(base_url: str, token: str) -> str:
    """The page where a party confirms a deal's outcome through its single-use link."""
    return f"{base_url.rstrip('/')}/confirm/{quote(token, safe='')}"
