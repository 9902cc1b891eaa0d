"""Readiness for a level and the gaps that keep it below 100%.

Coverage of a competency at a level = min(1, evidence strength / the level's target);
readiness = the mean coverage over the level's competencies (see `careerdata.promotion.evidence`)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from careerdata.figures import readiness as fready
from careerdata.promotion.evidence import active_links

MITIGATION_ADVICE = {
    "craft": "Raise a standard others adopt (a shared library, a CI check, a runbook) and log who adopted it.",
    "architecture": "Write the design doc for your next non-trivial change, weigh the alternatives and get it "
                    "reviewed outside your team.",
    "tech_leadership": "Drive one contested technical decision to closure and write down the outcome.",
    "delivery": "Own a delivery end to end, sequence its dependencies and keep stakeholders told of trade-offs.",
    "impact": "Put a number on the outcome of your biggest in-cycle win (money, hours, incidents, users).",
    "mentorship": "Take on a mentee with a concrete goal (a promotion, a rota, a project) and log the outcome.",
    "communication": "Write a design or strategy document others act on, and present it beyond your team.",
    "influence": "Take on visible glue work (incident reviews, a roadmap, onboarding) and make sure leadership "
                 "hears about it.",
    "people_management": "Ask your manager for a hiring-loop, calibration or onboarding task and log what came "
                         "of it.",
}


GROUP_ADVICE = {
    "technical": "Lead a technical piece of work beyond your team and write down the decisions you drove.",
    "execution": "Own a delivery with a measurable outcome and record the number.",
    "people": "Grow someone: mentoring, hiring or onboarding, with an outcome you can name.",
    "influence": "Do visible cross-team work and make sure leadership hears about it.",
}


def coverage(strength: pd.DataFrame, expectations: pd.DataFrame, level: str) -> pd.DataFrame:
    """The level's expectations against the evidence: ratio = min(1, strength / target), and a status."""
    exp = expectations[expectations["level_code"] == level][["competency_key", "target", "text"]]
    out = strength.merge(exp, left_on="key", right_on="competency_key", how="inner").drop(columns="competency_key")
    out["ratio"] = [min(1.0, s / t) if t else 1.0 for s, t in zip(out["strength"], out["target"], strict=True)]
    out["status"] = ["no evidence" if s <= 0 else "at the bar" if r >= 1 else "below the bar"
                     for s, r in zip(out["strength"], out["ratio"], strict=True)]
    return out.reset_index(drop=True)


@dataclass(frozen=True)
class Readiness:
    """How far the evidence meets a level: mean coverage, and counts."""

    score: float | None  # 0-1; None when the level has no expectations
    at_bar: int
    total: int
    no_evidence: list[str]


def readiness(cov: pd.DataFrame, level: str = "") -> Readiness:
    """`careerdata.figures.readiness.readiness` of the coverage frame (names for the competencies without evidence)."""
    if cov.empty:
        return Readiness(None, 0, 0, [])
    r = fready.readiness(level, dict(zip(cov["key"], cov["strength"], strict=True)),
                         dict(zip(cov["key"], cov["target"], strict=True)))
    names = dict(zip(cov["key"], cov["name"], strict=True))
    return Readiness(score=r.score, at_bar=r.at_bar, total=r.total, no_evidence=[names[k] for k in r.no_evidence])


def coverage_matrix(strength: pd.DataFrame, expectations: pd.DataFrame, levels: list[str]) -> pd.DataFrame:
    """Long frame for the heatmap: competency x level with strength, target, ratio and the expectation."""
    parts = [coverage(strength, expectations, lvl).assign(level=lvl) for lvl in dict.fromkeys(levels)]
    if not parts:
        return pd.DataFrame(columns=["key", "name", "level", "strength", "target", "ratio", "text", "wins"])
    return pd.concat(parts, ignore_index=True)


@dataclass(frozen=True)
class Gap:
    """A target-level competency the evidence does not yet meet, and what would close it."""

    key: str
    name: str
    strength: float
    target: int
    expectation: str
    mitigations: list[str]  # for the page: what to do in the app and at work
    plan: list[str]  # for the case: only what will be done at work

    @property
    def status(self) -> str:
        return "no evidence" if self.strength <= 0 else "below the bar"


def gaps(cov: pd.DataFrame, suggested: pd.DataFrame, cycle_accs: pd.DataFrame, links: pd.DataFrame) -> list[Gap]:
    """Competencies below the target level's bar, weakest first, each with mitigations in this order:
    pending suggestions to review; linked wins that lack a metric; only team-scope evidence; the
    ladder-specific advice (or the competency group's)."""
    out = []
    active = active_links(links)
    for row in cov[cov["ratio"] < 1].sort_values(["ratio", "target"], ascending=[True, False]).itertuples():
        steps = []
        pending = suggested[suggested["competency_key"] == row.key] if not suggested.empty else suggested
        if len(pending):
            steps.append(f"Review {len(pending)} suggested match(es) in Evidence mapping, e.g. "
                         f"“{pending.iloc[0]['title']}”.")
        ids = set(active.loc[active["competency_key"] == row.key, "accomplishment_id"]) if not active.empty else set()
        linked = cycle_accs[cycle_accs["id"].isin(ids)] if not cycle_accs.empty else cycle_accs
        bare = linked[linked["metrics"] == 0] if not linked.empty else linked
        if len(bare):
            steps.append(f"Add a metric to “{bare.iloc[0]['title']}”: a claim with a number is harder to discount.")
        plan = []
        if len(linked) and set(linked["scope"]) == {"team"}:
            plan.append(f"All {row.name} evidence is team-scope; take on one piece with org or company scope.")
        plan.append(MITIGATION_ADVICE.get(row.key) or GROUP_ADVICE.get(row.group, "Log work that shows it."))
        out.append(Gap(row.key, row.name, float(row.strength), int(row.target), row.text, steps + plan, plan))
    return out


def readiness_label(r: Readiness) -> str:
    return "—" if r.score is None or math.isnan(r.score) else f"{r.score:.0%}"
