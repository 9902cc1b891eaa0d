"""The targets a value proposition (and a competitor benchmark) is written for: your target roles, or
the next level where you work when you have none."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from careerdata.core.text import article, name_key, text_or_none
from careerdata.matrix.skill_value import rated_code
from careerdata.value.queries import SelectorInputs


@dataclass(frozen=True)
class Target:
    """One customer: a target role, or an O*NET occupation when there are no target roles."""

    key: str  # 'role:<id>' or 'onet:<code>': saved pitches hang off it
    label: str  # what the selector shows
    name: str
    level: str | None  # a ladder level code, when the role names one the ladder knows
    company: str
    onet_code: str | None
    occupation: str | None  # the O*NET title of onet_code
    role_id: int | None
    level_assumed: bool = False  # True when the level is "the next one after yours", not the role's own

    @property
    def short(self) -> str:
        """'Staff Engineer at Helio Health', 'Solutions Architect', or for an O*NET occupation
        'an employer hiring Software Developers' (O*NET titles are plural)."""
        if self.role_id is None:
            return f"an employer hiring {self.name}"
        return f"{self.name} at {self.company}" if self.company else self.name

    @property
    def role_phrase(self) -> str:
        """What you ask for in a pitch: 'the Staff Engineer role at Helio Health', 'a Software Developers role'."""
        if self.role_id is None or not self.company:
            return f"{article(self.name)} {self.name} role"
        return f"the {self.name} role at {self.company}"


def next_level(levels: pd.DataFrame, current: str | None) -> str | None:
    """The next level on the same track as `current` (lowest rank above it), if any."""
    if not current or levels.empty or current not in set(levels["code"]):
        return None
    row = levels[levels["code"] == current].iloc[0]
    above = levels[(levels["track"] == row["track"]) & (levels["rank"] > row["rank"])].sort_values("rank")
    return None if above.empty else str(above.iloc[0]["code"])


def targets(target_roles: pd.DataFrame, roles: pd.DataFrame, levels: pd.DataFrame,
            current_level: str | None) -> list[Target]:
    """The selector's choices: your target roles; if you have none, every O*NET occupation.

    An O*NET occupation has no level of its own, so it is compared with the next level after
    your current one (and says so).
    """
    titles = dict(zip(roles["onet_soc_code"], roles["title"], strict=True)) if not roles.empty else {}
    known = set(levels["code"]) if not levels.empty else set()
    if not target_roles.empty:
        out = []
        for row in target_roles.itertuples(index=False):
            code = text_or_none(row.onet_soc_code)
            level = text_or_none(row.level)
            company = text_or_none(row.company) or ""
            bits = ", ".join(b for b in (level, company) if b)
            out.append(Target(
                key=f"role:{int(row.id)}", label=f"{row.name} ({bits})" if bits else str(row.name),
                name=str(row.name), level=level if level in known else None, company=company, onet_code=code,
                occupation=titles.get(code) if code else None, role_id=int(row.id)))
        return out
    assumed = next_level(levels, current_level)
    ordered = sorted(titles.items(), key=lambda kv: (kv[0] != "15-1252.00", kv[1]))  # Software Developers first
    return [Target(key=f"onet:{code}", label=f"O*NET: {title} ({code})", name=title, level=assumed, company="",
                   onet_code=code, occupation=title, role_id=None, level_assumed=assumed is not None)
            for code, title in ordered]


def default_target(choices: list[Target], levels: pd.DataFrame, current_level: str | None,
                   employer: str | None) -> int:
    """Index of the target to open with: the next level on your track, at your current employer first
    (a promotion is the nearest sale), then any role at the next level, then the first choice."""
    if not choices:
        raise ValueError("no targets")
    step = next_level(levels, current_level)
    ranked = sorted(range(len(choices)), key=lambda i: (
        choices[i].level != step or step is None,
        not (employer and name_key(choices[i].company) == name_key(employer)),
        i))
    return ranked[0]


def ratings_code(target: Target, rated_codes: set[str], proxies: dict[str, str]) -> tuple[str | None, bool]:
    """Whose O*NET ratings describe the target (its own, or its documented stand-in's)."""
    if not target.onet_code:
        return None, False
    return rated_code(target.onet_code, rated_codes, proxies)


def target_role_skill_names(role_skills: pd.DataFrame, target: Target) -> set[str]:
    """Case-folded names of the skills a target role lists as required."""
    if target.role_id is None or role_skills.empty:
        return set()
    return {name_key(s) for s in role_skills.loc[role_skills["target_role_id"] == target.role_id, "skill_name"]}


def target_choices(sel: SelectorInputs) -> tuple[list[Target], str | None]:
    """The targets to offer (`targets`) and the key of the one to open with (`default_target`)."""
    lad = sel.ladder
    current_level = (lad.profile or {}).get("current_level") or None
    choices = targets(sel.target_roles, sel.roles, lad.levels, current_level)
    default = choices[default_target(choices, lad.levels, current_level, sel.employer)].key if choices else None
    return choices, default


def pick_target(choices: list[Target], key: str) -> Target:
    """The target with this key (KeyError when it is no longer offered)."""
    for t in choices:
        if t.key == key:
            return t
    raise KeyError(f"no target {key!r}")
