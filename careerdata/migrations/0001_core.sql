-- core career entities
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
