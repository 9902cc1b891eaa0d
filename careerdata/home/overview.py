"""The home page's charts and prompts: activity and impact per quarter, recent wins and nudges.

Pure functions over the DataFrames from `careerdata.journal.queries`; `today` is always passed in
so the figures are testable. An accomplishment counts on the day it was done
(`done_on` = end date, or start date while it is ongoing).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from careerdata.core.dates import quarter_label
from careerdata.figures import network

SPONSOR_SILENCE_DAYS = 45
WIN_DROUGHT_DAYS = 21
VISIBILITY_DROUGHT_DAYS = 30
RECENT_DAYS = 365


def _dates(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series).dt.date


def _quarter_range(today: dt.date, quarters: int) -> list[str]:
    labels = []
    year, q = today.year, (today.month - 1) // 3 + 1
    for _ in range(quarters):
        labels.append(f"{year} Q{q}")
        q -= 1
        if q == 0:
            year, q = year - 1, 4
    return labels[::-1]


def quarterly_activity(accomplishments: pd.DataFrame, today: dt.date, quarters: int = 12) -> pd.DataFrame:
    """Accomplishments per quarter over the last `quarters` quarters, and how many carry a metric.

    Every quarter appears (zero where nothing was logged), so a quiet quarter shows as a gap.
    """
    labels = _quarter_range(today, quarters)
    frame = pd.DataFrame({"quarter": labels})
    if accomplishments.empty:
        counts = pd.DataFrame({"quarter": labels, "accomplishments": 0, "quantified": 0})
    else:
        done = _dates(accomplishments["done_on"])
        data = pd.DataFrame({
            "quarter": [quarter_label(d) for d in done],
            "quantified": (accomplishments["metrics"] > 0).astype(int),
        })
        counts = data.groupby("quarter").agg(accomplishments=("quantified", "size"), quantified=("quantified", "sum"))
        counts = counts.reset_index()
    frame = frame.merge(counts, on="quarter", how="left").fillna({"accomplishments": 0, "quantified": 0})
    frame["accomplishments"] = frame["accomplishments"].astype(int)
    frame["quantified"] = frame["quantified"].astype(int)
    frame["unquantified"] = frame["accomplishments"] - frame["quantified"]
    return frame


def impact_by_quarter(metrics: pd.DataFrame, today: dt.date, quarters: int = 12) -> pd.DataFrame:
    """Money by impact category per quarter (long format) over the last `quarters` quarters."""
    labels = _quarter_range(today, quarters)
    if metrics.empty:
        return pd.DataFrame(columns=["quarter", "category", "money_usd", "hours", "metrics"])
    data = metrics.assign(quarter=[quarter_label(d) for d in _dates(metrics["done_on"])])
    data = data[data["quarter"].isin(labels)]
    out = (
        data.groupby(["quarter", "category"], as_index=False)
        .agg(money_usd=("money_usd", "sum"), hours=("hours", "sum"), metrics=("id", "size"))
    )
    order = {q: i for i, q in enumerate(labels)}
    return out.sort_values(by="quarter", key=lambda s: s.map(order)).reset_index(drop=True)


days_since_last = network.days_since_last  # one definition: careerdata.figures.network


@dataclass(frozen=True)
class Nudge:
    """Something worth doing now, with the page where it is done."""

    message: str
    action: str
    page: str  # a key of the app's page registry
    priority: int  # 1 = most urgent
    tab: str | None = None  # the tab on that page where it is done


def nudges(
    accomplishments: pd.DataFrame,
    contacts: pd.DataFrame,
    visibility: pd.DataFrame,
    today: dt.date,
) -> list[Nudge]:
    """The few prompts that move a career forward, most urgent first."""
    found: list[Nudge] = []
    if accomplishments.empty:
        found.append(Nudge("Your career file has no accomplishments yet.", "Log your first win", "journal", 1))
    else:
        done = _dates(accomplishments["done_on"])
        recent = accomplishments[[(today - d).days <= RECENT_DAYS for d in done]]
        bare = recent[recent["metrics"] == 0]
        if len(bare):
            titles = ", ".join(f"“{t}”" for t in bare["title"].head(3))
            found.append(Nudge(
                f"{len(bare)} win(s) from the last 12 months have no metric: {titles}. "
                "Unquantified work is easy to overlook in a review.",
                "Add a metric", "journal", 2, "accomplishments"))
        since = days_since_last(accomplishments["done_on"], today)
        if since is not None and since > WIN_DROUGHT_DAYS:
            found.append(Nudge(
                f"No win logged in {since} days. Small wins count: a fix, a review, a person you unblocked.",
                "Log a win", "journal", 3))
    if not contacts.empty:
        sponsors = network.sponsors(contacts)
        last = pd.to_datetime(sponsors["last_interaction"])
        for (_, row), when in zip(sponsors.iterrows(), last, strict=True):
            days = None if pd.isna(when) else (pd.Timestamp(today) - when).days
            if days is None or days > SPONSOR_SILENCE_DAYS:
                gap = "never" if days is None else f"{days} days ago"
                found.append(Nudge(
                    f"You last talked to your sponsor {row['name']} {gap}. Sponsors advocate for what they "
                    "have recently heard about.", "Log a touch", "journal", 1, "people"))
        if sponsors.empty:
            closest = contacts[contacts["advocacy_stage"] == "advocate"]
            if len(closest):
                best = closest.sort_values("influence", ascending=False).iloc[0]["name"]
                found.append(Nudge(
                    f"Your network has {network.sponsor_label(0)}: your advocate {best} is the closest. Ask what they would "
                    "need to see to put your name forward.", "Log a touch", "journal", 2, "people"))
            else:
                found.append(Nudge(f"Your network has {network.sponsor_label(0)}: who senior would speak up for you?",
                                   "Add a contact", "journal", 2, "people"))
    if not visibility.empty:
        since = days_since_last(visibility["date"], today)
        if since is not None and since > VISIBILITY_DROUGHT_DAYS:
            found.append(Nudge(
                f"Your last talk, post or demo was {since} days ago. Value that is not seen is not rewarded.",
                "Log a talk, post or demo", "journal", 3, "people"))
    return sorted(found, key=lambda n: n.priority)


def recent_wins(accomplishments: pd.DataFrame, limit: int = 5) -> pd.DataFrame:
    """The latest wins, with money and metric counts, for the home page."""
    cols = ["title", "done_on", "scope", "metrics", "money_usd", "hours", "skills"]
    return accomplishments[cols].head(limit).reset_index(drop=True)
