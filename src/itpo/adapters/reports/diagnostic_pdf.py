"""A diagnostic as a PDF the firm can take away: its scores as a spider chart and a table, the
gaps with their reasons, each draft need with its matching offers. Chinese is set in the
standard CID font STSong-Light, as the agendas are."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table, TableStyle

from itpo.adapters.events.agenda_pdf import CHINESE_FONT, CJK, paragraph
from itpo.adapters.reports.diagnostic_words import offer_reasons, words
from itpo.diagnostic.offers import NeedOffers
from itpo.diagnostic.questionnaire import questionnaire
from itpo.diagnostic.services import DiagnosticSheet


def _label_font(text: str, latin: str) -> str:
    if CJK.search(text):
        if CHINESE_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(CHINESE_FONT))
        return CHINESE_FONT
    return latin


def spider_drawing(labels: Sequence[str], bands: Sequence[int], latin: str) -> Drawing:
    """The bands on one spoke per dimension, the scale 0-5 fixed so charts compare."""
    drawing = Drawing(170 * mm, 95 * mm)
    chart = SpiderChart()
    chart.x, chart.y = int(35 * mm), int(8 * mm)
    chart.width = chart.height = int(80 * mm)
    # A second series of fives pins the scale at 5, drawn as the outer ring.
    chart.data = [list(bands), [5] * len(bands)]
    chart.labels = [label[:26] for label in labels]
    chart.strands[0].fillColor = colors.Color(0.04, 0.36, 0.48, alpha=0.3)
    chart.strands[0].strokeColor = colors.HexColor("#0b5c7a")
    chart.strands[1].fillColor = None
    chart.strands[1].strokeColor = colors.lightgrey
    chart.spokeLabels.fontName = _label_font("".join(labels), latin)
    chart.spokeLabels.fontSize = 6.5
    drawing.add(chart)
    return drawing


def diagnostic_pdf(sheet: DiagnosticSheet, offers: Sequence[NeedOffers]) -> bytes:
    d = sheet.diagnostic
    lang = d.language
    w = words(lang)
    form = questionnaire()
    base = getSampleStyleSheet()
    body = ParagraphStyle("diagnostic-body", parent=base["BodyText"])
    h1 = ParagraphStyle("diagnostic-h1", parent=base["Heading1"])
    h2 = ParagraphStyle("diagnostic-h2", parent=base["Heading2"])
    overall = f"{sheet.scores.overall:.1f}" if sheet.scores else "–"
    sector = form.sector(d.sector).name.in_(lang)
    story: list[Flowable] = [
        paragraph(w["title"], h1, "Helvetica-Bold"),
        paragraph(sheet.organisation.name, h2, "Helvetica-Bold"),
        paragraph(
            w["taken"].format(day=d.taken_on, sector=sector, overall=overall), body, "Helvetica"
        ),
    ]
    if sheet.scores is None:
        story.append(paragraph(w["draft"], body, "Helvetica"))
        return _built(story)
    names = [x.name.in_(lang) for x in form.dimensions]
    story += [
        paragraph(w["scores"], h2, "Helvetica-Bold"),
        spider_drawing(names, [d.answers[x.id] for x in form.dimensions], "Helvetica"),
        _scores_table(sheet, body, lang),
        Spacer(1, 4 * mm),
        paragraph(w["gaps"], h2, "Helvetica-Bold"),
    ]
    for rank, g in enumerate(sheet.scores.gaps, start=1):
        line = w["gap"].format(band=g.band, target=g.target, weight=g.weight, priority=g.priority)
        text = f"{rank}. {g.dimension.name.in_(lang)}: {line}. {g.reason.in_(lang)}"
        story.append(paragraph(text, body, "Helvetica"))
    story.append(paragraph(w["needs"], h2, "Helvetica-Bold"))
    for item in offers:
        story.append(paragraph(item.need.title, body, "Helvetica-Bold"))
        story.append(paragraph(item.need.teaser, body, "Helvetica"))
        for o in item.offers:
            why = offer_reasons(o, lang)
            text = w["offer"].format(title=o.hit.title, organisation=o.hit.organisation, why=why)
            story.append(paragraph(f"• {text}", body, "Helvetica"))
        if not item.offers:
            story.append(paragraph(w["no_offers"], body, "Helvetica"))
    story += [Spacer(1, 4 * mm), paragraph(w["footer"], body, "Helvetica")]
    return _built(story)


def _scores_table(sheet: DiagnosticSheet, body: ParagraphStyle, lang: str) -> Table:
    w = words(lang)
    form = questionnaire()
    assert sheet.scores is not None
    rows = [[paragraph(w[k], body, "Helvetica-Bold") for k in ("block", "dimension", "band")]]
    for block in sheet.scores.blocks:
        for dimension, band in block.bands:
            rows.append(
                [
                    paragraph(block.name.in_(lang), body, "Helvetica"),
                    paragraph(dimension.name.in_(lang), body, "Helvetica"),
                    paragraph(str(band), body, "Helvetica"),
                ]
            )
        rows.append(
            [
                paragraph(block.name.in_(lang), body, "Helvetica-Bold"),
                paragraph(w["average"], body, "Helvetica-Bold"),
                paragraph(f"{block.average:.1f}", body, "Helvetica-Bold"),
            ]
        )
    assert len(rows) == len(form.dimensions) + len(form.blocks) + 1
    table = Table(rows, colWidths=[35 * mm, 110 * mm, 20 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.whitesmoke]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _built(story: list[Flowable]) -> bytes:
    out = io.BytesIO()
    SimpleDocTemplate(
        out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm
    ).build(story)
    return out.getvalue()
