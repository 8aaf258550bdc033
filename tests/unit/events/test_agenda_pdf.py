"""A participant's agenda as PDF, read back by pypdf: its meetings at their times in the
event's zone, with whom and at which table, Chinese names included."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from itpo.adapters.events.agenda_pdf import agenda_pdf
from itpo.events.agenda import agenda_of
from itpo.events.problem import Meeting
from itpo.events.timetable import Session, slots

DAY = dt.date(2027, 3, 16)


def text_of(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_agenda_lists_each_meeting_at_its_time_and_table() -> None:
    agenda = agenda_of(
        participant="meru",
        meetings=[Meeting("sun", "meru", 1, 2), Meeting("meru", "qh", 0, 0)],
        slots=slots([Session(DAY, dt.time(9), dt.time(10))], 30, "Asia/Shanghai"),
        names={"meru": "Meru Mango Growers", "sun": "Sunfield Solar", "qh": "青禾生物能源"},
        event_id=3,
        event="ITPO Shanghai Green Technology Forum",
        place="Shanghai Exhibition Centre",
        time_zone="Asia/Shanghai",
    )
    text = text_of(agenda_pdf(agenda))
    assert "ITPO Shanghai Green Technology Forum" in text and "Asia/Shanghai" in text
    assert text.index("09:00") < text.index("09:30")  # in time order
    assert "Sunfield Solar" in text and "青禾生物能源" in text
    chinese = text_of(agenda_pdf(agenda, language="zh"))
    assert "会谈对象" in chinese and "桌号" in chinese
