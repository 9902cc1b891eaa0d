"""The home page's numbers: impact totals, activity per quarter, touch cadence and nudges.

Pure functions over the DataFrames from `careerdata.journal.queries`; `today` is always passed in
so the figures are testable. An accomplishment counts on the day it was done
(`done_on` = end date, or start date while it is ongoing).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from careerdata.core.dates import quarter_label
from careerdata.figures import impact, network

SPONSOR_SILENCE_DAYS = 45
WIN_DROUGHT_DAYS = 21
VISIBILITY_DROUGHT_DAYS = 30
RECENT_DAYS = 365


def _dates(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series).dt.date


@dataclass(frozen=True)
class ImpactTotals:
    """Run-rates (annualised USD, hours saved a year) and what they delivered to date
    (`careerdata.figures.impact`); the *_ytd figures are the run-rate added by this year's wins."""

    money_ytd: float
    money_prev_ytd: float
    hours_ytd: float
    hours_prev_ytd: float
    money_run_rate: float
    hours_run_rate: float
    money_delivered: float
    hours_delivered: float
    verified_share: float | None  # share of the money run-rate backed by a verified metric


def impact_totals(metrics: pd.DataFrame, today: dt.date) -> ImpactTotals:
    """The run-rate added by this year's wins against the same stretch of last year, plus the run-rate
    and the value delivered to date of every metric (`figures.impact.run_rate`, `delivered_to_date`)."""
    if metrics.empty:
        return ImpactTotals(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, None)
    done = _dates(metrics["done_on"])
    money = metrics["money_usd"].fillna(0.0)
    hours = metrics["hours"].fillna(0.0)
    this_year = (done >= dt.date(today.year, 1, 1)) & (done <= today)
    last_start = dt.date(today.year - 1, 1, 1)
    try:
        last_end = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        last_end = dt.date(today.year - 1, 2, 28)
    last_year = (done >= last_start) & (done <= last_end)
    total_money = impact.run_rate(metrics, "money_usd")
    verified = float(money[metrics["confidence"] == "verified"].sum())
    return ImpactTotals(
        money_ytd=float(money[this_year].sum()),
        money_prev_ytd=float(money[last_year].sum()),
        hours_ytd=float(hours[this_year].sum()),
        hours_prev_ytd=float(hours[last_year].sum()),
        money_run_rate=total_money,
        hours_run_rate=impact.run_rate(metrics, "hours"),
        money_delivered=impact.delivered_to_date(metrics, today, "money_usd"),
        hours_delivered=impact.delivered_to_date(metrics, today, "hours"),
        verified_share=verified / total_money if total_money else None,
    )


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


def share_with_metric(accomplishments: pd.DataFrame) -> float | None:
    if accomplishments.empty:
        return None
    return float((accomplishments["metrics"] > 0).mean())


def skills_with_evidence(skills: pd.DataFrame) -> int:
    return int((skills["accomplishments"] > 0).sum()) if not skills.empty else 0


days_since_last = network.days_since_last  # one definition: careerdata.figures.network
overdue_contacts = network.overdue_contacts


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


def value_headline(profile: dict | None, accomplishments: pd.DataFrame, skills: pd.DataFrame,
                   totals: ImpactTotals) -> str:
    """The one-line value proposition: the user's own, or one drafted from their evidence."""
    if profile and profile.get("headline"):
        return profile["headline"]
    title = profile["current_title"] if profile else "Software professional"
    if accomplishments.empty:
        return f"{title}. Log accomplishments with their impact and this line will state your value in numbers."
    strongest = skills.sort_values(["quantified", "accomplishments"], ascending=False).head(3)["name"].tolist()
    parts = [f"{title} with {impact.money_run_rate_label(totals.money_run_rate)} of quantified impact across "
             f"{len(accomplishments)} accomplishments"]
    if strongest:
        parts.append(f"strongest in {', '.join(strongest)}")
    return ", ".join(parts) + "."
