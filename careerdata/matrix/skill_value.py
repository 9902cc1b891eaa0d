"""What is each skill worth on the market, and how well can you prove you have it?

The model, in four steps (all pure functions over small DataFrames):

1. **Mapping.** A skill points at O*NET skill or knowledge elements and/or O*NET technology
   examples: first your own links (the skill's O*NET link in the Journal, or rows you add with
   `careerdata skillmap add`), else the default map shipped in
   `sample_data/market/skill_map.csv`, else an exact name match with an O*NET element or
   technology. A skill with no mapping has no market value unless you give it your estimate.
2. **Relevance to an occupation** (0–1). For an element: (importance / 5) × (level / 7) from the
   occupation's O*NET ratings. A technology is a tool of the craft, so it is anchored to the
   occupation's Programming relevance and scaled by the posting signal: anchor × (0.5 when the
   occupation lists it, +0.25 if it is a Hot Technology, +0.25 if it is In Demand for that
   occupation); the anchor is 0.5 where the occupation has no ratings. A tool is therefore never
   worth more than the craft it serves. A skill with several mappings takes its best one. An occupation with no O*NET ratings uses its documented
   stand-in occupation (`market_proxy`), and the result says so.
3. **Value index for an occupation** = 100 × relevance × pay factor × demand factor, where pay
   factor = the occupation's BLS OEWS May 2025 median wage / the median of all computer
   occupations (SOC 15-1200), and demand factor = 1 + BLS projected employment growth 2024–34.
   100 means "as important as a skill gets, in a job paying the computer-occupations median,
   with flat demand".
4. **Across several target roles**: the mean of the per-occupation values weighted by each
   occupation's BLS annual openings (how many jobs open per year), so bigger markets count more.
   Your own estimate, where you set one, replaces the computed value and is labelled as yours.

Proficiency is shown two ways: your latest self-rating (1–5), and an **evidence level** (0–5)
from the accomplishments linked to the skill: each counts 1 point, × 1.5 with a metric (× 2 with
a verified one), × 1.25 at org scope and × 1.5 at company or external scope, halved for every two
years since it was done; evidence level = 5 × (1 − e^(−points / 2.5)).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

REFERENCE_SOC = "15-1200"  # BLS "Computer Occupations": the pay yardstick
HIGH_PROFICIENCY = 3.5  # above "on your own" (3): you could teach it (4) or are known for it (5)
EVIDENCE_HALF_LIFE_YEARS = 2.0
EVIDENCE_SCALE = 2.5
GAP_UNPROVEN = 1.5  # self minus evidence at or above this: claimed but unproven
GAP_UNDERRATED = 1.0  # evidence minus self at or above this: proven but under-rated
IMPORTANT_ELEMENT = 3.0  # O*NET importance from which an element counts towards fit
PROGRAMMING = "2.B.3.e"  # the O*NET element technologies are anchored to
UNRATED_TECH_ANCHOR = 0.5

QUADRANTS = ("Leverage", "Invest", "Maintain", "Reconsider")
QUADRANT_MEANING = {
    "Leverage": "high proficiency, high market value: lead with it",
    "Invest": "high market value, lower proficiency: the best place to grow",
    "Maintain": "high proficiency, lower market value: keep it, don't over-invest",
    "Reconsider": "lower proficiency and value: spend less time here",
}


def _key(name: str) -> str:
    return " ".join(str(name).split()).casefold()


def is_element_id(value: str | None) -> bool:
    return bool(value) and str(value).startswith("2.") and all(p.isalnum() for p in str(value).split("."))


# --- 1. mapping -------------------------------------------------------------------------

def resolve_mappings(
    skills: pd.DataFrame,
    default_map: pd.DataFrame,
    user_map: pd.DataFrame,
    elements: pd.DataFrame,
    technologies: pd.Series,
) -> pd.DataFrame:
    """One row per (skill, element or technology) with how the link was made.

    skills: id, name, taxonomy_id; default_map: skill, element_id, technology;
    user_map: skill_id, element_id, technology; elements: element_id, name;
    technologies: every O*NET technology name.
    """
    element_ids = set(elements["element_id"])
    element_by_name = {_key(n): e for e, n in zip(elements["element_id"], elements["name"], strict=True)}
    tech_by_name = {_key(t): t for t in technologies.dropna().unique()}
    defaults: dict[str, list[tuple[str | None, str | None]]] = {}
    for row in default_map.itertuples(index=False):
        defaults.setdefault(_key(row.skill), []).append((_none(row.element_id), _none(row.technology)))
    user: dict[int, list[tuple[str | None, str | None]]] = {}
    for row in user_map.itertuples(index=False):
        user.setdefault(int(row.skill_id), []).append((_none(row.element_id), _none(row.technology)))

    rows = []
    for skill in skills.itertuples(index=False):
        links: list[tuple[str | None, str | None, str]] = []
        own = list(user.get(int(skill.id), []))
        tax = _none(skill.taxonomy_id)
        if tax:
            if tax in element_ids:
                own.append((tax, None))
            elif _key(tax) in tech_by_name:
                own.append((None, tech_by_name[_key(tax)]))
        links = [(e, t, "your link") for e, t in own]
        if not links:
            links = [(e, t, "default map") for e, t in defaults.get(_key(skill.name), [])]
        if not links:
            if _key(skill.name) in element_by_name:
                links = [(element_by_name[_key(skill.name)], None, "name match")]
            elif _key(skill.name) in tech_by_name:
                links = [(None, tech_by_name[_key(skill.name)], "name match")]
        for element, tech, how in dict.fromkeys(links):
            rows.append({"skill_id": int(skill.id), "element_id": element, "technology": tech, "mapped_by": how})
    frame = pd.DataFrame(rows, columns=["skill_id", "element_id", "technology", "mapped_by"], dtype=object)
    return frame.astype({"skill_id": "int64"})


def _none(value):
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    value = str(value).strip()
    return value or None


# --- 2. relevance -----------------------------------------------------------------------

def rated_code(code: str, rated_codes: set[str], proxies: dict[str, str]) -> tuple[str | None, bool]:
    """The occupation whose O*NET ratings stand for `code`, and whether it is a stand-in."""
    if code in rated_codes:
        return code, False
    proxy = proxies.get(code)
    if proxy and proxy in rated_codes:
        return proxy, True
    return None, False


def skill_relevance(mappings: pd.DataFrame, ratings: pd.DataFrame, tech: pd.DataFrame) -> pd.DataFrame:
    """Best relevance (0–1) of each mapped skill to one occupation.

    ratings: element_id, importance (1–5), level (0–7) for the occupation (skills and knowledge);
    tech: technology, hot_technology, in_demand for the occupation.
    """
    by_element = {
        e: (imp / 5.0) * (lvl / 7.0)
        for e, imp, lvl in zip(ratings["element_id"], ratings["importance"].fillna(0), ratings["level"].fillna(0),
                               strict=True)
    }
    anchor = by_element.get(PROGRAMMING, UNRATED_TECH_ANCHOR) if not ratings.empty else UNRATED_TECH_ANCHOR
    by_tech = {
        t: anchor * (0.5 + 0.25 * bool(h) + 0.25 * bool(d))
        for t, h, d in zip(tech["technology"], tech["hot_technology"], tech["in_demand"], strict=True)
    }
    best: dict[int, tuple[float, str]] = {}
    for row in mappings.itertuples(index=False):
        element = _none(row.element_id)
        if element:
            score, basis = by_element.get(element, 0.0), f"O*NET element {element}"
        else:
            score, basis = by_tech.get(row.technology, 0.0), f"O*NET technology {row.technology}"
        if row.skill_id not in best or score > best[row.skill_id][0]:
            best[row.skill_id] = (score, basis)
    return pd.DataFrame(
        [{"skill_id": k, "relevance": v[0], "basis": v[1]} for k, v in best.items()],
        columns=["skill_id", "relevance", "basis"],
    )


# --- 3. occupation weights --------------------------------------------------------------

@dataclass(frozen=True)
class Occupation:
    code: str
    title: str
    median_wage: float | None
    pay_factor: float
    demand_factor: float
    openings_thousands: float | None
    growth_pct: float | None
    wage_is_group: bool


def occupation(code: str, roles: pd.DataFrame, projections: pd.DataFrame, reference_median: float) -> Occupation:
    """Pay and demand factors of one O*NET occupation from BLS data (1.0 where BLS has no figure)."""
    row = roles[roles["onet_soc_code"] == code]
    if row.empty:
        raise KeyError(code)
    row = row.iloc[0]
    proj = projections[projections["soc_code"] == row["soc_code"]]
    growth = None if proj.empty or pd.isna(proj.iloc[0]["change_2024_34_pct"]) else float(
        proj.iloc[0]["change_2024_34_pct"])
    openings = None if proj.empty or pd.isna(proj.iloc[0]["annual_openings_thousands"]) else float(
        proj.iloc[0]["annual_openings_thousands"])
    median = None if pd.isna(row["median_wage"]) else float(row["median_wage"])
    return Occupation(
        code=code,
        title=str(row["title"]),
        median_wage=median,
        pay_factor=median / reference_median if median and reference_median else 1.0,
        demand_factor=1.0 + (growth or 0.0) / 100.0,
        openings_thousands=openings,
        growth_pct=growth,
        wage_is_group=bool(row["wage_is_soc_aggregate"]),
    )


# --- 4. values across roles -------------------------------------------------------------

def market_values(
    skills: pd.DataFrame,
    mappings: pd.DataFrame,
    occupations: list[Occupation],
    relevance_by_code: dict[str, pd.DataFrame],
    estimates: pd.DataFrame,
) -> pd.DataFrame:
    """Value index per skill across `occupations` (openings-weighted mean), with its source.

    relevance_by_code: occupation code -> skill_relevance() frame; estimates: skill_id, value, note.
    Returns skill_id, market_value, value_source ('market' | 'your estimate' | 'no market data'), basis.
    """
    weights = {o.code: (o.openings_thousands or 1.0) for o in occupations}
    total_weight = sum(weights.values()) or 1.0
    values: dict[int, float] = {}
    basis: dict[int, str] = {}
    for occ in occupations:
        rel = relevance_by_code.get(occ.code)
        if rel is None:
            continue
        for row in rel.itertuples(index=False):
            value = 100.0 * row.relevance * occ.pay_factor * occ.demand_factor
            values[row.skill_id] = values.get(row.skill_id, 0.0) + value * weights[occ.code] / total_weight
            basis.setdefault(row.skill_id, row.basis)
    mapped = set(mappings["skill_id"])
    own = {int(s): float(v) for s, v in zip(estimates["skill_id"], estimates["value"], strict=True)}
    rows = []
    for skill_id in skills["id"].astype(int):
        if skill_id in own:
            rows.append((skill_id, own[skill_id], "your estimate", "your estimate"))
        elif skill_id in mapped and occupations:
            rows.append((skill_id, values.get(skill_id, 0.0), "market", basis.get(skill_id, "")))
        else:
            rows.append((skill_id, 0.0, "no market data", "no O*NET mapping: link it in the Journal"))
    return pd.DataFrame(rows, columns=["skill_id", "market_value", "value_source", "basis"])


# --- proficiency ------------------------------------------------------------------------

SCOPE_WEIGHT = {"team": 1.0, "org": 1.25, "company": 1.5, "external": 1.5}


def evidence_levels(evidence: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """Evidence level (0–5) per skill from linked accomplishments, recency-weighted.

    evidence: skill_id, done_on, scope, metrics (count), verified (count of verified metrics).
    """
    cols = ["skill_id", "evidence_level", "evidence_points", "accomplishments", "quantified"]
    if evidence.empty:
        return pd.DataFrame(columns=cols)
    age_years = ((pd.Timestamp(today) - pd.to_datetime(evidence["done_on"])).dt.days.clip(lower=0) / 365.25)
    recency = 0.5 ** (age_years / EVIDENCE_HALF_LIFE_YEARS)
    quality = evidence["verified"].gt(0).map({True: 2.0, False: 1.0}).where(
        evidence["verified"].gt(0), evidence["metrics"].gt(0).map({True: 1.5, False: 1.0}))
    scope = evidence["scope"].map(SCOPE_WEIGHT).fillna(1.0)
    points = evidence.assign(points=recency * quality * scope, quantified=(evidence["metrics"] > 0).astype(int))
    out = points.groupby("skill_id", as_index=False).agg(
        evidence_points=("points", "sum"), accomplishments=("points", "size"), quantified=("quantified", "sum"))
    out["evidence_level"] = (5.0 * (1.0 - (-out["evidence_points"] / EVIDENCE_SCALE).map(math.exp))).round(1)
    return out[cols]


def proficiency_finding(self_level: float | None, evidence_level: float) -> str:
    """Name the gap between what you claim and what your record shows."""
    if self_level is None or pd.isna(self_level):
        return "not self-assessed"
    if self_level - evidence_level >= GAP_UNPROVEN:
        return "claimed but unproven"
    if evidence_level - self_level >= GAP_UNDERRATED:
        return "proven but under-rated"
    return "consistent"


def quadrant(proficiency: float, value: float, value_threshold: float) -> str:
    high_p = proficiency >= HIGH_PROFICIENCY
    high_v = value > value_threshold
    if high_p and high_v:
        return "Leverage"
    if high_v:
        return "Invest"
    if high_p:
        return "Maintain"
    return "Reconsider"


def skill_matrix(skills: pd.DataFrame, values: pd.DataFrame, evidence: pd.DataFrame,
                 proficiency: str = "self") -> tuple[pd.DataFrame, float]:
    """Join everything into one row per skill with its quadrant; return (frame, value threshold).

    The value threshold is the median market value of your skills that have one (> 0), so "high
    value" means high *within your own portfolio* for the chosen roles.
    """
    if proficiency not in ("self", "evidence"):
        raise ValueError("proficiency is 'self' or 'evidence'")
    frame = skills[["id", "name", "kind", "self_level"]].rename(columns={"id": "skill_id"})
    frame = frame.merge(values, on="skill_id", how="left").merge(
        evidence[["skill_id", "evidence_level", "evidence_points", "accomplishments", "quantified"]],
        on="skill_id", how="left")
    frame = frame.fillna({"evidence_level": 0.0, "evidence_points": 0.0, "accomplishments": 0, "quantified": 0,
                          "market_value": 0.0})
    frame["accomplishments"] = frame["accomplishments"].astype(int)
    frame["quantified"] = frame["quantified"].astype(int)
    frame["self_level"] = frame["self_level"].astype("Float64")
    positive = frame.loc[frame["market_value"] > 0, "market_value"]
    threshold = float(positive.median()) if not positive.empty else 0.0
    column = "self_level" if proficiency == "self" else "evidence_level"
    frame["proficiency"] = frame[column].fillna(0).astype(float)
    frame["quadrant"] = [quadrant(p, v, threshold) for p, v in zip(frame["proficiency"], frame["market_value"],
                                                                     strict=True)]
    frame["finding"] = [proficiency_finding(s, e) for s, e in zip(frame["self_level"], frame["evidence_level"],
                                                                   strict=True)]
    frame["value_gain"] = (frame["market_value"] * (4.0 - frame["proficiency"]).clip(lower=0) / 4.0).round(1)
    frame["market_value"] = frame["market_value"].round(1)
    return frame.sort_values("name").reset_index(drop=True), threshold


def invest_next(matrix: pd.DataFrame, limit: int = 10) -> pd.DataFrame:
    """Skills whose market value you would unlock most by reaching level 4 (teach others).

    Expected value gain = market value × (4 − current proficiency) / 4.
    """
    rows = matrix[(matrix["value_gain"] > 0) & (matrix["value_source"] != "no market data")]
    return rows.sort_values(["value_gain", "market_value"], ascending=False).head(limit).reset_index(drop=True)


def lead_with(matrix: pd.DataFrame, limit: int = 8) -> pd.DataFrame:
    """Leverage skills ranked by market value × evidence level: proven and valued."""
    rows = matrix[matrix["quadrant"] == "Leverage"]
    order = (rows["market_value"] * rows["evidence_level"]).sort_values(ascending=False).index
    return rows.loc[order].head(limit).reset_index(drop=True)


def unproven(matrix: pd.DataFrame) -> pd.DataFrame:
    """Skills you rate well above what your accomplishments show."""
    rows = matrix[matrix["finding"] == "claimed but unproven"]
    gap = rows["self_level"].astype(float) - rows["evidence_level"]
    return rows.loc[gap.sort_values(ascending=False).index].reset_index(drop=True)


def ranked_table(matrix: pd.DataFrame) -> pd.DataFrame:
    """One table for the page and the CSV download: every skill with its recommendation."""
    invest = set(invest_next(matrix)["skill_id"])
    lead = set(lead_with(matrix)["skill_id"])
    recommendation = []
    for row in matrix.itertuples(index=False):
        tags = []
        if row.skill_id in lead:
            tags.append("lead with it in a pitch")
        if row.skill_id in invest:
            tags.append("invest next")
        if row.finding == "claimed but unproven":
            tags.append("prove it: log evidence")
        if row.finding == "proven but under-rated":
            tags.append("rate yourself higher")
        recommendation.append("; ".join(tags))
    out = matrix.assign(recommendation=recommendation)
    cols = ["name", "kind", "quadrant", "market_value", "value_source", "self_level", "evidence_level",
            "accomplishments", "quantified", "value_gain", "finding", "recommendation", "basis"]
    return out.sort_values(["value_gain", "market_value"], ascending=False)[cols].reset_index(drop=True)


# --- putting it together ----------------------------------------------------------------

ALL_TARGETS = "All my target roles"


@dataclass
class MatrixResult:
    """The matrix for one choice of roles, with what it was computed from."""

    frame: pd.DataFrame
    value_threshold: float
    occupations: list[Occupation]
    stand_ins: dict[str, str]  # occupation code -> code of the stand-in whose ratings were used
    mappings: pd.DataFrame


def role_choices(inputs) -> dict[str, list[str]]:
    """Selector label -> O*NET codes: all target roles, each target role, then every occupation."""
    choices: dict[str, list[str]] = {}
    targets = inputs.target_roles.dropna(subset=["onet_soc_code"])
    if not targets.empty:
        choices[ALL_TARGETS] = list(dict.fromkeys(targets["onet_soc_code"]))
        for row in targets.itertuples(index=False):
            where = f", {row.company}" if row.company else ""
            choices[f"{row.name} ({row.level}{where})"] = [row.onet_soc_code]
    for row in inputs.roles.itertuples(index=False):
        choices[f"O*NET: {row.title} ({row.onet_soc_code})"] = [row.onet_soc_code]
    return choices


def resolve_role(inputs, role: str | None) -> tuple[str, list[str]]:
    """A target-role name, an O*NET-SOC code or an O*NET title -> (label, codes); None = all targets."""
    choices = role_choices(inputs)
    if not role:
        if ALL_TARGETS in choices:
            return ALL_TARGETS, choices[ALL_TARGETS]
        raise LookupError("no target role has an O*NET occupation yet; pass --role with an O*NET-SOC code")
    wanted = _key(role)
    for row in inputs.target_roles.itertuples(index=False):
        if _key(row.name) == wanted:
            if not row.onet_soc_code:
                raise LookupError(f"target role {row.name!r} has no O*NET occupation; set one first")
            return row.name, [row.onet_soc_code]
    for row in inputs.roles.itertuples(index=False):
        if wanted in (_key(row.onet_soc_code), _key(row.title)):
            return f"{row.title} ({row.onet_soc_code})", [row.onet_soc_code]
    raise LookupError(f"unknown role {role!r}: use a target-role name, an O*NET-SOC code or an O*NET title")


def compute_matrix(inputs, codes: list[str], proficiency: str, today: dt.date) -> MatrixResult:
    """The whole model for the chosen occupations."""
    mappings = resolve_mappings(inputs.skills, inputs.default_map, inputs.user_map, inputs.elements,
                                inputs.technologies)
    rated = set(inputs.ratings["onet_soc_code"])
    occupations, relevance, stand_ins = [], {}, {}
    for code in dict.fromkeys(codes):
        try:
            occ = occupation(code, inputs.roles, inputs.projections, inputs.reference_median)
        except KeyError:
            continue
        occupations.append(occ)
        source, is_proxy = rated_code(code, rated, inputs.proxies)
        if is_proxy:
            stand_ins[code] = source
        ratings = inputs.ratings[inputs.ratings["onet_soc_code"] == source] if source else inputs.ratings.iloc[0:0]
        tech = inputs.tech[inputs.tech["onet_soc_code"] == code]
        relevance[code] = skill_relevance(mappings, ratings, tech)
    values = market_values(inputs.skills, mappings, occupations, relevance, inputs.estimates)
    evidence = evidence_levels(inputs.evidence, today)
    frame, threshold = skill_matrix(inputs.skills, values, evidence, proficiency)
    return MatrixResult(frame, threshold, occupations, stand_ins, mappings)
