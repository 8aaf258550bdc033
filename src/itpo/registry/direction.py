"""Direction of exchange, derived from where the parties are rather than typed by anyone."""

from __future__ import annotations

from collections.abc import Iterable

from itpo.registry import reference
from itpo.registry.model import Direction


def is_developing(country_code: str) -> bool:
    """Not classed high-income by the World Bank (unknown income counts as developing)."""
    income = reference.country(country_code).income_level
    return income != "high"


def direction(organisation_country: str, countries: Iterable[str], *, home: str) -> Direction:
    """Direction of an opportunity as seen from the office's home country."""
    places = set(countries)
    if organisation_country == home:
        return Direction.DOMESTIC if places <= {home} and places else Direction.OUTBOUND
    if home in places:
        return Direction.INBOUND
    involved = places | {organisation_country}
    if all(is_developing(code) for code in involved):
        return Direction.SOUTH_SOUTH
    return Direction.INTERNATIONAL
