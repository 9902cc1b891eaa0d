"""Impact: what an impact metric is worth a year (run-rate) and what it has delivered so far.

Every impact metric stores its money (USD) and hours saved as an *annualised* figure: what the change
is worth each year it stays live. Summing those gives a run-rate, not an all-time total, so the two
are named and shown differently:

* **run-rate** = Σ annualised value over the metrics, shown as "$6.6M/yr run-rate" / "19,040 h/yr";
* **delivered to date** = Σ annualised value × years live, where years live =
  max(0, today − done_on) / 365.25 days and done_on is the win's end date (its start date while
  ongoing); shown as "$9.1M delivered to date" / "41,200 h saved to date";
* **added this year** = Σ annualised value of the metrics whose win was done between 1 January and
  today, against the same stretch of last year (1 January to the same day, 28 February for a
  29 February today);
* **verified share** = the money of metrics a named contact verified ÷ the money run-rate.

A metric whose win finishes in the future has delivered nothing yet; a blank value counts as 0.
All of it is ONE SQL aggregate (`TOTALS_SQL`), run over the career file's metrics (`totals`, what
Home and `careerdata figures` show, without pandas so Home's KPIs draw before it loads) or over
any set of metrics a page already holds as a DataFrame (`frame_totals`, `run_rate`,
`delivered_to_date`: a review cycle's, an offer's proof), so each figure has one formula.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import duckdb

from careerdata.core.money import format_money
from careerdata.store import db

if TYPE_CHECKING:
    import pandas as pd

DAYS_PER_YEAR = 365.25
MEASURES = ("money_usd", "hours")
_ANY_DAY = dt.date(2000, 1, 1)  # a run-rate does not depend on the day

# A relation with one row per impact metric: done_on (DATE), money_usd, hours, confidence.
FILE_METRICS = """(SELECT coalesce(a.end_date, a.start_date) AS done_on, m.money_usd, m.hours, m.confidence
                   FROM impact_metric m JOIN accomplishment a ON a.id = m.accomplishment_id)"""
_YEARS_LIVE = f"greatest(0, date_diff('day', done_on::DATE, $today::DATE)) / {DAYS_PER_YEAR}"
_THIS_YEAR = "done_on::DATE BETWEEN $year_start AND $today"
_LAST_YEAR = "done_on::DATE BETWEEN $last_start AND $last_end"
TOTALS_SQL = f"""
SELECT coalesce(sum(money_usd), 0), coalesce(sum(hours), 0),
       coalesce(sum(money_usd * {_YEARS_LIVE}), 0), coalesce(sum(hours * {_YEARS_LIVE}), 0),
       coalesce(sum(money_usd) FILTER (WHERE confidence = 'verified'), 0),
       coalesce(sum(money_usd) FILTER (WHERE {_THIS_YEAR}), 0), coalesce(sum(money_usd) FILTER (WHERE {_LAST_YEAR}), 0),
       coalesce(sum(hours) FILTER (WHERE {_THIS_YEAR}), 0), coalesce(sum(hours) FILTER (WHERE {_LAST_YEAR}), 0)
FROM {{source}}
"""


@dataclass(frozen=True)
class ImpactTotals:
    """Run-rates (annualised USD, hours saved a year), what they delivered to date, and the run-rate
    added by this year's wins against the same stretch of last year (module docstring)."""

    money_run_rate: float
    hours_run_rate: float
    money_delivered: float
    hours_delivered: float
    verified_share: float | None  # share of the money run-rate backed by a verified metric; None without money
    money_ytd: float
    money_prev_ytd: float
    hours_ytd: float
    hours_prev_ytd: float


def same_day_last_year(today: dt.date) -> dt.date:
    """today one year earlier; 28 February for a 29 February."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return dt.date(today.year - 1, 2, 28)


def _totals(cur, source: str, today: dt.date) -> ImpactTotals:
    params = {"today": today, "year_start": dt.date(today.year, 1, 1), "last_start": dt.date(today.year - 1, 1, 1),
              "last_end": same_day_last_year(today)}
    row = [float(v) for v in cur.execute(TOTALS_SQL.format(source=source), params).fetchone()]
    money, hours, money_done, hours_done, verified, money_ytd, money_prev, hours_ytd, hours_prev = row
    return ImpactTotals(money, hours, money_done, hours_done, verified / money if money else None,
                        money_ytd, money_prev, hours_ytd, hours_prev)


def totals(con: duckdb.DuckDBPyConnection, today: dt.date) -> ImpactTotals:
    """Every impact metric in the career file, in one aggregate query (no pandas)."""
    return _totals(con.cursor(), FILE_METRICS, today)


def frame_totals(metrics: pd.DataFrame, today: dt.date) -> ImpactTotals:
    """The same figures over the metrics in a DataFrame (columns done_on, money_usd, hours; confidence
    optional; text or blank numbers count as 0)."""
    import pandas as pd

    n = len(metrics)

    def numbers(col: str) -> pd.Series:
        if col not in metrics:
            return pd.Series([0.0] * n, dtype=float)
        return pd.to_numeric(metrics[col], errors="coerce").astype(float).reset_index(drop=True)

    rows = pd.DataFrame({
        "done_on": pd.to_datetime(metrics["done_on"]).reset_index(drop=True) if "done_on" in metrics
        else pd.Series([pd.NaT] * n, dtype="datetime64[ns]"),
        "money_usd": numbers("money_usd"), "hours": numbers("hours"),
        "confidence": (metrics["confidence"].astype(object).reset_index(drop=True) if "confidence" in metrics
                       else pd.Series([None] * n, dtype=object)),
    })
    cur = db.scratch()
    try:
        cur.register("impact_rows", rows)
        return _totals(cur, "impact_rows", today)
    finally:
        cur.close()


def _check(measure: str) -> None:
    if measure not in MEASURES:
        raise ValueError(f"measure is one of {list(MEASURES)}, not {measure!r}")


def run_rate(metrics: pd.DataFrame, measure: str = "money_usd") -> float:
    """Σ of the metrics' annualised `measure` (money_usd or hours): what they are worth a year."""
    _check(measure)
    if metrics.empty:
        return 0.0
    t = frame_totals(metrics, _ANY_DAY)
    return t.money_run_rate if measure == "money_usd" else t.hours_run_rate


def delivered_to_date(metrics: pd.DataFrame, today: dt.date, measure: str = "money_usd") -> float:
    """Σ annualised `measure` × years live up to `today` (see the module docstring)."""
    _check(measure)
    if metrics.empty:
        return 0.0
    t = frame_totals(metrics, today)
    return t.money_delivered if measure == "money_usd" else t.hours_delivered


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
