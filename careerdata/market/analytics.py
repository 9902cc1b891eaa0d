"""The market page's figures: fit to occupations, pay, which skills pay, hot technologies.

All from the shipped public data (O*NET 29.3, BLS OEWS May 2021–2025, BLS Employment
Projections 2024–34) joined with the user's skills through the mapping in `skill_value`.

Fit to an occupation (0–100) = Σ importance × min(1, your level / required level) / Σ importance,
over the O*NET skills rated important (importance ≥ 3) for it, where the required level is the
O*NET level (0–7) rescaled to 1–5 and your level for an O*NET skill is the best level among your
skills mapped to it. Occupations without ratings use their documented stand-in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from careerdata.figures import fit as ffit
from careerdata.matrix.skill_value import rated_code


def user_element_levels(skills: pd.DataFrame, mappings: pd.DataFrame, evidence: pd.DataFrame | None = None,
                        proficiency: str = "self") -> dict[str, float]:
    """Your level (0–5) on each O*NET element: `careerdata.figures.fit.element_levels`."""
    return ffit.element_levels(skills, mappings, evidence, proficiency)


def occupation_fit(levels: dict[str, float], ratings: pd.DataFrame) -> tuple[float | None, pd.DataFrame]:
    """Occupation match (0–100) to one occupation's O*NET skill ratings, with the per-element breakdown:
    `careerdata.figures.fit.occupation_match` (no must-haves, unlike a target role's fit)."""
    return ffit.occupation_match(levels, ratings)


def roles_map(inputs, levels: dict[str, float], target_codes: list[str]) -> pd.DataFrame:
    """One row per occupation in the shipped data: fit, pay percentiles, employment, growth."""
    by_code = {code: group for code, group in inputs.ratings.groupby("onet_soc_code")}
    growth = dict(zip(inputs.projections["soc_code"], inputs.projections["change_2024_34_pct"], strict=True))
    fits: dict[str, float | None] = {}
    rows = []
    for role in inputs.roles.itertuples(index=False):
        source, is_proxy = rated_code(role.onet_soc_code, set(by_code), inputs.proxies)
        if source and source not in fits:
            fits[source] = occupation_fit(levels, by_code[source])[0]
        rows.append({
            "onet_soc_code": role.onet_soc_code, "title": role.title, "fit": fits.get(source) if source else None,
            "median_wage": role.median_wage, "p25": role.p25, "p75": role.p75, "employment": role.employment,
            "growth_pct": growth.get(role.soc_code), "is_target": role.onet_soc_code in target_codes,
            "stand_in": source if is_proxy else None, "wage_is_group": bool(role.wage_is_soc_aggregate),
            "year": role.year,
        })
    return pd.DataFrame(rows)


SKILL_GROUPS = {
    "2.A.1": "Basic: content", "2.A.2": "Basic: process", "2.B.1": "Social", "2.B.2": "Problem solving",
    "2.B.3": "Technical", "2.B.4": "Systems", "2.B.5": "Resource management",
}


def skill_group(element_id: str) -> str:
    return SKILL_GROUPS.get(".".join(str(element_id).split(".")[:3]), "Other")


def hot_technologies(tech: pd.DataFrame, codes: list[str], have: set[str], titles: dict[str, str]) -> pd.DataFrame:
    """Hot or in-demand technologies of the chosen occupations, marked have / missing for you."""
    rows = tech[tech["onet_soc_code"].isin(codes) & (tech["hot_technology"] | tech["in_demand"])]
    if rows.empty:
        return pd.DataFrame(columns=["technology", "roles", "hot", "in_demand_for", "you"])
    grouped = []
    for name, group in rows.groupby("technology"):
        demand = [titles.get(c, c) for c in group.loc[group["in_demand"], "onet_soc_code"]]
        grouped.append({
            "technology": name,
            "roles": len(group["onet_soc_code"].unique()),
            "hot": bool(group["hot_technology"].any()),
            "in_demand_for": ", ".join(sorted(set(demand))),
            "you": "have" if name in have else "missing",
        })
    out = pd.DataFrame(grouped)
    score = out["roles"] * 2 + out["hot"].astype(int) + (out["in_demand_for"] != "").astype(int) * 2
    return out.assign(_s=score).sort_values(["_s", "technology"], ascending=[False, True]).drop(columns="_s") \
        .reset_index(drop=True)


@dataclass(frozen=True)
class TechCoverage:
    """How many of your targets' hot and in-demand technologies you have (the Market's two KPIs)."""

    demanded_have: int  # O*NET In Demand for a target occupation, and linked to one of your skills
    demanded: int
    hot_have: int  # O*NET Hot Technology listed for a target occupation, and yours
    hot: int
    missing: list[str]  # in demand, not in your skills: the first six in the table's order

    @property
    def demanded_label(self) -> str:
        """"4 of 11"."""
        return f"{self.demanded_have} of {self.demanded}"

    @property
    def hot_label(self) -> str:
        return f"{self.hot_have} of {self.hot}"


def tech_coverage(tech: pd.DataFrame, shown_missing: int = 6) -> TechCoverage:
    """Count `hot_technologies` rows: in demand (in_demand_for not empty) and hot, each with `you == "have"`."""
    if tech.empty:
        return TechCoverage(0, 0, 0, 0, [])
    demanded = tech[tech["in_demand_for"] != ""]
    have = tech["you"] == "have"
    return TechCoverage(
        demanded_have=int((demanded["you"] == "have").sum()), demanded=len(demanded),
        hot_have=int((tech["hot"] & have).sum()), hot=int(tech["hot"].sum()),
        missing=demanded[demanded["you"] == "missing"].head(shown_missing)["technology"].tolist())


def finite(value) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def best_target(roles_map: pd.DataFrame) -> pd.Series | None:
    """The target occupation with the highest occupation match among those the roles map can place (a match
    and a median wage), or None: what the roles map's title names."""
    data = roles_map.dropna(subset=["fit", "median_wage"])
    best = data[data["is_target"]].sort_values("fit", ascending=False, kind="stable")
    return None if best.empty else best.iloc[0]
