"""Cached files for the pages: the calendar (the same bytes `careerdata export ics` writes) and the brag document."""

from __future__ import annotations

import datetime as dt

from careerdata.import_export import export, ics


def calendar(con, what: tuple[str, ...], today: dt.date, case: tuple[str, dt.date, dt.date] | None = None
             ) -> tuple[bytes, int]:
    """(the .ics file, how many events it holds); `case` as in `ics.plan_items`."""
    data = ics.calendar_bytes(con, what, today, case)
    return data, data.count(b"BEGIN:VEVENT")


def calendar_events(con, what: tuple[str, ...], today: dt.date, case: tuple[str, dt.date, dt.date] | None = None
                    ) -> int:
    """How many events the calendar of `what` holds, without writing it: a page shows the count on its
    download button and builds the file only when clicked (4,000 events at 100× data take seconds)."""
    return len(ics.dated_items(con, what, today, case))


PREVIEW_CHARS = 20_000  # a page shows this much of a long brag document; the download has all of it


def brag_preview(con, start: dt.date, end: dt.date) -> tuple[str, int]:
    """(the brag document's first PREVIEW_CHARS characters, cut at a line, headings from level 3; its full
    length). A long career's document is a megabyte of Markdown, slow to write and to draw on every rerun."""
    text = export.brag_markdown(con, start, end, base_level=3)
    if len(text) <= PREVIEW_CHARS:
        return text, len(text)
    return text[:text.rfind("\n", 0, PREVIEW_CHARS)], len(text)
