"""The table plan: for each slot, which two organisations sit at which table, to print for the
hall and the welcome desk (landscape A4, Chinese names in STSong-Light)."""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table, TableStyle

from itpo.adapters.events.agenda_pdf import paragraph
from itpo.events.model import Event, EventMeeting
from itpo.events.timetable import Slot

WORDS = {
    "en": {"table": "Table", "slot": "{start}–{end}", "empty": "No meeting is scheduled yet."},
    "zh": {"table": "桌号", "slot": "{start}–{end}", "empty": "尚无安排的会谈。"},
}


def table_plan_pdf(
    event: Event,
    slots: Sequence[Slot],
    rows: Sequence[tuple[EventMeeting, str, str]],
    language: str = "en",
) -> bytes:
    words = WORDS["zh" if language == "zh" else "en"]
    base = getSampleStyleSheet()
    body = ParagraphStyle("plan-body", parent=base["BodyText"], fontSize=9, leading=11)
    heading = ParagraphStyle("plan-heading", parent=base["Heading1"])
    subheading = ParagraphStyle("plan-subheading", parent=base["Heading3"])
    title = event.name_zh if language == "zh" and event.name_zh else event.name
    story: list[Flowable] = [
        paragraph(title, heading, "Helvetica-Bold"),
        paragraph(f"{event.place} · {event.time_zone}", body, "Helvetica"),
    ]
    by_slot: defaultdict[int, list[tuple[EventMeeting, str, str]]] = defaultdict(list)
    for row in rows:
        by_slot[row[0].slot].append(row)
    if not rows:
        story.append(paragraph(words["empty"], body, "Helvetica"))
    for slot in slots:
        placed = sorted(by_slot.get(slot.number, []), key=lambda r: r[0].table)
        if not placed:
            continue
        when = f"{slot.start:%a %d %b} " + words["slot"].format(
            start=f"{slot.start:%H:%M}", end=f"{slot.end:%H:%M}"
        )
        story += [Spacer(1, 3 * mm), paragraph(when, subheading, "Helvetica-Bold")]
        table = Table(
            [
                [
                    paragraph(f"{words['table']} {m.table + 1}", body, "Helvetica-Bold"),
                    paragraph(first, body, "Helvetica"),
                    paragraph(second, body, "Helvetica"),
                ]
                for m, first, second in placed
            ],
            colWidths=[25 * mm, 120 * mm, 120 * mm],
        )
        table.setStyle(
            TableStyle(
                [
                    ("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.white, colors.whitesmoke]),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=landscape(A4), title=title, author="ITPO Exchange").build(story)
    return out.getvalue()
