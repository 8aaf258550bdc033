"""The office's annual report as content every format draws the same way: the highlights, the
headline figures projected and verified apart, the funnel, each breakdown, the month-by-month
trend, the agreements signed, and the methods note (what counts as verified, the exchange
rates used, where the tCO2 figures come from). Names are in the report's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from itpo.adapters.web.i18n import translate
from itpo.adapters.web.labels import LABELS
from itpo.pipeline.results_model import FUNNEL, MEASURES, STEPS
from itpo.pipeline.results_names import (
    DIMENSION_LABELS,
    FUNNEL_LABELS,
    GROUP_LABELS,
    MEASURE_LABELS,
    STEP_LABELS,
)
from itpo.registry import reference

Rows = list[list[str]]
BREAKDOWNS = (
    "region",
    "country_group",
    "country",
    "isic_section",
    "technology_area",
    "sdg",
    "direction",
)


@dataclass(frozen=True)
class Table:
    heading: str
    head: list[str]
    rows: Rows
    note: str = ""


@dataclass(frozen=True)
class ResultsReport:
    """Everything a report shows, its text in one language."""

    language: str
    title: str
    subtitle: str
    highlights: list[str]
    tables: list[Table]
    funnel: list[tuple[str, float]]  # for the funnel chart
    regions: list[tuple[str, float]]  # deals by region, for a bar chart
    months: list[str]
    monthly: dict[str, list[float]]  # series name -> a value a month
    methods: list[str]
    figures: dict[str, tuple[float, float]] = field(default_factory=dict)  # measure -> (p, v)


def text(language: str, message: str, **values: Any) -> str:
    return translate(language, message, **values)


def label(language: str, code: str) -> str:
    return translate(language, LABELS.get(code, code))


def amount(value: float | None, unit: str = "") -> str:
    """Thousands separated, whole for large figures: USD 1,250,000; 40.5 tCO2."""
    if value is None:
        return "–"
    shown = f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:,.1f}"
    return f"{unit} {shown}".strip()


def region_name(english: str, language: str) -> str:
    if language != "zh":
        return english
    for region in reference.region_names():
        if region.name_en == english and region.name_zh:
            return region.name_zh
    return english


def dimension_name(language: str, dimension: str, key: str) -> str:
    """A breakdown's row named for people in the language."""
    try:
        if dimension == "country":
            return reference.country(key).name(language)
        if dimension == "isic_section":
            return f"{key} {reference.isic_title(key, language)}"
        if dimension == "sdg":
            goal = reference.sdg(int(key))
            title = goal.title_zh if language == "zh" and goal.title_zh else goal.title_en
            return f"{goal.number}. {title}"
    except (reference.UnknownCode, ValueError):
        return key
    if dimension == "region":
        return region_name(key, language)
    if dimension == "country_group":
        return text(language, GROUP_LABELS.get(key, key))
    if dimension == "technology_area":
        area = reference.technology_areas().get(key)
        if area is None:
            return key
        return area.name_zh if language == "zh" and area.name_zh else area.name_en
    return label(language, key)


def _sector_note(dimension: str, lang: str) -> str:
    """Chinese ISIC titles are the platform's own translation; the sector table says so."""
    if dimension != "isic_section" or lang != "zh" or reference.isic_zh_is_official():
        return ""
    return text(
        lang,
        "Chinese sector titles are ITPO Exchange's own translation of ISIC Rev.4, not the UN's Chinese edition.",
    )


def _unit(measure: str) -> str:
    return "USD" if measure.startswith("investment") else ""


def build_report(
    results: Mapping[str, Any],
    *,
    office: str | None,
    signed: Sequence[Mapping[str, Any]],
    language: str = "en",
) -> ResultsReport:
    """The report of plain results (`Results.as_dict()`), with the deals signed in the period
    (as `deal_summary_dict` gives them)."""
    lang = language
    period = results["period"]
    start, end = dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"])
    span = (
        str(start.year)
        if (start, end) == (dt.date(start.year, 1, 1), dt.date(start.year, 12, 31))
        else f"{start.isoformat()} – {end.isoformat()}"
    )
    whose = office or text(lang, "Every office")
    measures = {
        name: (
            float(results["measures"].get(name, {}).get("projected", 0.0)),
            float(results["measures"].get(name, {}).get("verified", 0.0)),
        )
        for name in MEASURES
    }
    tables = [
        Table(
            text(lang, "What the deals brought"),
            [text(lang, "Figure"), text(lang, "Projected"), text(lang, "Verified")],
            [
                [text(lang, MEASURE_LABELS[name]), amount(p, _unit(name)), amount(v, _unit(name))]
                for name, (p, v) in measures.items()
            ],
            text(
                lang,
                "Projected and verified figures are summed apart over the same deals. An agreement and what it commits count in the year it was signed; what is realised, jobs and tCO2 in the year it became operational.",
            ),
        ),
        Table(
            text(lang, "From match to operation"),
            [text(lang, "Step"), text(lang, "Count")],
            [
                [text(lang, FUNNEL_LABELS[step]), amount(results["funnel"].get(step, 0))]
                for step in FUNNEL
            ]
            + [
                [
                    text(lang, STEP_LABELS[step]) + " (" + text(lang, "median days") + ")",
                    amount(results["median_days"].get(step)),
                ]
                for step in STEPS
            ],
        ),
        Table(
            text(lang, "Deals by stage and status"),
            [text(lang, "Stage"), text(lang, "Deals")],
            [[label(lang, k), amount(v)] for k, v in results["deals_by_stage"].items()]
            + [[label(lang, k), amount(v)] for k, v in results["deals_by_status"].items()],
        ),
        Table(
            text(lang, "Agreements by type"),
            [text(lang, "Agreement"), text(lang, "Count")],
            [[label(lang, k), amount(v)] for k, v in results["agreements_by_type"].items()],
        ),
        Table(
            text(lang, "Opportunities and matches"),
            [text(lang, "Kind"), text(lang, "Count")],
            [[label(lang, k), amount(v)] for k, v in results["opportunities_by_kind"].items()]
            + [
                [f"{text(lang, 'Matches')}: {label(lang, k)}", amount(v)]
                for k, v in results["matches"].items()
            ],
        ),
    ]
    for dimension in BREAKDOWNS:
        rows = results["breakdowns"].get(dimension, [])
        if not rows:
            continue
        tables.append(
            Table(
                text(lang, DIMENSION_LABELS[dimension]),
                [
                    text(lang, DIMENSION_LABELS[dimension]),
                    text(lang, "Deals"),
                    text(lang, "Agreements"),
                    *[text(lang, MEASURE_LABELS[m]) for m in MEASURES],
                ],
                [
                    [
                        dimension_name(lang, dimension, row["key"]),
                        amount(row["deals"]),
                        amount(row["agreements"]),
                        *[
                            f"{amount(row['measures'].get(m, {}).get('verified', 0.0))} / "
                            f"{amount(row['measures'].get(m, {}).get('projected', 0.0))}"
                            for m in MEASURES
                        ],
                    ]
                    for row in rows
                ],
                text(lang, "Each cell: verified / projected.") + _sector_note(dimension, lang),
            )
        )
    tables.append(
        Table(
            text(lang, "Month by month"),
            [
                text(lang, "Month"),
                text(lang, "Opened"),
                text(lang, "Signed"),
                text(lang, "Operational"),
                text(lang, "Committed (USD)"),
            ],
            [
                [
                    m["month"],
                    amount(m["opened"]),
                    amount(m["signed"]),
                    amount(m["operational"]),
                    f"{amount(m['committed']['verified'])} / {amount(m['committed']['projected'])}",
                ]
                for m in results["monthly"]
            ],
            text(lang, "Committed: verified / projected."),
        )
    )
    tables.append(
        Table(
            text(lang, "Agreements signed"),
            [
                text(lang, "Deal"),
                text(lang, "Agreement"),
                text(lang, "Signed"),
                text(lang, "Committed (USD)"),
                text(lang, "Verification"),
            ],
            [
                [
                    str(deal["title"])
                    + (f" ({text(lang, 'Illustrative')})" if deal.get("illustrative") else ""),
                    label(lang, deal["agreement_type"]) if deal.get("agreement_type") else "–",
                    str(deal.get("signed_on") or "–"),
                    _committed(deal),
                    label(lang, deal["verification"]),
                ]
                for deal in signed
            ],
        )
    )
    regions = sorted(
        (
            (dimension_name(lang, "region", row["key"]), float(row["deals"]))
            for row in results["breakdowns"].get("region", [])
        ),
        key=lambda pair: -pair[1],
    )[:10]
    return ResultsReport(
        language=lang,
        title=text(lang, "Results {period}", period=span) + f" · {whose}",
        subtitle=text(
            lang,
            "Generated {when}. Deals: {n}; with a verified outcome: {verified}.",
            when=str(results["generated_at"])[:16].replace("T", " "),
            n=results["deals"],
            verified=results["verified_deals"],
        ),
        highlights=highlights(results, measures, lang),
        tables=tables,
        funnel=[
            (text(lang, FUNNEL_LABELS[step]), float(results["funnel"].get(step, 0)))
            for step in FUNNEL
        ],
        regions=regions,
        months=[m["month"] for m in results["monthly"]],
        monthly={
            text(lang, "Opened"): [float(m["opened"]) for m in results["monthly"]],
            text(lang, "Signed"): [float(m["signed"]) for m in results["monthly"]],
            text(lang, "Operational"): [float(m["operational"]) for m in results["monthly"]],
        },
        methods=methods(results, lang),
        figures=measures,
    )


def _committed(deal: Mapping[str, Any]) -> str:
    verified = (deal.get("verified") or {}).get("investment_committed_usd")
    projected = (deal.get("projected") or {}).get("investment_committed_usd")
    return f"{amount(verified)} / {amount(projected)}"


def highlights(
    results: Mapping[str, Any], measures: Mapping[str, tuple[float, float]], lang: str
) -> list[str]:
    """The few sentences an annual report opens with, from the figures themselves."""
    found = []
    agreements = sum(results["agreements_by_type"].values())
    committed_p, committed_v = measures["investment_committed"]
    found.append(
        text(
            lang,
            "Agreements signed: {n}, committing USD {verified} verified (USD {projected} projected).",
            n=agreements,
            verified=amount(committed_v),
            projected=amount(committed_p),
        )
    )
    operational = results["funnel"].get("operational", 0)
    if operational:
        found.append(
            text(
                lang,
                "Deals become operational: {n}, with USD {realised} realised, {jobs} new jobs and {tco2} tCO2 a year avoided, verified.",
                n=operational,
                realised=amount(measures["investment_realised"][1]),
                jobs=amount(measures["jobs_new"][1]),
                tco2=amount(measures["tco2_per_year"][1]),
            )
        )
    transfers = measures["technology_transfers"]
    if transfers[0] or transfers[1]:
        found.append(
            text(
                lang,
                "Technology transfers verified: {verified} of {projected} agreed.",
                verified=amount(transfers[1]),
                projected=amount(transfers[0]),
            )
        )
    funnel = results["funnel"]
    found.append(
        text(
            lang,
            "Matches proposed: {proposed}; introductions: {introduced}; agreements they led to: {agreement}.",
            proposed=amount(funnel.get("proposed", 0)),
            introduced=amount(funnel.get("introduced", 0)),
            agreement=amount(funnel.get("agreement", 0)),
        )
    )
    groups = results["breakdowns"].get("country_group", [])
    if groups and results["deals"]:
        reached = max(row["deals"] for row in groups)
        found.append(
            text(
                lang,
                "{n} of {total} deals involve a least developed, landlocked developing or small island developing country.",
                n=reached,
                total=results["deals"],
            )
        )
    days = results["median_days"].get("negotiating_to_signed")
    if days is not None:
        found.append(
            text(lang, "A negotiation took {days} days to signing (median).", days=amount(days))
        )
    return found


def methods(results: Mapping[str, Any], lang: str) -> list[str]:
    rates = results.get("rates") or {}
    shown = ", ".join(f"{code} {rate:g}" for code, rate in sorted(rates.items())) or "–"
    notes = [
        text(
            lang,
            "Verified: a figure counts as verified once an officer other than the one who submitted the outcome checked it against the evidence filed on the deal (signed agreement, registration, press release, site visit or payments). Everything else is projected: what the parties expect.",
        ),
        text(
            lang,
            "When: an agreement, the investment it commits and the technology it transfers count in the period it was signed; investment realised, jobs and tCO2 a year count in the period the deal became operational.",
        ),
        text(lang, "Exchange rates, US dollars per unit: {rates}.", rates=shown),
        text(
            lang,
            "tCO2 a year: as the parties report it and the verifying officer checks it; a deal opened from an investment project with an appraisal takes its projected tCO2 from the appraisal's green impact, computed with the IFI harmonised grid emission factors.",
        ),
    ]
    if results.get("unconverted"):
        notes.append(
            text(
                lang,
                "Left out for want of a rate: {codes}.",
                codes=", ".join(results["unconverted"]),
            )
        )
    if results.get("illustrative_deals"):
        notes.append(
            text(
                lang,
                "{n} of these deals are illustrative demo records, not real outcomes.",
                n=results["illustrative_deals"],
            )
        )
    return notes
