"""A skill's level in words: the 1–5 proficiency scale as a résumé says it.

    level_word(level) = core.vocab.PROFICIENCY_LABELS[level]  (1 Aware, 2 Working knowledge,
                        3 Proficient, 4 Advanced, 5 Expert); no word without a rating

The JSON Resume export writes each skill's latest self-rating with it, and `careerdata figures`
shows your highest self-rated skill so (highest level first, then the name A–Z, case-insensitive).
"""

from __future__ import annotations

import pandas as pd

from careerdata.core import vocab


def level_word(level) -> str | None:
    """The word for a 1–5 level (rounded down: a 3.5 is still Proficient); None for no rating."""
    if level is None or pd.isna(level):
        return None
    return vocab.PROFICIENCY_LABELS[min(5, max(1, int(level)))]


def top_self_rated(skills: pd.DataFrame) -> tuple[str, int] | None:
    """(name, level) of the highest self-rated skill (ties: name A–Z); None when nothing is rated.

    skills: name, self_level (missing when not rated)."""
    rated = skills.dropna(subset=["self_level"]) if not skills.empty else skills
    if rated.empty:
        return None
    top = rated.assign(_key=rated["name"].str.casefold()).sort_values(
        ["self_level", "_key"], ascending=[False, True], kind="stable").iloc[0]
    return str(top["name"]), int(top["self_level"])


def skill_level_label(name: str, level: int) -> str:
    """"Distributed systems: Expert"."""
    return f"{name}: {level_word(level)}"
