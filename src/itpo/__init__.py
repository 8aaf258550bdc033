"""ITPO Exchange: two-way investment and technology exchange."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from itpo.bootstrap import Platform

__version__ = "0.1.0"


def connect(database_url: str | None = None, **settings: Any) -> Platform:
    """The platform over a prepared database (default: the configured one), for library use."""
    from itpo.bootstrap import bootstrap
    from itpo.config import Settings

    if database_url is not None:
        settings["database_url"] = database_url
    return bootstrap(Settings(**settings))
