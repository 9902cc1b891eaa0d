"""Dates as the app reads and says them."""

from __future__ import annotations

import datetime as dt

import pandas as pd


def as_date(value) -> dt.date | None:
    """A date from a date, datetime, Timestamp, None or NaT (None for missing)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, dt.datetime):  # also pandas Timestamp
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float | str) and pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def when_label(day, today: dt.date) -> str:
    """'today', 'in 12 days', '3 days ago', or 'no date set'."""
    d = as_date(day)
    if d is None:
        return "no date set"
    delta = (d - today).days
    if delta == 0:
        return "today"
    if delta > 0:
        return "tomorrow" if delta == 1 else f"in {delta} days"
    return "yesterday" if delta == -1 else f"{-delta} days ago"


def format_day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def format_span(start: dt.date, end: dt.date | None) -> str:
    """'Jan 2026 – Jun 2026', 'Jun 2026', or 'Jan 2026 – ongoing'."""
    if end is None:
        return f"{start:%b %Y} – ongoing"
    if (start.year, start.month) == (end.year, end.month):
        return f"{end:%b %Y}"
    return f"{start:%b %Y} – {end:%b %Y}"


def quarter_label(day: dt.date) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"
