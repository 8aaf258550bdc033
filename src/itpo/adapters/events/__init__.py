"""Event outputs: agendas as iCalendar and PDF."""
