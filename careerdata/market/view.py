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


def market(con, codes: tuple[str, ...], proficiency: str, today: dt.date) -> MarketView:
    inputs = matrix_inputs(con)
    result = sv.compute_matrix(inputs, list(codes), proficiency, today)
    evidence = sv.evidence_levels(inputs.evidence, today)
    levels = mk.user_element_levels(inputs.skills, result.mappings, evidence, proficiency)
    titles = dict(zip(inputs.roles["onet_soc_code"], inputs.roles["title"], strict=True))
    have = set(result.mappings["technology"].dropna())
    return MarketView(
        matrix=result,
        roles_map=mk.roles_map(inputs, levels, list(codes)),
        gradient=with_and_without_managers(inputs.ratings, inputs.roles),
        hot_tech=mk.hot_technologies(inputs.tech, list(codes), have, titles),
    )
