-- public market reference tables
CREATE TABLE market_occupation (
    onet_soc_code VARCHAR PRIMARY KEY, soc_code VARCHAR NOT NULL, title VARCHAR NOT NULL,
    description VARCHAR, job_zone INTEGER, job_zone_name VARCHAR, source VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE market_role_skill (
    onet_soc_code VARCHAR NOT NULL, element_id VARCHAR NOT NULL, skill VARCHAR NOT NULL,
    importance DOUBLE, importance_n INTEGER, importance_suppress BOOLEAN, level DOUBLE,
    level_n INTEGER, level_suppress BOOLEAN, level_not_relevant BOOLEAN, date VARCHAR,
    domain_source VARCHAR, source VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE market_role_knowledge (
    onet_soc_code VARCHAR NOT NULL, element_id VARCHAR NOT NULL, knowledge_area VARCHAR NOT NULL,
    importance DOUBLE, importance_n INTEGER, importance_suppress BOOLEAN, level DOUBLE,
    level_n INTEGER, level_suppress BOOLEAN, level_not_relevant BOOLEAN, date VARCHAR,
    domain_source VARCHAR, source VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE market_skill_definition (
    element_id VARCHAR PRIMARY KEY, domain VARCHAR NOT NULL, name VARCHAR NOT NULL,
    description VARCHAR, source VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE market_technology (
    onet_soc_code VARCHAR NOT NULL, technology VARCHAR NOT NULL, commodity_code VARCHAR,
    commodity_title VARCHAR, hot_technology BOOLEAN NOT NULL, in_demand BOOLEAN NOT NULL,
    source VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE market_task (
    onet_soc_code VARCHAR NOT NULL, task_id VARCHAR NOT NULL, task VARCHAR NOT NULL,
    task_type VARCHAR, incumbents_responding INTEGER, date VARCHAR, domain_source VARCHAR,
    source VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE market_job_title (
    onet_soc_code VARCHAR NOT NULL, job_title VARCHAR NOT NULL, short_title VARCHAR,
    title_sources VARCHAR, title_type VARCHAR, source VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE market_related_occupation (
    onet_soc_code VARCHAR NOT NULL, related_onet_soc_code VARCHAR NOT NULL, related_title VARCHAR,
    relatedness_tier VARCHAR, rank INTEGER, source VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE market_wage (
    soc_code VARCHAR NOT NULL, occ_title VARCHAR NOT NULL, o_group VARCHAR, year INTEGER NOT NULL,
    employment BIGINT, annual_mean DOUBLE, annual_p10 DOUBLE, annual_p25 DOUBLE,
    annual_median DOUBLE, annual_p75 DOUBLE, annual_p90 DOUBLE, hourly_median DOUBLE,
    employment_prse DOUBLE, mean_wage_prse DOUBLE, topcoded_fields VARCHAR, source VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE market_role (
    onet_soc_code VARCHAR PRIMARY KEY, soc_code VARCHAR NOT NULL, title VARCHAR NOT NULL,
    job_zone INTEGER, wage_occ_title VARCHAR, year INTEGER, employment BIGINT, p10 DOUBLE,
    p25 DOUBLE, median_wage DOUBLE, p75 DOUBLE, p90 DOUBLE, mean_wage DOUBLE,
    topcoded_fields VARCHAR, wage_is_soc_aggregate BOOLEAN, source VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE market_projection (
    soc_code VARCHAR PRIMARY KEY, title VARCHAR NOT NULL, occupation_type VARCHAR,
    employment_2024_thousands DOUBLE, employment_2034_thousands DOUBLE,
    change_2024_34_thousands DOUBLE, change_2024_34_pct DOUBLE, annual_openings_thousands DOUBLE,
    pct_self_employed_2024 DOUBLE, median_annual_wage_2024 DOUBLE, typical_entry_education VARCHAR,
    work_experience VARCHAR, on_the_job_training VARCHAR, source VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE market_webframework (
    survey_year INTEGER NOT NULL, framework VARCHAR NOT NULL, respondents_used INTEGER,
    share_used DOUBLE, respondents_want INTEGER, share_want DOUBLE, used_and_want_again INTEGER,
    admired_share DOUBLE, source VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE market_proxy (
    onet_soc_code VARCHAR PRIMARY KEY, proxy_onet_soc_code VARCHAR NOT NULL, reason VARCHAR NOT NULL
);
CREATE TABLE market_source (
    table_name VARCHAR PRIMARY KEY, file VARCHAR NOT NULL, rows BIGINT NOT NULL,
    attribution VARCHAR NOT NULL, loaded_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
