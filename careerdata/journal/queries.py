"""Read functions: parameterised SQL in, small DataFrames out (aggregate in DuckDB)."""

from __future__ import annotations

import pandas as pd

from careerdata.models import career as m
from careerdata.store.db import frame


def profile(con) -> dict | None:
    cur = con.cursor().execute("SELECT * FROM profile WHERE id = 1")
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def accomplishments(con) -> pd.DataFrame:
    """One row per accomplishment with its evidence roll-up and skills, newest first."""
    return frame(con, """
        SELECT e.accomplishment_id AS id, e.title, a.start_date, a.end_date, e.done_on, e.scope, e.employer,
               e.metrics, e.money_usd, e.hours,
               coalesce(string_agg(s.name, ', ' ORDER BY s.name), '') AS skills,
               a.situation, a.task, a.action, a.result
        FROM v_accomplishment_evidence e
        JOIN accomplishment a ON a.id = e.accomplishment_id
        LEFT JOIN accomplishment_skill x ON x.accomplishment_id = a.id
        LEFT JOIN skill s ON s.id = x.skill_id
        GROUP BY ALL
        ORDER BY e.done_on DESC, e.accomplishment_id DESC
    """)


def impact_metrics(con) -> pd.DataFrame:
    return frame(con, """
        SELECT m.id, m.accomplishment_id, a.title AS accomplishment, coalesce(a.end_date, a.start_date) AS done_on,
               m.category, m.description, m.baseline, m.new_value, m.unit, m.money_usd, m.hours, m.confidence,
               c.name AS verified_by
        FROM impact_metric m
        JOIN accomplishment a ON a.id = m.accomplishment_id
        LEFT JOIN contact c ON c.id = m.verified_by_contact_id
        ORDER BY done_on DESC, m.id
    """)


def win_metrics(con, acc_id: int) -> pd.DataFrame:
    """One accomplishment's impact metrics, in the order they were added, with the verifier's name."""
    return frame(con, """
        SELECT m.id, m.category, m.description, m.baseline, m.new_value, m.unit, m.money_usd, m.hours,
               m.confidence, c.name AS verified_by
        FROM impact_metric m LEFT JOIN contact c ON c.id = m.verified_by_contact_id
        WHERE m.accomplishment_id = ?
        ORDER BY m.id""", [acc_id])


def skills(con) -> pd.DataFrame:
    """Skills with their latest self-assessment and how much evidence backs them."""
    return frame(con, """
        WITH ev AS (
            SELECT x.skill_id, count(*) AS accomplishments,
                   count(*) FILTER (WHERE e.metrics > 0) AS quantified,
                   max(e.done_on) AS last_evidence
            FROM accomplishment_skill x JOIN v_accomplishment_evidence e ON e.accomplishment_id = x.accomplishment_id
            GROUP BY x.skill_id
        )
        SELECT l.skill_id AS id, l.name, l.kind, l.taxonomy_id, l.self_level, l.assessed_on,
               coalesce(ev.accomplishments, 0) AS accomplishments, coalesce(ev.quantified, 0) AS quantified,
               ev.last_evidence
        FROM v_skill_latest l LEFT JOIN ev ON ev.skill_id = l.skill_id
        ORDER BY l.name
    """)


def skill_history(con, skill_id: int) -> pd.DataFrame:
    return frame(con, "SELECT as_of, self_level, note FROM skill_assessment WHERE skill_id = ? ORDER BY as_of, id",
               [skill_id])


def contacts(con) -> pd.DataFrame:
    return frame(con, """
        SELECT id, name, relationship, company, title, influence, advocacy_stage, cadence_days,
               last_interaction, interactions
        FROM v_contact_touch ORDER BY name
    """)


def interactions(con, limit: int = 50) -> pd.DataFrame:
    return frame(con, """
        SELECT i.date, c.name AS contact, c.relationship, i.channel, i.notes, i.follow_up_due
        FROM interaction i JOIN contact c ON c.id = i.contact_id
        ORDER BY i.date DESC, i.id DESC LIMIT ?
    """, [limit])


def visibility(con) -> pd.DataFrame:
    return frame(con, "SELECT * FROM visibility_item ORDER BY date DESC, id DESC")


def names(con, table: str) -> list[str]:
    """Names for pick lists, from an allowlisted table."""
    assert table in {"skill", "contact", "target_role"}
    return [r[0] for r in con.cursor().execute(f"SELECT name FROM {table} ORDER BY name_key").fetchall()]


def competencies(con) -> pd.DataFrame:
    return frame(con, "SELECT key, name, grp AS \"group\", description FROM competency ORDER BY grp, name")


def ladder_levels(con) -> pd.DataFrame:
    return frame(con, "SELECT code, track, rank, title, summary FROM ladder_level ORDER BY track DESC, rank")


def employers(con) -> list[str]:
    rows = con.cursor().execute("""
        SELECT employer FROM (
            SELECT employer, max(coalesce(end_date, DATE '9999-12-31')) AS last FROM position GROUP BY employer
            UNION ALL
            SELECT employer, max(start_date) FROM accomplishment WHERE employer IS NOT NULL GROUP BY employer
        ) GROUP BY employer ORDER BY max(last) DESC
    """).fetchall()
    return [r[0] for r in rows]


def accomplishment_model(con, acc_id: int) -> m.Accomplishment:
    """Read one accomplishment back as the model the journal form edits."""
    cur = con.cursor()
    row = cur.execute("""
        SELECT title, start_date, end_date, employer, scope, situation, task, action, result, links
        FROM accomplishment WHERE id = ?""", [acc_id]).fetchone()
    if row is None:
        raise KeyError(acc_id)
    keys = ["title", "start_date", "end_date", "employer", "scope", "situation", "task", "action", "result", "links"]
    data = dict(zip(keys, row, strict=True))
    data["skills"] = [r[0] for r in cur.execute(
        "SELECT s.name FROM accomplishment_skill x JOIN skill s ON s.id = x.skill_id "
        "WHERE x.accomplishment_id = ? ORDER BY s.name", [acc_id]).fetchall()]
    data["competencies"] = [r[0] for r in cur.execute(
        "SELECT competency_key FROM accomplishment_competency WHERE accomplishment_id = ? AND status <> 'rejected' "
        "ORDER BY competency_key", [acc_id]).fetchall()]
    metric_rows = cur.execute("""
        SELECT m.category, m.description, m.baseline, m.new_value, m.unit, m.money_usd, m.hours, m.confidence,
               c.name
        FROM impact_metric m LEFT JOIN contact c ON c.id = m.verified_by_contact_id
        WHERE m.accomplishment_id = ? ORDER BY m.id""", [acc_id]).fetchall()
    mkeys = ["category", "description", "baseline", "new_value", "unit", "money_usd", "hours", "confidence",
             "verified_by"]
    data["metrics"] = [dict(zip(mkeys, r, strict=True)) for r in metric_rows]
    return m.Accomplishment.model_validate(data)


def ladder_info(con) -> dict | None:
    row = con.cursor().execute("SELECT name, source FROM ladder").fetchone()
    return {"name": row[0], "source": row[1]} if row else None


def market_sources(con) -> pd.DataFrame:
    return frame(con, "SELECT table_name, file, rows FROM market_source ORDER BY table_name")


def metric_suggestions(con) -> pd.DataFrame:
    """Open metric suggestions (figures read from imported text) with the win they belong to, newest win first."""
    return frame(con, """
        SELECT s.id, s.accomplishment_id, a.title AS accomplishment, s.category, s.description, s.baseline,
               s.new_value, s.unit, s.money_usd, s.source
        FROM metric_suggestion s JOIN accomplishment a ON a.id = s.accomplishment_id
        WHERE s.status = 'open'
        ORDER BY coalesce(a.end_date, a.start_date) DESC, s.id""")
