"""The review cycle: its window, and the wins and impact that count for it.

* **Window**: the profile's review_cycle_start..review_cycle_end. With only one of them set, the
  other is 364 days away; with neither, the year centred on today (182 days back, 182 ahead), so a
  plan made from it looks forward.
* **A win is in the cycle** when its span overlaps the window:
  ``start_date <= cycle_end`` and ``(end_date, or today while ongoing) >= cycle_start``.
  Ongoing work started before the cycle counts: it is work done during the cycle.
* **The cycle's impact** = the run-rate (`impact.run_rate`) of the impact metrics on the cycle's
  wins, in money (USD a year) and hours saved a year.

The Promotion case, the brag document and `careerdata promotion` all count with these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from careerdata.figures import impact

DEFAULT_SPAN_DAYS = 364


def _date(value) -> dt.date | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def review_cycle(profile: dict | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """The review-cycle window (first and last day), by the rules in the module docstring."""
    start = _date(profile.get("review_cycle_start")) if profile else None
    end = _date(profile.get("review_cycle_end")) if profile else None
    if start and end:
        return start, end
    if end:
        return end - dt.timedelta(days=DEFAULT_SPAN_DAYS), end
    if start:
        return start, start + dt.timedelta(days=DEFAULT_SPAN_DAYS)
    start = today - dt.timedelta(days=DEFAULT_SPAN_DAYS // 2)
    return start, start + dt.timedelta(days=DEFAULT_SPAN_DAYS)


def in_cycle(start_date, end_date, cycle: tuple[dt.date, dt.date], today: dt.date) -> bool:
    """start_date <= cycle end and (end_date, or the later of today and the start while ongoing) >= cycle start."""
    start = _date(start_date)
    if start is None:
        return False
    last = _date(end_date) or max(today, start)
    return start <= cycle[1] and last >= cycle[0]


def cycle_mask(accomplishments: pd.DataFrame, cycle: tuple[dt.date, dt.date], today: dt.date) -> pd.Series:
    """`in_cycle` of every accomplishment (columns start_date, end_date), as a boolean Series."""
    if accomplishments.empty:
        return pd.Series(dtype=bool, index=accomplishments.index)
    return pd.Series([in_cycle(s, e, cycle, today) for s, e in
                      zip(accomplishments["start_date"], accomplishments["end_date"], strict=True)],
                     index=accomplishments.index, dtype=bool)


@dataclass(frozen=True)
class CycleFigures:
    """The cycle's wins and impact (run-rate)."""

    start: dt.date
    end: dt.date
    wins: int
    quantified_wins: int  # wins with at least one impact metric
    metrics: int
    money: float  # USD a year, run-rate
    hours: float  # hours saved a year, run-rate

    @property
    def wins_label(self) -> str:
        """"10 wins": the display of the cycle's win count."""
        return wins_label(self.wins)

    @property
    def money_label(self) -> str:
        """"$883k/yr run-rate"."""
        return impact.money_run_rate_label(self.money)

    @property
    def hours_label(self) -> str:
        return impact.hours_run_rate_label(self.hours)


def wins_label(count: int) -> str:
    """"10 wins" / "1 win": how the Promotion case, its export and the brag document count the cycle's wins."""
    return f"{count} win{'' if count == 1 else 's'}"


def cycle_figures(accomplishments: pd.DataFrame, metrics: pd.DataFrame, cycle: tuple[dt.date, dt.date],
                  today: dt.date) -> CycleFigures:
    """Count the cycle's wins and sum the run-rate of their metrics.

    accomplishments: id, start_date, end_date; metrics: accomplishment_id, money_usd, hours.
    """
    if accomplishments.empty:
        return CycleFigures(cycle[0], cycle[1], 0, 0, 0, 0.0, 0.0)
    ids = set(accomplishments.loc[cycle_mask(accomplishments, cycle, today), "id"])
    ours = metrics[metrics["accomplishment_id"].isin(ids)] if not metrics.empty else metrics
    quantified = len(set(ours["accomplishment_id"])) if not ours.empty else 0
    rates = impact.frame_totals(ours, today) if not ours.empty else None
    return CycleFigures(cycle[0], cycle[1], len(ids), quantified, len(ours),
                        rates.money_run_rate if rates else 0.0, rates.hours_run_rate if rates else 0.0)


def cycle_span_label(cycle: tuple[dt.date, dt.date]) -> str:
    """"1 Jan 2026 – 31 Dec 2026"."""
    return f"{cycle[0].day} {cycle[0]:%b %Y} – {cycle[1].day} {cycle[1]:%b %Y}"


__all__ = ["CycleFigures", "cycle_figures", "cycle_mask", "cycle_span_label", "in_cycle",
           "review_cycle", "wins_label"]
