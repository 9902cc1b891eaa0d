"""The impact ledger: your impact metrics by quarter, category and confidence, as entered (own estimates)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from careerdata.core import vocab
from careerdata.core.dates import quarter_label
from careerdata.figures.metric_text import metric_text

LEDGER_MEASURES = {"money_usd": "USD a year, your estimates", "hours": "hours saved a year"}


def quarter_labels(done_on: pd.Series) -> pd.Series:
    """`quarter_label` of every date, computed once per distinct date."""
    codes, days = pd.factorize(pd.to_datetime(done_on))
    if (codes < 0).any():  # a missing date: label it exactly as one at a time would
        return pd.Series([quarter_label(d) for d in pd.to_datetime(done_on).dt.date], index=done_on.index,
                         dtype=object)
    labels = np.array([quarter_label(d.date()) for d in days], dtype=object)
    return pd.Series(labels[codes], index=done_on.index, dtype=object)


def ledger_quarters(metrics: pd.DataFrame, today: dt.date) -> list[str]:
    """Every quarter from the first metric's quarter to today's (or the last metric's, if later)."""
    if metrics.empty:
        return []
    done = pd.to_datetime(metrics["done_on"]).dt.date
    start, end = min(done), max(max(done), today)
    labels, (year, q) = [], (start.year, (start.month - 1) // 3 + 1)
    last = (end.year, (end.month - 1) // 3 + 1)
    while (year, q) <= last:
        labels.append(f"{year} Q{q}")
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    return labels


def ledger(metrics: pd.DataFrame, measure: str = "money_usd") -> pd.DataFrame:
    """Value per quarter × category × confidence (only combinations with a metric).

    value = Σ measure over the metrics of accomplishments done in that quarter (blank = 0);
    metrics = how many impact metrics (with or without a figure for the measure).
    """
    if measure not in LEDGER_MEASURES:
        raise ValueError(f"measure is one of {list(LEDGER_MEASURES)}")
    cols = ["quarter", "category", "confidence", "value", "metrics"]
    if metrics.empty:
        return pd.DataFrame(columns=cols)
    data = metrics.assign(quarter=quarter_labels(metrics["done_on"]), value=metrics[measure].fillna(0.0).astype(float))
    out = data.groupby(["quarter", "category", "confidence"], as_index=False).agg(
        value=("value", "sum"), metrics=("value", "size"))
    return out.sort_values(["quarter", "category", "confidence"]).reset_index(drop=True)[cols]


def ledger_cumulative(entries: pd.DataFrame, quarters: list[str]) -> pd.DataFrame:
    """Per quarter (every quarter, zero where nothing was done): value, cumulative value, and the
    cumulative value by confidence (verified, measured, estimated), so the three add up to the total."""
    frame = pd.DataFrame({"quarter": quarters})
    if entries.empty:
        for col in ("value", "cumulative", *[f"cumulative_{c}" for c in vocab.CONFIDENCES]):
            frame[col] = 0.0
        return frame
    per = entries.pivot_table(index="quarter", columns="confidence", values="value", aggfunc="sum", fill_value=0.0)
    per = per.reindex(index=quarters, columns=list(vocab.CONFIDENCES), fill_value=0.0).fillna(0.0)
    frame["value"] = per.sum(axis=1).to_numpy()
    frame["cumulative"] = frame["value"].cumsum()
    for conf in vocab.CONFIDENCES:
        frame[f"cumulative_{conf}"] = per[conf].cumsum().to_numpy()
    return frame


def ledger_by_category(entries: pd.DataFrame) -> pd.DataFrame:
    """Total value and metric count per category, largest first (categories with metrics only)."""
    if entries.empty:
        return pd.DataFrame(columns=["category", "value", "metrics", "share"])
    out = entries.groupby("category", as_index=False).agg(value=("value", "sum"), metrics=("metrics", "sum"))
    total = out["value"].sum()
    out["share"] = out["value"] / total if total else 0.0
    return out.sort_values(["value", "metrics"], ascending=False).reset_index(drop=True)


def ledger_by_confidence(entries: pd.DataFrame) -> pd.DataFrame:
    """Total value, metric count and share of the value per confidence (all three rows, always)."""
    frame = pd.DataFrame({"confidence": list(vocab.CONFIDENCES)})
    if entries.empty:
        return frame.assign(value=0.0, metrics=0, share=None)
    agg = entries.groupby("confidence").agg(value=("value", "sum"), metrics=("metrics", "sum"))
    frame["value"] = frame["confidence"].map(agg["value"]).fillna(0.0).astype(float)
    frame["metrics"] = frame["confidence"].map(agg["metrics"]).fillna(0).astype(int)
    total = frame["value"].sum()
    frame["share"] = frame["value"] / total if total else None
    return frame


def ledger_drill(metrics: pd.DataFrame, quarter: str, category: str | None = None,
                 measure: str = "money_usd") -> pd.DataFrame:
    """The metrics (and their accomplishments) behind one bar: a quarter, optionally one category."""
    cols = ["accomplishment", "done_on", "category", "metric", "value", "confidence", "verified_by"]
    if metrics.empty:
        return pd.DataFrame(columns=cols)
    rows = metrics[(quarter_labels(metrics["done_on"]) == quarter).to_numpy()]
    if category:
        rows = rows[rows["category"] == category]
    out = pd.DataFrame({
        "accomplishment": rows["accomplishment"], "done_on": rows["done_on"], "category": rows["category"],
        "metric": metric_phrases(rows),
        "value": rows[measure].astype(float),
        "confidence": rows["confidence"], "verified_by": rows["verified_by"],
    }, columns=cols)
    return out.sort_values(["value", "accomplishment"], ascending=[False, True], na_position="last") \
        .reset_index(drop=True)


def metric_phrase(row) -> str:
    """'Monthly EC2 bill: 9,800 → 7,400 USD/month' (or just the description without numbers): the
    phrase part of the one metric sentence (`careerdata.figures.metric_text`)."""
    return metric_text(row["description"], row["baseline"], row["new_value"], row["unit"]).phrase


def metric_phrases(rows: pd.DataFrame) -> list[str]:
    """`metric_phrase` of every row, without building a Series per row."""
    cols = ["description", "baseline", "new_value", "unit"]
    return [metric_phrase(r) for r in rows[cols].to_dict("records")]
