"""Impact: what an impact metric is worth a year (run-rate) and what it has delivered so far.

Every impact metric stores its money (USD) and hours saved as an *annualised* figure: what the change
is worth each year it stays live. Summing those gives a run-rate, not an all-time total, so the two
are named and shown differently:

* **run-rate** = Σ annualised value over the metrics, shown as "$6.6M/yr run-rate" / "19,040 h/yr";
* **delivered to date** = Σ annualised value × years live, where years live =
  max(0, today − done_on) / 365.25 days and done_on is the win's end date (its start date while
  ongoing); shown as "$9.1M delivered to date" / "41,200 h saved to date".

A metric whose win finishes in the future has delivered nothing yet. Both are the user's own
estimates unless a named contact verified them.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from careerdata.core.money import format_money

DAYS_PER_YEAR = 365.25
MEASURES = ("money_usd", "hours")


def _values(metrics: pd.DataFrame, measure: str) -> pd.Series:
    if measure not in MEASURES:
        raise ValueError(f"measure is one of {list(MEASURES)}, not {measure!r}")
    if metrics.empty or measure not in metrics:
        return pd.Series(dtype=float)
    return pd.to_numeric(metrics[measure], errors="coerce").fillna(0.0).astype(float)


def run_rate(metrics: pd.DataFrame, measure: str = "money_usd") -> float:
    """Σ of the metrics' annualised `measure` (money_usd or hours): what they are worth a year."""
    return float(_values(metrics, measure).sum())


def years_live(done_on: pd.Series, today: dt.date) -> pd.Series:
    """max(0, today − done_on) in years of 365.25 days, per metric (0 where done_on is missing)."""
    days = (pd.Timestamp(today) - pd.to_datetime(done_on)).dt.days
    return (days.clip(lower=0) / DAYS_PER_YEAR).fillna(0.0).astype(float)


def delivered_to_date(metrics: pd.DataFrame, today: dt.date, measure: str = "money_usd") -> float:
    """Σ annualised `measure` × years live up to `today` (see the module docstring)."""
    values = _values(metrics, measure)
    if values.empty:
        return 0.0
    return float((values * years_live(metrics["done_on"], today)).sum())


def money_run_rate_label(value: float) -> str:
    """"$6.6M/yr run-rate": a sum of annualised money, never called all-time."""
    return f"{format_money(value)}/yr run-rate"


def money_delivered_label(value: float) -> str:
    """"$9.1M delivered to date": run-rate × time live, up to today."""
    return f"{format_money(value)} delivered to date"


def hours_run_rate_label(value: float) -> str:
    """"19,040 h/yr": a sum of annualised hours saved."""
    return f"{value:,.0f} h/yr"


def hours_delivered_label(value: float) -> str:
    """"41,200 h saved to date": hours a year × time live, up to today."""
    return f"{value:,.0f} h saved to date"
