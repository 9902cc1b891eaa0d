"""Readiness for a ladder level: how many of the level's competencies your evidence meets.

For each competency the level expects (target 1–5 in the ladder's expectations):

    coverage   = min(1, evidence level / target)        (evidence level: `figures.evidence`)
    at the bar = evidence level >= target
    readiness  = mean coverage over the level's competencies (0–100%)

shown as "6 of 9 competencies at the bar" with the percentage. The gaps are the competencies below
the bar, lowest coverage first (ties: the higher target first). Promotion case, Competitors and
`careerdata promotion` show these same numbers and the same gap list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Readiness:
    level: str
    score: float | None  # 0–1; None when the level expects nothing
    at_bar: int
    total: int
    gaps: list[str] = field(default_factory=list)  # competency keys below the bar, weakest first
    no_evidence: list[str] = field(default_factory=list)

    @property
    def count_label(self) -> str:
        """"6 of 9 competencies at the bar"."""
        return count_label(self.at_bar, self.total)

    @property
    def score_label(self) -> str:
        return "—" if self.score is None else f"{self.score:.0%}"


def count_label(at_bar: int, total: int) -> str:
    """"6 of 9 competencies at the bar": how the Promotion case, its export, Competitors and
    `careerdata promotion` say how many of the level's competencies the evidence meets."""
    return f"{at_bar} of {total} competencies at the bar"


def readiness(level: str, evidence: Mapping[str, float], targets: Mapping[str, float]) -> Readiness:
    """Readiness for `level` from evidence levels (competency key -> 0–5) and the level's targets
    (competency key -> expected proficiency); formula in the module docstring."""
    if not targets:
        return Readiness(level, None, 0, 0)
    cover = {}
    for key, target in targets.items():
        have = float(evidence.get(key, 0.0) or 0.0)
        cover[key] = 1.0 if not target else min(1.0, have / float(target))
    below = [k for k in targets if float(evidence.get(k, 0.0) or 0.0) < float(targets[k] or 0)]
    below.sort(key=lambda k: (cover[k], -float(targets[k])))
    return Readiness(
        level=level,
        score=sum(cover.values()) / len(cover),
        at_bar=len(targets) - len(below),
        total=len(targets),
        gaps=below,
        no_evidence=[k for k in targets if float(evidence.get(k, 0.0) or 0.0) <= 0],
    )
