-- promotion case: review date, version notes and the cultivating-the-lead plan steps
-- A case is one target level in one review cycle (promo_case); its drafts are promo_case_version.
-- The plan's steps and due dates are computed from review_date (careerdata.analytics.promotion);
-- only what the user did with each step is stored here, keyed by the step's stable key.
ALTER TABLE promo_case ADD COLUMN review_date DATE;
ALTER TABLE promo_case_version ADD COLUMN note VARCHAR DEFAULT '';

CREATE TABLE promo_plan_step (
    promo_case_id BIGINT NOT NULL,
    step_key VARCHAR NOT NULL,
    status VARCHAR NOT NULL CHECK (status IN ('open', 'done', 'skipped')),
    interaction_id BIGINT,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (promo_case_id, step_key)
);
