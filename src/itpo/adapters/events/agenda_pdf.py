"""An agenda as a one-page PDF to print or carry: the event, the participant, and a table of
its meetings (time in the event's zone, table, with whom). Text with Chinese in it is set in
the standard CID font STSong-Light, which every PDF reader carries."""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from itpo.events.agenda import Agenda

CHINESE_FONT = "STSong-Light"
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
WORDS = {
    "en": {
        "time": "Time",
        "table": "Table",
        "with": "With",
        "none": "No meeting scheduled yet.",
        "zone": "Times in {zone}.",
    },
    "zh": {
        "time": "时间",
        "table": "桌号",
        "with": "会谈对象",
        "none": "尚无安排的会谈。",
        "zone": "时间为 {zone} 时区。",
    },
}


def _font(text: str, latin: str) -> str:
    if CJK.search(text):
        if CHINESE_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(CHINESE_FONT))
        return CHINESE_FONT
    return latin


def paragraph(text: str, style: ParagraphStyle, latin: str) -> Paragraph:
    chosen = ParagraphStyle(f"{style.name}-{latin}", parent=style, fontName=_font(text, latin))
    return Paragraph(escape(text), chosen)


def agenda_pdf(agenda: Agenda, language: str = "en") -> bytes:
    words = WORDS["zh" if language == "zh" else "en"]
    base = getSampleStyleSheet()
    body = ParagraphStyle("agenda-body", parent=base["BodyText"])
    heading = ParagraphStyle("agenda-heading", parent=base["Heading1"])
    story = [
        paragraph(agenda.event, heading, "Helvetica-Bold"),
        paragraph(f"{agenda.participant} · {agenda.place}", body, "Helvetica"),
        paragraph(words["zone"].format(zone=agenda.time_zone), body, "Helvetica"),
        Spacer(1, 5 * mm),
    ]
    if not agenda.items:
        story.append(paragraph(words["none"], body, "Helvetica"))
    else:
        rows = [[paragraph(words[k], body, "Helvetica-Bold") for k in ("time", "table", "with")]]
        for item in agenda.items:
            when = f"{item.start:%a %d %b %H:%M}–{item.end:%H:%M}"
            rows.append(
                [
                    paragraph(when, body, "Helvetica"),
                    paragraph(str(item.table + 1), body, "Helvetica"),
                    paragraph(item.counterpart, body, "Helvetica"),
                ]
            )
        table = Table(rows, colWidths=[55 * mm, 18 * mm, 100 * mm], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.whitesmoke]),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    out = io.BytesIO()
    SimpleDocTemplate(
        out, pagesize=A4, title=f"{agenda.event}: {agenda.participant}", author="ITPO Exchange"
    ).build(story)
    return out.getvalue()
