"""A diagnostic as one self-contained HTML page to keep or print: scores with an inline SVG
spider chart, the gaps with their reasons, each draft need and its matching offers."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from itpo.adapters.reports.diagnostic_words import offer_reasons, spider_points, words
from itpo.diagnostic.offers import NeedOffers
from itpo.diagnostic.questionnaire import questionnaire
from itpo.diagnostic.services import DiagnosticSheet

STYLE = (
    "body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;max-width:60rem;margin:2rem auto;"
    "padding:0 1rem;color:#1b1b1b}table{border-collapse:collapse;width:100%}"
    "td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left}"
    ".grid{display:flex;flex-wrap:wrap;gap:1rem}.grid>*{flex:1 1 18rem}"
)


def spider_svg(labels: Sequence[str], bands: Sequence[int], size: int = 360) -> str:
    """The bands on sixteen spokes, with rings at each band."""
    c, radius = size / 2, size / 2 - 60
    rings = "".join(
        f'<polygon points="{_points(spider_points([b] * len(bands), radius, c, c))}" '
        'fill="none" stroke="#ccc"/>'
        for b in range(1, 6)
    )
    tips = spider_points([5.6] * len(bands), radius, c, c)
    names = "".join(
        f'<text x="{x}" y="{y}" font-size="9" text-anchor="middle">{escape(label[:22])}</text>'
        for label, (x, y) in zip(labels, tips, strict=True)
    )
    shape = _points(spider_points(bands, radius, c, c))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" '
        f'width="{size}" height="{size}">{rings}'
        f'<polygon points="{shape}" fill="rgba(11,92,122,.25)" stroke="#0b5c7a"/>{names}</svg>'
    )


def _points(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{x},{y}" for x, y in points)


def diagnostic_html(sheet: DiagnosticSheet, offers: Sequence[NeedOffers]) -> str:
    d = sheet.diagnostic
    lang = d.language
    w = words(lang)
    form = questionnaire()
    sector = form.sector(d.sector).name.in_(lang)
    overall = f"{sheet.scores.overall:.1f}" if sheet.scores else "–"
    parts = [
        f'<!doctype html><html lang="{"zh-Hans" if lang == "zh" else "en"}"><head>'
        f'<meta charset="utf-8"><title>{escape(w["title"])}</title><style>{STYLE}</style>'
        f"</head><body><h1>{escape(w['title'])}</h1><h2>{escape(sheet.organisation.name)}</h2>"
        f"<p>{escape(w['taken'].format(day=d.taken_on, sector=sector, overall=overall))}</p>"
    ]
    if sheet.scores is None:
        parts.append(f"<p>{escape(w['draft'])}</p></body></html>")
        return "".join(parts)
    dims = form.dimensions
    rows = "".join(
        f"<tr><td>{escape(form.blocks[[b.id for b in form.blocks].index(x.block)].name.in_(lang))}"
        f"</td><td>{escape(x.name.in_(lang))}</td><td>{d.answers[x.id]}</td></tr>"
        for x in dims
    )
    averages = "".join(
        f"<tr><th colspan=2>{escape(b.name.in_(lang))} · {escape(w['average'])}</th>"
        f"<th>{b.average:.1f}</th></tr>"
        for b in sheet.scores.blocks
    )
    svg = spider_svg([x.name.in_(lang) for x in dims], [d.answers[x.id] for x in dims])
    parts.append(
        f"<h3>{escape(w['scores'])}</h3><div class=grid><div>{svg}</div><table><thead><tr>"
        f"<th>{escape(w['block'])}</th><th>{escape(w['dimension'])}</th>"
        f"<th>{escape(w['band'])}</th></tr></thead><tbody>{rows}{averages}</tbody></table></div>"
    )
    parts.append(f"<h3>{escape(w['gaps'])}</h3><ol>")
    for g in sheet.scores.gaps:
        line = w["gap"].format(band=g.band, target=g.target, weight=g.weight, priority=g.priority)
        parts.append(
            f"<li><strong>{escape(g.dimension.name.in_(lang))}</strong>: {escape(line)}. "
            f"{escape(g.reason.in_(lang))}</li>"
        )
    parts.append(f"</ol><h3>{escape(w['needs'])}</h3>")
    for item in offers:
        parts.append(f"<h4>{escape(item.need.title)}</h4><p>{escape(item.need.teaser)}</p><ul>")
        for o in item.offers:
            why = offer_reasons(o, lang)
            text = w["offer"].format(title=o.hit.title, organisation=o.hit.organisation, why=why)
            parts.append(f"<li>{escape(text)}</li>")
        if not item.offers:
            parts.append(f"<li>{escape(w['no_offers'])}</li>")
        parts.append("</ul>")
    parts.append(f"<footer><small>{escape(w['footer'])}</small></footer></body></html>")
    return "".join(parts)
