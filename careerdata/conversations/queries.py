"""Reads of the Conversations page: conversations, objections, rehearsals, and the pay data behind the numbers."""

from __future__ import annotations

import pandas as pd

from careerdata.models import career as m
from careerdata.store.db import frame


def conversations(con) -> pd.DataFrame:
    """Conversations with counterpart, pay occupation and counts of objection cards and rehearsals."""
    return frame(con, """
        SELECT v.id, v.title, v.kind, c.name AS counterpart, v.counterpart_contact_id AS counterpart_id,
               v.planned_for, v.goal, v.talking_points, v.anchor, v.target, v.walk_away, v.status, v.outcome,
               cm.onet_soc_code,
               (SELECT count(*) FROM conversation_objection o WHERE o.conversation_id = v.id) AS objections,
               (SELECT count(*) FROM conversation_objection o WHERE o.conversation_id = v.id
                    AND trim(o.answer) <> '') AS answered,
               (SELECT count(*) FROM conversation_rehearsal r WHERE r.conversation_id = v.id) AS rehearsals
        FROM conversation v
        LEFT JOIN contact c ON c.id = v.counterpart_contact_id
        LEFT JOIN conversation_market cm ON cm.conversation_id = v.id
        ORDER BY v.planned_for DESC NULLS LAST, v.id DESC
    """)


def objections(con, conversation_id: int) -> pd.DataFrame:
    return frame(con, "SELECT id, objection, answer FROM conversation_objection WHERE conversation_id = ? ORDER BY id",
               [conversation_id])


def rehearsals(con, conversation_id: int) -> pd.DataFrame:
    return frame(con, """
        SELECT id, date, confidence_before, confidence_after, notes FROM conversation_rehearsal
        WHERE conversation_id = ? ORDER BY date, id""", [conversation_id])


def market_pay(con) -> pd.DataFrame:
    """BLS OEWS pay percentiles per O*NET-SOC occupation (market_role), for the pay comparison."""
    return frame(con, """
        SELECT onet_soc_code, soc_code, title, wage_occ_title, year, employment, p10, p25, median_wage AS p50,
               p75, p90, coalesce(topcoded_fields, '') AS topcoded_fields,
               coalesce(wage_is_soc_aggregate, false) AS wage_is_soc_aggregate
        FROM market_role ORDER BY title
    """)


def pay_points(con) -> pd.DataFrame:
    """Pay data points the user collected (offers, posted ranges, peers, recruiters), with their role."""
    return frame(con, """
        SELECT p.id, r.name AS role, r.level, r.company, r.onet_soc_code, p.amount, p.kind, p.as_of, p.note
        FROM target_role_pay_point p JOIN target_role r ON r.id = p.target_role_id
        ORDER BY p.as_of DESC, p.id DESC
    """)


def target_role_occupations(con) -> list[str]:
    """O*NET-SOC codes of the user's target roles, most used first (the default pay benchmark)."""
    rows = con.cursor().execute("""
        SELECT onet_soc_code FROM target_role WHERE onet_soc_code IS NOT NULL
        GROUP BY onet_soc_code ORDER BY count(*) DESC, min(id)
    """).fetchall()
    return [r[0] for r in rows]


def conversation_model(con, conversation_id: int) -> m.Conversation:
    """A conversation's plan as the model its edit form validates (objections and rehearsals left out)."""
    cur = con.cursor()
    row = cur.execute("""
        SELECT v.title, v.kind, c.name, v.planned_for, v.goal, v.talking_points, v.anchor, v.target, v.walk_away,
               v.status, v.outcome
        FROM conversation v LEFT JOIN contact c ON c.id = v.counterpart_contact_id WHERE v.id = ?""",
                      [conversation_id]).fetchone()
    if row is None:
        raise KeyError(conversation_id)
    keys = ["title", "kind", "counterpart", "planned_for", "goal", "talking_points", "anchor", "target", "walk_away",
            "status", "outcome"]
    return m.Conversation.model_validate(dict(zip(keys, row, strict=True)))
