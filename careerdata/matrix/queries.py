"""Reads behind the skill-value model and the market page (small frames; SQL does the joins)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from careerdata.journal.queries import skills
from careerdata.store.db import frame


@dataclass
class MarketInputs:
    """Everything the value model needs, read once and cached per file."""

    skills: pd.DataFrame
    default_map: pd.DataFrame
    user_map: pd.DataFrame
    elements: pd.DataFrame
    technologies: pd.Series
    evidence: pd.DataFrame
    estimates: pd.DataFrame
    ratings: pd.DataFrame  # onet_soc_code, element_id, name, kind (skill|knowledge), importance, level
    tech: pd.DataFrame  # onet_soc_code, technology, hot_technology, in_demand
    roles: pd.DataFrame  # market_role
    projections: pd.DataFrame
    proxies: dict[str, str]
    reference_median: float
    reference_year: int | None
    target_roles: pd.DataFrame
    ladder: pd.DataFrame  # level_code, track, rank, title, competency, grp, target (1-5)
    element_competency: pd.DataFrame  # element_id, competency, competency_group
    aliases: pd.DataFrame  # alias, skill
    current_level: str | None  # the profile's ladder level
    current_pay: float | None  # the profile's pay (the user's own figure)


def matrix_inputs(con) -> MarketInputs:
    ref = con.cursor().execute(
        "SELECT annual_median, year FROM market_wage WHERE soc_code = '15-1200' ORDER BY year DESC LIMIT 1"
    ).fetchone()
    profile = con.cursor().execute("SELECT current_level, current_pay FROM profile LIMIT 1").fetchone()
    proxies = dict(con.cursor().execute("SELECT onet_soc_code, proxy_onet_soc_code FROM market_proxy").fetchall())
    return MarketInputs(
        skills=skills(con),
        default_map=frame(con, "SELECT skill, element_id, technology FROM market_skill_map"),
        user_map=frame(con, "SELECT skill_id, element_id, technology FROM skill_map_user"),
        elements=frame(con, "SELECT element_id, name, domain FROM market_skill_definition ORDER BY element_id"),
        technologies=frame(con, "SELECT DISTINCT technology FROM market_technology")["technology"],
        evidence=frame(con, """
            SELECT x.skill_id, coalesce(a.end_date, a.start_date) AS done_on, a.scope,
                   count(m.id) AS metrics, count(m.id) FILTER (WHERE m.confidence = 'verified') AS verified
            FROM accomplishment_skill x
            JOIN accomplishment a ON a.id = x.accomplishment_id
            LEFT JOIN impact_metric m ON m.accomplishment_id = a.id
            GROUP BY x.skill_id, a.id, done_on, a.scope"""),
        estimates=frame(con, "SELECT skill_id, value, note, as_of FROM skill_value_estimate"),
        ratings=frame(con, """
            SELECT onet_soc_code, element_id, skill AS name, 'skill' AS kind, importance, level
            FROM market_role_skill
            UNION ALL
            SELECT onet_soc_code, element_id, knowledge_area, 'knowledge', importance, level
            FROM market_role_knowledge"""),
        tech=frame(con, "SELECT onet_soc_code, technology, hot_technology, in_demand FROM market_technology"),
        roles=frame(con, "SELECT * FROM market_role ORDER BY title"),
        projections=frame(con, "SELECT * FROM market_projection"),
        proxies=proxies,
        reference_median=float(ref[0]) if ref else 0.0,
        reference_year=int(ref[1]) if ref else None,
        target_roles=frame(con, "SELECT id, name, level, company, onet_soc_code, pay_min, pay_max FROM target_role "
                              "ORDER BY name"),
        ladder=frame(con, """
            SELECT l.code AS level_code, l.track, l.rank, l.title, c.key AS competency, c.grp, e.target
            FROM level_expectation e
            JOIN ladder_level l ON l.code = e.level_code
            JOIN competency c ON c.key = e.competency_key
            ORDER BY l.rank, l.code, c.key"""),
        element_competency=frame(con, "SELECT element_id, competency, competency_group FROM market_element_competency"),
        aliases=frame(con, "SELECT alias, skill FROM market_skill_alias"),
        current_level=profile[0] if profile and profile[0] else None,
        current_pay=float(profile[1]) if profile and profile[1] is not None else None,
    )


def wage_history(con, soc_codes: list[str]) -> pd.DataFrame:
    """BLS OEWS percentiles per year for the given 6-digit SOC codes."""
    if not soc_codes:
        return pd.DataFrame(columns=["soc_code", "occ_title", "year", "annual_p10", "annual_p25", "annual_median",
                                     "annual_p75", "annual_p90", "employment", "topcoded_fields"])
    marks = ", ".join("?" for _ in soc_codes)
    return frame(con, f"""
        SELECT soc_code, occ_title, year, annual_p10, annual_p25, annual_median, annual_p75, annual_p90,
               employment, topcoded_fields
        FROM market_wage WHERE soc_code IN ({marks}) ORDER BY soc_code, year""", list(soc_codes))
