"""The home page's numbers: impact totals, activity per quarter, touch cadence and nudges.

Pure functions over the DataFrames from `careerdata.journal.queries`; `today` is always passed in
so the figures are testable. An accomplishment counts on the day it was done
(`done_on` = end date, or start date while it is ongoing).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from careerdata.core.money import format_money

SPONSOR_SILENCE_DAYS = 45
WIN_DROUGHT_DAYS = 21
VISIBILITY_DROUGHT_DAYS = 30
RECENT_DAYS = 365


def _dates(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series).dt.date


@dataclass(frozen=True)
class ImpactTotals:
    """Money (annualised USD) and hours saved per year, by when the work was done."""

    money_ytd: float
    money_prev_ytd: float
    hours_ytd: float
    hours_prev_ytd: float
    money_all: float
    hours_all: float
    verified_share: float | None  # share of money backed by a verified metric


def impact_totals(metrics: pd.DataFrame, today: dt.date) -> ImpactTotals:
    """This year to date against the same stretch of last year, plus all-time totals."""
    if metrics.empty:
        return ImpactTotals(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, None)
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
    total_money = float(money.sum())
    verified = float(money[metrics["confidence"] == "verified"].sum())
    return ImpactTotals(
        money_ytd=float(money[this_year].sum()),
        money_prev_ytd=float(money[last_year].sum()),
        hours_ytd=float(hours[this_year].sum()),
        hours_prev_ytd=float(hours[last_year].sum()),
        money_all=total_money,
        hours_all=float(hours.sum()),
        verified_share=verified / total_money if total_money else None,
    )


def quarter_label(day: dt.date) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


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


def days_since_last(dates: pd.Series, today: dt.date) -> int | None:
    """Days since the most recent date in `dates`; None when there is none."""
    clean = dates.dropna()
    if clean.empty:
        return None
    return (today - max(_dates(clean))).days


def overdue_contacts(contacts: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """Contacts past their keep-in-touch cadence, most overdue first (never contacted = most)."""
    if contacts.empty:
        return contacts.assign(days_since=pd.Series(dtype="Int64"), overdue_by=pd.Series(dtype="Int64"))
    last = pd.to_datetime(contacts["last_interaction"])
    days = (pd.Timestamp(today) - last).dt.days
    out = contacts.assign(days_since=days.astype("Int64"), overdue_by=(days - contacts["cadence_days"]).astype("Int64"))
    due = out[out["days_since"].isna() | (out["overdue_by"] > 0)]
    return due.sort_values(["overdue_by", "influence"], ascending=[False, False], na_position="first").reset_index(
        drop=True
    )


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
        is_sponsor = (contacts["relationship"] == "sponsor") | (contacts["advocacy_stage"] == "sponsor")
        sponsors = contacts[is_sponsor]
        last = pd.to_datetime(sponsors["last_interaction"])
        for (_, row), when in zip(sponsors.iterrows(), last, strict=True):
            days = None if pd.isna(when) else (pd.Timestamp(today) - when).days
            if days is None or days > SPONSOR_SILENCE_DAYS:
                gap = "never" if days is None else f"{days} days ago"
                found.append(Nudge(
                    f"You last talked to your sponsor {row['name']} {gap}. Sponsors advocate for what they "
                    "have recently heard about.", "Log a touch", "journal", 1, "people"))
        if sponsors.empty:
            found.append(Nudge("No sponsor in your network yet: who senior would speak up for you?",
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
    parts = [f"{title} with {format_money(totals.money_all)} of quantified impact across "
             f"{len(accomplishments)} accomplishments"]
    if strongest:
        parts.append(f"strongest in {', '.join(strongest)}")
    return ", ".join(parts) + "."
