-- offers: job offers and the current job's pay package, and the negotiation conversation drafted from one
-- Money is exact (DECIMAL); every amount is in the row's own currency. An offer belongs to an
-- opportunity (opportunity_id) or is the current job (is_current_job); the repository enforces
-- that the opportunity exists and that there is at most one current job.
CREATE SEQUENCE seq_offer;
CREATE TABLE offer (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_offer'),
    opportunity_id BIGINT,
    is_current_job BOOLEAN NOT NULL DEFAULT false,
    company VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    level VARCHAR NOT NULL DEFAULT '',
    onet_soc_code VARCHAR,
    currency VARCHAR NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
    base DECIMAL(14, 2) NOT NULL CHECK (base >= 0),
    bonus_pct DECIMAL(7, 3) CHECK (bonus_pct >= 0),
    bonus_amount DECIMAL(14, 2) CHECK (bonus_amount >= 0),
    sign_on DECIMAL(14, 2) NOT NULL DEFAULT 0 CHECK (sign_on >= 0),
    sign_on_clawback_months INTEGER NOT NULL DEFAULT 0 CHECK (sign_on_clawback_months BETWEEN 0 AND 60),
    equity_kind VARCHAR NOT NULL DEFAULT 'none' CHECK (equity_kind IN ('none', 'rsu', 'options')),
    equity_value DECIMAL(14, 2) CHECK (equity_value >= 0),
    option_count DECIMAL(16, 4) CHECK (option_count >= 0),
    strike DECIMAL(14, 4) CHECK (strike >= 0),
    current_price DECIMAL(14, 4) CHECK (current_price >= 0),
    vesting VARCHAR NOT NULL DEFAULT '25/25/25/25',
    cliff_months INTEGER NOT NULL DEFAULT 0 CHECK (cliff_months BETWEEN 0 AND 60),
    refresh_per_year DECIMAL(14, 2) NOT NULL DEFAULT 0 CHECK (refresh_per_year >= 0),
    benefits_value DECIMAL(14, 2) NOT NULL DEFAULT 0 CHECK (benefits_value >= 0),
    start_date DATE,
    notes VARCHAR NOT NULL DEFAULT ''
);
-- The negotiation drafted from an offer lives in Conversations; this says which offer it is for.
CREATE TABLE offer_conversation (
    offer_id BIGINT PRIMARY KEY,
    conversation_id BIGINT NOT NULL
);
