"""DuckDB file: where it lives, how it opens, its schema and its ordered migrations.

Opening a file always brings it to the latest schema inside one transaction, so an older
file is upgraded whole or not at all; a file written by a newer version of the app is
refused rather than guessed at. Errors are typed so the CLI and the app can say exactly
what is wrong (exit code 3 for an unusable database).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import duckdb

DEFAULT_DB = Path.home() / ".careerdata" / "career.duckdb"


class CareerDataError(Exception):
    """Base of errors a user can act on; `exit_code` is what the CLI returns."""

    exit_code = 1


class InputError(CareerDataError):
    """Bad input: a file, a form value or a command-line argument."""

    exit_code = 2


class DatabaseUnusableError(CareerDataError):
    """The database file cannot be used as it is (locked, newer, not DuckDB)."""

    exit_code = 3


class DatabaseLockedError(DatabaseUnusableError):
    pass


class SchemaTooNewError(DatabaseUnusableError):
    pass


class NotADatabaseError(DatabaseUnusableError):
    pass


def resolve_db_path(explicit: str | os.PathLike | None = None) -> Path:
    """--db beats CAREERDATA_DB beats ~/.careerdata/career.duckdb."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("CAREERDATA_DB")
    if env:
        return Path(env).expanduser()
    return DEFAULT_DB


# --- schema -----------------------------------------------------------------------------
# Foreign keys are enforced by the repository (DuckDB's FK support blocks deleting a parent
# and its children in one transaction); every id column below names the table it points to.

_V1_CORE = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name VARCHAR NOT NULL,
    headline VARCHAR NOT NULL DEFAULT '',
    current_title VARCHAR NOT NULL,
    current_level VARCHAR NOT NULL DEFAULT '',
    current_pay DOUBLE,
    review_cycle_start DATE,
    review_cycle_end DATE,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE seq_position;
CREATE TABLE position (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_position'),
    employer VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    level VARCHAR NOT NULL DEFAULT '',
    start_date DATE NOT NULL,
    end_date DATE
);

CREATE SEQUENCE seq_skill;
CREATE TABLE skill (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_skill'),
    name VARCHAR NOT NULL,
    name_key VARCHAR NOT NULL UNIQUE,
    kind VARCHAR NOT NULL CHECK (kind IN ('technical', 'domain', 'soft', 'leadership')),
    taxonomy_id VARCHAR,
    notes VARCHAR NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE seq_skill_assessment;
CREATE TABLE skill_assessment (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_skill_assessment'),
    skill_id BIGINT NOT NULL,
    as_of DATE NOT NULL,
    self_level INTEGER NOT NULL CHECK (self_level BETWEEN 1 AND 5),
    evidence_level DOUBLE,
    note VARCHAR NOT NULL DEFAULT '',
    recorded_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE seq_accomplishment;
CREATE TABLE accomplishment (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_accomplishment'),
    title VARCHAR NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE,
    employer VARCHAR,
    scope VARCHAR NOT NULL CHECK (scope IN ('team', 'org', 'company', 'external')),
    situation VARCHAR NOT NULL DEFAULT '',
    task VARCHAR NOT NULL DEFAULT '',
    action VARCHAR NOT NULL DEFAULT '',
    result VARCHAR NOT NULL DEFAULT '',
    links VARCHAR[] NOT NULL DEFAULT [],
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE accomplishment_skill (
    accomplishment_id BIGINT NOT NULL,
    skill_id BIGINT NOT NULL,
    PRIMARY KEY (accomplishment_id, skill_id)
);

CREATE TABLE accomplishment_competency (
    accomplishment_id BIGINT NOT NULL,
    competency_key VARCHAR NOT NULL,
    status VARCHAR NOT NULL DEFAULT 'linked' CHECK (status IN ('linked', 'confirmed', 'rejected')),
    PRIMARY KEY (accomplishment_id, competency_key)
);

CREATE SEQUENCE seq_impact_metric;
CREATE TABLE impact_metric (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_impact_metric'),
    accomplishment_id BIGINT NOT NULL,
    category VARCHAR NOT NULL
        CHECK (category IN ('revenue', 'cost', 'time', 'reliability', 'users', 'risk')),
    description VARCHAR NOT NULL,
    baseline DOUBLE,
    new_value DOUBLE,
    unit VARCHAR NOT NULL DEFAULT '',
    money_usd DOUBLE CHECK (money_usd >= 0),
    hours DOUBLE CHECK (hours >= 0),
    confidence VARCHAR NOT NULL CHECK (confidence IN ('verified', 'measured', 'estimated')),
    verified_by_contact_id BIGINT
);

CREATE TABLE ladder (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name VARCHAR NOT NULL,
    source VARCHAR NOT NULL DEFAULT '',
    loaded_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE ladder_level (
    code VARCHAR PRIMARY KEY,
    track VARCHAR NOT NULL CHECK (track IN ('IC', 'EM')),
    rank INTEGER NOT NULL,
    title VARCHAR NOT NULL,
    summary VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE competency (
    key VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    grp VARCHAR NOT NULL,
    description VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE level_expectation (
    level_code VARCHAR NOT NULL,
    competency_key VARCHAR NOT NULL,
    target INTEGER NOT NULL CHECK (target BETWEEN 1 AND 5),
    text VARCHAR NOT NULL,
    PRIMARY KEY (level_code, competency_key)
);

CREATE SEQUENCE seq_target_role;
CREATE TABLE target_role (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_target_role'),
    name VARCHAR NOT NULL,
    name_key VARCHAR NOT NULL UNIQUE,
    level VARCHAR NOT NULL DEFAULT '',
    company VARCHAR NOT NULL DEFAULT '',
    onet_soc_code VARCHAR,
    pay_min DOUBLE,
    pay_max DOUBLE,
    notes VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE target_role_skill (
    target_role_id BIGINT NOT NULL,
    skill_name VARCHAR NOT NULL,
    importance INTEGER NOT NULL CHECK (importance BETWEEN 1 AND 5),
    required_level INTEGER NOT NULL CHECK (required_level BETWEEN 1 AND 5),
    must_have BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (target_role_id, skill_name)
);
CREATE SEQUENCE seq_pay_point;
CREATE TABLE target_role_pay_point (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_pay_point'),
    target_role_id BIGINT NOT NULL,
    amount DOUBLE NOT NULL,
    kind VARCHAR NOT NULL,
    as_of DATE NOT NULL,
    note VARCHAR NOT NULL DEFAULT ''
);

CREATE SEQUENCE seq_contact;
CREATE TABLE contact (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_contact'),
    name VARCHAR NOT NULL,
    name_key VARCHAR NOT NULL UNIQUE,
    relationship VARCHAR NOT NULL,
    company VARCHAR NOT NULL DEFAULT '',
    title VARCHAR NOT NULL DEFAULT '',
    influence INTEGER NOT NULL CHECK (influence BETWEEN 1 AND 5),
    advocacy_stage VARCHAR NOT NULL
        CHECK (advocacy_stage IN ('unknown', 'aware', 'supporter', 'advocate', 'sponsor')),
    cadence_days INTEGER NOT NULL,
    notes VARCHAR NOT NULL DEFAULT ''
);
CREATE SEQUENCE seq_interaction;
CREATE TABLE interaction (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_interaction'),
    contact_id BIGINT NOT NULL,
    date DATE NOT NULL,
    channel VARCHAR NOT NULL,
    notes VARCHAR NOT NULL DEFAULT '',
    follow_up_due DATE
);
CREATE TABLE interaction_accomplishment (
    interaction_id BIGINT NOT NULL,
    accomplishment_id BIGINT NOT NULL,
    PRIMARY KEY (interaction_id, accomplishment_id)
);

CREATE SEQUENCE seq_visibility_item;
CREATE TABLE visibility_item (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_visibility_item'),
    title VARCHAR NOT NULL,
    kind VARCHAR NOT NULL CHECK (kind IN ('talk', 'post', 'oss', 'internal_demo', 'doc')),
    venue VARCHAR NOT NULL DEFAULT '',
    date DATE NOT NULL,
    audience VARCHAR NOT NULL DEFAULT '',
    reach INTEGER NOT NULL DEFAULT 0,
    is_external BOOLEAN NOT NULL DEFAULT false,
    url VARCHAR NOT NULL DEFAULT ''
);

CREATE SEQUENCE seq_opportunity;
CREATE TABLE opportunity (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_opportunity'),
    title VARCHAR NOT NULL,
    kind VARCHAR NOT NULL CHECK (kind IN ('promotion', 'internal_move', 'new_job')),
    company VARCHAR NOT NULL DEFAULT '',
    target_role_id BIGINT,
    stage VARCHAR NOT NULL
        CHECK (stage IN ('lead', 'conversation', 'application', 'interview', 'offer', 'accepted', 'lost')),
    opened_on DATE NOT NULL,
    next_step VARCHAR NOT NULL DEFAULT '',
    follow_up_due DATE,
    notes VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE opportunity_contact (
    opportunity_id BIGINT NOT NULL,
    contact_id BIGINT NOT NULL,
    PRIMARY KEY (opportunity_id, contact_id)
);
CREATE TABLE opportunity_stage (
    opportunity_id BIGINT NOT NULL,
    stage VARCHAR NOT NULL,
    entered_on DATE NOT NULL,
    PRIMARY KEY (opportunity_id, stage)
);

CREATE SEQUENCE seq_conversation;
CREATE TABLE conversation (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_conversation'),
    title VARCHAR NOT NULL,
    kind VARCHAR NOT NULL CHECK (kind IN ('raise', 'promotion', 'scope', 'on_call', 'other')),
    counterpart_contact_id BIGINT,
    planned_for DATE,
    goal VARCHAR NOT NULL DEFAULT '',
    talking_points VARCHAR NOT NULL DEFAULT '',
    anchor DOUBLE,
    target DOUBLE,
    walk_away DOUBLE,
    status VARCHAR NOT NULL CHECK (status IN ('planned', 'rehearsing', 'done', 'cancelled')),
    outcome VARCHAR NOT NULL DEFAULT ''
);
CREATE SEQUENCE seq_objection;
CREATE TABLE conversation_objection (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_objection'),
    conversation_id BIGINT NOT NULL,
    objection VARCHAR NOT NULL,
    answer VARCHAR NOT NULL DEFAULT ''
);
CREATE SEQUENCE seq_rehearsal;
CREATE TABLE conversation_rehearsal (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_rehearsal'),
    conversation_id BIGINT NOT NULL,
    date DATE NOT NULL,
    confidence_before INTEGER NOT NULL CHECK (confidence_before BETWEEN 1 AND 5),
    confidence_after INTEGER NOT NULL CHECK (confidence_after BETWEEN 1 AND 5),
    notes VARCHAR NOT NULL DEFAULT ''
);

CREATE SEQUENCE seq_promo_case;
CREATE TABLE promo_case (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_promo_case'),
    target_level VARCHAR NOT NULL,
    cycle_start DATE,
    cycle_end DATE,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE promo_case_version (
    promo_case_id BIGINT NOT NULL,
    version INTEGER NOT NULL,
    markdown VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (promo_case_id, version)
);
"""

_O_NET = "VARCHAR NOT NULL DEFAULT ''"

_V2_MARKET = f"""
CREATE TABLE market_occupation (
    onet_soc_code VARCHAR PRIMARY KEY, soc_code VARCHAR NOT NULL, title VARCHAR NOT NULL,
    description VARCHAR, job_zone INTEGER, job_zone_name VARCHAR, source {_O_NET}
);
CREATE TABLE market_role_skill (
    onet_soc_code VARCHAR NOT NULL, element_id VARCHAR NOT NULL, skill VARCHAR NOT NULL,
    importance DOUBLE, importance_n INTEGER, importance_suppress BOOLEAN, level DOUBLE,
    level_n INTEGER, level_suppress BOOLEAN, level_not_relevant BOOLEAN, date VARCHAR,
    domain_source VARCHAR, source {_O_NET}
);
CREATE TABLE market_role_knowledge (
    onet_soc_code VARCHAR NOT NULL, element_id VARCHAR NOT NULL, knowledge_area VARCHAR NOT NULL,
    importance DOUBLE, importance_n INTEGER, importance_suppress BOOLEAN, level DOUBLE,
    level_n INTEGER, level_suppress BOOLEAN, level_not_relevant BOOLEAN, date VARCHAR,
    domain_source VARCHAR, source {_O_NET}
);
CREATE TABLE market_skill_definition (
    element_id VARCHAR PRIMARY KEY, domain VARCHAR NOT NULL, name VARCHAR NOT NULL,
    description VARCHAR, source {_O_NET}
);
CREATE TABLE market_technology (
    onet_soc_code VARCHAR NOT NULL, technology VARCHAR NOT NULL, commodity_code VARCHAR,
    commodity_title VARCHAR, hot_technology BOOLEAN NOT NULL, in_demand BOOLEAN NOT NULL,
    source {_O_NET}
);
CREATE TABLE market_task (
    onet_soc_code VARCHAR NOT NULL, task_id VARCHAR NOT NULL, task VARCHAR NOT NULL,
    task_type VARCHAR, incumbents_responding INTEGER, date VARCHAR, domain_source VARCHAR,
    source {_O_NET}
);
CREATE TABLE market_job_title (
    onet_soc_code VARCHAR NOT NULL, job_title VARCHAR NOT NULL, short_title VARCHAR,
    title_sources VARCHAR, title_type VARCHAR, source {_O_NET}
);
CREATE TABLE market_related_occupation (
    onet_soc_code VARCHAR NOT NULL, related_onet_soc_code VARCHAR NOT NULL, related_title VARCHAR,
    relatedness_tier VARCHAR, rank INTEGER, source {_O_NET}
);
CREATE TABLE market_wage (
    soc_code VARCHAR NOT NULL, occ_title VARCHAR NOT NULL, o_group VARCHAR, year INTEGER NOT NULL,
    employment BIGINT, annual_mean DOUBLE, annual_p10 DOUBLE, annual_p25 DOUBLE,
    annual_median DOUBLE, annual_p75 DOUBLE, annual_p90 DOUBLE, hourly_median DOUBLE,
    employment_prse DOUBLE, mean_wage_prse DOUBLE, topcoded_fields VARCHAR, source {_O_NET}
);
CREATE TABLE market_role (
    onet_soc_code VARCHAR PRIMARY KEY, soc_code VARCHAR NOT NULL, title VARCHAR NOT NULL,
    job_zone INTEGER, wage_occ_title VARCHAR, year INTEGER, employment BIGINT, p10 DOUBLE,
    p25 DOUBLE, median_wage DOUBLE, p75 DOUBLE, p90 DOUBLE, mean_wage DOUBLE,
    topcoded_fields VARCHAR, wage_is_soc_aggregate BOOLEAN, source {_O_NET}
);
CREATE TABLE market_projection (
    soc_code VARCHAR PRIMARY KEY, title VARCHAR NOT NULL, occupation_type VARCHAR,
    employment_2024_thousands DOUBLE, employment_2034_thousands DOUBLE,
    change_2024_34_thousands DOUBLE, change_2024_34_pct DOUBLE, annual_openings_thousands DOUBLE,
    pct_self_employed_2024 DOUBLE, median_annual_wage_2024 DOUBLE, typical_entry_education VARCHAR,
    work_experience VARCHAR, on_the_job_training VARCHAR, source {_O_NET}
);
CREATE TABLE market_webframework (
    survey_year INTEGER NOT NULL, framework VARCHAR NOT NULL, respondents_used INTEGER,
    share_used DOUBLE, respondents_want INTEGER, share_want DOUBLE, used_and_want_again INTEGER,
    admired_share DOUBLE, source {_O_NET}
);
CREATE TABLE market_proxy (
    onet_soc_code VARCHAR PRIMARY KEY, proxy_onet_soc_code VARCHAR NOT NULL, reason VARCHAR NOT NULL
);
CREATE TABLE market_source (
    table_name VARCHAR PRIMARY KEY, file VARCHAR NOT NULL, rows BIGINT NOT NULL,
    attribution VARCHAR NOT NULL, loaded_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
"""

_V3_VIEWS = """
CREATE VIEW v_skill_latest AS
SELECT s.id AS skill_id, s.name, s.kind, s.taxonomy_id,
       a.self_level, a.as_of AS assessed_on
FROM skill s
LEFT JOIN (
    SELECT skill_id, self_level, as_of,
           row_number() OVER (PARTITION BY skill_id ORDER BY as_of DESC, id DESC) AS rn
    FROM skill_assessment
) a ON a.skill_id = s.id AND a.rn = 1;

CREATE VIEW v_contact_touch AS
SELECT c.*, max(i.date) AS last_interaction, count(i.id) AS interactions
FROM contact c LEFT JOIN interaction i ON i.contact_id = c.id
GROUP BY ALL;

CREATE VIEW v_accomplishment_evidence AS
SELECT a.id AS accomplishment_id, a.title, a.start_date, coalesce(a.end_date, a.start_date) AS done_on,
       a.scope, a.employer,
       count(m.id) AS metrics,
       coalesce(sum(m.money_usd), 0) AS money_usd,
       coalesce(sum(m.hours), 0) AS hours
FROM accomplishment a LEFT JOIN impact_metric m ON m.accomplishment_id = a.id
GROUP BY ALL;
"""

# Ordered migrations: (version, what it does, SQL). Append only; never edit a released one.
MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "core career entities", _V1_CORE),
    (2, "public market reference tables", _V2_MARKET),
    (3, "derived views: latest skill level, last touch, evidence per accomplishment", _V3_VIEWS),
]
LATEST_VERSION = MIGRATIONS[-1][0]


def _classify(err: Exception, path: Path) -> CareerDataError:
    text = str(err)
    if "lock" in text.lower():
        return DatabaseLockedError(
            f"{path} is in use by another process (the dashboard or another careerdata command). "
            "Close it, or use a copy of the file, then try again."
        )
    if "not a valid DuckDB database" in text:
        return NotADatabaseError(f"{path} is not a DuckDB database file; point --db at a .duckdb file.")
    return DatabaseUnusableError(f"cannot open {path}: {text.splitlines()[0]}")


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """0 for a new, empty file."""
    has_table = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()[0]
    if not has_table:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection, path: Path | str = "", target: int | None = None) -> int:
    """Bring the file to `target` (default latest) in one transaction; return the new version."""
    target = LATEST_VERSION if target is None else target
    current = schema_version(con)
    if current > LATEST_VERSION:
        raise SchemaTooNewError(
            f"{path} has schema version {current}, but this careerdata understands up to "
            f"{LATEST_VERSION}. Upgrade careerdata to open it; the file was not changed."
        )
    if current >= target:
        return current
    cur = con.cursor()
    cur.execute("BEGIN TRANSACTION")
    try:
        if current == 0:
            cur.execute(
                "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR, "
                "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
            )
        for version, description, sql in MIGRATIONS:
            if current < version <= target:
                cur.execute(sql)
                cur.execute(
                    "INSERT INTO schema_version (version, description) VALUES (?, ?)", [version, description]
                )
        cur.execute("COMMIT")
    except Exception:
        cur.execute("ROLLBACK")
        raise
    return target


def connect(path: str | os.PathLike, *, create: bool = True, migrate_to: int | None = None) -> duckdb.DuckDBPyConnection:
    """Open (and create if asked) a career file, upgraded to the latest schema."""
    path = Path(path)
    if not create and not path.exists():
        raise InputError(f"{path} does not exist; create it with `careerdata init --db {path}`.")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path))
    except duckdb.Error as err:
        raise _classify(err, path) from None
    try:
        migrate(con, path, migrate_to)
    except CareerDataError:
        con.close()
        raise
    except duckdb.Error as err:
        con.close()
        raise _classify(err, path) from None
    return con


def get_meta(con: duckdb.DuckDBPyConnection, key: str, default: str | None = None) -> str | None:
    row = con.cursor().execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh cursor in its own transaction: commit on success, roll back on any error."""
    cur = con.cursor()
    cur.execute("BEGIN TRANSACTION")
    try:
        yield cur
    except BaseException:
        cur.execute("ROLLBACK")
        raise
    else:
        cur.execute("COMMIT")
    finally:
        cur.close()


CORE_TABLES = (
    "profile",
    "position",
    "skill",
    "skill_assessment",
    "accomplishment",
    "impact_metric",
    "contact",
    "interaction",
    "visibility_item",
    "target_role",
    "opportunity",
    "conversation",
    "ladder_level",
    "competency",
    "level_expectation",
    "promo_case",
    "market_occupation",
    "market_role",
    "market_role_skill",
    "market_technology",
    "market_wage",
    "market_projection",
)


def row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per table, for `careerdata info` (table names come from the allowlist above)."""
    cur = con.cursor()
    return {t: cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in CORE_TABLES}


def today() -> dt.date:
    """The date the app treats as today (CAREERDATA_TODAY pins it for demos and tests)."""
    pinned = os.environ.get("CAREERDATA_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()
