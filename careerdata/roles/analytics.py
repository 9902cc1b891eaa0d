"""Compare target roles: fit, gaps, pay, demand, supporting evidence and a learning plan.

**Requirements.** A target role lists required skills with importance (1–5), required level
(1–5) and a must-have flag. An O*NET occupation chosen directly gets its requirements from its
O*NET profile: the skills rated important (importance ≥ 3; importance rounded,
level 0–7 rescaled to 1–5) plus its In Demand technologies (importance 4, level 3) and Hot
Technologies (importance 3, level 3). A requirement is named after your skill linked to that
O*NET element or technology where you have one, otherwise after the O*NET name.

**Your level** on a requirement is the best of your skills that match it by name, or whose
O*NET link (element or technology) has that name: your self-rating, or the evidence level.

**Fit** (0–100) = coverage × must-have gate, where coverage = 100 × Σ importance × min(1, your
level / required level) / Σ importance, and the **must-have gate** is soft: gate = 0.5 + 0.5 × m,
with m the lowest coverage min(1, level / required) among the must-have skills (1 without
must-haves). A must-have you do not have at all halves the fit; one you half meet takes a
quarter off; the fit never drops to a bare 0 because of one gap, and the reason is given in
words ("35, lowered from 70: People management is below M1's must-have level 4; you: none").

**Gaps** are requirements where your level is below the required one, must-haves first, then by
importance × shortfall (levels missing). **Learning plan**: a gap's effort is your estimate in
weeks (default 4 weeks per missing level); at each step the gap that adds the most fit per week
if closed next is taken, and the projected fit is recomputed after each step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from careerdata.core.text import name_key, text_or_none
from careerdata.figures import fit as ffit
from careerdata.matrix.skill_value import IMPORTANT_ELEMENT, rated_code
from careerdata.roles.pay import PayEstimate, pay_estimate

DEFAULT_WEEKS_PER_LEVEL = 4.0
REQ_COLUMNS = ["skill", "importance", "required_level", "must_have"]


@dataclass
class RoleSpec:
    """One role in a comparison: a saved target role or an O*NET occupation chosen directly."""

    key: str
    name: str
    onet_soc_code: str | None
    requirements: pd.DataFrame
    level: str = ""
    company: str = ""
    target_role_id: int | None = None
    pay_min: float | None = None
    pay_max: float | None = None
    pay_points: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["amount", "kind", "as_of",
                                                                                    "note"]))
    notes: list[str] = field(default_factory=list)


# --- requirements -----------------------------------------------------------------------

def occupation_requirements(code: str, inputs, mappings: pd.DataFrame, max_elements: int = 14,
                            max_technologies: int = 8) -> tuple[pd.DataFrame, str | None]:
    """Requirements drafted from an occupation's O*NET profile; returns (frame, stand-in code)."""
    names = _linked_names(inputs.skills, mappings)
    source, is_proxy = rated_code(code, set(inputs.ratings["onet_soc_code"]), inputs.proxies)
    rows = []
    if source:
        ratings = inputs.ratings[(inputs.ratings["onet_soc_code"] == source)
                                 & (inputs.ratings["kind"] == "skill")
                                 & (inputs.ratings["importance"] >= IMPORTANT_ELEMENT)
                                 & (inputs.ratings["level"] > 0)]
        for r in ratings.sort_values("importance", ascending=False).head(max_elements).itertuples(index=False):
            rows.append({"skill": names.get(("e", r.element_id), r.name), "importance": int(round(r.importance)),
                         "required_level": max(1, min(5, int(round(r.level / 7 * 5)))), "must_have": False})
    tech = inputs.tech[(inputs.tech["onet_soc_code"] == code) & (inputs.tech["hot_technology"]
                                                                 | inputs.tech["in_demand"])]
    tech = tech.assign(_rank=tech["in_demand"].astype(int) * 2 + tech["hot_technology"].astype(int))
    for t in tech.sort_values(["_rank", "technology"], ascending=[False, True]).head(max_technologies) \
            .itertuples(index=False):
        rows.append({"skill": names.get(("t", t.technology), t.technology),
                     "importance": 4 if t.in_demand else 3, "required_level": 3, "must_have": False})
    frame = pd.DataFrame(rows, columns=REQ_COLUMNS).drop_duplicates(subset="skill", keep="first")
    return frame.reset_index(drop=True), (source if is_proxy else None)


def _linked_names(skills: pd.DataFrame, mappings: pd.DataFrame) -> dict[tuple[str, str], str]:
    """('e', element_id) or ('t', technology) -> the name of your skill linked to it."""
    by_id = dict(zip(skills["id"], skills["name"], strict=True))
    out: dict[tuple[str, str], str] = {}
    for row in mappings.itertuples(index=False):
        element, tech = text_or_none(row.element_id), text_or_none(row.technology)
        key = ("e", element) if element else ("t", tech)
        out.setdefault(key, by_id.get(row.skill_id, ""))
    return out


# --- your levels ------------------------------------------------------------------------

def level_lookup(skills: pd.DataFrame, mappings: pd.DataFrame, evidence: pd.DataFrame,
                 elements: pd.DataFrame) -> dict[str, tuple[float, float, str]]:
    """Requirement name key -> (self level, evidence level, your skill) for every way a name can match."""
    ev = dict(zip(evidence["skill_id"], evidence["evidence_level"], strict=True)) if not evidence.empty else {}
    element_names = dict(zip(elements["element_id"], elements["name"], strict=True))
    by_id = {int(r.id): r for r in skills.itertuples(index=False)}
    out: dict[str, tuple[float, float, str]] = {}

    def offer(key: str, skill_id: int) -> None:
        s = by_id[skill_id]
        candidate = (float(s.self_level) if pd.notna(s.self_level) else 0.0, float(ev.get(skill_id, 0.0)), s.name)
        if key not in out or candidate[:2] > out[key][:2]:
            out[key] = candidate

    for skill_id in by_id:
        offer(name_key(by_id[skill_id].name), skill_id)
    for row in mappings.itertuples(index=False):
        element, tech = text_or_none(row.element_id), text_or_none(row.technology)
        if element and element in element_names:
            offer(name_key(element_names[element]), int(row.skill_id))
        if tech:
            offer(name_key(tech), int(row.skill_id))
    return out


def with_current(requirements: pd.DataFrame, lookup: dict[str, tuple[float, float, str]]) -> pd.DataFrame:
    """Requirements plus your self and evidence levels and the skill that matched."""
    found = [lookup.get(name_key(s), (0.0, 0.0, "")) for s in requirements["skill"]]
    return requirements.assign(
        current_self=[f[0] for f in found], current_evidence=[f[1] for f in found],
        your_skill=[f[2] for f in found]).reset_index(drop=True)


# --- fit, gaps, plan --------------------------------------------------------------------

MUST_HAVE_FLOOR = ffit.MUST_HAVE_FLOOR


@dataclass(frozen=True)
class Gate:
    """The soft must-have gate: factor = MUST_HAVE_FLOOR + (1 − MUST_HAVE_FLOOR) × weakest coverage."""

    factor: float
    skill: str | None = None
    required: float | None = None
    current: float | None = None


def must_have_gate(req: pd.DataFrame, basis: str = "self") -> Gate:
    """The gate set by the weakest must-have, with the requirement, its required level and yours."""
    if req.empty:
        return Gate(1.0)
    req = req.reset_index(drop=True)
    current = req[score_column(basis)].astype(float)
    met = (current / req["required_level"].astype(float)).clip(upper=1.0)
    factor, worst = ffit.soft_gate(met, req["must_have"])
    if worst is None:
        return Gate(1.0)
    return Gate(factor, str(req.loc[worst, "skill"]), float(req.loc[worst, "required_level"]), float(current[worst]))


@dataclass(frozen=True)
class Fit:
    fit: float
    coverage: float  # before the must-have gate
    gate: float
    gating_skill: str | None
    reason: str = ""  # in words: why the fit is what it is

    @property
    def label(self) -> str:
        """"Role fit 35, lowered from 70: …" (`careerdata.figures.fit.role_fit_reason_label`)."""
        return ffit.role_fit_reason_label(self.reason) if self.reason else ffit.role_fit_label(self.fit)


def fit_reason(fit: float, coverage: float, gate: Gate, role_level: str = "") -> str:
    """'35, lowered from 70: People management is below M1's must-have level 4; you: none'."""
    if gate.skill is None:
        return f"{fit:.0f}: coverage of the requirements; no must-have gap"
    whose = f"{role_level}'s" if role_level else "the role's"
    yours = "none" if not gate.current else f"{gate.current:g}"
    return (f"{fit:.0f}, lowered from {coverage:.0f}: {gate.skill} is below {whose} must-have level "
            f"{gate.required:g}; you: {yours}")


def fit_score(req: pd.DataFrame, basis: str = "self", role_level: str = "") -> Fit:
    """Importance-weighted coverage of the requirements, discounted (never zeroed) by the weakest must-have."""
    if req.empty or req["importance"].sum() <= 0:
        return Fit(0.0, 0.0, 1.0, None, "0: the role has no requirements yet")
    coverage = ffit.coverage(req["importance"], req[score_column(basis)], req["required_level"])  # figures.fit
    gate = must_have_gate(req, basis)
    fit, cov = round(100 * coverage * gate.factor, 1), round(100 * coverage, 1)
    return Fit(fit, cov, round(gate.factor, 3), gate.skill, fit_reason(fit, cov, gate, role_level))


def score_column(basis: str) -> str:
    if basis not in ("self", "evidence"):
        raise ValueError("basis is 'self' or 'evidence'")
    return "current_self" if basis == "self" else "current_evidence"


def gaps(req: pd.DataFrame, basis: str = "self") -> pd.DataFrame:
    """Requirements you are below, biggest weighted shortfall first."""
    current = req[score_column(basis)].astype(float)
    short = (req["required_level"] - current).clip(lower=0)
    out = req.assign(current=current, shortfall=short.round(1), weight=(req["importance"] * short).round(1))
    out = out[out["shortfall"] > 0]
    return out.sort_values(["must_have", "weight", "importance"], ascending=False).reset_index(drop=True)


def learning_plan(req: pd.DataFrame, efforts: dict[str, float], basis: str = "self",
                  start: dt.date | None = None) -> pd.DataFrame:
    """Close the gaps in the order that gains the most fit per week of effort.

    Greedy: at each step every open gap is scored by the fit gained if it were closed next
    (so a must-have that gates the score comes first when it unlocks most), divided by its
    effort in weeks; the best one is taken and the projected fit recomputed.
    """
    col = score_column(basis)
    open_gaps = gaps(req, basis)
    weeks_for = {g.skill: float(efforts.get(g.skill, DEFAULT_WEEKS_PER_LEVEL * max(g.shortfall, 0.5)))
                 for g in open_gaps.itertuples(index=False)}
    state = req.copy()
    current_fit = fit_score(state, basis).fit
    rows, total = [], 0.0
    remaining = list(open_gaps.itertuples(index=False))
    while remaining:
        scored = []
        for g in remaining:
            trial = state.copy()
            trial.loc[trial["skill"] == g.skill, col] = float(g.required_level)
            gain = fit_score(trial, basis).fit - current_fit
            scored.append((gain / weeks_for[g.skill], gain, g))
        rate, gain, g = max(scored, key=lambda t: (t[0], t[1], -weeks_for[t[2].skill]))
        remaining = [x for x in remaining if x.skill != g.skill]
        state.loc[state["skill"] == g.skill, col] = float(g.required_level)
        current_fit = fit_score(state, basis).fit
        total += weeks_for[g.skill]
        rows.append({"skill": g.skill, "current": g.current, "required_level": g.required_level,
                     "must_have": bool(g.must_have), "fit_gain": round(gain, 1),
                     "effort_weeks": round(weeks_for[g.skill], 1), "gain_per_week": round(rate, 2),
                     "effort_is_default": g.skill not in efforts, "done_after_weeks": round(total, 1),
                     "projected_fit": current_fit})
    plan = pd.DataFrame(rows, columns=["skill", "current", "required_level", "must_have", "fit_gain",
                                       "effort_weeks", "gain_per_week", "effort_is_default", "done_after_weeks",
                                       "projected_fit"])
    if start is not None:
        plan["done_by"] = [start + dt.timedelta(weeks=w) for w in plan["done_after_weeks"]]
    return plan


def supporting_evidence(req: pd.DataFrame, evidence: pd.DataFrame, today: dt.date, limit: int = 3) -> pd.DataFrame:
    """Accomplishments that best support a move into the role.

    evidence: accomplishment_id, title, done_on, skill, metrics, money_usd. Score = Σ importance of
    the role's required skills it used (matched to your skill) × recency (halved every two years)
    × 1.5 when it has a metric.
    """
    weight = {name_key(s): float(i) for s, i in zip(req["your_skill"].where(req["your_skill"] != "", req["skill"]),
                                               req["importance"], strict=True)}
    if evidence.empty or not weight:
        return pd.DataFrame(columns=["title", "done_on", "skills", "metrics", "money_usd", "score"])
    keys = {name: name_key(name) for name in evidence["skill"].unique()}
    data = evidence.assign(w=evidence["skill"].map(lambda s: weight.get(keys[s], 0.0)))
    data = data[data["w"] > 0]
    if data.empty:
        return pd.DataFrame(columns=["title", "done_on", "skills", "metrics", "money_usd", "score"])
    per_win = data.groupby("accomplishment_id", as_index=False).agg(
        w=("w", "sum"), title=("title", "first"), done_on=("done_on", "first"), metrics=("metrics", "first"),
        money_usd=("money_usd", "first"))
    age = (pd.Timestamp(today) - pd.to_datetime(per_win["done_on"])).dt.days / 365.25
    per_win["score"] = (per_win["w"] * 0.5 ** (age / 2) * per_win["metrics"].gt(0).map({True: 1.5, False: 1.0})
                        ).round(2)
    best = per_win.sort_values("score", ascending=False).head(limit)
    skills = data[data["accomplishment_id"].isin(best["accomplishment_id"])].groupby("accomplishment_id")["skill"] \
        .apply(lambda s: ", ".join(sorted(s)))
    best = best.assign(skills=best["accomplishment_id"].map(skills))
    cols = ["title", "done_on", "skills", "metrics", "money_usd", "score"]
    return best[cols].reset_index(drop=True)


# --- building the comparison ------------------------------------------------------------

def saved_specs(inputs, data, mappings: pd.DataFrame) -> list[RoleSpec]:
    """Your saved target roles; one without requirements borrows its occupation's O*NET profile."""
    specs = []
    for r in data.roles.itertuples(index=False):
        req = data.requirements[data.requirements["target_role_id"] == r.id][REQ_COLUMNS].reset_index(drop=True)
        notes = []
        code = text_or_none(r.onet_soc_code)
        if req.empty and code:
            req, stand_in = occupation_requirements(code, inputs, mappings)
            notes.append("requirements drafted from the O*NET profile (none saved yet)")
            if stand_in:
                notes.append(f"O*NET has no ratings for {code}; drafted from stand-in {stand_in}")
        pays = data.pay_points[data.pay_points["target_role_id"] == r.id][["amount", "kind", "as_of", "note"]]
        specs.append(RoleSpec(
            key=f"role:{r.id}", name=r.name, onet_soc_code=code, requirements=req, level=r.level,
            company=r.company, target_role_id=int(r.id),
            pay_min=None if pd.isna(r.pay_min) else float(r.pay_min),
            pay_max=None if pd.isna(r.pay_max) else float(r.pay_max),
            pay_points=pays.reset_index(drop=True), notes=notes))
    return specs


def occupation_spec(code: str, inputs, mappings: pd.DataFrame) -> RoleSpec:
    """An O*NET occupation as a role, with requirements from its O*NET profile."""
    row = inputs.roles[inputs.roles["onet_soc_code"] == code]
    if row.empty:
        raise LookupError(f"{code} is not an occupation in the shipped O*NET data")
    req, stand_in = occupation_requirements(code, inputs, mappings)
    notes = ["requirements from the O*NET profile"]
    if stand_in:
        notes.append(f"O*NET has no ratings for {code}; skills drafted from stand-in {stand_in}")
    return RoleSpec(key=f"onet:{code}", name=str(row.iloc[0]["title"]), onet_soc_code=code, requirements=req,
                    notes=notes)


def resolve_specs(names: list[str], inputs, data, mappings: pd.DataFrame) -> list[RoleSpec]:
    """Target-role names, O*NET-SOC codes or O*NET titles (occupation or alternate) -> roles."""
    saved = {name_key(s.name): s for s in saved_specs(inputs, data, mappings)}
    titles = {name_key(t): c for c, t in zip(data.titles["onet_soc_code"], data.titles["title"], strict=True)}
    out = []
    for name in names:
        key = name_key(name)
        if key in saved:
            out.append(saved[key])
        elif name.strip() in set(inputs.roles["onet_soc_code"]):
            out.append(occupation_spec(name.strip(), inputs, mappings))
        elif key in titles:
            out.append(occupation_spec(titles[key], inputs, mappings))
        else:
            raise LookupError(f"unknown role {name!r}: use a target-role name, an O*NET-SOC code or an O*NET title")
    return out


@dataclass(frozen=True)
class MarketFacts:
    median_wage: float | None
    wage_reason: str | None  # why there is no wage, or whose wage it is
    p10: float | None
    p25: float | None
    p75: float | None
    p90: float | None
    year: int | None
    employment: float | None
    growth_pct: float | None
    openings_thousands: float | None
    occupation: str | None


def market_facts(code: str | None, inputs) -> MarketFacts:
    """BLS pay and demand for an occupation, with a reason where a figure is missing."""
    empty = MarketFacts(None, "no O*NET occupation set for this role", None, None, None, None, None, None, None,
                        None, None)
    if not code:
        return empty
    row = inputs.roles[inputs.roles["onet_soc_code"] == code]
    if row.empty:
        return MarketFacts(None, f"{code} is not in the shipped data", *([None] * 9))
    r = row.iloc[0]
    proj = inputs.projections[inputs.projections["soc_code"] == r["soc_code"]]

    def num(v):
        return None if v is None or pd.isna(v) else float(v)

    reason = None
    if num(r["median_wage"]) is None:
        reason = "BLS OEWS publishes no median wage for this occupation"
    elif bool(r["wage_is_soc_aggregate"]):
        reason = f"wage of the whole SOC group {r['soc_code']} ({r['wage_occ_title']})"
    return MarketFacts(
        median_wage=num(r["median_wage"]), wage_reason=reason, p10=num(r["p10"]), p25=num(r["p25"]),
        p75=num(r["p75"]), p90=num(r["p90"]), year=None if pd.isna(r["year"]) else int(r["year"]),
        employment=num(r["employment"]),
        growth_pct=None if proj.empty else num(proj.iloc[0]["change_2024_34_pct"]),
        openings_thousands=None if proj.empty else num(proj.iloc[0]["annual_openings_thousands"]),
        occupation=str(r["title"]))


def percentile_points(facts: MarketFacts) -> dict[int, float | None]:
    """The published BLS percentiles of an occupation, keyed by percentile."""
    return {10: facts.p10, 25: facts.p25, 50: facts.median_wage, 75: facts.p75, 90: facts.p90}


def level_pay(level: str, ladder: pd.DataFrame, facts: MarketFacts) -> tuple[PayEstimate | None, str | None]:
    """(the labelled pay estimate of a ladder level in the role's occupation, or None, and why not)."""
    if not level:
        return None, "the role has no ladder level"
    row = ladder[ladder["level_code"] == level].drop_duplicates("level_code")
    if row.empty:
        return None, f"level {level} is not in your career ladder"
    if facts.median_wage is None or facts.occupation is None:
        return None, facts.wage_reason or "no BLS wage for this occupation"
    who = f"{facts.occupation} ({facts.wage_reason})" if facts.wage_reason else facts.occupation
    estimate = pay_estimate(percentile_points(facts), level, str(row.iloc[0]["track"]), int(row.iloc[0]["rank"]),
                            who, facts.year)
    if estimate is None:
        return None, "BLS publishes too few percentiles for this occupation"
    return estimate, None


def search_occupations(titles: pd.DataFrame, query: str, limit: int = 25) -> pd.DataFrame:
    """O*NET occupations whose title or an alternate/reported title contains every word of `query`."""
    words = [w for w in name_key(query).split() if w]
    if not words:
        return pd.DataFrame(columns=["onet_soc_code", "label"])
    keys = titles["title"].map(name_key)
    hit = titles[keys.map(lambda t: all(w in t for w in words))]
    occupation = titles[titles["kind"] == "occupation"].set_index("onet_soc_code")["title"]
    rows = []
    for code, group in hit.groupby("onet_soc_code", sort=False):
        own = group[group["kind"] == "occupation"]
        title = occupation.get(code, code)
        matched = own.iloc[0]["title"] if not own.empty else group.iloc[0]["title"]
        label = f"{title} ({code})" if matched == title else f"{matched} → {title} ({code})"
        rows.append({"onet_soc_code": code, "label": label, "exact": not own.empty, "n": len(group)})
    out = pd.DataFrame(rows, columns=["onet_soc_code", "label", "exact", "n"])
    return out.sort_values(["exact", "n"], ascending=False).head(limit)[["onet_soc_code", "label"]] \
        .reset_index(drop=True)
