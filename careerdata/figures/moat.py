"""The moat score (0–100): how rare your proven combination of the skills a target needs is.

For each skill the target needs and you have evidence for: contribution = rarity × evidence level / 5,
rarity = 1 − the share of the comparison occupations that list it (Competitors explains the pool).
Each O*NET item is counted once, and

    moat = 100 × Σ (the K = 5 largest contributions) / K      (an empty slot adds 0)

so 100 means five needed skills no occupation lists, each proven at evidence level 5.
"""

from __future__ import annotations

from collections.abc import Iterable

SLOTS = 5


def contribution(rarity: float, evidence_level: float) -> float:
    """rarity × evidence level / 5 (0–1)."""
    return rarity * evidence_level / 5.0


def moat_score(contributions: Iterable[float], slots: int = SLOTS) -> float:
    """100 × Σ of the `slots` largest contributions / slots, one decimal."""
    best = sorted((float(c) for c in contributions), reverse=True)[:slots]
    return round(100.0 * sum(best) / slots, 1)


def moat_label(score: float) -> str:
    """"42/100"."""
    return f"{score:.0f}/100"
