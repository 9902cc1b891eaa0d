-- pitch builder: saved versions of the 30-second and 2-minute pitch per target
-- A target is one of the user's target roles (target_role_id) or, when they have none, an O*NET
-- occupation; target_key ('role:<id>' or 'onet:<O*NET-SOC code>') groups the versions of one
-- target, and target_label keeps the name it had when the version was saved.
-- Versions are append-only: saving an edit adds version n + 1, so earlier drafts stay readable.
CREATE SEQUENCE seq_pitch;
CREATE TABLE pitch (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_pitch'),
    target_key VARCHAR NOT NULL,
    target_role_id BIGINT,
    target_label VARCHAR NOT NULL,
    kind VARCHAR NOT NULL CHECK (kind IN ('30s', '2min')),
    version INTEGER NOT NULL CHECK (version >= 1),
    text VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    UNIQUE (target_key, kind, version)
);
