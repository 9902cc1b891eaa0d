"""Cached calendar file for the pages' download buttons (the same bytes `careerdata export ics` writes)."""

from __future__ import annotations

import datetime as dt

from careerdata.import_export import ics


def calendar(con, what: tuple[str, ...], today: dt.date, case: tuple[str, dt.date, dt.date] | None = None
             ) -> tuple[bytes, int]:
    """(the .ics file, how many events it holds); `case` as in `ics.plan_items`."""
    data = ics.calendar_bytes(con, what, today, case)
    return data, data.count(b"BEGIN:VEVENT")
