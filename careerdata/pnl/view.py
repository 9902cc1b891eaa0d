"""Page model of the Career P&L: the ledger for one measure and period, and the metrics behind a bar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from careerdata.core import vocab
from careerdata.pnl import ledger as vl
from careerdata.pnl import queries as q
from careerdata.pnl.charts import ledger_chart


@dataclass
class LedgerView:
    quarters: list[str]  # the quarters shown
    entries: pd.DataFrame  # the ledger's entries in those quarters
    cumulative: pd.DataFrame  # the cumulative run-rate in those quarters
    by_confidence: pd.DataFrame  # all time
    by_category: pd.DataFrame  # all time
    bar_quarters: list[str]  # shown quarters with a value, newest first
    biggest: str | None  # the shown quarter with the most value
    categories: dict[str, list[str]]  # quarter -> its categories with a value, in CATEGORIES order
    figure: go.Figure | None  # None when the quarters shown have no value


def ledger(con, measure: str, last_quarters: int | None, today: dt.date) -> LedgerView:
    """The career P&L for one measure; last_quarters: only the latest N quarters (None: all time)."""
    metrics = q.ledger_metrics(con)
    all_quarters = vl.ledger_quarters(metrics, today)
    entries = vl.ledger(metrics, measure)
    cumulative = vl.ledger_cumulative(entries, all_quarters)
    quarters = all_quarters[-last_quarters:] if last_quarters else all_quarters
    shown = entries[entries["quarter"].isin(quarters)]
    with_values = shown[shown["value"] > 0]
    order = {quarter: i for i, quarter in enumerate(quarters)}
    bar_quarters = sorted(set(with_values["quarter"]), key=order.__getitem__, reverse=True)
    present = with_values.groupby("quarter")["category"].agg(set) if not with_values.empty else {}
    shown_cumulative = cumulative[cumulative["quarter"].isin(quarters)]
    return LedgerView(
        quarters=quarters, entries=shown, cumulative=shown_cumulative,
        by_confidence=vl.ledger_by_confidence(entries), by_category=vl.ledger_by_category(entries),
        bar_quarters=bar_quarters,
        biggest=with_values.groupby("quarter")["value"].sum().idxmax() if bar_quarters else None,
        categories={qr: [c for c in vocab.IMPACT_CATEGORIES if c in present[qr]] for qr in bar_quarters},
        figure=ledger_chart(shown, shown_cumulative, quarters, measure) if shown["value"].sum() > 0 else None)


def _quarter_span(quarter: str) -> tuple[dt.date, dt.date]:
    """'2026 Q3' -> (1 Jul 2026, 30 Sep 2026)."""
    year, number = quarter.split(" Q")
    first = dt.date(int(year), 3 * int(number) - 2, 1)
    after = dt.date(int(year) + 1, 1, 1) if number == "4" else dt.date(int(year), 3 * int(number) + 1, 1)
    return first, after - dt.timedelta(days=1)


def ledger_drill(con, quarter: str, category: str | None, measure: str) -> pd.DataFrame:
    """The metrics behind one bar (`value_prop.ledger_drill` of that quarter's metrics)."""
    start, end = _quarter_span(quarter)
    metrics = q.metrics_between(con, start, end)
    # a quarter whose names are all blank reads them as objects; the whole table reads them as text
    text = [c for c in ("accomplishment", "category", "description", "unit", "confidence", "verified_by")
            if metrics[c].dtype == object]
    return vl.ledger_drill(metrics.astype(dict.fromkeys(text, "str")), quarter, category, measure)
