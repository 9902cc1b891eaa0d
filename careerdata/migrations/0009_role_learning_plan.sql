-- learning plan: the user's effort estimate (weeks) to close each skill gap of a target role
CREATE TABLE target_role_gap_effort (
    target_role_id BIGINT NOT NULL,
    skill_name VARCHAR NOT NULL,
    effort_weeks DOUBLE NOT NULL CHECK (effort_weeks > 0 AND effort_weeks <= 520),
    PRIMARY KEY (target_role_id, skill_name)
);
