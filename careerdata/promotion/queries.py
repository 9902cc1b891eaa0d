"""Reads for the promotion case: everything the case is built from, saved versions and the plan.

`case_inputs` returns all the career data the analysis needs in one go (small frames: a career
is hundreds of rows, not millions), so the page and the CLI build the very same case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from careerdata.journal import queries
from careerdata.store.db import frame


@dataclass(frozen=True)
class CaseInputs:
    """The career data a promotion case is built from (see analytics.promotion.analyse)."""

    profile: dict | None
    current_employer: str | None
    levels: pd.DataFrame  # code, track, rank, title, summary
    competencies: pd.DataFrame  # key, name, group, description (ladder order)
    expectations: pd.DataFrame  # level_code, competency_key, target, text
    accomplishments: pd.DataFrame  # id, title, start_date, end_date, scope, STAR, links, metrics, money_usd, hours
    skills: pd.DataFrame  # accomplishment_id, name, kind
    links: pd.DataFrame  # accomplishment_id, competency_key, status
    metrics: pd.DataFrame  # id, accomplishment_id, category, description, baseline, new_value, unit, ...
    contacts: pd.DataFrame  # id, name, relationship, company, title, influence, advocacy_stage, last_interaction
    seen: pd.DataFrame  # contact_id, accomplishment_id, how ('told' / 'verified'), date


# An accomplishment is in the cycle when its span overlaps it (analytics.promotion.with_cycle):
# start <= cycle end and (end, or today but never before the start, while ongoing) >= cycle start.
_IN_CYCLE = "a.start_date <= ? AND coalesce(a.end_date, greatest(?::DATE, a.start_date)) >= ?"


def case_inputs(con) -> CaseInputs:
    """Everything, for any cycle (the CLI); the page reads `cycle_case_inputs` for its one cycle."""
    return _case_inputs(con, None)


def cycle_case_inputs(con, cycle_start: dt.date, cycle_end: dt.date, today: dt.date) -> CaseInputs:
    """`case_inputs` with the accomplishments (and their skills, links, metrics and who saw them) cut in
    DuckDB to those overlapping the cycle: the case of a cycle never looks at the others, so a long
    career costs the page no more than the cycle's wins. `analytics.promotion.analyse` gives the same
    case from either."""
    return _case_inputs(con, (cycle_end, today, cycle_start))


def _case_inputs(con, cycle: tuple[dt.date, dt.date, dt.date] | None) -> CaseInputs:
    employers = queries.employers(con)
    params = list(cycle) if cycle else []

    def only_cycle(column: str, keyword: str = "WHERE") -> str:
        """`keyword column IN (the cycle's accomplishment ids)`; nothing without a cycle."""
        return f"{keyword} {column} IN (SELECT a.id FROM accomplishment a WHERE {_IN_CYCLE})" if cycle else ""

    return CaseInputs(
        profile=queries.profile(con),
        current_employer=employers[0] if employers else None,
        levels=queries.ladder_levels(con),
        competencies=frame(con, 'SELECT key, name, grp AS "group", description FROM competency ORDER BY rowid'),
        expectations=frame(con, """
            SELECT level_code, competency_key, target, text FROM level_expectation
            ORDER BY level_code, competency_key"""),
        accomplishments=frame(con, f"""
            SELECT a.id, a.title, a.start_date, a.end_date, a.scope, a.employer, a.situation, a.task, a.action,
                   a.result, a.links, e.metrics, e.money_usd, e.hours
            FROM accomplishment a JOIN v_accomplishment_evidence e ON e.accomplishment_id = a.id
            {only_cycle('a.id')}
            ORDER BY coalesce(a.end_date, a.start_date) DESC, a.id DESC""", params),
        skills=frame(con, f"""
            SELECT x.accomplishment_id, s.name, s.kind
            FROM accomplishment_skill x JOIN skill s ON s.id = x.skill_id
            {only_cycle('x.accomplishment_id')}
            ORDER BY x.accomplishment_id, s.name""", params),
        links=frame(con, f"""
            SELECT accomplishment_id, competency_key, status FROM accomplishment_competency
            {only_cycle('accomplishment_id')}
            ORDER BY accomplishment_id, competency_key""", params),
        metrics=frame(con, f"""
            SELECT m.id, m.accomplishment_id, m.category, m.description, m.baseline, m.new_value, m.unit,
                   m.money_usd, m.hours, m.confidence, c.name AS verified_by
            FROM impact_metric m LEFT JOIN contact c ON c.id = m.verified_by_contact_id
            {only_cycle('m.accomplishment_id')}
            ORDER BY m.accomplishment_id, m.id""", params),
        contacts=contact_touch(con),
        seen=frame(con, f"""
            SELECT i.contact_id, x.accomplishment_id, 'told' AS how, max(i.date) AS date
            FROM interaction_accomplishment x JOIN interaction i ON i.id = x.interaction_id
            {only_cycle('x.accomplishment_id')}
            GROUP BY ALL
            UNION ALL
            SELECT verified_by_contact_id, accomplishment_id, 'verified', NULL
            FROM impact_metric WHERE verified_by_contact_id IS NOT NULL {only_cycle('accomplishment_id', 'AND')}
            GROUP BY ALL
            ORDER BY 1, 2, 3""", params * 2),
    )


def accomplishment_spans(con) -> pd.DataFrame:
    """Every accomplishment's title and dates, in `case_inputs` order: the linter catches a draft line
    naming a win from outside the cycle."""
    return frame(con, """
        SELECT a.id, a.title, a.start_date, a.end_date FROM accomplishment a
        ORDER BY coalesce(a.end_date, a.start_date) DESC, a.id DESC""")


def contact_touch(con) -> pd.DataFrame:
    """Every contact with the last time you talked (the advocates, the plan and the linter)."""
    return frame(con, """
        SELECT id, name, relationship, company, title, influence, advocacy_stage, cadence_days,
               last_interaction, interactions
        FROM v_contact_touch ORDER BY name""")


@dataclass(frozen=True)
class CaseSetup:
    """What the page needs before it knows the case: the profile, the ladder's levels, whether it has
    competencies."""

    profile: dict | None
    levels: pd.DataFrame  # code, track, rank, title, summary
    has_competencies: bool


def case_setup(con) -> CaseSetup:
    return CaseSetup(profile=queries.profile(con), levels=queries.ladder_levels(con),
                     has_competencies=bool(con.cursor().execute("SELECT count(*) FROM competency").fetchone()[0]))


def promo_case(con, target_level: str, cycle_start: dt.date, cycle_end: dt.date) -> dict | None:
    """The stored case for this target level and cycle (id, review date), or None before the first save."""
    cur = con.cursor().execute("""
        SELECT id, target_level, cycle_start, cycle_end, review_date, created_at FROM promo_case
        WHERE target_level = ? AND cycle_start = ? AND cycle_end = ?
        ORDER BY id DESC LIMIT 1""", [target_level, cycle_start, cycle_end])
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None


def case_versions(con, case_id: int) -> pd.DataFrame:
    """Saved drafts of a case, newest first."""
    return frame(con, """
        SELECT version, created_at, coalesce(note, '') AS note, markdown, length(markdown) AS chars
        FROM promo_case_version WHERE promo_case_id = ? ORDER BY version DESC""", [case_id])


def plan_states(con, case_id: int) -> pd.DataFrame:
    """What the user did with each plan step: status and the conversation logged against it."""
    return frame(con, """
        SELECT p.step_key, p.status, p.interaction_id, i.date AS logged_on, i.channel, i.notes,
               c.name AS contact
        FROM promo_plan_step p
        LEFT JOIN interaction i ON i.id = p.interaction_id
        LEFT JOIN contact c ON c.id = i.contact_id
        WHERE p.promo_case_id = ?
        ORDER BY p.step_key""", [case_id])
