-- one meaning of "sponsor": the advocacy stage; the relationship "sponsor" becomes "senior_leader"
-- A contact's relationship says who they are to you, their advocacy stage what they would do for you.
-- "Sponsor" was both. A contact you filed as your sponsor keeps that: their advocacy stage becomes
-- "sponsor" (whatever stage was recorded), and their relationship "senior_leader". The cadence tier
-- of that name follows with its own ideal and maximum days. Both tables are rebuilt with a CHECK on
-- the relationship (careerdata.core.vocab.RELATIONSHIPS), so no other value can be stored.
UPDATE contact SET advocacy_stage = 'sponsor', relationship = 'senior_leader' WHERE relationship = 'sponsor';
UPDATE cadence_tier SET relationship = 'senior_leader' WHERE relationship = 'sponsor';

CREATE TABLE contact_0016 (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_contact'),
    name VARCHAR NOT NULL,
    name_key VARCHAR NOT NULL UNIQUE,
    relationship VARCHAR NOT NULL
        CHECK (relationship IN ('manager', 'skip', 'senior_leader', 'mentor', 'peer', 'report', 'stakeholder', 'recruiter')),
    company VARCHAR NOT NULL DEFAULT '',
    title VARCHAR NOT NULL DEFAULT '',
    influence INTEGER NOT NULL CHECK (influence BETWEEN 1 AND 5),
    advocacy_stage VARCHAR NOT NULL
        CHECK (advocacy_stage IN ('unknown', 'aware', 'supporter', 'advocate', 'sponsor')),
    cadence_days INTEGER NOT NULL,
    notes VARCHAR NOT NULL DEFAULT ''
);
INSERT INTO contact_0016 (id, name, name_key, relationship, company, title, influence, advocacy_stage, cadence_days,
                          notes)
SELECT id, name, name_key, relationship, company, title, influence, advocacy_stage, cadence_days, notes FROM contact;
DROP TABLE contact;
ALTER TABLE contact_0016 RENAME TO contact;

CREATE TABLE cadence_tier_0016 (
    relationship VARCHAR PRIMARY KEY
        CHECK (relationship IN ('manager', 'skip', 'senior_leader', 'mentor', 'peer', 'report', 'stakeholder', 'recruiter')),
    ideal_days INTEGER NOT NULL CHECK (ideal_days BETWEEN 1 AND 730),
    max_days INTEGER NOT NULL CHECK (max_days BETWEEN 1 AND 1460),
    CHECK (max_days >= ideal_days)
);
INSERT INTO cadence_tier_0016 (relationship, ideal_days, max_days)
SELECT relationship, ideal_days, max_days FROM cadence_tier;
DROP TABLE cadence_tier;
ALTER TABLE cadence_tier_0016 RENAME TO cadence_tier;
