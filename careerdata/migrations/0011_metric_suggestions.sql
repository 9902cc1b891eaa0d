-- metric suggestions: figures read from imported text, waiting for the user's confirmation
-- An import reads numbers in a win's text ("from 6 h to 20 min", "used by 40 internal teams",
-- "$1.2M a year") as suggested impact metrics. They count nowhere until the user confirms one
-- in the Journal, which writes a real impact_metric (confidence "estimated") and marks the
-- suggestion confirmed; a dismissed one is kept so the same import never offers it again.
CREATE SEQUENCE seq_metric_suggestion;
CREATE TABLE metric_suggestion (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_metric_suggestion'),
    accomplishment_id BIGINT NOT NULL,
    category VARCHAR NOT NULL
        CHECK (category IN ('revenue', 'cost', 'time', 'reliability', 'users', 'risk')),
    description VARCHAR NOT NULL,
    baseline DOUBLE,
    new_value DOUBLE,
    unit VARCHAR NOT NULL DEFAULT '',
    money_usd DOUBLE CHECK (money_usd IS NULL OR money_usd >= 0),
    source VARCHAR NOT NULL DEFAULT '',
    status VARCHAR NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed')),
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE INDEX metric_suggestion_accomplishment ON metric_suggestion (accomplishment_id);
