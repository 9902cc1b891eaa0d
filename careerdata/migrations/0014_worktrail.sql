-- Work trail: candidate wins read from git history or a GitHub CLI export, waiting in the
-- Journal's review queue until the user accepts (they become an accomplishment), merges several
-- into one, or dismisses them. Dismissed candidates stay, so a re-run never offers them again.
CREATE SEQUENCE seq_win_candidate;
CREATE TABLE win_candidate (
    id BIGINT PRIMARY KEY DEFAULT nextval('seq_win_candidate'),
    source VARCHAR NOT NULL CHECK (source IN ('git', 'gh')),
    repo VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    change_type VARCHAR NOT NULL DEFAULT '',
    commits INTEGER NOT NULL DEFAULT 0,
    files_touched INTEGER NOT NULL DEFAULT 0,
    lines_added INTEGER NOT NULL DEFAULT 0,
    lines_removed INTEGER NOT NULL DEFAULT 0,
    summary VARCHAR NOT NULL DEFAULT '',
    details VARCHAR NOT NULL DEFAULT '',
    url VARCHAR NOT NULL DEFAULT '',
    status VARCHAR NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'dismissed')),
    accomplishment_id BIGINT,
    imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    CHECK (end_date >= start_date)
);
-- What makes an import idempotent: a commit hash (git) or a pull request's url (gh) is taken once.
CREATE TABLE win_candidate_source (
    source_key VARCHAR PRIMARY KEY,
    candidate_id BIGINT NOT NULL
);
-- The people who know the win: co-authors (Co-authored-by trailers) and reviewers.
CREATE TABLE win_candidate_contact (
    candidate_id BIGINT NOT NULL,
    contact_id BIGINT NOT NULL,
    how VARCHAR NOT NULL CHECK (how IN ('co-author', 'reviewer')),
    PRIMARY KEY (candidate_id, contact_id)
);
-- The weekly check-in: one row per week (its Monday).
CREATE TABLE weekly_checkin (
    week_start DATE PRIMARY KEY,
    shipped VARCHAR NOT NULL DEFAULT '',
    told VARCHAR NOT NULL DEFAULT '',
    visible VARCHAR NOT NULL DEFAULT '',
    done_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
-- This file's own id: calendar exports derive stable event UIDs from it (careerdata/import_export/ics.py).
INSERT INTO meta (key, value) SELECT 'file_id', uuid()::VARCHAR WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'file_id');
