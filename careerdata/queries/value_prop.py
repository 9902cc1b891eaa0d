"""Reads behind the value-proposition and competitors pages (small frames; one cached read each).

The market side (skills, their O*NET mapping, ratings, technologies, target roles) comes from
`careerdata.queries.skill_value.matrix_inputs`; this module adds the career-file side: the
ladder, accomplishments with their STAR text, impact metrics, competency links and evidence,
the O*NET tasks of every occupation, the target roles' required skills, and saved pitches.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from careerdata.queries import _df, impact_metrics, ladder_info, profile


@dataclass
class ValueInputs:
    """Everything the two pages read from the career file, read once and cached per file."""

    profile: dict | None
    ladder: dict | None  # name, source
    levels: pd.DataFrame  # code, track, rank, title, summary
    competencies: pd.DataFrame  # key, name, group, description
    expectations: pd.DataFrame  # level_code, competency_key, target, text
    accomplishments: pd.DataFrame  # id, title, done_on, scope, employer, situation, task, action, result
    metrics: pd.DataFrame  # careerdata.queries.impact_metrics
    links: pd.DataFrame  # accomplishment_id, competency_key (not rejected)
    competency_evidence: pd.DataFrame  # competency_key, done_on, scope, metrics, verified (one row per link)
    tasks: pd.DataFrame  # onet_soc_code, task_id, task, task_type
    role_skills: pd.DataFrame  # target_role_id, skill_name, importance, required_level, must_have


def value_inputs(con) -> ValueInputs:
    return ValueInputs(
        profile=profile(con),
        ladder=ladder_info(con),
        levels=_df(con, "SELECT code, track, rank, title, summary FROM ladder_level ORDER BY track DESC, rank, code"),
        competencies=_df(con, 'SELECT key, name, grp AS "group", description FROM competency ORDER BY key'),
        expectations=_df(con, "SELECT level_code, competency_key, target, text FROM level_expectation "
                              "ORDER BY level_code, competency_key"),
        accomplishments=_df(con, """
            SELECT id, title, coalesce(end_date, start_date) AS done_on, scope, employer,
                   situation, task, action, result
            FROM accomplishment ORDER BY done_on DESC, id DESC"""),
        metrics=impact_metrics(con),
        links=_df(con, "SELECT accomplishment_id, competency_key FROM accomplishment_competency "
                       "WHERE status <> 'rejected' ORDER BY accomplishment_id, competency_key"),
        competency_evidence=_df(con, """
            SELECT x.competency_key, coalesce(a.end_date, a.start_date) AS done_on, a.scope,
                   count(m.id) AS metrics, count(m.id) FILTER (WHERE m.confidence = 'verified') AS verified
            FROM accomplishment_competency x
            JOIN accomplishment a ON a.id = x.accomplishment_id
            LEFT JOIN impact_metric m ON m.accomplishment_id = a.id
            WHERE x.status <> 'rejected'
            GROUP BY x.competency_key, a.id, done_on, a.scope
            ORDER BY x.competency_key, a.id"""),
        tasks=_df(con, """
            SELECT onet_soc_code, task_id, task, coalesce(task_type, '') AS task_type,
                   incumbents_responding
            FROM market_task ORDER BY onet_soc_code, task_id"""),
        role_skills=_df(con, "SELECT target_role_id, skill_name, importance, required_level, must_have "
                             "FROM target_role_skill ORDER BY target_role_id, importance DESC, skill_name"),
    )


def pitch_versions(con, target_key: str) -> pd.DataFrame:
    """Every saved version of the pitches for one target, newest first."""
    return _df(con, """
        SELECT id, kind, version, text, created_at, target_label
        FROM pitch WHERE target_key = ? ORDER BY kind, version DESC""", [target_key])
