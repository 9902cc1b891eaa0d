"""Reads behind the value-proposition and competitors pages.

The market side (skills, their O*NET mapping, ratings, technologies, target roles) comes from
`careerdata.matrix.queries.matrix_inputs`; this module adds the career-file side: the
ladder, accomplishments with their STAR text, impact metrics, competency links and evidence,
the O*NET tasks of the target's occupation, the target roles' required skills, and saved pitches.
Each read is as narrow as its page model (`careerdata.value.view`) needs: the selector reads only
the ladder and the target roles. The Career P&L's reads are in `careerdata.pnl.queries`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from careerdata.journal.queries import impact_metrics, ladder_info, profile
from careerdata.store.db import frame


@dataclass
class LadderInputs:
    """The ladder and who you are on it (small)."""

    profile: dict | None
    ladder: dict | None  # name, source
    levels: pd.DataFrame  # code, track, rank, title, summary
    competencies: pd.DataFrame  # key, name, group, description
    expectations: pd.DataFrame  # level_code, competency_key, target, text


def ladder_inputs(con) -> LadderInputs:
    return LadderInputs(
        profile=profile(con),
        ladder=ladder_info(con),
        levels=frame(con, "SELECT code, track, rank, title, summary FROM ladder_level ORDER BY track DESC, rank, code"),
        competencies=frame(con, 'SELECT key, name, grp AS "group", description FROM competency ORDER BY key'),
        expectations=frame(con, "SELECT level_code, competency_key, target, text FROM level_expectation "
                              "ORDER BY level_code, competency_key"),
    )


@dataclass
class SelectorInputs:
    """What the target selector of both pages needs."""

    ladder: LadderInputs
    target_roles: pd.DataFrame  # as in matrix_inputs
    roles: pd.DataFrame  # onet_soc_code, title (market_role, by title)
    employer: str | None  # of your most recent accomplishment that names one


def selector_inputs(con) -> SelectorInputs:
    row = con.cursor().execute("""
        SELECT employer FROM accomplishment WHERE employer IS NOT NULL
        ORDER BY coalesce(end_date, start_date) DESC, id DESC LIMIT 1""").fetchone()
    return SelectorInputs(
        ladder=ladder_inputs(con),
        target_roles=frame(con, "SELECT id, name, level, company, onet_soc_code, pay_min, pay_max FROM target_role "
                              "ORDER BY name"),
        roles=frame(con, "SELECT onet_soc_code, title FROM market_role ORDER BY title"),
        employer=row[0] if row else None,
    )


def accomplishment_texts(con) -> pd.DataFrame:
    """id, title, done_on, scope, employer and the STAR text of every accomplishment, newest first."""
    return frame(con, """
        SELECT id, title, coalesce(end_date, start_date) AS done_on, scope, employer,
               situation, task, action, result
        FROM accomplishment ORDER BY done_on DESC, id DESC""")


def competency_links(con) -> pd.DataFrame:
    """accomplishment_id, competency_key, status of every link the user has not rejected."""
    return frame(con, "SELECT accomplishment_id, competency_key, status FROM accomplishment_competency "
                    "WHERE status <> 'rejected' ORDER BY accomplishment_id, competency_key")


def competency_evidence(con) -> pd.DataFrame:
    """competency_key, accomplishment_id, start_date, end_date, done_on, scope, metrics, verified: one row per
    (competency, actively linked accomplishment)."""
    return frame(con, """
        SELECT x.competency_key, a.id AS accomplishment_id, a.start_date, a.end_date,
               coalesce(a.end_date, a.start_date) AS done_on, a.scope,
               count(m.id) AS metrics, count(m.id) FILTER (WHERE m.confidence = 'verified') AS verified
        FROM accomplishment_competency x
        JOIN accomplishment a ON a.id = x.accomplishment_id
        LEFT JOIN impact_metric m ON m.accomplishment_id = a.id
        WHERE x.status IN ('linked', 'confirmed')
        GROUP BY x.competency_key, a.id, a.start_date, a.end_date, done_on, a.scope
        ORDER BY x.competency_key, a.id""")


def occupation_tasks(con, codes: tuple[str, ...] | list[str] | None = None) -> pd.DataFrame:
    """The O*NET tasks of the given occupations (all of them when codes is None)."""
    sql = """
        SELECT onet_soc_code, task_id, task, coalesce(task_type, '') AS task_type, incumbents_responding
        FROM market_task {where} ORDER BY onet_soc_code, task_id"""
    if codes is None:
        return frame(con, sql.format(where=""))
    codes = [c for c in codes if c]
    if not codes:
        return frame(con, sql.format(where="WHERE false"))
    return frame(con, sql.format(where=f"WHERE onet_soc_code IN ({', '.join('?' for _ in codes)})"), codes)


def role_skills(con) -> pd.DataFrame:
    return frame(con, "SELECT target_role_id, skill_name, importance, required_level, must_have "
                    "FROM target_role_skill ORDER BY target_role_id, importance DESC, skill_name")


@dataclass
class ValueInputs:
    """Everything the two pages read from the career file (the whole of it, for scripts and tests)."""

    profile: dict | None
    ladder: dict | None  # name, source
    levels: pd.DataFrame  # code, track, rank, title, summary
    competencies: pd.DataFrame  # key, name, group, description
    expectations: pd.DataFrame  # level_code, competency_key, target, text
    accomplishments: pd.DataFrame  # id, title, done_on, scope, employer, situation, task, action, result
    metrics: pd.DataFrame  # careerdata.journal.queries.impact_metrics
    links: pd.DataFrame  # accomplishment_id, competency_key, status (not rejected)
    competency_evidence: pd.DataFrame  # competency_key, done_on, scope, metrics, verified (one row per link)
    tasks: pd.DataFrame  # onet_soc_code, task_id, task, task_type
    role_skills: pd.DataFrame  # target_role_id, skill_name, importance, required_level, must_have


def value_inputs(con) -> ValueInputs:
    ladder = ladder_inputs(con)
    return ValueInputs(
        profile=ladder.profile,
        ladder=ladder.ladder,
        levels=ladder.levels,
        competencies=ladder.competencies,
        expectations=ladder.expectations,
        accomplishments=accomplishment_texts(con),
        metrics=impact_metrics(con),
        links=competency_links(con),
        competency_evidence=competency_evidence(con),
        tasks=occupation_tasks(con),
        role_skills=role_skills(con),
    )


def pitch_versions(con, target_key: str) -> pd.DataFrame:
    """Every saved version of the pitches for one target, newest first."""
    return frame(con, """
        SELECT id, kind, version, text, created_at, target_label
        FROM pitch WHERE target_key = ? ORDER BY kind, version DESC""", [target_key])
