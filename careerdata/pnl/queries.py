"""Reads behind the Career P&L: only five columns of the metrics for the ledger, one quarter's metrics
for its drill-down."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from careerdata.store.db import frame

_METRICS_SQL = """
    SELECT m.id, m.accomplishment_id, a.title AS accomplishment, coalesce(a.end_date, a.start_date) AS done_on,
           m.category, m.description, m.baseline, m.new_value, m.unit, m.money_usd, m.hours, m.confidence,
           c.name AS verified_by
    FROM impact_metric m
    JOIN accomplishment a ON a.id = m.accomplishment_id
    LEFT JOIN contact c ON c.id = m.verified_by_contact_id
    {where}
    ORDER BY done_on DESC, m.id"""  # the columns and order of careerdata.journal.queries.impact_metrics


def ledger_metrics(con) -> pd.DataFrame:
    """The columns of the impact metrics that the impact ledger adds up, in impact_metrics' order."""
    return frame(con, """
        SELECT coalesce(a.end_date, a.start_date) AS done_on, m.category, m.confidence, m.money_usd, m.hours
        FROM impact_metric m JOIN accomplishment a ON a.id = m.accomplishment_id
        ORDER BY done_on DESC, m.id""")


def metrics_between(con, start: dt.date, end: dt.date) -> pd.DataFrame:
    """`impact_metrics` of the accomplishments done from start to end (inclusive), in the same order."""
    return frame(con, _METRICS_SQL.format(where="WHERE coalesce(a.end_date, a.start_date) BETWEEN ? AND ?"),
               [start, end])


def has_metrics(con) -> bool:
    return con.cursor().execute("SELECT EXISTS (SELECT 1 FROM impact_metric)").fetchone()[0]
