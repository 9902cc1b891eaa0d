"""Reads of the Network page: contacts, cadence tiers, win mentions, visibility and its ladder bar.

Small DataFrames with parameterised SQL; the figures on the pages come from
`careerdata.network.analytics`, which takes these frames.
"""

from __future__ import annotations

import pandas as pd

from careerdata.core import vocab
from careerdata.store.db import frame

# --- network ---------------------------------------------------------------------------

def contacts(con) -> pd.DataFrame:
    """Contacts with their last touch, touch count and their tier's ideal/max cadence."""
    return frame(con, """
        SELECT t.id, t.name, t.relationship, t.company, t.title, t.influence, t.advocacy_stage, t.cadence_days,
               t.notes, t.last_interaction, t.interactions,
               ct.ideal_days AS tier_ideal_days, ct.max_days AS tier_max_days
        FROM v_contact_touch t LEFT JOIN cadence_tier ct ON ct.relationship = t.relationship
        ORDER BY t.name_key
    """)


def cadence_tiers(con) -> pd.DataFrame:
    order = ", ".join(f"'{r}'" for r in vocab.RELATIONSHIPS)  # a fixed allowlist, not user input
    return frame(con, f"""
        SELECT relationship, ideal_days, max_days FROM cadence_tier
        ORDER BY list_position([{order}], relationship) NULLS LAST, relationship
    """)


def win_mentions(con) -> pd.DataFrame:
    """Which contact heard about which accomplishment: times told and the last date."""
    return frame(con, """
        SELECT i.contact_id, ia.accomplishment_id, count(*) AS times, max(i.date) AS last_heard
        FROM interaction_accomplishment ia JOIN interaction i ON i.id = ia.interaction_id
        GROUP BY ALL
    """)


def win_candidates(con) -> pd.DataFrame:
    """Accomplishments with what ranks a win (done date, impact metrics, annualised money), newest first.

    The light cousin of `queries.accomplishments` (no skills, no STAR text) for the Network page.
    """
    return frame(con, """
        SELECT accomplishment_id AS id, title, done_on, metrics, money_usd FROM v_accomplishment_evidence
        ORDER BY done_on DESC, accomplishment_id DESC
    """)


def recent_touches(con, contact_id: int, limit: int = 5) -> pd.DataFrame:
    return frame(con, """
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
    return frame(con, "SELECT influence_target, items_per_year, external_per_year FROM visibility_expectation "
                    "ORDER BY influence_target")


def influence_expectations(con) -> pd.DataFrame:
    """Every ladder level with its influence expectation (target 1-5 and text).

    Uses the competency keyed `influence`, or else the first competency of the ladder's
    influence group, so a company ladder with other keys still works.
    """
    return frame(con, """
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
