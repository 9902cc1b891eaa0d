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
* **Evidence points** of one accomplishment::

      points = SCOPE_POINTS[scope] x quality x recency
      SCOPE_POINTS = team 1.0, org 1.5, company 2.0, external 2.0
      quality      = 1.5 with at least one impact metric, 1.2 with a link but no metric, else 1.0
      recency      = 0.5 ** (days since it was last active / 365)   (last active = end date, or today)

* **Evidence strength** of a competency = min(5, sum of the points of the in-cycle
  accomplishments actively linked to it). It is on the ladder's 1-5 proficiency scale, so it
  compares directly with a level's expectation ``target``: one recent, quantified,
  company-wide win is 3.0; two of them reach the cap.
* **Coverage** of a competency at a level = min(1, strength / target).
  **Readiness** = the mean coverage over the level's competencies, so 100% means the evidence
  meets every expectation of that level.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

SCOPE_POINTS = {"team": 1.0, "org": 1.5, "company": 2.0, "external": 2.0}
SCOPE_PHRASES = {"team": "team-level", "org": "org-level", "company": "company-wide", "external": "external"}
SCOPE_ORDER = ("external", "company", "org", "team")
QUALITY_METRIC = 1.5
QUALITY_LINK = 1.2
RECENCY_HALF_LIFE_DAYS = 365
MAX_STRENGTH = 5.0
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
    """The profile's review cycle; without one, a year centred on today (half a year of evidence
    behind, half a year to the review), so the plan looks forward."""
    start = to_date(profile.get("review_cycle_start")) if profile else None
    end = to_date(profile.get("review_cycle_end")) if profile else None
    if start and end:
        return start, end
    if end:
        return end - dt.timedelta(days=364), end
    if start:
        return start, start + dt.timedelta(days=364)
    start = today - dt.timedelta(days=182)
    return start, start + dt.timedelta(days=364)


# --- evidence -------------------------------------------------------------------------------


def with_cycle(accomplishments: pd.DataFrame, cycle_start: dt.date, cycle_end: dt.date,
               today: dt.date) -> pd.DataFrame:
    """All accomplishments with `last_active`, `in_cycle` and their evidence `points` (formula above)."""
    out = accomplishments.copy()
    if out.empty:
        return out.assign(last_active=pd.Series(dtype=object), in_cycle=pd.Series(dtype=bool),
                          points=pd.Series(dtype=float))
    starts = dates_of(out["start_date"])
    ends = dates_of(out["end_date"])
    last = [e if e is not None else max(today, s) for s, e in zip(starts, ends, strict=True)]
    out["start_date"] = starts
    out["end_date"] = ends
    out["last_active"] = last
    out["in_cycle"] = [s <= cycle_end and a >= cycle_start for s, a in zip(starts, last, strict=True)]
    out["points"] = [evidence_points(scope, number_or_zero(metrics), has_links(links), la, today)
                     for scope, metrics, links, la in zip(out["scope"], out["metrics"], out["links"], last,
                                                          strict=True)]
    return out


def has_links(links) -> bool:
    if links is None:
        return False
    try:
        return len(links) > 0
    except TypeError:
        return False


def evidence_points(scope: str, metrics: float, has_link: bool, last_active: dt.date, today: dt.date) -> float:
    """SCOPE_POINTS[scope] x quality x recency (see the module docstring)."""
    quality = QUALITY_METRIC if metrics > 0 else QUALITY_LINK if has_link else 1.0
    age = max(0, (today - last_active).days)
    recency = 0.5 ** (age / RECENCY_HALF_LIFE_DAYS)
    return SCOPE_POINTS.get(scope, 1.0) * quality * recency


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
            "strength": min(MAX_STRENGTH, points),
            "titles": list(wins["title"]) if not wins.empty else [],
        })
    return pd.DataFrame(rows, columns=["key", "name", "group", "wins", "quantified", "widest_scope", "last_active",
                                       "points", "strength", "titles"])
