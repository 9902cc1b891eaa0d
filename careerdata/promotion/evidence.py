"""The promotion case's evidence: which wins count for a cycle and how strongly they show each competency.

Pure functions over the frames of `careerdata.promotion.queries.CaseInputs`; `today` is always
passed in. Nothing here calls an external service: the narrative is assembled from the data.

Definitions used throughout
---------------------------
* **In the cycle**: an accomplishment counts for a cycle when its span overlaps it:
  ``start_date <= cycle_end`` and ``(end_date, or today while ongoing) >= cycle_start``.
* **Active link**: a row of accomplishment_competency with status ``linked`` (from the journal)
  or ``confirmed`` (a suggestion the user accepted). ``rejected`` rows never count, and a
  competency with a row of any status is never suggested again for that accomplishment.
* **Evidence level** of a competency (0-5): `careerdata.figures.evidence`, the one formula for
  skills and competencies, over the in-cycle accomplishments actively linked to it: each earns
  scope (team 1, org 1.25, company or external 1.5) x quality (2 with a verified metric, 1.5 with a
  metric, else 1) x 0.5 ** (years since done / 2) points, and level = 5 x (1 - e^(-points / 2.5)).
  It is on the ladder's 1-5 proficiency scale (the `strength` column), so it compares directly
  with a level's expectation ``target``.
* **Coverage** of a competency at a level = min(1, strength / target).
  **Readiness** = the mean coverage over the level's competencies (`careerdata.figures.readiness`,
  shown the same on Competitors), so 100% means the evidence meets every expectation of that level.
* **The cycle** and its wins: `careerdata.figures.cycle`; its impact is a run-rate
  (`careerdata.figures.impact`).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from careerdata.figures import cycle as fcycle
from careerdata.figures import evidence as fev

SCOPE_PHRASES = {"team": "team-level", "org": "org-level", "company": "company-wide", "external": "external"}
SCOPE_ORDER = ("external", "company", "org", "team")
ACTIVE_STATUSES = ("linked", "confirmed")


# --- the ladder's competencies -> the sections of a case ------------------------------------

SECTIONS = {
    "summary": "Summary",
    "impact": "Impact",
    "scope": "Scope and complexity",
    "leadership": "Technical leadership",
    "leverage": "Leverage and mentorship",
    "glue": "Glue work",
    "advocates": "Advocates",
    "gaps": "Gaps and plan",
}
EVIDENCE_SECTIONS = ("scope", "leadership", "leverage", "glue")
# Default ladder keys; any other ladder falls back to the competency's group.
SECTION_OF_COMPETENCY = {
    "craft": "scope", "delivery": "scope", "impact": "scope",
    "architecture": "leadership", "tech_leadership": "leadership",
    "mentorship": "leverage", "people_management": "leverage",
    "communication": "glue", "influence": "glue",
}
SECTION_OF_GROUP = {"technical": "leadership", "execution": "scope", "people": "leverage", "influence": "glue"}
SECTION_TIE_ORDER = ("leverage", "leadership", "glue", "scope")


# --- small helpers --------------------------------------------------------------------------


def to_date(value) -> dt.date | None:
    """A date from a date, a pandas Timestamp or an ISO string; None for NaT/None/NaN."""
    if value is None or value is pd.NaT or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def dates_of(values: pd.Series) -> list[dt.date | None]:
    """`to_date` of every value (vectorised for a datetime column)."""
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return [None if d is pd.NaT or d is None else d for d in values.dt.date]
    return [to_date(v) for v in values]


def number_or_zero(value) -> float:
    return 0.0 if value is None or pd.isna(value) else float(value)


# --- levels ---------------------------------------------------------------------------------


def next_level(levels: pd.DataFrame, current: str | None) -> str | None:
    """The next level up on the same track (L5 -> L6, M1 -> M2); None at the top or when unknown."""
    if not current or levels.empty or current not in set(levels["code"]):
        return None
    row = levels[levels["code"] == current].iloc[0]
    above = levels[(levels["track"] == row["track"]) & (levels["rank"] > row["rank"])]
    if above.empty:
        return None
    return str(above.sort_values("rank").iloc[0]["code"])


def level_title(levels: pd.DataFrame, code: str | None) -> str:
    if not code or levels.empty:
        return code or ""
    match = levels[levels["code"] == code]
    return str(match.iloc[0]["title"]) if not match.empty else code


def level_label(levels: pd.DataFrame, code: str) -> str:
    return f"{code} · {level_title(levels, code)}"


def default_cycle(profile: dict | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """The review cycle (`careerdata.figures.cycle.review_cycle`): the profile's, or the year centred on today."""
    return fcycle.review_cycle(profile, today)


# --- evidence -------------------------------------------------------------------------------


def with_cycle(accomplishments: pd.DataFrame, cycle_start: dt.date, cycle_end: dt.date,
               today: dt.date, verified: dict[int, int] | None = None) -> pd.DataFrame:
    """All accomplishments with `last_active`, `in_cycle` (`figures.cycle`) and their evidence `points`
    (`figures.evidence.win_points`; `verified`: accomplishment id -> verified metrics)."""
    out = accomplishments.copy()
    if out.empty:
        return out.assign(last_active=pd.Series(dtype=object), in_cycle=pd.Series(dtype=bool),
                          points=pd.Series(dtype=float))
    out["in_cycle"] = fcycle.cycle_mask(out, (cycle_start, cycle_end), today)
    starts = dates_of(out["start_date"])
    ends = dates_of(out["end_date"])
    out["start_date"] = starts
    out["end_date"] = ends
    out["last_active"] = [e if e is not None else max(today, s) for s, e in zip(starts, ends, strict=True)]
    verified = verified or {}
    out["points"] = [fev.win_points(scope, number_or_zero(metrics), verified.get(acc_id, 0), e if e is not None else s, today)
                     for acc_id, scope, metrics, s, e in zip(out["id"], out["scope"], out["metrics"], starts, ends,
                                                             strict=True)]
    return out


def has_links(links) -> bool:
    if links is None:
        return False
    try:
        return len(links) > 0
    except TypeError:
        return False


def active_links(links: pd.DataFrame) -> pd.DataFrame:
    return links[links["status"].isin(ACTIVE_STATUSES)] if not links.empty else links


def _grouped(frame: pd.DataFrame, by: str, value: str) -> dict:
    """{key: [values in row order]}: one pass instead of filtering the frame once per key."""
    out: dict = {}
    for key, item in zip(frame[by].tolist(), frame[value].tolist(), strict=True):
        if not pd.isna(key):
            out.setdefault(key, []).append(item)
    return out


def competencies_by_accomplishment(links: pd.DataFrame) -> dict[int, list[str]]:
    """Each accomplishment's actively linked competency keys, in the links' order."""
    return _grouped(active_links(links), "accomplishment_id", "competency_key")


def evidence_strength(cycle_accs: pd.DataFrame, links: pd.DataFrame, competencies: pd.DataFrame) -> pd.DataFrame:
    """Per competency: wins linked in the cycle, how many carry a metric, the widest scope, strength 0-5."""
    rows = []
    ids_of = _grouped(active_links(links), "competency_key", "accomplishment_id")
    by_id = cycle_accs.set_index("id") if not cycle_accs.empty else None
    in_cycle = set(by_id.index) if by_id is not None else set()
    for comp in competencies.itertuples():
        ids = ids_of.get(comp.key, [])
        wins = by_id.loc[[i for i in ids if i in in_cycle]] if by_id is not None else pd.DataFrame()
        points = float(wins["points"].sum()) if not wins.empty else 0.0
        scopes = set(wins["scope"]) if not wins.empty else set()
        rows.append({
            "key": comp.key,
            "name": comp.name,
            "group": comp.group,
            "wins": len(wins),
            "quantified": int((wins["metrics"] > 0).sum()) if not wins.empty else 0,
            "widest_scope": next((s for s in SCOPE_ORDER if s in scopes), None),
            "last_active": max(wins["last_active"]) if not wins.empty else None,
            "points": points,
            "strength": fev.level_from_points(points),
            "titles": list(wins["title"]) if not wins.empty else [],
        })
    return pd.DataFrame(rows, columns=["key", "name", "group", "wins", "quantified", "widest_scope", "last_active",
                                       "points", "strength", "titles"])
