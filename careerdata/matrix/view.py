"""Cached model of the skill-value matrix page."""

from __future__ import annotations

import datetime as dt

from careerdata.matrix import skill_value as sv
from careerdata.matrix.queries import matrix_inputs


def skill_matrix(con, targets: tuple[sv.RoleTarget, ...], proficiency: str, today: dt.date) -> sv.MatrixResult:
    return sv.compute_matrix(matrix_inputs(con), list(targets), proficiency, today)
