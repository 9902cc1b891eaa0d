"""Fit: how well your skill levels cover what a role or an occupation asks, 0–100.

Two honestly different figures share one core:

    coverage = Σ importance × min(1, your level / required level) / Σ importance

* **Occupation match** (Market): coverage of an O*NET occupation's important skills (importance
  >= 3 of 5, level > 0) with required level = O*NET level × 5/7 and your level on each element =
  the best of your skills mapped to it. No must-haves: O*NET describes the average worker.
  Shown as "73/100 occupation match".
* **Role fit** (Target roles): coverage of a target role's requirements (yours, or derived from its
  occupation), times the must-have gate: `gate(met, must_have)` returns the factor (0–1) and the
  requirement that sets it. Target roles uses `soft_gate` (0.5 + 0.5 × the weakest must-have's
  coverage: one missing must-have halves the fit, never zeroes it, and the page says why);
  `hard_gate` (the weakest must-have's coverage itself) is kept for comparison. Shown as "Role fit (0–100): 58".

A role built on the same occupation can score lower than the occupation match because its
must-haves and its own required levels are stricter; the two labels say which one is which, and
each Target roles card shows both ("Its occupation on the Market: 73/100 occupation match").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

IMPORTANT_ELEMENT = 3.0  # O*NET importance from which an element counts towards the occupation match
ONET_LEVEL_MAX = 7.0


def coverage(importance: pd.Series, yours: pd.Series, required: pd.Series) -> float:
    """Σ importance × min(1, yours / required) / Σ importance (0–1); 0 when nothing is asked.

    A requirement of 0 or less counts as met."""
    imp = pd.to_numeric(importance, errors="coerce").fillna(0.0).astype(float).reset_index(drop=True)
    if imp.sum() <= 0:
        return 0.0
    met = met_share(yours, required)
    return float((imp * met).sum() / imp.sum())


def met_share(yours: pd.Series, required: pd.Series) -> pd.Series:
    """min(1, yours / required) per requirement (1 where nothing is required)."""
    have = pd.to_numeric(yours, errors="coerce").fillna(0.0).astype(float).reset_index(drop=True)
    need = pd.to_numeric(required, errors="coerce").fillna(0.0).astype(float).reset_index(drop=True)
    return (have / need.where(need > 0)).clip(upper=1.0).fillna(1.0)


def element_levels(skills: pd.DataFrame, mappings: pd.DataFrame, evidence: pd.DataFrame | None = None,
                   proficiency: str = "self") -> dict[str, float]:
    """Your level (0–5) on each O*NET element, the `levels` of `occupation_match`: the best of your skills
    mapped to it, by self-rating (proficiency "self") or evidence level ("evidence").

    skills: id, self_level; mappings: skill_id, element_id (technology rows have none); evidence:
    skill_id, evidence_level."""
    if proficiency == "evidence" and evidence is not None:
        level = dict(zip(evidence["skill_id"], evidence["evidence_level"], strict=True))
    else:
        level = dict(zip(skills["id"], skills["self_level"].fillna(0), strict=True))
    out: dict[str, float] = {}
    for skill_id, element in zip(mappings["skill_id"], mappings["element_id"], strict=True):
        if isinstance(element, str) and element.strip():
            out[element] = max(out.get(element, 0.0), float(level.get(skill_id, 0.0) or 0.0))
    return out


def occupation_match(levels: dict[str, float], ratings: pd.DataFrame) -> tuple[float | None, pd.DataFrame]:
    """Occupation match (0–100, one decimal) to one occupation's O*NET skill ratings, with the breakdown.

    ratings: element_id, name, kind, importance, level for ONE occupation; levels: element -> your 0–5.
    None when the occupation has no important rated skill."""
    rated = ratings[(ratings["kind"] == "skill") & (ratings["importance"] >= IMPORTANT_ELEMENT)
                    & (ratings["level"] > 0)]
    if rated.empty:
        return None, pd.DataFrame(columns=["element_id", "name", "importance", "required", "yours", "met"])
    required = rated["level"] / ONET_LEVEL_MAX * 5.0
    yours = rated["element_id"].map(lambda e: levels.get(e, 0.0))
    score = 100.0 * coverage(rated["importance"], yours, required)
    detail = pd.DataFrame({"element_id": rated["element_id"].to_numpy(), "name": rated["name"].to_numpy(),
                           "importance": rated["importance"].to_numpy(), "required": required.round(1).to_numpy(),
                           "yours": yours.to_numpy(), "met": met_share(yours, required).round(2).to_numpy()})
    return round(score, 1), detail.sort_values("importance", ascending=False).reset_index(drop=True)


Gate = Callable[[pd.Series, pd.Series], tuple[float, int | None]]


def hard_gate(met: pd.Series, must_have: pd.Series) -> tuple[float, int | None]:
    """The weakest must-have's coverage (1 without must-haves or when all are met), and its position."""
    must = met[must_have.astype(bool).to_numpy()]
    if must.empty or must.min() >= 1.0:
        return 1.0, None
    return float(must.min()), int(must.idxmin())


MUST_HAVE_FLOOR = 0.5  # the soft gate when a must-have is missing entirely: the fit is halved, never zeroed


def soft_gate(met: pd.Series, must_have: pd.Series) -> tuple[float, int | None]:
    """The gate Target roles uses: MUST_HAVE_FLOOR + (1 − MUST_HAVE_FLOOR) × the weakest must-have's coverage.

    1.0 when every must-have is met or there are none; returns (factor, position of the weakest
    must-have). A must-have you lack entirely halves the fit instead of zeroing it.
    """
    must = met[must_have.astype(bool).to_numpy()]
    if must.empty or must.min() >= 1.0:
        return 1.0, None
    return MUST_HAVE_FLOOR + (1.0 - MUST_HAVE_FLOOR) * float(must.min()), int(must.idxmin())


@dataclass(frozen=True)
class RoleFit:
    fit: float  # 0–100, one decimal: coverage × gate
    coverage: float  # 0–100 before the gate
    gate: float  # 0–1
    gating: int | None  # position of the requirement that sets the gate

    @property
    def label(self) -> str:
        return role_fit_label(self.fit)


def role_fit(importance: pd.Series, yours: pd.Series, required: pd.Series, must_have: pd.Series,
             gate: Gate = hard_gate) -> RoleFit:
    """Role fit = 100 × coverage × gate(met, must_have) (module docstring)."""
    imp = pd.to_numeric(importance, errors="coerce").fillna(0.0)
    if imp.empty or imp.sum() <= 0:
        return RoleFit(0.0, 0.0, 1.0, None)
    cov = coverage(importance, yours, required)
    factor, gating = gate(met_share(yours, required), must_have.reset_index(drop=True))
    return RoleFit(round(100 * cov * factor, 1), round(100 * cov, 1), round(factor, 3), gating)


def occupation_match_label(score: float | None) -> str:
    """"73/100 occupation match" ("no O*NET ratings" without a score)."""
    return "no O*NET ratings" if score is None else f"{score:.0f}/100 occupation match"


def role_fit_reason_label(reason: str) -> str:
    """"Role fit 35, lowered from 70: People management is below M1's must-have level 4; you: none": the role
    fit with why, as Target roles, `careerdata roles compare` and `careerdata figures` say it."""
    return f"Role fit {reason}"


def role_fit_label(score: float) -> str:
    """"58" (under the heading "Role fit (0–100)")."""
    return f"{score:.0f}"
