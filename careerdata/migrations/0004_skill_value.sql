-- skill market value: user links from skills to O*NET, default skill map, user value estimates
-- The default map (sample_data/market/skill_map.csv) is loaded with the market data;
-- the user's own links and estimates live in their own tables so a market reload keeps them.
CREATE TABLE market_skill_map (
    skill VARCHAR NOT NULL,
    element_id VARCHAR,
    technology VARCHAR,
    note VARCHAR,
    source VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE skill_map_user (
    skill_id BIGINT NOT NULL,
    element_id VARCHAR,
    technology VARCHAR,
    note VARCHAR NOT NULL DEFAULT '',
    CHECK (element_id IS NOT NULL OR technology IS NOT NULL)
);
CREATE TABLE skill_value_estimate (
    skill_id BIGINT PRIMARY KEY,
    value DOUBLE NOT NULL CHECK (value >= 0 AND value <= 300),
    note VARCHAR NOT NULL DEFAULT '',
    as_of DATE NOT NULL
);
