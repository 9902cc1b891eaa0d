"""Cached models of the Target roles page: the shared base, one comparison column, one plan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from careerdata.figures import fit as ffit
from careerdata.matrix import skill_value as sv
from careerdata.matrix.queries import matrix_inputs
from careerdata.matrix.skill_value import rated_code
from careerdata.roles import analytics as rl
from careerdata.roles.pay import PayEstimate, where_pay_sits
from careerdata.roles.posting import read_posting
from careerdata.roles.queries import role_data


@dataclass
class RolesBase:
    saved: list[rl.RoleSpec]
    occupations: dict[str, str]  # selector label -> O*NET-SOC code
    mappings: pd.DataFrame
    no_skills: bool


def base(con, today: dt.date) -> RolesBase:
    inputs = matrix_inputs(con)
    mappings = sv.resolve_mappings(inputs.skills, inputs.default_map, inputs.user_map, inputs.elements,
                                   inputs.technologies)
    return RolesBase(
        saved=rl.saved_specs(inputs, role_data(con), mappings),
        occupations={f"O*NET: {r.title} ({r.onet_soc_code})": r.onet_soc_code for r in inputs.roles.itertuples()},
        mappings=mappings,
        no_skills=inputs.skills.empty,
    )


def _specs_and_levels(con, labels: tuple[str, ...], today: dt.date):
    """One read for any number of roles: their specs and requirements with your levels."""
    inputs, data = matrix_inputs(con), role_data(con)
    mappings = sv.resolve_mappings(inputs.skills, inputs.default_map, inputs.user_map, inputs.elements,
                                   inputs.technologies)
    saved = {s.name: s for s in rl.saved_specs(inputs, data, mappings)}
    codes = {f"O*NET: {r.title} ({r.onet_soc_code})": r.onet_soc_code for r in inputs.roles.itertuples()}
    lookup = rl.level_lookup(inputs.skills, mappings, sv.evidence_levels(inputs.evidence, today), inputs.elements)
    out = []
    for label in labels:
        spec = saved[label] if label in saved else rl.occupation_spec(codes[label], inputs, mappings)
        out.append((spec, rl.with_current(spec.requirements, lookup)))
    return inputs, data, out


@dataclass
class RoleDetail:
    spec: rl.RoleSpec
    req: pd.DataFrame
    fit: rl.Fit
    facts: rl.MarketFacts
    gaps: pd.DataFrame
    evidence: pd.DataFrame
    pay_estimate: PayEstimate | None = None
    pay_estimate_note: str | None = None  # why there is no estimate
    pay_position: str | None = None  # where your current pay sits in the occupation's distribution
    # the Market's occupation match of the role's O*NET occupation (figures.fit.occupation_match): the same
    # occupation with no must-haves and O*NET's own levels, so it may differ from the role fit
    occupation_match: float | None = None


def _occupation_match(inputs, code: str | None, levels: dict[str, float]) -> float | None:
    source, _ = rated_code(code, set(inputs.ratings["onet_soc_code"]), inputs.proxies) if code else (None, False)
    if not source:
        return None
    return ffit.occupation_match(levels, inputs.ratings[inputs.ratings["onet_soc_code"] == source])[0]


def comparison(con, labels: tuple[str, ...], basis: str, today: dt.date) -> list[RoleDetail]:
    inputs, data, roles = _specs_and_levels(con, labels, today)
    mappings = sv.resolve_mappings(inputs.skills, inputs.default_map, inputs.user_map, inputs.elements,
                                   inputs.technologies)
    levels = ffit.element_levels(inputs.skills, mappings, sv.evidence_levels(inputs.evidence, today), basis)
    out = []
    for spec, req in roles:
        facts = rl.market_facts(spec.onet_soc_code, inputs)
        estimate, note = rl.level_pay(spec.level, inputs.ladder, facts)
        position = (where_pay_sits(rl.percentile_points(facts), inputs.current_pay, facts.occupation)
                    if inputs.current_pay and facts.occupation and facts.median_wage else None)
        out.append(RoleDetail(spec=spec, req=req, fit=rl.fit_score(req, basis, spec.level), facts=facts,
                              gaps=rl.gaps(req, basis), evidence=rl.supporting_evidence(req, data.evidence, today),
                              pay_estimate=estimate, pay_estimate_note=note, pay_position=position,
                              occupation_match=_occupation_match(inputs, spec.onet_soc_code, levels)))
    return out


@dataclass
class RolePlan:
    spec: rl.RoleSpec
    plan: pd.DataFrame
    start_fit: float


def role_plan(con, label: str, today: dt.date) -> RolePlan:
    _inputs, data, [(spec, req)] = _specs_and_levels(con, (label,), today)
    saved = data.efforts[data.efforts["target_role_id"] == spec.target_role_id] if spec.target_role_id \
        else data.efforts.iloc[0:0]
    efforts = dict(zip(saved["skill_name"], saved["effort_weeks"], strict=True))
    return RolePlan(spec=spec, plan=rl.learning_plan(req, efforts, "self", today),
                    start_fit=rl.fit_score(req, "self", spec.level).fit)


def posting(con, text: str) -> dict:
    """A pasted job posting read against your skills: see careerdata.roles.posting."""
    inputs = matrix_inputs(con)
    mappings = sv.resolve_mappings(inputs.skills, inputs.default_map, inputs.user_map, inputs.elements,
                                   inputs.technologies)
    return read_posting(text, inputs, mappings)
