"""What is each skill worth on the market, and how well can you prove you have it?

The model, in four steps (all pure functions over small DataFrames):

1. **Mapping.** A skill points at O*NET skill or knowledge elements and/or O*NET technology
   examples: first your own links (the skill's O*NET link in the Journal, or rows you add with
   `careerdata skillmap add`), else the default map shipped in
   `sample_data/market/skill_map.csv`, else an exact name match with an O*NET element or
   technology. A skill with no mapping has no market value unless you give it your estimate.
2. **Relevance to a role** (an occupation at a target ladder level). Each link gets three components:
   - **O*NET** = (importance / 5) × (level / 7) from the occupation's O*NET ratings (an occupation
     with no ratings uses its documented stand-in, and the result says so). A technology is a tool
     of the craft: anchor × posting signal, where anchor = the occupation's Programming
     (importance / 5) × (level / 7) (0.5 without ratings) and posting signal = 0.4 + 0.2 if Hot +
     0.2 if In Demand for the occupation + 0.1 × share of the shipped occupations listing it + 0.1 ×
     share flagging it In Demand (so tools are told apart instead of tying at the flags' maximum).
   - **Ladder expectation** = the career ladder's expected proficiency (1–5) at the target level
     for the competency the element evidences (`element_competency.csv`: Coordination → influence,
     Management of Personnel Resources → people management, Programming and every technology →
     craft, ...), divided by 5. This is the seniority signal: at Staff (L6) influence is expected
     at 4, at Senior (L5) at 2.
   - **Pay weight** = 1 + r / 2, where r is the correlation of the element's O*NET importance with
     median wage across rated occupations (Market page, "Which skills pay"); technologies take
     Programming's.

   link score = √(O*NET × ladder expectation) × pay weight (O*NET × pay weight when the role has
   no ladder level). A skill scores the mean of its links that have data. A link the occupation
   has no data for says so in words ("not in the O*NET technology list of ..."); a skill with no
   scored link has **no value** (shown as such, never as 0).
3. **Value index for a role** = 100 × relevance × pay factor × demand factor, where pay
   factor = the occupation's BLS OEWS May 2025 median wage / the median of all computer
   occupations (SOC 15-1200), and demand factor = 1 + BLS projected employment growth 2024–34.
4. **Across several target roles**: the mean of the per-role values weighted by each
   occupation's BLS annual openings (how many jobs open per year), so bigger markets count more;
   a role where the skill has no data drops out of its mean.
   Your own estimate, where you set one, replaces the computed value and is labelled as yours.

Proficiency is shown two ways: your latest self-rating (1–5), and an **evidence level** (0–5)
from the accomplishments linked to the skill, by the one formula every page uses
(`careerdata.figures.evidence.evidence_levels`: scope × quality × recency points per win,
level = 5 × (1 − e^(−points / 2.5))).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import pandas as pd

from careerdata.core.text import name_key, text_or_none
from careerdata.figures import evidence as fevidence
from careerdata.market.pay_gradient import pay_weights, skill_pay_gradient

REFERENCE_SOC = "15-1200"  # BLS "Computer Occupations": the pay yardstick
HIGH_PROFICIENCY = 3.5  # above "on your own" (3): you could teach it (4) or are known for it (5)
GAP_UNPROVEN = 1.5  # self minus evidence at or above this: claimed but unproven
GAP_UNDERRATED = 1.0  # evidence minus self at or above this: proven but under-rated
IMPORTANT_ELEMENT = 3.0  # O*NET importance from which an element counts towards fit
PROGRAMMING = "2.B.3.e"  # the O*NET element technologies are anchored to
UNRATED_TECH_ANCHOR = 0.5
TECHNOLOGY = "technology"  # key of every O*NET technology in ladder_targets()
ANY_ELEMENT = "*"  # key of the level's mean expectation (an element with no competency mapped)
TECH_COMPETENCY = ("craft", "technical")  # technologies are tools of the craft
NO_VALUE = "No market data"  # the quadrant of a skill without a value: a word, never a silent 0

QUADRANTS = ("Leverage", "Invest", "Maintain", "Reconsider")
QUADRANT_MEANING = {
    NO_VALUE: "no value for this role: see why in the table",
    "Leverage": "high proficiency, high market value: lead with it",
    "Invest": "high market value, lower proficiency: the best place to grow",
    "Maintain": "high proficiency, lower market value: keep it, don't over-invest",
    "Reconsider": "lower proficiency and value: spend less time here",
}


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
    element_by_name = {name_key(n): e for e, n in zip(elements["element_id"], elements["name"], strict=True)}
    tech_by_name = {name_key(t): t for t in technologies.dropna().unique()}
    defaults: dict[str, list[tuple[str | None, str | None]]] = {}
    for row in default_map.itertuples(index=False):
        defaults.setdefault(name_key(row.skill), []).append((text_or_none(row.element_id), text_or_none(row.technology)))
    user: dict[int, list[tuple[str | None, str | None]]] = {}
    for row in user_map.itertuples(index=False):
        user.setdefault(int(row.skill_id), []).append((text_or_none(row.element_id), text_or_none(row.technology)))

    rows = []
    for skill in skills.itertuples(index=False):
        links: list[tuple[str | None, str | None, str]] = []
        own = list(user.get(int(skill.id), []))
        tax = text_or_none(skill.taxonomy_id)
        if tax:
            if tax in element_ids:
                own.append((tax, None))
            elif name_key(tax) in tech_by_name:
                own.append((None, tech_by_name[name_key(tax)]))
        links = [(e, t, "your link") for e, t in own]
        if not links:
            links = [(e, t, "default map") for e, t in defaults.get(name_key(skill.name), [])]
        if not links:
            if name_key(skill.name) in element_by_name:
                links = [(element_by_name[name_key(skill.name)], None, "name match")]
            elif name_key(skill.name) in tech_by_name:
                links = [(None, tech_by_name[name_key(skill.name)], "name match")]
        for element, tech, how in dict.fromkeys(links):
            rows.append({"skill_id": int(skill.id), "element_id": element, "technology": tech, "mapped_by": how})
    frame = pd.DataFrame(rows, columns=["skill_id", "element_id", "technology", "mapped_by"], dtype=object)
    return frame.astype({"skill_id": "int64"})


# --- 2. relevance -----------------------------------------------------------------------

def rated_code(code: str, rated_codes: set[str], proxies: dict[str, str]) -> tuple[str | None, bool]:
    """The occupation whose O*NET ratings stand for `code`, and whether it is a stand-in."""
    if code in rated_codes:
        return code, False
    proxy = proxies.get(code)
    if proxy and proxy in rated_codes:
        return proxy, True
    return None, False


def technology_breadth(tech: pd.DataFrame) -> pd.DataFrame:
    """Per technology: share of the shipped occupations that list it, and that flag it In Demand.

    tech: onet_soc_code, technology, in_demand (every occupation's list). These shares give the
    posting signal resolution where the per-occupation Hot/In Demand flags alone saturate.
    """
    total = tech["onet_soc_code"].nunique() or 1
    data = tech[["onet_soc_code", "technology"]].assign(demanded=tech["in_demand"].fillna(False).astype(bool))
    out = data.groupby("technology").agg(listed=("onet_soc_code", "nunique"), demanded=("demanded", "sum"))
    return pd.DataFrame({"listed_share": out["listed"] / total, "demand_share": out["demanded"] / total})


def posting_signal(hot: bool, in_demand: bool, listed_share: float, demand_share: float) -> float:
    """0.4 + 0.2·hot + 0.2·in demand here + 0.1·share of occupations listing it + 0.1·share demanding it."""
    return 0.4 + 0.2 * bool(hot) + 0.2 * bool(in_demand) + 0.1 * listed_share + 0.1 * demand_share


def ladder_targets(ladder: pd.DataFrame, element_competency: pd.DataFrame,
                   level: str | None) -> dict[str, tuple[float, str]] | None:
    """O*NET element (and TECHNOLOGY) -> (expected proficiency 1–5 at `level`, competency) from the ladder.

    The element's competency (element_competency.csv) is looked up by key; a ladder without that
    key uses the mean of its competencies in the same group, and failing that the mean of every
    competency at the level. None when the level is unknown or not in the ladder.
    """
    if not level:
        return None
    at = ladder[ladder["level_code"] == level]
    if at.empty:
        return None
    by_key = dict(zip(at["competency"], at["target"].astype(float), strict=True))
    by_group = at.groupby("grp")["target"].mean().to_dict()
    overall = float(at["target"].mean())

    def pick(competency: str, group: str) -> tuple[float, str]:
        if competency in by_key:
            return by_key[competency], competency
        if group in by_group:
            return float(by_group[group]), f"{group} competencies"
        return overall, "all competencies"

    out = {row.element_id: pick(row.competency, row.competency_group)
           for row in element_competency.itertuples(index=False)}
    out[TECHNOLOGY] = pick(*TECH_COMPETENCY)
    out[ANY_ELEMENT] = (overall, "all competencies")
    return out


COMPONENT_COLUMNS = ["skill_id", "link", "importance", "level", "onet", "ladder_expectation", "competency",
                     "pay_weight", "score", "note"]


def link_components(mappings: pd.DataFrame, ratings: pd.DataFrame, tech: pd.DataFrame, breadth: pd.DataFrame,
                    targets: dict[str, tuple[float, str]] | None, weights: dict[str, float],
                    occupation_title: str) -> pd.DataFrame:
    """Every link of every mapped skill scored for one occupation at one target level.

    ratings: element_id, importance (1–5), level (0–7) for the occupation (its own or its
    stand-in's); tech: technology, hot_technology, in_demand for the occupation; breadth: from
    technology_breadth(); targets: from ladder_targets() or None; weights: element -> pay weight.
    score = sqrt(onet × ladder) × pay weight (onet × pay weight without a ladder level); None with
    a note in words where the occupation has no data for the link.
    """
    by_element = {e: (float(i), float(v)) for e, i, v in zip(
        ratings["element_id"], ratings["importance"].fillna(0), ratings["level"].fillna(0), strict=True)}
    anchor = by_element.get(PROGRAMMING)
    by_tech = {t: (h, d) for t, h, d in zip(tech["technology"], tech["hot_technology"], tech["in_demand"],
                                            strict=True)}
    rows = []
    for row in mappings.itertuples(index=False):
        element, technology = text_or_none(row.element_id), text_or_none(row.technology)
        if element:
            link, key, pay = f"O*NET element {element}", element, weights.get(element, 1.0)
            if element not in by_element:
                rows.append(_row(row.skill_id, link, note=f"{occupation_title} has no O*NET rating for {element}"))
                continue
            importance, level = by_element[element]
            onet = (importance / 5.0) * (level / 7.0)
        else:
            link, key, pay = f"O*NET technology {technology}", TECHNOLOGY, weights.get(PROGRAMMING, 1.0)
            if technology not in by_tech:
                rows.append(_row(row.skill_id, link,
                                 note=f"not in the O*NET technology list of {occupation_title}"))
                continue
            importance, level = anchor if anchor else (None, None)
            base = (importance / 5.0) * (level / 7.0) if anchor else UNRATED_TECH_ANCHOR
            shares = breadth.loc[technology] if technology in breadth.index else {"listed_share": 0.0,
                                                                                    "demand_share": 0.0}
            onet = base * posting_signal(*by_tech[technology], shares["listed_share"], shares["demand_share"])
        expected, competency = (None, None)
        if targets is not None:
            expected, competency = targets.get(key, targets[ANY_ELEMENT])
        ladder = None if expected is None else expected / 5.0
        core = math.sqrt(onet * ladder) if ladder is not None else onet
        rows.append(_row(row.skill_id, link, importance, level, onet, ladder, competency, pay, core * pay, None))
    return pd.DataFrame(rows, columns=COMPONENT_COLUMNS)


def _row(skill_id, link, importance=None, level=None, onet=None, ladder=None, competency=None, pay=None,
         score=None, note=None) -> dict:
    return dict(zip(COMPONENT_COLUMNS, (int(skill_id), link, importance, level, onet, ladder, competency, pay,
                                        score, note), strict=True))


def skill_relevance(components: pd.DataFrame) -> pd.DataFrame:
    """Per skill: the mean score of its links that have data (None with the reasons when none has)."""
    scored: dict[int, list[float]] = {}
    links: dict[int, list[str]] = {}
    notes: dict[int, list[str]] = {}
    for row in components.itertuples(index=False):
        if row.score is None or pd.isna(row.score):
            notes.setdefault(row.skill_id, []).append(row.note)
        else:
            scored.setdefault(row.skill_id, []).append(float(row.score))
            links.setdefault(row.skill_id, []).append(row.link)
        notes.setdefault(row.skill_id, [])
    out = [{"skill_id": k, "relevance": sum(scored[k]) / len(scored[k]), "basis": ", ".join(links[k])} if k in scored
           else {"skill_id": k, "relevance": None, "basis": "; ".join(n for n in notes[k] if n)} for k in notes]
    return pd.DataFrame(out, columns=["skill_id", "relevance", "basis"])


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
    relevance: list[pd.DataFrame],
    estimates: pd.DataFrame,
) -> pd.DataFrame:
    """Value index per skill across the chosen roles (openings-weighted mean), with its source.

    relevance: one skill_relevance() frame per entry of `occupations` (a role at a level);
    estimates: skill_id, value, note. A role where the skill has no data drops out of that
    skill's mean (the weights of the others are renormalised). Returns skill_id, market_value
    (NaN where there is no value), value_source ('market' | 'your estimate' | 'no market data'),
    basis (the links used, or in words why there is no value).
    """
    sums: dict[int, float] = {}
    weights: dict[int, float] = {}
    basis: dict[int, str] = {}
    reasons: dict[int, list[str]] = {}
    for occ, rel in zip(occupations, relevance, strict=True):
        weight = occ.openings_thousands or 1.0
        for row in rel.itertuples(index=False):
            if row.relevance is None or pd.isna(row.relevance):
                reasons.setdefault(row.skill_id, []).append(row.basis)
                continue
            value = 100.0 * row.relevance * occ.pay_factor * occ.demand_factor
            sums[row.skill_id] = sums.get(row.skill_id, 0.0) + value * weight
            weights[row.skill_id] = weights.get(row.skill_id, 0.0) + weight
            basis.setdefault(row.skill_id, row.basis)
    mapped = set(mappings["skill_id"])
    own = {int(s): float(v) for s, v in zip(estimates["skill_id"], estimates["value"], strict=True)}
    rows = []
    for skill_id in skills["id"].astype(int):
        if skill_id in own:
            rows.append((skill_id, own[skill_id], "your estimate", "your estimate"))
        elif skill_id in weights:
            rows.append((skill_id, sums[skill_id] / weights[skill_id], "market", basis[skill_id]))
        elif skill_id in mapped and occupations:
            why = "; ".join(dict.fromkeys(reasons.get(skill_id, []))) or "no O*NET data for its links"
            rows.append((skill_id, math.nan, "no market data", why))
        else:
            rows.append((skill_id, math.nan, "no market data", "no O*NET mapping: link it in the Journal"))
    return pd.DataFrame(rows, columns=["skill_id", "market_value", "value_source", "basis"])


# --- proficiency ------------------------------------------------------------------------

def evidence_levels(evidence: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """Evidence level (0–5) per skill: `careerdata.figures.evidence.evidence_levels` keyed by skill_id.

    evidence: skill_id, done_on, scope, metrics (count), verified (count of verified metrics).
    Returns skill_id, evidence_level, evidence_points, accomplishments, quantified.
    """
    return fevidence.evidence_levels(evidence, today, key="skill_id")


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
    if value is None or pd.isna(value):
        return NO_VALUE
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
    value" means high *within your own portfolio* for the chosen roles. A skill without a value
    keeps NaN and the quadrant NO_VALUE, with the reason in `basis`.
    """
    if proficiency not in ("self", "evidence"):
        raise ValueError("proficiency is 'self' or 'evidence'")
    frame = skills[["id", "name", "kind", "self_level"]].rename(columns={"id": "skill_id"})
    frame = frame.merge(values, on="skill_id", how="left").merge(
        evidence[["skill_id", "evidence_level", "evidence_points", "accomplishments", "quantified"]],
        on="skill_id", how="left")
    frame = frame.fillna({"evidence_level": 0.0, "evidence_points": 0.0, "accomplishments": 0, "quantified": 0})
    frame["market_value"] = frame["market_value"].astype(float)
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
    frame["value_gain"] = (frame["market_value"].fillna(0.0) * (4.0 - frame["proficiency"]).clip(lower=0) / 4.0
                           ).round(1)
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


@dataclass(frozen=True)
class RoleTarget:
    """An occupation valued at a ladder level (None: no level, so no ladder component)."""

    code: str
    level: str | None = None
    name: str = ""


@dataclass
class MatrixResult:
    """The matrix for one choice of roles, with what it was computed from."""

    frame: pd.DataFrame
    value_threshold: float
    occupations: list[Occupation]
    stand_ins: dict[str, str]  # occupation code -> code of the stand-in whose ratings were used
    mappings: pd.DataFrame
    components: pd.DataFrame = field(default_factory=pd.DataFrame)  # per role, skill and link: the basis
    targets: list[RoleTarget] = field(default_factory=list)

    def quadrant_count(self, quadrant: str) -> int:
        """Skills in `quadrant` (one of QUADRANTS, or NO_VALUE): the Matrix's KPIs."""
        return int((self.frame["quadrant"] == quadrant).sum()) if not self.frame.empty else 0

    @property
    def unproven(self) -> int:
        """Skills whose finding is "claimed but unproven" (`proficiency_finding`)."""
        return int((self.frame["finding"] == "claimed but unproven").sum()) if not self.frame.empty else 0


def role_choices(inputs) -> dict[str, list[RoleTarget]]:
    """Selector label -> roles: all target roles, each target role (at its level), then every occupation."""
    choices: dict[str, list[RoleTarget]] = {}
    targets = inputs.target_roles.dropna(subset=["onet_soc_code"])
    if not targets.empty:
        choices[ALL_TARGETS] = [RoleTarget(r.onet_soc_code, r.level or None, r.name)
                                for r in targets.itertuples(index=False)]
        for row in targets.itertuples(index=False):
            where = f", {row.company}" if row.company else ""
            choices[f"{row.name} ({row.level}{where})"] = [RoleTarget(row.onet_soc_code, row.level or None,
                                                                      row.name)]
    for row in inputs.roles.itertuples(index=False):
        choices[f"O*NET: {row.title} ({row.onet_soc_code})"] = [RoleTarget(row.onet_soc_code, None, row.title)]
    return choices


def resolve_role(inputs, role: str | None) -> tuple[str, list[RoleTarget]]:
    """A target-role name, an O*NET-SOC code or an O*NET title -> (label, roles); None = all targets."""
    choices = role_choices(inputs)
    if not role:
        if ALL_TARGETS in choices:
            return ALL_TARGETS, choices[ALL_TARGETS]
        raise LookupError("no target role has an O*NET occupation yet; pass --role with an O*NET-SOC code")
    wanted = name_key(role)
    for row in inputs.target_roles.itertuples(index=False):
        if name_key(row.name) == wanted:
            if not row.onet_soc_code:
                raise LookupError(f"target role {row.name!r} has no O*NET occupation; set one first")
            return row.name, [RoleTarget(row.onet_soc_code, row.level or None, row.name)]
    for row in inputs.roles.itertuples(index=False):
        if wanted in (name_key(row.onet_soc_code), name_key(row.title)):
            return f"{row.title} ({row.onet_soc_code})", [RoleTarget(row.onet_soc_code, None, row.title)]
    raise LookupError(f"unknown role {role!r}: use a target-role name, an O*NET-SOC code or an O*NET title")


def compute_matrix(inputs, targets: list, proficiency: str, today: dt.date) -> MatrixResult:
    """The whole model for the chosen roles (RoleTarget, or a bare O*NET code valued without a level)."""
    roles = [t if isinstance(t, RoleTarget) else RoleTarget(str(t)) for t in targets]
    mappings = resolve_mappings(inputs.skills, inputs.default_map, inputs.user_map, inputs.elements,
                                inputs.technologies)
    rated = set(inputs.ratings["onet_soc_code"])
    weights = pay_weights(skill_pay_gradient(inputs.ratings, inputs.roles, kinds=("skill", "knowledge")))
    breadth = technology_breadth(inputs.tech)
    occupations, relevance, stand_ins, parts, used = [], [], {}, [], []
    for role in dict.fromkeys(roles):
        try:
            occ = occupation(role.code, inputs.roles, inputs.projections, inputs.reference_median)
        except KeyError:
            continue
        source, is_proxy = rated_code(role.code, rated, inputs.proxies)
        if is_proxy:
            stand_ins[role.code] = source
        ratings = inputs.ratings[inputs.ratings["onet_soc_code"] == source] if source else inputs.ratings.iloc[0:0]
        tech = inputs.tech[inputs.tech["onet_soc_code"] == role.code]
        targets_at = ladder_targets(inputs.ladder, inputs.element_competency, role.level)
        comp = link_components(mappings, ratings, tech, breadth, targets_at, weights, occ.title)
        parts.append(comp.assign(occupation=role.code, stand_in=source if is_proxy else None,
                                 target_level=role.level if targets_at is not None else None))
        occupations.append(occ)
        relevance.append(skill_relevance(comp))
        used.append(role)
    values = market_values(inputs.skills, mappings, occupations, relevance, inputs.estimates)
    evidence = evidence_levels(inputs.evidence, today)
    frame, threshold = skill_matrix(inputs.skills, values, evidence, proficiency)
    components = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=[*COMPONENT_COLUMNS, "occupation", "stand_in", "target_level"])
    return MatrixResult(frame, threshold, occupations, stand_ins, mappings, components, used)
