"""The tables and sentences of the Target roles comparison, built from `view.comparison` (no Streamlit).

Each role compared is a `view.RoleDetail`; these turn a list of them into the frames the charts and
tables read, so the page only lays them out.
"""

from __future__ import annotations

import pandas as pd

from careerdata.roles import analytics as rl
from careerdata.roles import posting

PAY_POINT_COLUMNS = ["amount", "kind", "as_of", "note", "role"]


def default_picks(saved: list[str], occupations: list[str]) -> list[str]:
    """The roles compared when the page opens: up to four of your own, topped up with O*NET occupations
    to the two a comparison needs."""
    if len(saved) >= 2:
        return saved[:4]
    return saved + occupations[:2 - len(saved)]


def role_where(spec: rl.RoleSpec) -> str:
    """"L6 · Cloudnova · 15-1252.00": the level, the company ("market" for a role of your own at no company)
    and the O*NET code, leaving out what the role does not have."""
    company = spec.company or ("market" if spec.target_role_id else "")
    return " · ".join(x for x in (spec.level, company, spec.onet_soc_code or "") if x)


def summary(details) -> pd.DataFrame:
    """One row a role: fit, BLS pay percentiles, your pay range for it and the level estimate."""
    rows = []
    for d in details:
        f, est = d.facts, d.pay_estimate
        rows.append({
            "role": d.spec.name, "fit": d.fit.fit, "median_wage": f.median_wage, "p10": f.p10, "p25": f.p25,
            "p75": f.p75, "p90": f.p90, "year": f.year, "occupation": f.occupation, "pay_min": d.spec.pay_min,
            "pay_max": d.spec.pay_max, "estimate_low": est.low if est else None,
            "estimate_high": est.high if est else None, "estimate_label": est.label if est else None})
    return pd.DataFrame(rows)


def all_requirements(details, basis: str) -> pd.DataFrame:
    """Every role's requirements in one frame, with `role` and `current` = your level on `basis`."""
    return pd.concat([d.req.assign(role=d.spec.name, current=d.req[rl.score_column(basis)]) for d in details],
                     ignore_index=True)


def pay_points(details) -> pd.DataFrame:
    """Your own pay data points of every role (an offer, a posted range, a peer's number), with `role`."""
    frames = [d.spec.pay_points.assign(role=d.spec.name) for d in details if not d.spec.pay_points.empty]
    points = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=PAY_POINT_COLUMNS)
    if not points.empty:
        points["as_of"] = pd.to_datetime(points["as_of"])
    return points


def demand(details) -> pd.DataFrame:
    """BLS employment, projected growth and openings a year of each role's occupation."""
    return pd.DataFrame([{
        "Role": d.spec.name, "Occupation": d.facts.occupation or "—",
        "Employment (May 2025)": d.facts.employment, "Growth 2024–34 (%)": d.facts.growth_pct,
        "Openings a year": None if d.facts.openings_thousands is None else d.facts.openings_thousands * 1000}
        for d in details])


def growth_label(facts: rl.MarketFacts) -> tuple[str, str]:
    """("+15.2%", "55,600 openings a year") from BLS Employment Projections, "n/a" where it has none."""
    growth = "n/a" if facts.growth_pct is None else f"{facts.growth_pct:+.1f}%"
    openings = "n/a" if facts.openings_thousands is None else f"{facts.openings_thousands * 1000:,.0f}"
    return growth, f"{openings} openings a year"


def posting_requirements(found: pd.DataFrame, picked: list[str]) -> pd.DataFrame:
    """Requirement rows for the skills you picked from a posting: importance from where the posting
    lists it (`posting.SUGGESTED_IMPORTANCE`), level 3, must-have when it is under a must-have heading."""
    rows = found[found["skill"].isin(picked)]
    return pd.DataFrame({"skill": rows["skill"], "importance": rows["importance"].map(posting.SUGGESTED_IMPORTANCE),
                         "required_level": 3, "must_have": rows["importance"] == posting.MUST})
