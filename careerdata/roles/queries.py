"""Reads for target roles: their requirements, pay points, effort estimates and evidence."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from careerdata.models import career as m
from careerdata.store.db import frame


@dataclass
class RoleData:
    roles: pd.DataFrame  # target_role rows
    requirements: pd.DataFrame  # target_role_id, skill, importance, required_level, must_have
    pay_points: pd.DataFrame  # target_role_id, amount, kind, as_of, note
    efforts: pd.DataFrame  # target_role_id, skill_name, effort_weeks
    evidence: pd.DataFrame  # accomplishment_id, title, done_on, skill, metrics, money_usd
    titles: pd.DataFrame  # onet_soc_code, title, kind (occupation | alternate | reported)


def role_data(con) -> RoleData:
    return RoleData(
        roles=frame(con, "SELECT * FROM target_role ORDER BY name"),
        requirements=frame(con, """
            SELECT target_role_id, skill_name AS skill, importance, required_level, must_have
            FROM target_role_skill ORDER BY target_role_id, importance DESC, skill_name"""),
        pay_points=frame(con, "SELECT target_role_id, amount, kind, as_of, note FROM target_role_pay_point "
                            "ORDER BY as_of"),
        efforts=frame(con, "SELECT target_role_id, skill_name, effort_weeks FROM target_role_gap_effort"),
        evidence=frame(con, """
            SELECT a.id AS accomplishment_id, a.title, coalesce(a.end_date, a.start_date) AS done_on,
                   s.name AS skill, e.metrics, e.money_usd
            FROM accomplishment a
            JOIN accomplishment_skill x ON x.accomplishment_id = a.id
            JOIN skill s ON s.id = x.skill_id
            JOIN v_accomplishment_evidence e ON e.accomplishment_id = a.id"""),
        titles=frame(con, """
            SELECT onet_soc_code, title, 'occupation' AS kind FROM market_occupation
            UNION ALL
            SELECT onet_soc_code, job_title, title_type FROM market_job_title
            ORDER BY 2"""),
    )


def target_role_model(con, role_id: int) -> m.TargetRole:
    """A saved target role back as the model the editor edits."""
    data = role_data(con)
    row = data.roles[data.roles["id"] == role_id]
    if row.empty:
        raise KeyError(role_id)
    r = row.iloc[0]
    reqs = data.requirements[data.requirements["target_role_id"] == role_id]
    pays = data.pay_points[data.pay_points["target_role_id"] == role_id]

    def num(v):
        return None if pd.isna(v) else float(v)

    return m.TargetRole(
        name=r["name"], level=r["level"], company=r["company"], onet_soc_code=r["onet_soc_code"] or None,
        pay_min=num(r["pay_min"]), pay_max=num(r["pay_max"]), notes=r["notes"],
        skills=[m.TargetRoleSkill(skill=q.skill, importance=int(q.importance), required_level=int(q.required_level),
                                  must_have=bool(q.must_have)) for q in reqs.itertuples(index=False)],
        pay_points=[m.PayPoint(amount=float(p.amount), kind=p.kind, as_of=pd.Timestamp(p.as_of).date(),
                               note=p.note) for p in pays.itertuples(index=False)],
    )


def occupation_titles(con) -> pd.DataFrame:
    """O*NET occupation titles with their alternate and reported titles, for the role search."""
    return frame(con, """
        SELECT onet_soc_code, title, 'occupation' AS kind FROM market_occupation
        UNION ALL
        SELECT onet_soc_code, job_title, title_type FROM market_job_title
        ORDER BY 2""")
