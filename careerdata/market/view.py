"""Cached model of the Market page: the matrix plus the roles map, skill-pay gradient and hot technologies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from careerdata.market import analytics as mk
from careerdata.market.pay_gradient import with_and_without_managers
from careerdata.matrix import skill_value as sv
from careerdata.matrix.queries import matrix_inputs


@dataclass
class MarketView:
    matrix: sv.MatrixResult
    roles_map: pd.DataFrame
    gradient: pd.DataFrame
    hot_tech: pd.DataFrame
    tech_coverage: mk.TechCoverage  # the technology KPIs (analytics.tech_coverage)


DEFAULT_CODE = "15-1252.00"  # Software Developers: the occupation shown when no target role has one


def target_codes(target_roles: pd.DataFrame) -> tuple[tuple[str, ...], bool]:
    """The O*NET occupations of your target roles, in order and once each, and whether none had one (then
    Software Developers, DEFAULT_CODE, stands in and the page says so)."""
    codes = tuple(dict.fromkeys(target_roles.dropna(subset=["onet_soc_code"])["onet_soc_code"]))
    return (codes, False) if codes else ((DEFAULT_CODE,), True)


def best_target_match(con, today: dt.date, proficiency: str = "self") -> tuple[str, float] | None:
    """(title, occupation match) of the target occupation the roles map names as your best match
    (`careerdata.figures.fit.occupation_match`, through `analytics.best_target`); None without one."""
    inputs = matrix_inputs(con)
    if inputs.roles.empty or inputs.skills.empty:
        return None
    codes, _ = target_codes(inputs.target_roles)
    top = mk.best_target(market(con, codes, proficiency, today).roles_map)
    return None if top is None else (str(top["title"]), float(top["fit"]))


def market(con, codes: tuple[str, ...], proficiency: str, today: dt.date) -> MarketView:
    inputs = matrix_inputs(con)
    result = sv.compute_matrix(inputs, list(codes), proficiency, today)
    evidence = sv.evidence_levels(inputs.evidence, today)
    levels = mk.user_element_levels(inputs.skills, result.mappings, evidence, proficiency)
    titles = dict(zip(inputs.roles["onet_soc_code"], inputs.roles["title"], strict=True))
    have = set(result.mappings["technology"].dropna())
    tech = mk.hot_technologies(inputs.tech, list(codes), have, titles)
    return MarketView(
        matrix=result,
        roles_map=mk.roles_map(inputs, levels, list(codes)),
        gradient=with_and_without_managers(inputs.ratings, inputs.roles),
        hot_tech=tech,
        tech_coverage=mk.tech_coverage(tech),
    )
