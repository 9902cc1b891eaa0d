"""Load the shipped public market data (O*NET, BLS) into the reference tables.

Each CSV is matched by file name and its columns by header name, so a newer release of the
same files (extra columns, more rows, another year) loads without code changes; a missing
column or a value of the wrong type is refused with the file and column named, and the
tables keep what they had (one transaction).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from careerdata.core.errors import InputError
from careerdata.store.db import transaction

MARKET_DIR = Path(__file__).resolve().parents[2] / "sample_data" / "market"

ONET_ATTRIBUTION = (
    "This product includes information from the O*NET® 29.3 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET® is a trademark of USDOL/ETA. Career Product Dashboard has modified all or some of this "
    "information. USDOL/ETA has not approved, endorsed, or tested these modifications."
)
OEWS_ATTRIBUTION = (
    "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS), "
    "May 2021–May 2025 national estimates (public domain)."
)
PROJECTIONS_ATTRIBUTION = "Source: Employment Projections program, U.S. Bureau of Labor Statistics, 2024–34 (public domain)."
SO_ATTRIBUTION = (
    "Web-framework usage derived from the Stack Overflow Annual Developer Survey 2018–2025 "
    "(ODbL 1.0), aggregated by thibaudcolas/timeline-of-django."
)
PROXY_ATTRIBUTION = "Stand-in occupations chosen by this project where O*NET 29.3 has no ratings (not O*NET data)."
SKILL_MAP_ATTRIBUTION = "Default links from common skill names to O*NET elements and technologies, chosen by this project."
ALIAS_ATTRIBUTION = "Other words for a skill in job postings (k8s for Kubernetes), maintained by this project."
COMPETENCY_MAP_ATTRIBUTION = ("Which career-ladder competency each O*NET element evidences, chosen by this project "
                              "(not O*NET data).")


@dataclass(frozen=True)
class MarketFile:
    table: str
    file: str
    columns: tuple[tuple[str, str], ...]  # (column, DuckDB type); all required
    attribution: str
    optional: bool = False


def _cols(spec: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in spec.split(","):
        name, _, typ = item.strip().partition(" ")
        pairs.append((name, typ or "VARCHAR"))
    return tuple(pairs)


_RATING = (
    "onet_soc_code, element_id, {name}, importance DOUBLE, importance_n INTEGER, "
    "importance_suppress BOOLEAN, level DOUBLE, level_n INTEGER, level_suppress BOOLEAN, "
    "level_not_relevant BOOLEAN, date, domain_source, source"
)

MARKET_FILES: tuple[MarketFile, ...] = (
    MarketFile("market_occupation", "occupations.csv",
               _cols("onet_soc_code, soc_code, title, description, job_zone INTEGER, job_zone_name, source"),
               ONET_ATTRIBUTION),
    MarketFile("market_role_skill", "role_skills.csv", _cols(_RATING.format(name="skill")), ONET_ATTRIBUTION),
    MarketFile("market_role_knowledge", "role_knowledge.csv", _cols(_RATING.format(name="knowledge_area")),
               ONET_ATTRIBUTION),
    MarketFile("market_skill_definition", "skill_definitions.csv",
               _cols("element_id, domain, name, description, source"), ONET_ATTRIBUTION),
    MarketFile("market_technology", "technology_skills.csv",
               _cols("onet_soc_code, technology, commodity_code, commodity_title, hot_technology BOOLEAN, "
                     "in_demand BOOLEAN, source"), ONET_ATTRIBUTION),
    MarketFile("market_task", "tasks.csv",
               _cols("onet_soc_code, task_id, task, task_type, incumbents_responding INTEGER, date, "
                     "domain_source, source"), ONET_ATTRIBUTION),
    MarketFile("market_job_title", "job_titles.csv",
               _cols("onet_soc_code, job_title, short_title, title_sources, title_type, source"), ONET_ATTRIBUTION),
    MarketFile("market_related_occupation", "related_occupations.csv",
               _cols("onet_soc_code, related_onet_soc_code, related_title, relatedness_tier, rank INTEGER, source"),
               ONET_ATTRIBUTION),
    MarketFile("market_wage", "wages_oews.csv",
               _cols("soc_code, occ_title, o_group, year INTEGER, employment BIGINT, annual_mean DOUBLE, "
                     "annual_p10 DOUBLE, annual_p25 DOUBLE, annual_median DOUBLE, annual_p75 DOUBLE, "
                     "annual_p90 DOUBLE, hourly_median DOUBLE, employment_prse DOUBLE, mean_wage_prse DOUBLE, "
                     "topcoded_fields, source"), OEWS_ATTRIBUTION),
    MarketFile("market_role", "roles.csv",
               _cols("onet_soc_code, soc_code, title, job_zone INTEGER, wage_occ_title, year INTEGER, "
                     "employment BIGINT, p10 DOUBLE, p25 DOUBLE, median_wage DOUBLE, p75 DOUBLE, p90 DOUBLE, "
                     "mean_wage DOUBLE, topcoded_fields, wage_is_soc_aggregate BOOLEAN, source"),
               f"{ONET_ATTRIBUTION}\n{OEWS_ATTRIBUTION}"),
    MarketFile("market_projection", "employment_projections.csv",
               _cols("soc_code, title, occupation_type, employment_2024_thousands DOUBLE, "
                     "employment_2034_thousands DOUBLE, change_2024_34_thousands DOUBLE, "
                     "change_2024_34_pct DOUBLE, annual_openings_thousands DOUBLE, pct_self_employed_2024 DOUBLE, "
                     "median_annual_wage_2024 DOUBLE, typical_entry_education, work_experience, "
                     "on_the_job_training, source"), PROJECTIONS_ATTRIBUTION),
    MarketFile("market_webframework", "so_webframework_usage.csv",
               _cols("survey_year INTEGER, framework, respondents_used INTEGER, share_used DOUBLE, "
                     "respondents_want INTEGER, share_want DOUBLE, used_and_want_again INTEGER, "
                     "admired_share DOUBLE, source"), SO_ATTRIBUTION, optional=True),
    MarketFile("market_proxy", "proxies.csv", _cols("onet_soc_code, proxy_onet_soc_code, reason"),
               PROXY_ATTRIBUTION, optional=True),
    MarketFile("market_skill_map", "skill_map.csv", _cols("skill, element_id, technology, note"),
               SKILL_MAP_ATTRIBUTION, optional=True),
    MarketFile("market_skill_alias", "skill_aliases.csv", _cols("alias, skill, note"), ALIAS_ATTRIBUTION,
               optional=True),
    MarketFile("market_element_competency", "element_competency.csv",
               _cols("element_id, competency, competency_group, note"), COMPETENCY_MAP_ATTRIBUTION, optional=True),
)


def _header(cur: duckdb.DuckDBPyConnection, path: Path) -> list[str]:
    rows = cur.execute(
        "DESCRIBE SELECT * FROM read_csv(?, header = true, all_varchar = true)", [str(path)]
    ).fetchall()
    return [r[0] for r in rows]


def _load_one(cur: duckdb.DuckDBPyConnection, spec: MarketFile, path: Path) -> int:
    header = {h.casefold(): h for h in _header(cur, path)}
    missing = [c for c, _ in spec.columns if c.casefold() not in header]
    if missing:
        raise InputError(f"{path.name}: missing column(s) {', '.join(missing)}")
    selects = []
    for col, typ in spec.columns:
        src = '"' + header[col.casefold()].replace('"', '""') + '"'
        # Empty cells mean "not available" in these files; only text columns keep the text 'None'.
        value = f"NULLIF(trim({src}), '')"
        selects.append(f"CAST({value} AS {typ})" if typ != "VARCHAR" else value)
    names = ", ".join(c for c, _ in spec.columns)
    cur.execute(f"DELETE FROM {spec.table}")
    try:
        cur.execute(
            f"INSERT INTO {spec.table} ({names}) SELECT {', '.join(selects)} "
            "FROM read_csv(?, header = true, all_varchar = true)",
            [str(path)],
        )
    except duckdb.Error as err:
        first = str(err).splitlines()[0]
        raise InputError(f"{path.name}: a value does not fit its column ({first})") from None
    rows = cur.execute(f"SELECT count(*) FROM {spec.table}").fetchone()[0]
    cur.execute(
        "INSERT OR REPLACE INTO market_source (table_name, file, rows, attribution) VALUES (?, ?, ?, ?)",
        [spec.table, path.name, rows, spec.attribution],
    )
    return rows


def load_market_data(con: duckdb.DuckDBPyConnection, folder: Path | str = MARKET_DIR) -> dict[str, int]:
    """Replace every market table from the CSVs in `folder`; return rows loaded per table."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder of market data CSV files")
    loaded: dict[str, int] = {}
    with transaction(con) as cur:
        for spec in MARKET_FILES:
            path = folder / spec.file
            if not path.exists():
                if spec.optional:
                    continue
                raise InputError(f"{folder}: missing {spec.file}")
            loaded[spec.table] = _load_one(cur, spec, path)
    return loaded


def attributions(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Distinct attribution texts of the market data actually loaded, O*NET first, for the About page."""
    rows = con.cursor().execute("SELECT attribution FROM market_source ORDER BY table_name").fetchall()
    texts = dict.fromkeys(line for (text,) in rows for line in text.splitlines() if line.strip())
    return sorted(texts, key=lambda t: (not t.startswith("This product includes information from the O*NET"), t))


def load_missing(con: duckdb.DuckDBPyConnection, folder: Path | str = MARKET_DIR) -> list[str]:
    """Fill market tables that are still empty (e.g. a table added by a newer migration).

    A file upgraded to a schema with a new reference table gets its shipped data on first
    open, without touching tables the user may have reloaded from a newer release.
    """
    folder = Path(folder)
    filled = []
    with transaction(con) as cur:
        for spec in MARKET_FILES:
            path = folder / spec.file
            if not path.exists() or cur.execute(f"SELECT count(*) FROM {spec.table}").fetchone()[0]:
                continue
            _load_one(cur, spec, path)
            filled.append(spec.table)
    return filled
