"""The evidence level (0–5) of a skill or of a ladder competency: ONE formula for both.

Each accomplishment linked to the skill (accomplishment_skill) or competency (an active
accomplishment_competency link: status linked or confirmed) earns points:

    points = SCOPE_WEIGHT[scope] × quality × recency
    SCOPE_WEIGHT = team 1.0, org 1.25, company 1.5, external 1.5
    quality      = 2.0 with a verified metric, 1.5 with any impact metric, else 1.0
    recency      = 0.5 ** (years since done_on / 2)      (done_on = end date, or start while ongoing)

and the level saturates on the ladder's 1–5 proficiency scale:

    level = round(5 × (1 − e^(−Σ points / 2.5)), 1)

so one recent, verified, company-wide win (3 points) is level 3.5, and a handful of them reach 5.
The Matrix, Market, Value proposition, Competitors and Promotion case read a skill's or a
competency's evidence through this function, so "level" means the same number everywhere. Which
wins count is the caller's window: all of them for the market pages, the review cycle's for the
promotion case (`figures.cycle`).
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

SCOPE_WEIGHT = {"team": 1.0, "org": 1.25, "company": 1.5, "external": 1.5}
QUALITY_VERIFIED = 2.0
QUALITY_METRIC = 1.5
HALF_LIFE_YEARS = 2.0
SCALE = 2.5
MAX_LEVEL = 5.0
COLUMNS = ["key", "evidence_level", "evidence_points", "accomplishments", "quantified"]


def win_points(scope: str | None, metrics: float, verified: float, done_on: dt.date, today: dt.date) -> float:
    """SCOPE_WEIGHT[scope] × quality × recency for one accomplishment (module docstring)."""
    quality = QUALITY_VERIFIED if verified and verified > 0 else QUALITY_METRIC if metrics and metrics > 0 else 1.0
    years = max(0, (today - done_on).days) / 365.25
    return SCOPE_WEIGHT.get(scope or "team", 1.0) * quality * 0.5 ** (years / HALF_LIFE_YEARS)


def level_from_points(points: float) -> float:
    """round(5 × (1 − e^(−points / 2.5)), 1): 0 with no evidence, approaching 5."""
    return round(MAX_LEVEL * (1.0 - math.exp(-max(0.0, points) / SCALE)), 1)


def evidence_levels(evidence: pd.DataFrame, today: dt.date, key: str = "key") -> pd.DataFrame:
    """Evidence level per skill or competency.

    evidence: one row per (item, linked accomplishment) with columns `key` (skill id or competency
    key), done_on, scope, metrics (count of impact metrics), verified (count of verified metrics).
    Returns key, evidence_level, evidence_points, accomplishments, quantified (items with evidence only).
    """
    cols = [key, *COLUMNS[1:]]
    if evidence.empty:
        return pd.DataFrame(columns=cols)
    age_years = (pd.Timestamp(today) - pd.to_datetime(evidence["done_on"])).dt.days.clip(lower=0) / 365.25
    recency = 0.5 ** (age_years / HALF_LIFE_YEARS)
    metrics = pd.to_numeric(evidence["metrics"], errors="coerce").fillna(0)
    verified = pd.to_numeric(evidence["verified"], errors="coerce").fillna(0)
    quality = verified.gt(0).map({True: QUALITY_VERIFIED, False: 1.0}).where(
        verified.gt(0), metrics.gt(0).map({True: QUALITY_METRIC, False: 1.0}))
    scope = evidence["scope"].map(SCOPE_WEIGHT).fillna(1.0)
    points = evidence.assign(points=(recency * quality * scope).astype(float), quantified=metrics.gt(0).astype(int))
    out = points.groupby(key, as_index=False).agg(
        evidence_points=("points", "sum"), accomplishments=("points", "size"), quantified=("quantified", "sum"))
    out["evidence_level"] = [level_from_points(p) for p in out["evidence_points"]]
    return out[cols]


def level_label(level: float, wins: int) -> str:
    """"2.9 (4 wins)": how a page shows an evidence level with what it rests on."""
    return f"{level:.1f} ({wins} win{'' if wins == 1 else 's'})"


ACTIVE_LINK_STATUSES = ("linked", "confirmed")  # a rejected suggestion never counts


def linked_wins(links: pd.DataFrame) -> dict[str, set[int]]:
    """The wins that evidence each competency: competency key -> the ids of the accomplishments actively
    linked to it (status linked or confirmed). A win that only *mentions* a competency's words is not
    proof of it until you link it. The Value proposition counts a competency need's wins with this, and
    Competitors' "linked wins" are the same links (cut to the review cycle there, as on the Promotion case).

    links: accomplishment_id, competency_key, status."""
    out: dict[str, set[int]] = {}
    if links.empty:
        return out
    active = links[links["status"].isin(ACTIVE_LINK_STATUSES)]
    for acc_id, key in zip(active["accomplishment_id"], active["competency_key"], strict=True):
        out.setdefault(str(key), set()).add(int(acc_id))
    return out


def linked_wins_label(count: int) -> str:
    """"4 linked wins": how a page counts the wins behind a competency."""
    return f"{count} linked win{'' if count == 1 else 's'}"


def competency_rows(accomplishments: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """The `evidence_levels` input for ladder competencies: one row per active link (status linked or
    confirmed) of an accomplishment in `accomplishments`.

    accomplishments: id, done_on, scope, metrics, verified (already cut to the window that counts);
    links: accomplishment_id, competency_key, status."""
    cols = ["key", "accomplishment_id", "done_on", "scope", "metrics", "verified"]
    if accomplishments.empty or links.empty:
        return pd.DataFrame(columns=cols)
    active = links[links["status"].isin(ACTIVE_LINK_STATUSES)]
    rows = active.merge(accomplishments, left_on="accomplishment_id", right_on="id", how="inner")
    return rows.rename(columns={"competency_key": "key"})[cols].reset_index(drop=True)
