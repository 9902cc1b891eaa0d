"""Reads for the career-sales pages: network, visibility, pipeline and conversations.

Small DataFrames with parameterised SQL; the figures on the pages come from
`careerdata.network.analytics`, which takes these frames.
"""

from __future__ import annotations

import pandas as pd

from careerdata.journal.queries import _df
from careerdata.models import career as m

# --- network ---------------------------------------------------------------------------

def contacts(con) -> pd.DataFrame:
    """Contacts with their last touch, touch count and their tier's ideal/max cadence."""
    return _df(con, """
        SELECT t.id, t.name, t.relationship, t.company, t.title, t.influence, t.advocacy_stage, t.cadence_days,
               t.notes, t.last_interaction, t.interactions,
               ct.ideal_days AS tier_ideal_days, ct.max_days AS tier_max_days
        FROM v_contact_touch t LEFT JOIN cadence_tier ct ON ct.relationship = t.relationship
        ORDER BY t.name_key
    """)


def cadence_tiers(con) -> pd.DataFrame:
    order = ", ".join(f"'{r}'" for r in m.RELATIONSHIPS)  # a fixed allowlist, not user input
    return _df(con, f"""
        SELECT relationship, ideal_days, max_days FROM cadence_tier
        ORDER BY list_position([{order}], relationship) NULLS LAST, relationship
    """)


def win_mentions(con) -> pd.DataFrame:
    """Which contact heard about which accomplishment: times told and the last date."""
    return _df(con, """
        SELECT i.contact_id, ia.accomplishment_id, count(*) AS times, max(i.date) AS last_heard
        FROM interaction_accomplishment ia JOIN interaction i ON i.id = ia.interaction_id
        GROUP BY ALL
    """)


def win_candidates(con) -> pd.DataFrame:
    """Accomplishments with what ranks a win (done date, impact metrics, annualised money), newest first.

    The light cousin of `queries.accomplishments` (no skills, no STAR text) for the Network page.
    """
    return _df(con, """
        SELECT accomplishment_id AS id, title, done_on, metrics, money_usd FROM v_accomplishment_evidence
        ORDER BY done_on DESC, accomplishment_id DESC
    """)


def recent_touches(con, contact_id: int, limit: int = 5) -> pd.DataFrame:
    return _df(con, """
        SELECT date, channel, notes, follow_up_due FROM interaction WHERE contact_id = ?
        ORDER BY date DESC, id DESC LIMIT ?
    """, [contact_id, limit])


def current_employer(con) -> str | None:
    """The employer of the open position (no end date), latest start first; None if there is none."""
    row = con.cursor().execute(
        "SELECT employer FROM position WHERE end_date IS NULL ORDER BY start_date DESC LIMIT 1").fetchone()
    return row[0] if row else None


# --- visibility and the ladder ---------------------------------------------------------

def visibility_expectations(con) -> pd.DataFrame:
    return _df(con, "SELECT influence_target, items_per_year, external_per_year FROM visibility_expectation "
                    "ORDER BY influence_target")


def influence_expectations(con) -> pd.DataFrame:
    """Every ladder level with its influence expectation (target 1-5 and text).

    Uses the competency keyed `influence`, or else the first competency of the ladder's
    influence group, so a company ladder with other keys still works.
    """
    return _df(con, """
        WITH comp AS (
            SELECT key, name FROM competency WHERE key = 'influence' OR grp = 'influence'
            ORDER BY (key = 'influence') DESC, (grp = 'influence') DESC, key
            LIMIT 1
        )
        SELECT l.code, l.track, l.rank, l.title, comp.key AS competency_key, comp.name AS competency,
               e.target, e.text
        FROM ladder_level l
        CROSS JOIN comp
        LEFT JOIN level_expectation e ON e.level_code = l.code AND e.competency_key = comp.key
        ORDER BY l.track DESC, l.rank
    """)


# --- pipeline --------------------------------------------------------------------------

def opportunities(con) -> pd.DataFrame:
    """Opportunities with their target role, contacts (comma-separated) and current-stage date."""
    return _df(con, """
        SELECT o.id, o.title, o.kind, o.company, r.name AS target_role, o.stage, o.opened_on, o.next_step,
               o.follow_up_due, o.notes,
               coalesce((SELECT string_agg(c.name, ', ' ORDER BY c.name) FROM opportunity_contact oc
                         JOIN contact c ON c.id = oc.contact_id WHERE oc.opportunity_id = o.id), '') AS contacts,
               (SELECT max(s.entered_on) FROM opportunity_stage s
                WHERE s.opportunity_id = o.id AND s.stage = o.stage) AS stage_since
        FROM opportunity o LEFT JOIN target_role r ON r.id = o.target_role_id
        ORDER BY o.opened_on DESC, o.id DESC
    """)


def opportunity_stages(con) -> pd.DataFrame:
    return _df(con, "SELECT opportunity_id, stage, entered_on FROM opportunity_stage "
                    "ORDER BY opportunity_id, entered_on")


def opportunity_model(con, opportunity_id: int) -> m.Opportunity:
    """One opportunity as the model its edit form validates (stage history left out)."""
    cur = con.cursor()
    row = cur.execute("""
        SELECT o.title, o.kind, o.company, r.name, o.stage, o.opened_on, o.next_step, o.follow_up_due, o.notes
        FROM opportunity o LEFT JOIN target_role r ON r.id = o.target_role_id WHERE o.id = ?""",
                      [opportunity_id]).fetchone()
    if row is None:
        raise KeyError(opportunity_id)
    keys = ["title", "kind", "company", "target_role", "stage", "opened_on", "next_step", "follow_up_due", "notes"]
    data = dict(zip(keys, row, strict=True))
    data["contacts"] = [r[0] for r in cur.execute(
        "SELECT c.name FROM opportunity_contact oc JOIN contact c ON c.id = oc.contact_id "
        "WHERE oc.opportunity_id = ? ORDER BY c.name", [opportunity_id]).fetchall()]
    return m.Opportunity.model_validate(data)


# --- conversations ---------------------------------------------------------------------

def conversations(con) -> pd.DataFrame:
    """Conversations with counterpart, pay occupation and counts of objection cards and rehearsals."""
    return _df(con, """
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
    return _df(con, "SELECT id, objection, answer FROM conversation_objection WHERE conversation_id = ? ORDER BY id",
               [conversation_id])


def rehearsals(con, conversation_id: int) -> pd.DataFrame:
    return _df(con, """
        SELECT id, date, confidence_before, confidence_after, notes FROM conversation_rehearsal
        WHERE conversation_id = ? ORDER BY date, id""", [conversation_id])


def market_pay(con) -> pd.DataFrame:
    """BLS OEWS pay percentiles per O*NET-SOC occupation (market_role), for the pay comparison."""
    return _df(con, """
        SELECT onet_soc_code, soc_code, title, wage_occ_title, year, employment, p10, p25, median_wage AS p50,
               p75, p90, coalesce(topcoded_fields, '') AS topcoded_fields,
               coalesce(wage_is_soc_aggregate, false) AS wage_is_soc_aggregate
        FROM market_role ORDER BY title
    """)


def pay_points(con) -> pd.DataFrame:
    """Pay data points the user collected (offers, posted ranges, peers, recruiters), with their role."""
    return _df(con, """
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
