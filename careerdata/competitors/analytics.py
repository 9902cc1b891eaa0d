"""Competitors: how you compare with the bar for your next role, and how hard you are to replace.

Pure functions over small DataFrames (from `careerdata.value.queries` and
`careerdata.matrix.queries`); `today` is passed in.

**Your competency profile** (0–5 per ladder competency) is the evidence level of each competency
(`careerdata.figures.evidence`, the one formula for skills and competencies) over the wins of the
current review cycle (`careerdata.figures.cycle`): the same numbers the Promotion case compares
with the ladder, so "N of M competencies at the bar" (`careerdata.figures.readiness`) and the gaps
agree on both pages.

**Benchmark profiles** on the same axes:

* the **current level** and the **target level**: the ladder's expected proficiency (1–5) per
  competency;
* the **O*NET occupation** of the target: for each competency, the importance-weighted mean of the
  O*NET levels of the skills mapped to it (`ONET_TO_COMPETENCY`, a crosswalk chosen by this
  project), rescaled from O*NET's 0–7 to 1–5 as level × 5 / 7. O*NET describes the average worker
  in the occupation, not a level; an occupation without ratings uses its documented stand-in.

**Differentiators**: competencies where your level is at least `DIFFERENTIATOR_MARGIN` above the
target benchmark and at least one accomplishment backs it. **Commodity skills**: what the target
occupation lists (O*NET skills and knowledge of importance ≥ 3, and its technologies) that at least
half of the comparison occupations list too.

**Moat score** (0–100): how rare your *proven* combination of the skills the target needs is.
The comparison pool is every occupation in the shipped data with its own O*NET ratings. For each
of your skills, commonness c = the share of the pool that lists one of the O*NET elements or
technologies it maps to (importance ≥ 3 for an element); rarity r = 1 − c. A skill counts when the
target needs it (the target occupation lists it, or the target role names it) and you have
evidence e (0–5) for it. moat = 100 × (1/K) × Σ of the K = 5 largest r × e / 5, each O*NET item
counted once; an empty slot adds 0. So 100 means five skills the target needs, that no occupation
in the pool lists, each proven at level 5; a skill every occupation lists adds nothing however well
you prove it.

**Positioning**: technical depth = mean of a profile over the ladder's *technical* competencies;
business and communication breadth = mean over the others (execution, people, influence). A target
role is placed at its level's expectations tilted by its occupation: each competency's expectation plus
(the O*NET profile's value for it − the O*NET profile's mean), clipped to 0–5; so two roles at the
same level sit apart when one occupation leans more on people and words than the other.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from careerdata.core.text import name_key, text_or_none
from careerdata.figures import evidence as fev
from careerdata.figures import moat as fmoat
from careerdata.figures import readiness as fready
from careerdata.matrix.skill_value import IMPORTANT_ELEMENT, rated_code

DIFFERENTIATOR_MARGIN = 0.5
GAP_MARGIN = 0.5
COMMODITY_SHARE = 0.5
RARE_SHARE = 0.5  # a skill listed by at most this share of the pool is rare
MOAT_SLOTS = 5
TECHNICAL_GROUP = "technical"

# O*NET 29.3 skill elements -> the default ladder's competencies (chosen by this project).
ONET_TO_COMPETENCY = {
    "2.B.3.e": "craft", "2.B.3.m": "craft", "2.B.3.k": "craft", "2.B.3.g": "craft",
    "2.B.3.b": "architecture", "2.B.4.g": "architecture", "2.B.4.h": "architecture", "2.B.3.a": "architecture",
    "2.B.2.i": "tech_leadership", "2.B.4.e": "tech_leadership", "2.A.2.a": "tech_leadership",
    "2.B.5.a": "delivery", "2.A.2.d": "delivery", "2.B.5.c": "delivery",
    "2.B.5.b": "impact", "2.B.1.f": "impact",
    "2.B.1.e": "mentorship", "2.A.2.c": "mentorship",
    "2.A.1.a": "communication", "2.A.1.b": "communication", "2.A.1.c": "communication", "2.A.1.d": "communication",
    "2.B.1.a": "influence", "2.B.1.b": "influence", "2.B.1.c": "influence", "2.B.1.d": "influence",
    "2.B.5.d": "people_management",
}
DEFAULT_GROUPS = {
    "craft": "technical", "architecture": "technical", "tech_leadership": "technical",
    "delivery": "execution", "impact": "execution",
    "mentorship": "people", "people_management": "people",
    "communication": "influence", "influence": "influence",
}


# --- profiles ---------------------------------------------------------------------------------

def competency_profile(evidence: pd.DataFrame, competencies: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """Your evidence level (0–5) per competency (`figures.evidence.evidence_levels`).

    evidence: competency_key, done_on, scope, metrics, verified (one row per linked accomplishment,
    already cut to the window that counts). Returns key, name, group, level, points, accomplishments,
    quantified for every competency.
    """
    frame = competencies[["key", "name", "group"]].copy()
    if evidence.empty:
        return frame.assign(level=0.0, points=0.0, accomplishments=0, quantified=0)
    scored = fev.evidence_levels(evidence.rename(columns={"competency_key": "key"}), today)
    scored = scored.rename(columns={"evidence_points": "points", "evidence_level": "level"})
    frame = frame.merge(scored[["key", "level", "points", "accomplishments", "quantified"]], on="key", how="left")
    frame = frame.fillna({"level": 0.0, "points": 0.0, "accomplishments": 0, "quantified": 0})
    frame["accomplishments"] = frame["accomplishments"].astype(int)
    frame["quantified"] = frame["quantified"].astype(int)
    return frame[["key", "name", "group", "level", "points", "accomplishments", "quantified"]]


def ladder_readiness(you: pd.DataFrame, expectations: pd.DataFrame, level: str | None) -> fready.Readiness:
    """Readiness for `level` from your competency profile (`figures.readiness`, as on the Promotion case)."""
    return fready.readiness(level or "", dict(zip(you["key"], you["level"], strict=True)),
                            level_profile(expectations, level))


def level_profile(expectations: pd.DataFrame, level: str | None) -> dict[str, float]:
    """competency key -> the ladder's expected proficiency (1–5) at `level`."""
    if not level:
        return {}
    rows = expectations[expectations["level_code"] == level]
    return {k: float(t) for k, t in zip(rows["competency_key"], rows["target"], strict=True)}


def _elements_for(key: str, group: str) -> set[str]:
    if key in DEFAULT_GROUPS:
        return {e for e, k in ONET_TO_COMPETENCY.items() if k == key}
    keys = {k for k, g in DEFAULT_GROUPS.items() if g == group}
    return {e for e, k in ONET_TO_COMPETENCY.items() if k in keys}


def onet_profile(ratings: pd.DataFrame, competencies: pd.DataFrame) -> dict[str, float]:
    """competency key -> Σ importance × (level × 5/7) / Σ importance over the O*NET skills mapped to it.

    ratings: element_id, kind, importance, level for ONE occupation. Competencies with no mapped,
    rated skill are left out.
    """
    skills = ratings[(ratings["kind"] == "skill") & ratings["importance"].notna() & ratings["level"].notna()]
    if skills.empty or competencies.empty:
        return {}
    pairs = pd.DataFrame([(c.key, e) for c in competencies.itertuples(index=False)
                          for e in _elements_for(c.key, c.group)], columns=["key", "element_id"])
    rows = pairs.merge(skills[["element_id", "importance", "level"]], on="element_id")
    rows = rows.assign(weighted=rows["importance"] * rows["level"] * 5.0 / 7.0)
    sums = rows.groupby("key")[["weighted", "importance"]].sum()
    sums = sums[sums["importance"] > 0]
    return {k: round(float(w / i), 2) for k, w, i in zip(sums.index, sums["weighted"], sums["importance"],
                                                          strict=True)}


def benchmark_frame(you: pd.DataFrame, current: dict[str, float], target: dict[str, float],
                    onet: dict[str, float]) -> pd.DataFrame:
    """One row per competency: you, current level, target level, O*NET (NaN where a benchmark is missing)."""
    frame = you[["key", "name", "group", "level", "accomplishments"]].rename(columns={"level": "you"})
    frame["current"] = frame["key"].map(current).astype(float)
    frame["target"] = frame["key"].map(target).astype(float)
    frame["onet"] = frame["key"].map(onet).astype(float)
    return frame.reset_index(drop=True)


def reference_column(bench: pd.DataFrame) -> str | None:
    """The benchmark you are measured against: the target level if the ladder has it, else O*NET."""
    for col in ("target", "onet"):
        if col in bench and bench[col].notna().any():
            return col
    return None


def differentiators(bench: pd.DataFrame, against: str, margin: float = DIFFERENTIATOR_MARGIN) -> pd.DataFrame:
    """Competencies where you exceed `against` by ≥ margin, with at least one accomplishment behind it."""
    rows = bench[bench[against].notna() & (bench["accomplishments"] > 0)].copy()
    rows["margin"] = (rows["you"] - rows[against]).round(1)
    rows = rows[rows["margin"] >= margin]
    return rows.sort_values(["margin", "you"], ascending=False).reset_index(drop=True)


def gaps(bench: pd.DataFrame, against: str, margin: float = GAP_MARGIN) -> pd.DataFrame:
    """Competencies where `against` expects ≥ margin more than your evidence shows, biggest first."""
    rows = bench[bench[against].notna()].copy()
    rows["gap"] = (rows[against] - rows["you"]).round(1)
    rows = rows[rows["gap"] >= margin]
    return rows.sort_values(["gap", "name"], ascending=[False, True]).reset_index(drop=True)


def meets(bench: pd.DataFrame, against: str) -> tuple[int, int]:
    """(competencies where you reach the benchmark, competencies the benchmark rates)."""
    rated = bench[bench[against].notna()]
    return int((rated["you"] >= rated[against] - 1e-9).sum()), len(rated)


# --- what the market lists: commonness, commodity skills, the moat ---------------------------

def listed_items(ratings: pd.DataFrame, tech: pd.DataFrame, codes: list[str]) -> dict[str, set[str]]:
    """Per occupation: the O*NET elements it rates important (≥ 3) and the technologies it lists.

    Elements are keyed by id ('2.B.1.c'), technologies as 'tech:<name>'.
    """
    important = ratings[ratings["importance"] >= IMPORTANT_ELEMENT]
    out: dict[str, set[str]] = {c: set() for c in codes}
    for code, element in zip(important["onet_soc_code"], important["element_id"], strict=True):
        if code in out:
            out[code].add(element)
    for code, name in zip(tech["onet_soc_code"], tech["technology"], strict=True):
        if code in out:
            out[code].add(f"tech:{name}")
    return out


def skill_items(mappings: pd.DataFrame) -> dict[int, frozenset[str]]:
    """Per skill: the O*NET items (element ids, 'tech:<name>') it is mapped to."""
    out: dict[int, set[str]] = {}
    for r in mappings.itertuples(index=False):
        element, tech = text_or_none(r.element_id), text_or_none(r.technology)
        out.setdefault(int(r.skill_id), set()).add(element if element else f"tech:{tech}")
    return {k: frozenset(v) for k, v in out.items()}


def commonness(items: frozenset[str] | set[str], pool: dict[str, set[str]]) -> tuple[int, float]:
    """(occupations in the pool listing any of `items`, that count / pool size)."""
    if not pool:
        return 0, 0.0
    listed = sum(1 for listed_there in pool.values() if items & listed_there)
    return listed, listed / len(pool)


def target_items(ratings: pd.DataFrame, tech: pd.DataFrame, rated: str | None, code: str | None) -> set[str]:
    """What the target occupation lists: important elements of its (stand-in's) ratings + its technologies."""
    items: set[str] = set()
    if rated:
        items |= listed_items(ratings, tech.iloc[0:0], [rated])[rated]
    if code:
        items |= {f"tech:{t}" for t in tech.loc[tech["onet_soc_code"] == code, "technology"]}
    return items


@dataclass
class Moat:
    score: float
    slots: pd.DataFrame  # the K contributing skills: name, items, listed_by, rarity, evidence_level, contribution
    considered: pd.DataFrame  # every skill the target needs that you have evidence for
    unmeasured: list[str]  # skills the target role names that have no O*NET mapping
    pool_size: int


def moat(skills: pd.DataFrame, evidence: pd.DataFrame, mappings: pd.DataFrame, pool: dict[str, set[str]],
         needed_items: set[str], needed_names: set[str], slots: int = MOAT_SLOTS) -> Moat:
    """The moat score (formula in the module docstring).

    skills: id, name; evidence: skill_id, evidence_level (`skill_value.evidence_levels`);
    needed_items: what the target occupation lists; needed_names: case-folded skill names the
    target role lists.
    """
    cols = ["skill_id", "name", "items", "listed_by", "commonness", "rarity", "evidence_level", "contribution"]
    level = dict(zip(evidence["skill_id"], evidence["evidence_level"], strict=True)) if not evidence.empty else {}
    by_skill = skill_items(mappings)
    rows, unmeasured = [], []
    for s in skills.itertuples(index=False):
        e = float(level.get(s.id, 0.0) or 0.0)
        items = by_skill.get(int(s.id), frozenset())
        named = name_key(s.name) in needed_names
        if not items:
            if named and e > 0:
                unmeasured.append(s.name)
            continue
        if not (items & needed_items or named) or e <= 0:
            continue
        listed, share = commonness(items, pool)
        rarity = 1.0 - share
        rows.append({"skill_id": int(s.id), "name": s.name, "items": items, "listed_by": listed,
                     "commonness": round(share, 3), "rarity": round(rarity, 3), "evidence_level": e,
                     "contribution": rarity * e / 5.0})
    considered = pd.DataFrame(rows, columns=cols)
    if considered.empty:
        return Moat(0.0, considered, considered, sorted(unmeasured), len(pool))
    considered = considered.sort_values(["contribution", "evidence_level", "name"], ascending=[False, False, True])
    best = considered.drop_duplicates(subset="items", keep="first").head(slots)
    score = fmoat.moat_score(best["contribution"], slots)
    considered = considered.assign(contribution=considered["contribution"].round(3))
    best = best.assign(contribution=best["contribution"].round(3)).reset_index(drop=True)
    return Moat(score, best, considered.reset_index(drop=True), sorted(unmeasured), len(pool))


def commodity(needed_items: set[str], pool: dict[str, set[str]], element_names: dict[str, str],
              hot: set[str], yours: set[str], share: float = COMMODITY_SHARE) -> pd.DataFrame:
    """What the target lists that most of the pool lists too: necessary, but not a differentiator.

    Returns item, kind (O*NET skill/knowledge | technology), listed_by, commonness, hot, you (have | missing).
    """
    rows = []
    for item in needed_items:
        listed, common = commonness({item}, pool)
        if common < share:
            continue
        is_tech = item.startswith("tech:")
        name = item.removeprefix("tech:") if is_tech else element_names.get(item, item)
        rows.append({"item": name, "kind": "technology" if is_tech else "O*NET skill/knowledge",
                     "listed_by": listed, "commonness": round(common, 3),
                     "hot": bool(is_tech and item.removeprefix("tech:") in hot),
                     "you": "have" if item in yours else "missing"})
    out = pd.DataFrame(rows, columns=["item", "kind", "listed_by", "commonness", "hot", "you"])
    return out.sort_values(["commonness", "item"], ascending=[False, True]).reset_index(drop=True)


def rare_proven(moat_result: Moat, rare_share: float = RARE_SHARE) -> pd.DataFrame:
    """Skills the target needs that at most `rare_share` of the pool lists, and that you prove."""
    rows = moat_result.considered
    return rows[rows["commonness"] <= rare_share].reset_index(drop=True)


# --- positioning ------------------------------------------------------------------------------

def position(profile: dict[str, float], groups: dict[str, str]) -> tuple[float, float] | None:
    """(technical depth, business & communication breadth): means over technical / other competencies."""
    tech = [v for k, v in profile.items() if groups.get(k) == TECHNICAL_GROUP and v is not None and not _nan(v)]
    other = [v for k, v in profile.items() if groups.get(k) not in (None, TECHNICAL_GROUP) and v is not None
             and not _nan(v)]
    if not tech or not other:
        return None
    return round(sum(tech) / len(tech), 2), round(sum(other) / len(other), 2)


def _nan(v) -> bool:
    return isinstance(v, float) and math.isnan(v)


def tilt(level: dict[str, float], onet: dict[str, float]) -> dict[str, float]:
    """A target role's profile: its level's expectations, shifted per competency by how much its
    occupation's O*NET profile stresses that competency relative to the profile's own mean:
    tilt_k = clip(level_k + (onet_k − mean(onet)), 0, 5). Without a level, the O*NET profile itself."""
    if not level:
        return dict(onet)
    shared = [onet[k] for k in level if k in onet]
    if not shared:
        return dict(level)
    mean = sum(shared) / len(shared)
    return {k: min(5.0, max(0.0, v + (onet[k] - mean if k in onet else 0.0))) for k, v in level.items()}


def positioning(you: dict[str, float], groups: dict[str, str], levels: pd.DataFrame, expectations: pd.DataFrame,
                targets: list[tuple[str, dict[str, float], str]]) -> pd.DataFrame:
    """Points for the map: you, every ladder level (with its track), and each target role.

    targets: (label, profile, how it was placed).
    """
    rows = []
    spot = position(you, groups)
    if spot:
        rows.append({"label": "You", "kind": "you", "track": None, "rank": None, "x": spot[0], "y": spot[1],
                     "detail": "from your linked accomplishments"})
    for lvl in levels.itertuples(index=False):
        spot = position(level_profile(expectations, lvl.code), groups)
        if spot:
            rows.append({"label": lvl.code, "kind": "level", "track": lvl.track, "rank": int(lvl.rank),
                         "x": spot[0], "y": spot[1], "detail": lvl.title})
    for label, profile, how in targets:
        spot = position(profile, groups)
        if spot:
            rows.append({"label": label, "kind": "target", "track": None, "rank": None, "x": spot[0],
                         "y": spot[1], "detail": how})
    return pd.DataFrame(rows, columns=["label", "kind", "track", "rank", "x", "y", "detail"])


def nearest_level(points: pd.DataFrame) -> str | None:
    """The ladder level closest to you on the map (Euclidean distance)."""
    you = points[points["kind"] == "you"]
    levels = points[points["kind"] == "level"]
    if you.empty or levels.empty:
        return None
    x, y = float(you.iloc[0]["x"]), float(you.iloc[0]["y"])
    dist = ((levels["x"] - x) ** 2 + (levels["y"] - y) ** 2) ** 0.5
    return str(levels.loc[dist.idxmin(), "label"])


def occupation_ratings(ratings: pd.DataFrame, code: str | None, proxies: dict[str, str]) -> tuple[pd.DataFrame, str | None, bool]:
    """The O*NET ratings that describe `code`: (ratings, code used, is a stand-in)."""
    if not code:
        return ratings.iloc[0:0], None, False
    used, is_proxy = rated_code(code, set(ratings["onet_soc_code"]), proxies)
    if not used:
        return ratings.iloc[0:0], None, False
    return ratings[ratings["onet_soc_code"] == used], used, is_proxy
