"""Writes for the promotion case, each user action in one transaction.

A case is created on its first write (a saved version, a review date, a plan entry), keyed by
target level and review cycle, so merely looking at a target level writes nothing.
"""

from __future__ import annotations

from careerdata.core.errors import InputError
from careerdata.journal.repo import insert_interaction
from careerdata.models.promotion import CaseKey, CaseVersion, LinkDecision, PlanStepLog, PlanStepStatus, ReviewDate
from careerdata.promotion.plan import PLAN_STEP_KEYS
from careerdata.store.db import Cursor, transaction


def _ensure_case(cur: Cursor, case: CaseKey) -> int:
    if not cur.execute("SELECT count(*) FROM ladder_level WHERE code = ?", [case.target_level]).fetchone()[0]:
        raise InputError(f"target_level: {case.target_level!r} is not a level of the current ladder")
    row = cur.execute(
        "SELECT id FROM promo_case WHERE target_level = ? AND cycle_start = ? AND cycle_end = ? ORDER BY id DESC LIMIT 1",
        [case.target_level, case.cycle_start, case.cycle_end]).fetchone()
    if row:
        return row[0]
    return cur.execute(
        "INSERT INTO promo_case (target_level, cycle_start, cycle_end) VALUES (?, ?, ?) RETURNING id",
        [case.target_level, case.cycle_start, case.cycle_end]).fetchone()[0]


def ensure_case(con, case: CaseKey) -> int:
    with transaction(con) as cur:
        return _ensure_case(cur, case)


def decide_links(con, decisions: list[LinkDecision]) -> int:
    """Confirm or reject suggested accomplishment -> competency links, all or nothing.

    A confirmed link counts as evidence like one made in the journal; a rejected one never
    counts and is not suggested again (the journal keeps both when the win is edited).
    """
    with transaction(con) as cur:
        for n, d in enumerate(decisions):
            if not cur.execute("SELECT count(*) FROM accomplishment WHERE id = ?", [d.accomplishment_id]).fetchone()[0]:
                raise InputError(f"decisions[{n}].accomplishment_id: accomplishment {d.accomplishment_id} does not "
                                 "exist (was it deleted?)")
            if not cur.execute("SELECT count(*) FROM competency WHERE key = ?", [d.competency_key]).fetchone()[0]:
                raise InputError(f"decisions[{n}].competency_key: {d.competency_key!r} is not in the current ladder")
            cur.execute(
                "INSERT OR REPLACE INTO accomplishment_competency (accomplishment_id, competency_key, status) "
                "VALUES (?, ?, ?)", [d.accomplishment_id, d.competency_key, d.decision])
    return len(decisions)


def undo_rejections(con, pairs: list[tuple[int, str]]) -> int:
    """Forget rejected suggestions so they can be suggested again (only rows that are rejected)."""
    with transaction(con) as cur:
        for acc_id, key in pairs:
            cur.execute("DELETE FROM accomplishment_competency WHERE accomplishment_id = ? AND competency_key = ? "
                        "AND status = 'rejected'", [acc_id, key])
    return len(pairs)


def save_version(con, case: CaseKey, version: CaseVersion) -> int:
    """Save a draft as the case's next version; returns its number (1, 2, ...)."""
    with transaction(con) as cur:
        case_id = _ensure_case(cur, case)
        number = cur.execute("SELECT coalesce(max(version), 0) + 1 FROM promo_case_version WHERE promo_case_id = ?",
                             [case_id]).fetchone()[0]
        cur.execute("INSERT INTO promo_case_version (promo_case_id, version, markdown, note) VALUES (?, ?, ?, ?)",
                    [case_id, number, version.markdown, version.note])
        return number


def set_review_date(con, case: CaseKey, review: ReviewDate) -> None:
    if review.cycle_start != case.cycle_start:
        raise InputError("review_date: checked against another cycle's start")
    with transaction(con) as cur:
        case_id = _ensure_case(cur, case)
        cur.execute("UPDATE promo_case SET review_date = ? WHERE id = ?", [review.review_date, case_id])


def _set_step(cur: Cursor, case_id: int, step_key: str, status: str, interaction_id: int | None) -> None:
    cur.execute(
        "INSERT OR REPLACE INTO promo_plan_step (promo_case_id, step_key, status, interaction_id, updated_at) "
        "VALUES (?, ?, ?, ?, current_timestamp)", [case_id, step_key, status, interaction_id])


def _check_step(step_key: str) -> None:
    if step_key not in PLAN_STEP_KEYS:
        raise InputError(f"step_key: unknown plan step {step_key!r}")


def log_plan_step(con, case: CaseKey, entry: PlanStepLog) -> int:
    """Log the conversation of a plan step as an interaction and mark the step done; returns the interaction id."""
    _check_step(entry.step_key)
    with transaction(con) as cur:
        case_id = _ensure_case(cur, case)
        interaction_id = insert_interaction(cur, entry.interaction, "interaction.")
        _set_step(cur, case_id, entry.step_key, "done", interaction_id)
        return interaction_id


def set_plan_step(con, case: CaseKey, change: PlanStepStatus) -> None:
    """Mark a step done without a conversation, skip it, or reopen it (a logged conversation stays linked)."""
    _check_step(change.step_key)
    with transaction(con) as cur:
        case_id = _ensure_case(cur, case)
        row = cur.execute("SELECT interaction_id FROM promo_plan_step WHERE promo_case_id = ? AND step_key = ?",
                          [case_id, change.step_key]).fetchone()
        _set_step(cur, case_id, change.step_key, change.status, row[0] if row else None)
