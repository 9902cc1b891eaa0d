"""Reads for offers: the offers as validated models, the market rows they are placed against,
the ladder levels, and the quantified wins a negotiation script quotes. Parameterised SQL only.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from careerdata.models.offers import Offer

_FIELDS = ("company", "title", "level", "onet_soc_code", "currency", "base", "bonus_pct", "bonus_amount", "sign_on",
           "sign_on_clawback_months", "equity_kind", "equity_value", "option_count", "strike", "current_price",
           "vesting", "cliff_months", "refresh_per_year", "benefits_value", "start_date", "notes")


@dataclass(frozen=True)
class StoredOffer:
    """An offer as saved: its id, the model, and where it sits (pipeline stage, negotiation)."""

    id: int
    offer: Offer
    occupation: str | None  # the offer's O*NET-SOC code, else its opportunity's target role's, else None
    stage: str | None
    conversation_id: int | None
    rehearsals: int = 0  # rehearsals logged on that conversation
    confidence: int | None = None  # confidence after the latest rehearsal (1-5)


def _df(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pd.DataFrame:
    return con.cursor().execute(sql, params or []).df()


def offers(con: duckdb.DuckDBPyConnection) -> list[StoredOffer]:
    """Every offer and the current job, validated back into models (current job first)."""
    cur = con.cursor()
    cur.execute(f"""
        SELECT o.id, o.is_current_job, p.title AS opportunity, p.stage, l.conversation_id,
               (SELECT count(*) FROM conversation_rehearsal h WHERE h.conversation_id = l.conversation_id) AS rehearsals,
               (SELECT h.confidence_after FROM conversation_rehearsal h WHERE h.conversation_id = l.conversation_id
                ORDER BY h.date DESC, h.id DESC LIMIT 1) AS confidence,
               coalesce(o.onet_soc_code, r.onet_soc_code) AS occupation, {', '.join('o.' + f for f in _FIELDS)}
        FROM offer o
        LEFT JOIN opportunity p ON p.id = o.opportunity_id
        LEFT JOIN target_role r ON r.id = p.target_role_id
        LEFT JOIN offer_conversation l ON l.offer_id = o.id
             AND EXISTS (SELECT 1 FROM conversation v WHERE v.id = l.conversation_id)
        ORDER BY o.is_current_job DESC, o.id""")
    names = [d[0] for d in cur.description]
    out = []
    for row in cur.fetchall():
        rec = dict(zip(names, row, strict=True))
        data = {f: rec[f] for f in _FIELDS if rec[f] is not None}
        data.update(current_job=bool(rec["is_current_job"]), opportunity=rec["opportunity"])
        out.append(StoredOffer(int(rec["id"]), Offer.model_validate(data), rec["occupation"], rec["stage"],
                               None if rec["conversation_id"] is None else int(rec["conversation_id"]),
                               int(rec["rehearsals"]), rec["confidence"]))
    return out


def offer_stage_opportunities(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Titles of opportunities at the offer stage (or accepted) that an offer can belong to."""
    return [r[0] for r in con.cursor().execute(
        "SELECT title FROM opportunity WHERE stage IN ('offer', 'accepted') ORDER BY opened_on DESC, id DESC").fetchall()]


def market_pay(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """BLS OEWS annual pay percentiles per O*NET-SOC occupation (market_role), with the year."""
    return _df(con, """
        SELECT onet_soc_code, soc_code, title, wage_occ_title, year, p10, p25, median_wage AS p50, p75, p90,
               coalesce(topcoded_fields, '') AS topcoded_fields,
               coalesce(wage_is_soc_aggregate, false) AS wage_is_soc_aggregate
        FROM market_role ORDER BY title""")


def default_occupation(con: duckdb.DuckDBPyConnection) -> str | None:
    """The occupation of the user's target roles used most (the fallback for an offer without one)."""
    row = con.cursor().execute("""
        SELECT onet_soc_code FROM target_role WHERE onet_soc_code IS NOT NULL
        GROUP BY onet_soc_code ORDER BY count(*) DESC, min(id) LIMIT 1""").fetchone()
    return row[0] if row else None


def ladder_levels(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return _df(con, "SELECT code AS level_code, track, rank, title FROM ladder_level ORDER BY track DESC, rank")


def quantified_wins(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Accomplishments with at least one impact metric, and their strongest metric in words.

    Columns: id, title, done_on, metrics, money_usd (the sum of the user's estimates), and the
    metric with the largest money estimate (else the first): description, baseline, new_value,
    unit, confidence.
    """
    return _df(con, """
        WITH ranked AS (
            SELECT m.*, row_number() OVER (PARTITION BY m.accomplishment_id
                                           ORDER BY coalesce(m.money_usd, -1) DESC, m.id) AS n
            FROM impact_metric m)
        SELECT e.accomplishment_id AS id, e.title, e.done_on, e.metrics, e.money_usd,
               r.description, r.baseline, r.new_value, r.unit, r.confidence
        FROM v_accomplishment_evidence e JOIN ranked r ON r.accomplishment_id = e.accomplishment_id AND r.n = 1
        WHERE e.metrics > 0
        ORDER BY e.done_on DESC, e.accomplishment_id DESC""")


def profile_name(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.cursor().execute("SELECT name FROM profile WHERE id = 1").fetchone()
    return row[0] if row else None
