-- career sales: cadence tiers, visibility expectations, conversation pay occupation
-- Keep-in-touch cadence per relationship tier: the ideal number of days between touches and
-- the maximum before the relationship counts as lost touch. A contact's own cadence_days is
-- its ideal; its maximum scales with the tier (see careerdata/analytics/sales.py).
CREATE TABLE cadence_tier (
    relationship VARCHAR PRIMARY KEY,
    ideal_days INTEGER NOT NULL CHECK (ideal_days BETWEEN 1 AND 730),
    max_days INTEGER NOT NULL CHECK (max_days BETWEEN 1 AND 1460),
    CHECK (max_days >= ideal_days)
);
INSERT INTO cadence_tier (relationship, ideal_days, max_days) VALUES
    ('manager', 14, 21),
    ('report', 14, 21),
    ('skip', 30, 45),
    ('sponsor', 30, 45),
    ('mentor', 45, 90),
    ('peer', 60, 120),
    ('stakeholder', 60, 120),
    ('recruiter', 90, 180);

-- What "visible" means at each influence proficiency (the `target` 1-5 of the ladder's influence
-- competency): talks, posts, demos, docs and open-source work per 12 months, and how many of them
-- reach people outside the company. Defaults are this product's rule of thumb; users edit them.
CREATE TABLE visibility_expectation (
    influence_target INTEGER PRIMARY KEY CHECK (influence_target BETWEEN 1 AND 5),
    items_per_year INTEGER NOT NULL CHECK (items_per_year BETWEEN 0 AND 365),
    external_per_year INTEGER NOT NULL CHECK (external_per_year BETWEEN 0 AND 365),
    CHECK (external_per_year <= items_per_year)
);
INSERT INTO visibility_expectation (influence_target, items_per_year, external_per_year) VALUES
    (1, 1, 0),
    (2, 3, 0),
    (3, 5, 1),
    (4, 8, 2),
    (5, 12, 4);

-- The O*NET-SOC occupation whose BLS pay percentiles a conversation's talking points quote.
CREATE TABLE conversation_market (
    conversation_id BIGINT PRIMARY KEY,
    onet_soc_code VARCHAR NOT NULL
);
