"""`itpo organisations ...` and `itpo opportunities ...`: list and show."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console, print_json, print_record, print_table

F = TypeVar("F", bound=Callable[..., Any])

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
limit_option = click.option("--limit", type=int, help="Print at most this many (default: all).")
offset_option = click.option("--offset", type=int, default=0, help="Skip this many first.")


def many(name: str, help_text: str) -> Callable[[F], F]:
    return click.option(
        f"--{name}", multiple=True, help=help_text + " Repeat or separate with commas."
    )


@click.group()
def organisations() -> None:
    """Organisations: companies, investors, agencies, research bodies."""


@organisations.command("list")
@many(
    "kind", "Organisation kind (company, investor, public_agency, research, ngo, promotion_agency)."
)
@many("country", "ISO country code (KEN, CHN).")
@many("region", "UN M49 region or sub-region name or code, or LDC / LLDC / SIDS.")
@click.option("--q", help="Text in the name or description.")
@limit_option
@offset_option
@json_option
@pass_state
@clean_errors
def list_organisations(
    state: CliState,
    kind: tuple[str, ...],
    country: tuple[str, ...],
    region: tuple[str, ...],
    q: str | None,
    limit: int | None,
    offset: int,
    as_json: bool,
) -> None:
    """List organisations matching every filter given."""
    from itpo.registry import reading
    from itpo.registry.filters import organisation_query

    query = organisation_query(
        kind=kind, country=country, region=region, q=q, limit=limit, offset=offset
    )
    platform = state.platform()
    page = reading.organisation_profiles(uow=platform.uow(), by=state.operator, query=query)
    rows = list(page.items)
    if as_json:
        print_json(rows)
        return
    print_table(
        rows,
        [
            ("id", "id", 6),
            ("name", "name", 48),
            ("kind", "kind", 16),
            ("country", "country", 7),
            ("city", "city", 16),
        ],
        title=f"{len(rows)} of {page.total} organisations",
    )


@organisations.command("show")
@click.argument("organisation_id", type=int)
@json_option
@pass_state
@clean_errors
def show_organisation(state: CliState, organisation_id: int, as_json: bool) -> None:
    """Show one organisation."""
    from itpo.registry import reading

    platform = state.platform()
    record = reading.organisation_profile(
        uow=platform.uow(), by=state.operator, organisation_id=organisation_id
    )
    print_json(record) if as_json else print_record(record)


@click.group()
def opportunities() -> None:
    """Opportunities: technology offers and needs, investment projects and mandates."""


@opportunities.command("list")
@many("kind", "technology_offer, technology_need, investment_project or investment_mandate.")
@many("country", "ISO country code (KEN, CHN).")
@many("region", "UN M49 region or sub-region name or code, or LDC / LLDC / SIDS.")
@many(
    "isic", "ISIC Rev.4 code at any level: section (C), division (10), group (107), class (1079)."
)
@many("sdg", "Sustainable Development Goal number, 1-17.")
@many("area", "Technology area (green.solar_pv) or family (green).")
@many("status", "draft, in_review, published, expired or closed.")
@click.option("--q", help="Text in the title or teaser.")
@click.option("--organisation", "organisation_id", type=int, help="Only this organisation's.")
@limit_option
@offset_option
@json_option
@pass_state
@clean_errors
def list_opportunities(
    state: CliState,
    kind: tuple[str, ...],
    country: tuple[str, ...],
    region: tuple[str, ...],
    isic: tuple[str, ...],
    sdg: tuple[str, ...],
    area: tuple[str, ...],
    status: tuple[str, ...],
    q: str | None,
    organisation_id: int | None,
    limit: int | None,
    offset: int,
    as_json: bool,
) -> None:
    """List opportunities matching every filter given."""
    from itpo.registry import reading
    from itpo.registry.filters import opportunity_query

    query = opportunity_query(
        kind=kind,
        country=country,
        region=region,
        isic=isic,
        sdg=sdg,
        area=area,
        status=status,
        q=q,
        organisation_id=organisation_id,
        limit=limit,
        offset=offset,
    )
    platform = state.platform()
    # The table shows no restricted detail; --json prints every field, and is audited for it.
    depth = reading.Depth.FULL if as_json else reading.Depth.SUMMARY
    page = reading.view_opportunities(
        uow=platform.uow(),
        by=state.operator,
        query=query,
        home=platform.settings.home_country,
        depth=depth,
        now=platform.clock,
    )
    rows = [dict(view.values) for view in page.items]
    if as_json:
        print_json(rows)
        return
    print_table(
        rows,
        [
            ("id", "id", 6),
            ("kind", "kind", 18),
            ("title", "title", 56),
            ("countries", "countries", 16),
            ("status", "status", 9),
        ],
        title=f"{len(rows)} of {page.total} opportunities",
    )


@opportunities.command("show")
@click.argument("opportunity_id", type=int)
@json_option
@pass_state
@clean_errors
def show_opportunity(state: CliState, opportunity_id: int, as_json: bool) -> None:
    """Show one opportunity."""
    from itpo.registry import reading

    platform = state.platform()
    view = reading.view_opportunity(
        uow=platform.uow(),
        by=state.operator,
        opportunity_id=opportunity_id,
        home=platform.settings.home_country,
        now=platform.clock,
    )
    record = dict(view.values)
    print_json(record) if as_json else print_record(record)


@opportunities.command("expire")
@pass_state
@clean_errors
def expire_opportunities(state: CliState) -> None:
    """Mark published opportunities past their valid-until date as expired."""
    from itpo.registry import services

    platform = state.platform()
    count = services.expire_overdue(
        uow=platform.uow(immediate=True),
        by=state.operator,
        today=platform.today(),
        now=platform.clock,
    )
    console.print(f"{count} opportunities expired.")
