"""`itpo reference ...`: the code lists records use."""

from __future__ import annotations

from typing import Any

import click

from itpo.adapters.cli.context import clean_errors
from itpo.adapters.cli.output import print_json, print_table

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


def _show(
    rows: list[dict[str, Any]], columns: list[tuple[str, str, int | None]], as_json: bool
) -> None:
    print_json(rows) if as_json else print_table(rows, columns)


@click.group("reference")
def reference_group() -> None:
    """Reference data: countries, regions, ISIC, SDGs, TRL, currencies, technology areas."""


@reference_group.command("countries")
@click.option("--region", help="Only countries in this region, sub-region or group (LDC).")
@json_option
@clean_errors
def countries(region: str | None, as_json: bool) -> None:
    """ISO 3166 countries with UN regions and development groups."""
    from itpo.registry import reference

    members = reference.countries_in_region(region) if region else None
    rows = [
        {
            "code": c.code,
            "name": c.name_en,
            "name_zh": c.name_zh,
            "region": c.region_en,
            "subregion": c.subregion_en,
            "ldc": c.ldc,
            "lldc": c.lldc,
            "sids": c.sids,
            "income_level": c.income_level,
            "currency": c.currency,
        }
        for c in reference.countries().values()
        if members is None or c.code in members
    ]
    _show(
        rows,
        [
            ("code", "code", 4),
            ("name", "name", 40),
            ("name_zh", "中文", 16),
            ("subregion", "sub-region", 28),
            ("income_level", "income", 12),
        ],
        as_json,
    )


@reference_group.command("regions")
@json_option
def regions(as_json: bool) -> None:
    """UN M49 regions and sub-regions, and the LDC / LLDC / SIDS groups."""
    from itpo.registry import reference

    rows = [
        {
            "code": r.code,
            "level": r.level,
            "name": r.name_en,
            "name_zh": r.name_zh,
            "countries": len(r.countries),
        }
        for r in reference.region_names()
    ]
    _show(
        rows,
        [
            ("code", "code", 5),
            ("level", "level", 12),
            ("name", "name", 40),
            ("name_zh", "中文", 16),
            ("countries", "countries", 9),
        ],
        as_json,
    )


@reference_group.command("isic")
@click.option("--level", type=click.Choice(["section", "division", "group", "class"]))
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default="en",
    show_default=True,
    help="Title shown in the table: the UN's English, or ITPO Exchange's Chinese translation.",
)
@json_option
def isic(level: str | None, lang: str, as_json: bool) -> None:
    """ISIC Rev.4 sections, divisions, groups and classes."""
    from itpo.registry import reference

    rows = [
        {
            "code": e.code,
            "level": e.level,
            "title": e.title_en,
            "title_zh": e.title_zh,
            "parent": e.parent,
        }
        for e in reference.isic().values()
        if level is None or e.level == level
    ]
    title = ("title_zh", "中文", 50) if lang == "zh" else ("title", "title", 80)
    _show(rows, [("code", "code", 5), ("level", "level", 9), title], as_json)
    if lang == "zh" and not as_json and not reference.isic_zh_is_official():
        click.echo("中文行业名称为 ITPO Exchange 对 ISIC 第4版的自行翻译，并非联合国官方中文版。")


@reference_group.command("sdgs")
@json_option
def sdgs(as_json: bool) -> None:
    """The 17 Sustainable Development Goals."""
    from itpo.registry import reference

    rows = [
        {"number": s.number, "title": s.title_en, "title_zh": s.title_zh} for s in reference.sdgs()
    ]
    _show(rows, [("number", "goal", 4), ("title", "title", 50), ("title_zh", "中文", 24)], as_json)


@reference_group.command("trl")
@json_option
def trl(as_json: bool) -> None:
    """Technology readiness levels 1-9."""
    from itpo.registry import reference

    rows = [
        {
            "level": t.level,
            "title": t.title_en,
            "title_zh": t.title_zh,
            "description": t.description_en,
        }
        for t in reference.trl_levels()
    ]
    _show(
        rows,
        [("level", "TRL", 3), ("title", "title", 40), ("description", "description", 70)],
        as_json,
    )


@reference_group.command("currencies")
@json_option
def currencies(as_json: bool) -> None:
    """ISO 4217 currencies."""
    from itpo.registry import reference

    rows = [
        {"code": c.code, "name": c.name, "minor_unit": c.minor_unit}
        for c in reference.currencies().values()
    ]
    _show(rows, [("code", "code", 4), ("name", "name", 50)], as_json)


@reference_group.command("areas")
@json_option
def areas(as_json: bool) -> None:
    """Technology areas: green and AI-for-manufacturing first."""
    from itpo.registry import reference

    rows = [
        {
            "code": a.code,
            "name": a.name_en,
            "name_zh": a.name_zh,
            "green": a.green,
            "ai_manufacturing": a.ai_manufacturing,
        }
        for a in reference.technology_areas().values()
    ]
    _show(rows, [("code", "code", 40), ("name", "name", 44), ("name_zh", "中文", 16)], as_json)
