-- seniority: posting alias table and the O*NET element -> ladder competency map (both shipped data)
-- sample_data/market/skill_aliases.csv: other words for a skill in job postings (k8s -> Kubernetes).
-- sample_data/market/element_competency.csv: which ladder competency an O*NET element evidences, so
-- the value model can read what the ladder expects at the target level. Loaded with the market data.
CREATE TABLE market_skill_alias (
    alias VARCHAR NOT NULL,
    skill VARCHAR NOT NULL,
    note VARCHAR
);
CREATE TABLE market_element_competency (
    element_id VARCHAR NOT NULL,
    competency VARCHAR NOT NULL,
    competency_group VARCHAR NOT NULL,
    note VARCHAR
);
